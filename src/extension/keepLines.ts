/**
 * "Keep this line": trimmed line texts the user chose to keep, remembered per file in the workspace state
 * (not in the file, not in settings). Passed to `analyze` as `keepLines`, so such lines are always article.
 */
import * as vscode from 'vscode';

const PREFIX = 'scrapedNews.keepLines:';
/** Upper bound per file so a runaway script cannot bloat the workspace state. */
const MAX_PER_FILE = 2000;

export class KeepLinesStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the file whose kept lines changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  private key(uri: vscode.Uri): string {
    return PREFIX + uri.toString();
  }

  get(uri: vscode.Uri): readonly string[] {
    const v = this.memento.get<unknown>(this.key(uri));
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  }

  has(uri: vscode.Uri, line: string): boolean {
    return this.get(uri).includes(line.trim());
  }

  async add(uri: vscode.Uri, line: string): Promise<void> {
    const t = line.trim();
    if (!t) return;
    const cur = this.get(uri);
    if (cur.includes(t)) return;
    const next = [...cur, t].slice(-MAX_PER_FILE);
    await this.memento.update(this.key(uri), next);
    this.emitter.fire(uri);
  }

  async remove(uri: vscode.Uri, line: string): Promise<void> {
    const t = line.trim();
    const cur = this.get(uri);
    if (!cur.includes(t)) return;
    await this.memento.update(this.key(uri), cur.filter((s) => s !== t));
    this.emitter.fire(uri);
  }

  async clear(uri: vscode.Uri): Promise<void> {
    if (this.get(uri).length === 0) return;
    await this.memento.update(this.key(uri), undefined);
    this.emitter.fire(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
