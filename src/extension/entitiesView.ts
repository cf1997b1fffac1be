/**
 * The document's entities, grouped by type with mention counts:
 *  - a tree view "Entities" in the Explorer (shown while a scraped-news editor is active): type → name
 *    (n mentions) → each mention (line and context). Clicking a name reveals and selects its first mention,
 *    clicking a mention reveals that one; the inline/context action "Select All Mentions" puts a cursor on
 *    every mention (multi-cursor);
 *  - the command "Scraped News: Show Entities": a QuickPick of the same list; choosing a name selects all
 *    its mentions. With an argument `{ type, name }` it selects without asking; it returns the groups.
 */
import * as vscode from 'vscode';
import type { Analysis, EntityType } from '../core/types';
import { documentLength, type AnalysisCache } from './analysisCache';
import { isScrapedNewsDocument } from './configuration';

export const VIEW_ID = 'scrapedNews.entities';
export const CONTEXT_KEY = 'scrapedNews.entitiesViewEnabled';

const TYPE_ORDER: EntityType[] = ['person', 'place', 'organization'];
const TYPE_LABEL: Record<EntityType, string> = { person: 'People', place: 'Places', organization: 'Organizations' };
const TYPE_ICON: Record<EntityType, string> = { person: 'person', place: 'location', organization: 'organization' };

export interface EntityGroup {
  type: EntityType;
  /** The most frequent spelling among the mentions (the full name when surname-only mentions were merged in). */
  name: string;
  /** Other names merged into this group (e.g. "Antonov" into "Anatoly Antonov"). */
  aliases: string[];
  count: number;
  mentions: { start: number; end: number }[];
}

/** Does `g` answer to `name` (its name or an alias, case-insensitive)? */
export function groupMatches(g: EntityGroup, name: string): boolean {
  const n = name.toLowerCase();
  return g.name.toLowerCase() === n || g.aliases.some((a) => a.toLowerCase() === n);
}

/** Entities grouped by type and case-insensitive text, most mentioned first. */
export function groupEntities(a: Analysis): Map<EntityType, EntityGroup[]> {
  const byKey = new Map<string, EntityGroup & { spellings: Map<string, number> }>();
  for (const e of a.entities) {
    const text = e.text.replace(/\s+/g, ' ').trim();
    const key = e.type + '\u0000' + text.toLowerCase();
    let g = byKey.get(key);
    if (!g) {
      g = { type: e.type, name: text, aliases: [], count: 0, mentions: [], spellings: new Map() };
      byKey.set(key, g);
    }
    g.count++;
    g.mentions.push({ start: e.start, end: e.end });
    g.spellings.set(text, (g.spellings.get(text) ?? 0) + 1);
  }
  const out = new Map<EntityType, EntityGroup[]>();
  for (const t of TYPE_ORDER) out.set(t, []);
  for (const g of byKey.values()) {
    let best = g.name;
    let bestN = 0;
    for (const [s, n] of g.spellings) if (n > bestN) { best = s; bestN = n; }
    out.get(g.type)?.push({ type: g.type, name: best, aliases: [], count: g.count, mentions: g.mentions });
  }
  // a person named by surname only ("Antonov") joins the one full name ending with it ("Anatoly Antonov")
  const people = out.get('person')!;
  for (const g of [...people]) {
    if (/\s/.test(g.name)) continue;
    const key = ' ' + g.name.toLowerCase();
    const full = people.filter((f) => f !== g && f.name.toLowerCase().endsWith(key));
    if (full.length !== 1) continue;
    const f = full[0];
    f.count += g.count;
    f.mentions = [...f.mentions, ...g.mentions].sort((x, y) => x.start - y.start);
    f.aliases.push(g.name, ...g.aliases);
    people.splice(people.indexOf(g), 1);
  }
  for (const list of out.values()) list.sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
  return out;
}

type Node =
  | { kind: 'type'; type: EntityType; groups: EntityGroup[] }
  | { kind: 'entity'; group: EntityGroup }
  | { kind: 'mention'; group: EntityGroup; index: number }
  | { kind: 'note'; text: string };

function editorFor(doc: vscode.TextDocument): vscode.TextEditor | undefined {
  const key = doc.uri.toString();
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
}

