/**
 * Detection: a plain-text file shown in an editor whose first 64 KB look like a scraped news dump (core
 * `scoreDump`) is switched to the Scraped News language according to `scrapedNews.detection`:
 *  - `auto`: switched at once;
 *  - `ask`: a notification "Treat as Scraped News" / "Not now" / "Never for this file";
 *  - `off`: nothing.
 * A file the user switches back to plain text is left alone for the rest of the session; "Never for this
 * file" is remembered in the workspace state. Only visible editors are checked (documents that other
 * extensions open in the background are not touched). Cheap: reads at most 64 KB once per document.
 */
import * as vscode from 'vscode';
import { scoreDump } from '../core/detect';
import { LANGUAGE_ID, type ConfigReader } from './configuration';

const NEVER_KEY = 'scrapedNews.detection.never';
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
const HEAD_CHARS = 65536;

export const ASK_TREAT = 'Treat as Scraped News';
export const ASK_NOT_NOW = 'Not now';
export const ASK_NEVER = 'Never for this file';

export interface DetectionEvent {
  uri: string;
  score: number;
  action: 'switched' | 'asked' | 'ignored';
}

export class DumpDetector implements vscode.Disposable {
  private readonly subs: vscode.Disposable[] = [];
  /** Documents checked this session (by URI + version), so each is scored once. */
  private readonly checked = new Map<string, number>();
  /** Documents we switched; seeing one as plain text again means the user switched it back. */
  private readonly switched = new Set<string>();
  /** The user declined (switched back, "Not now"): leave alone for the session. */
  private readonly declined = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<DetectionEvent>();
  /** Fires after a document was scored and found to look like a dump. */
  readonly onDidDetect = this.emitter.event;

  constructor(private readonly config: ConfigReader, private readonly state: vscode.Memento) {
    this.subs.push(
      vscode.window.onDidChangeVisibleTextEditors((eds) => eds.forEach((e) => this.check(e.document))),
      vscode.workspace.onDidOpenTextDocument((d) => {
        // A language change reopens the document: plain text again after we switched it = the user's choice.
        const id = d.uri.toString();
        if (d.languageId === 'plaintext' && this.switched.has(id)) {
          this.switched.delete(id);
          this.declined.add(id);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === 'untitled') this.checked.delete(d.uri.toString());
      }),
    );
    for (const e of vscode.window.visibleTextEditors) this.check(e.document);
  }

  private never(): string[] {
    const v = this.state.get<unknown>(NEVER_KEY);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  }

  /** Forget "never" and "declined" for a file (the command Treat This File as Scraped News calls it). */
  async reset(uri: vscode.Uri): Promise<void> {
    const id = uri.toString();
    this.declined.delete(id);
    const n = this.never();
    if (n.includes(id)) await this.state.update(NEVER_KEY, n.filter((s) => s !== id));
  }

  check(doc: vscode.TextDocument): void {
    const id = doc.uri.toString();
    if (doc.languageId === LANGUAGE_ID) return;
    if (doc.languageId !== 'plaintext') return;
    if (this.switched.has(id)) {
      // We switched it and it is plain text again: the user changed it back.
      this.switched.delete(id);
      this.declined.add(id);
      return;
    }
    if (!SCHEMES.has(doc.uri.scheme) || this.declined.has(id)) return;
    if (this.checked.get(id) === doc.version) return;
    this.checked.set(id, doc.version);
    const mode = this.config.get(doc.uri).detection;
    if (mode === 'off') return;
    if (this.never().includes(id)) return;
    const end = doc.positionAt(HEAD_CHARS);
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), end));
    const score = scoreDump(head);
    if (!score.isDump) return;
    if (mode === 'auto') {
      this.switched.add(id);
      this.emitter.fire({ uri: id, score: score.score, action: 'switched' });
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => this.switched.delete(id));
      return;
    }
    this.emitter.fire({ uri: id, score: score.score, action: 'asked' });
    const name = doc.uri.path.split('/').pop() || 'This file';
    void vscode.window
      .showInformationMessage(`"${name}" looks like a scraped news page (${score.signals.slice(0, 3).join(', ')}).`, ASK_TREAT, ASK_NOT_NOW, ASK_NEVER)
      .then(async (choice) => {
        if (choice === ASK_TREAT) {
          const cur = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
          if (cur && cur.languageId === 'plaintext') {
            this.switched.add(id);
            await vscode.languages.setTextDocumentLanguage(cur, LANGUAGE_ID);
          }
        } else if (choice === ASK_NEVER) {
          await this.state.update(NEVER_KEY, [...this.never(), id].slice(-5000));
        } else {
          this.declined.add(id);
        }
      });
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.emitter.dispose();
  }
}
