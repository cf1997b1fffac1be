/**
 * Quick fixes on noise lines (boilerplate, and meta lines too):
 *  - Remove this line                                  (command, checks the document version / line text)
 *  - Remove all N boilerplate lines (Clean Article)    (command, checks the document version)
 *  - Keep this line                                    (remembered for the file in workspace state)
 *  - Always treat lines like this as boilerplate       (adds a literal pattern to the workspace setting)
 * On a line the user kept: Stop keeping this line. And `source.fixAll.scrapedNews` (an edit, for
 * `editor.codeActionsOnSave`) = Clean Article.
 */
import * as vscode from 'vscode';
import { cleanSummary } from '../core/clean';
import { COMMANDS, cleanEdit, type CommandDeps, type KeepLineArgs, type RemoveLineArgs, type AlwaysBoilerplateArgs } from './commands';
import { DIAGNOSTIC_SOURCE, JOINED_CODE, MARKUP_CODE } from './diagnostics';
import { LANGUAGE_ID } from './configuration';

const EDITABLE_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('scrapedNews');

export class ScrapedNewsCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly deps: CommandDeps) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const out: vscode.CodeAction[] = [];
    const only = context.only;
    if (only && (FIX_ALL_KIND.contains(only) || only.contains(FIX_ALL_KIND))) {
      // cleanEdit (synchronous, right after) reads exactly this version; a document not analysed gets no fix
      if (!(await this.deps.cache.readyIfAnalysed(doc))) return out;
      const { edit, removed, changed } = cleanEdit(doc, this.deps);
      if (changed) {
        const fix = new vscode.CodeAction(`Remove all ${removed} boilerplate lines (Clean Article)`, FIX_ALL_KIND);
        fix.edit = edit;
        out.push(fix);
      }
    }
    if (only && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) return out;

    // Automatic requests (the light bulb, on every edit and cursor move) use the analysis only when it is current:
    // while the user types, the edit debounce decides when to analyse. VS Code asks again when our diagnostics
    // change, so the light bulb appears right after the analysis. Explicit requests (Ctrl+.) always analyse.
    const a = context.triggerKind === vscode.CodeActionTriggerKind.Automatic ? this.deps.cache.peek(doc) : await this.deps.cache.readyIfAnalysed(doc);
    if (!a) return out;
    const line = range.start.line;
    const info = a.lines[line];
    if (!info) return out;
    const uri = doc.uri.toString();
    const text = doc.lineAt(line).text;
    const diags = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.start.line === line && d.code !== MARKUP_CODE && d.code !== JOINED_CODE);

    const markupDiags = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === MARKUP_CODE && d.range.start.line === line);
    if (markupDiags.length && a.stats.markup && this.deps.config.get(doc.uri).convertMarkup) {
      const convert = new vscode.CodeAction('Convert the HTML markup to text and keep the article (Clean Article)', vscode.CodeActionKind.QuickFix);
      convert.command = { command: COMMANDS.cleanArticle, title: 'Clean Article', arguments: [doc.uri, doc.version] };
      convert.diagnostics = markupDiags;
      convert.isPreferred = true;
      out.push(convert);
    }
    if (info.label === 'boilerplate' || info.label === 'meta') {
      const what = info.label === 'meta' ? 'meta' : 'boilerplate';
      const remove = new vscode.CodeAction('Remove this line', vscode.CodeActionKind.QuickFix);
      remove.command = { command: COMMANDS.removeLine, title: 'Remove this line', arguments: [{ uri, line, version: doc.version, text } satisfies RemoveLineArgs] };
      remove.diagnostics = diags;
      remove.isPreferred = true;
      out.push(remove);

      const keepMeta = this.deps.config.get(doc.uri).keepMeta;
      const n = cleanSummary(a, { keepMeta }).removed;
      const all = new vscode.CodeAction(`Remove all ${n} boilerplate line${n === 1 ? '' : 's'} (Clean Article)`, vscode.CodeActionKind.QuickFix);
      all.command = { command: COMMANDS.cleanArticle, title: 'Clean Article', arguments: [doc.uri, doc.version] };
      all.diagnostics = diags;
      out.push(all);

      const keep = new vscode.CodeAction('Keep this line (remember for this file)', vscode.CodeActionKind.QuickFix);
      keep.command = { command: COMMANDS.keepLine, title: 'Keep this line', arguments: [{ uri, line, text } satisfies KeepLineArgs] };
      keep.diagnostics = diags;
      out.push(keep);

      if (info.reason !== 'user-pattern') {
        const always = new vscode.CodeAction(`Always treat lines like this as ${what === 'meta' ? 'boilerplate' : what} (workspace setting)`, vscode.CodeActionKind.QuickFix);
        always.command = { command: COMMANDS.alwaysBoilerplate, title: 'Always treat lines like this as boilerplate', arguments: [{ uri, text } satisfies AlwaysBoilerplateArgs] };
        always.diagnostics = diags;
        out.push(always);
      }
    } else if (info.reason === 'user-keep') {
      const unkeep = new vscode.CodeAction('Stop keeping this line', vscode.CodeActionKind.QuickFix);
      unkeep.command = { command: 'scrapedNews.unkeepLine', title: 'Stop keeping this line', arguments: [{ uri, line, text } satisfies KeepLineArgs] };
      out.push(unkeep);
    }
    return out;
  }
}

export function registerCodeActions(deps: CommandDeps): vscode.Disposable {
  const provider = new ScrapedNewsCodeActions(deps);
  return vscode.Disposable.from(
    // Editable documents only (not our read-only clean preview or other virtual documents).
    vscode.languages.registerCodeActionsProvider(EDITABLE_SCHEMES.map((scheme) => ({ language: LANGUAGE_ID, scheme })), provider, {
      providedCodeActionKinds: ScrapedNewsCodeActions.providedCodeActionKinds,
      documentation: [{ kind: FIX_ALL_KIND, command: { command: COMMANDS.previewClean, title: 'Preview Clean Article' } }],
    }),
    vscode.commands.registerCommand('scrapedNews.unkeepLine', async (args: KeepLineArgs) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args?.uri);
      if (!doc) return false;
      await deps.keep.remove(doc.uri, args.text);
      return true;
    }),
  );
}