async function showDoc(doc: vscode.TextDocument): Promise<vscode.TextEditor> {
  return editorFor(doc) ?? vscode.window.showTextDocument(doc, { preserveFocus: false });
}

/** Select the given spans (multi-cursor) in the document's editor and reveal the first. */
export async function selectSpans(doc: vscode.TextDocument, spans: readonly { start: number; end: number }[]): Promise<vscode.Selection[]> {
  if (spans.length === 0) return [];
  const editor = await showDoc(doc);
  const sels = spans.map((s) => new vscode.Selection(doc.positionAt(s.start), doc.positionAt(s.end)));
  editor.selections = sels;
  editor.revealRange(sels[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return sels;
}

class EntitiesProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  doc: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache) {}

  setDocument(doc: vscode.TextDocument | undefined): void {
    if (doc === this.doc) return;
    this.doc = doc;
    this.refreshSoon(0);
  }

  refreshSoon(ms = 250): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.emitter.fire(undefined);
    }, ms);
  }

  async current(): Promise<{ doc: vscode.TextDocument; analysis: Analysis } | undefined> {
    const doc = this.doc;
    if (!doc || doc.isClosed) return undefined;
    const analysis = await this.cache.readyIfAnalysed(doc);
    return analysis && analysis.length === documentLength(doc) ? { doc, analysis } : undefined;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const cur = await this.current();
      if (!cur) return [{ kind: 'note', text: 'Open a scraped-news document to see its entities.' }];
      if (this.cache.optionsFor(cur.doc).entities === false) {
        return [{ kind: 'note', text: 'Entities are off for this document (size above scrapedNews.entities.maxDocumentLength).' }];
      }
      const groups = groupEntities(cur.analysis);
      const out: Node[] = [];
      for (const t of TYPE_ORDER) {
        const g = groups.get(t) ?? [];
        if (g.length) out.push({ kind: 'type', type: t, groups: g });
      }
      return out.length ? out : [{ kind: 'note', text: 'No people, places or organisations found in the article lines.' }];
    }
    if (node.kind === 'type') return node.groups.map((group) => ({ kind: 'entity', group }));
    if (node.kind === 'entity') return node.group.mentions.map((_, index) => ({ kind: 'mention', group: node.group, index }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const doc = this.doc;
    switch (node.kind) {
      case 'note': {
        const it = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        it.iconPath = new vscode.ThemeIcon('info');
        return it;
      }
      case 'type': {
        const n = node.groups.reduce((s, g) => s + g.count, 0);
        const it = new vscode.TreeItem(TYPE_LABEL[node.type], vscode.TreeItemCollapsibleState.Expanded);
        it.description = `${node.groups.length} names · ${n} mentions`;
        it.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type]);
        it.contextValue = 'scrapedNews.entityType';
        return it;
      }
      case 'entity': {
        const g = node.group;
        const it = new vscode.TreeItem(g.name, vscode.TreeItemCollapsibleState.Collapsed);
        it.description = `${g.count} mention${g.count === 1 ? '' : 's'}`;
        it.tooltip = `${g.name} — ${g.type}, ${it.description}` + (g.aliases.length ? ` (also as ${g.aliases.join(', ')})` : '');
        it.contextValue = 'scrapedNews.entity';
        it.iconPath = new vscode.ThemeIcon(TYPE_ICON[g.type]);
        if (doc) it.command = { command: 'scrapedNews.revealEntity', title: 'Reveal', arguments: [doc.uri, g.mentions[0].start, g.mentions[0].end] };
        return it;
      }
      case 'mention': {
        const m = node.group.mentions[node.index];
        const it = new vscode.TreeItem('', vscode.TreeItemCollapsibleState.None);
        if (doc) {
          const p = doc.positionAt(m.start);
          const lineText = doc.lineAt(p.line).text;
          const from = Math.max(0, p.character - 30);
          it.label = `line ${p.line + 1}`;
          it.description = (from > 0 ? '…' : '') + lineText.slice(from, p.character + (m.end - m.start) + 30).trim();
          it.command = { command: 'scrapedNews.revealEntity', title: 'Reveal', arguments: [doc.uri, m.start, m.end] };
        }
        return it;
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
  }
}

export function registerEntitiesView(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  const provider = new EntitiesProvider(cache);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);

  const track = (editor: vscode.TextEditor | undefined) => {
    const ok = isScrapedNewsDocument(editor?.document);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, ok);
    if (ok) provider.setDocument(editor!.document);
    else if (editor) provider.setDocument(undefined); // keep the list while focus is in a panel (editor undefined)
  };
  track(vscode.window.activeTextEditor);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(track),
    vscode.workspace.onDidOpenTextDocument(() => track(vscode.window.activeTextEditor)), // language switched by detection
    cache.onDidUpdate((doc) => {
      if (doc === provider.doc && view.visible) provider.refreshSoon();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === provider.doc && view.visible) provider.refreshSoon(1000);
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible) provider.refreshSoon(0);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d === provider.doc) provider.setDocument(undefined);
    }),
  );

  const docFrom = (arg: unknown): vscode.TextDocument | undefined => {
    if (arg instanceof vscode.Uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString());
    const active = vscode.window.activeTextEditor?.document;
    return isScrapedNewsDocument(active) ? active : provider.doc;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('scrapedNews.revealEntity', async (uri: vscode.Uri, start: number, end: number) => {
      const doc = docFrom(uri);
      if (doc) await selectSpans(doc, [{ start, end }]);
    }),
    vscode.commands.registerCommand('scrapedNews.selectEntityMentions', async (arg?: Node | { type: EntityType; name: string; uri?: vscode.Uri }) => {
      const doc = docFrom(arg && 'uri' in arg ? arg.uri : undefined);
      if (!doc || !arg) return [];
      const analysis = await cache.readyOrWarn(doc);
      if (!analysis) return [];
      const groups = groupEntities(analysis);
      const group =
        'kind' in arg
          ? arg.kind === 'entity' || arg.kind === 'mention' ? arg.group : undefined
          : groups.get(arg.type)?.find((g) => groupMatches(g, arg.name));
      if (!group) return [];
      // the mentions from the current analysis (the tree may be a keystroke old)
      const fresh = groups.get(group.type)?.find((g) => groupMatches(g, group.name));
      return selectSpans(doc, (fresh ?? group).mentions);
    }),
    vscode.commands.registerCommand('scrapedNews.showEntities', async (arg?: { type?: EntityType; name?: string; uri?: vscode.Uri }) => {
      const doc = docFrom(arg?.uri);
      if (!isScrapedNewsDocument(doc)) {
        void vscode.window.showWarningMessage('Scraped News: open a scraped-news document to list its entities.');
        return undefined;
      }
      const analysis = await cache.readyOrWarn(doc);
      if (!analysis) return undefined;
      const groups = groupEntities(analysis);
      const flat = TYPE_ORDER.flatMap((t) => groups.get(t) ?? []);
      const result = flat.map((g) => ({ type: g.type, name: g.name, aliases: g.aliases, count: g.count }));
      let chosen: EntityGroup | undefined;
      if (arg?.name) {
        chosen = flat.find((g) => groupMatches(g, arg.name!) && (!arg.type || g.type === arg.type));
      } else if (!arg) {
        type Item = vscode.QuickPickItem & { group?: EntityGroup };
        const items: Item[] = [];
        for (const t of TYPE_ORDER) {
          const list = groups.get(t) ?? [];
          if (!list.length) continue;
          items.push({ label: TYPE_LABEL[t], kind: vscode.QuickPickItemKind.Separator });
          for (const g of list) {
            items.push({ label: `$(${TYPE_ICON[t]}) ${g.name}`, description: `${g.count} mention${g.count === 1 ? '' : 's'}`, group: g });
          }
        }
        if (!items.length) {
          void vscode.window.showInformationMessage('Scraped News: no entities found in the article lines of this document.');
          return result;
        }
        const pick = await vscode.window.showQuickPick(items, {
          title: 'Entities in this document',
          placeHolder: 'Choose a name to select all its mentions',
          matchOnDescription: true,
        });
        chosen = pick?.group;
      }
      if (chosen) await selectSpans(doc, chosen.mentions);
      return result;
    }),
  );
}
