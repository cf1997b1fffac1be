// Outline (quotes by speaker), Copy Quotes as JSON/CSV, the entities command/view, and
// "Clean All Dumps in Folder…" — through the real VS Code API inside the extension host.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CleanFolderPlan, CleanFolderSummary } from '../../src/extension/cleanFolder';
import { bigDump } from '../big-dump';
import { BRIDGE_DUMP, EXTENSION_ID, activate, openDump, until, workspaceRoot, writeWorkspaceFile } from './util';

interface SymbolLike {
  name: string;
  detail: string;
  kind: vscode.SymbolKind;
  range: vscode.Range;
  selectionRange: vscode.Range;
  children: SymbolLike[];
}

interface QuoteRow {
  quote: string;
  speaker: string | null;
  resolvedSpeaker: string | null;
  line: number;
}

/** Minimal RFC 4180 parser (independent of the code under test). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    assert.ok(c !== '"', `bare quote inside an unquoted CSV field at ${i}`);
    assert.ok(c !== '\n' && c !== '\r', `bare line break inside an unquoted CSV field at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

suite('extras: outline, copy quotes, entities', () => {
  let bridge: vscode.Uri;

  suiteSetup(async () => {
    await activate();
    bridge = await writeWorkspaceFile('extras-bridge.news.txt', BRIDGE_DUMP);
  });

  test('outline lists the headline, then quotes grouped by speaker, each quote a child with its range', async () => {
    const editor = await openDump(bridge);
    const doc = editor.document;
    const symbols = await vscode.commands.executeCommand<SymbolLike[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(Array.isArray(symbols) && symbols.length >= 3, `expected headline + 2 speakers, got ${JSON.stringify(symbols?.map((s) => s.name))}`);
    const head = symbols[0];
    assert.strictEqual(head.name, 'Mayor Promises New River Bridge Before Winter Storms Arrive');
    assert.strictEqual(head.kind, vscode.SymbolKind.File);
    assert.strictEqual(head.range.start.line, 0);

    const holloway = symbols.find((s) => /Holloway/.test(s.name));
    const marsh = symbols.find((s) => /Marsh/.test(s.name));
    assert.ok(holloway, `a Holloway group: ${symbols.map((s) => s.name).join(' | ')}`);
    assert.ok(marsh, `a Marsh group: ${symbols.map((s) => s.name).join(' | ')}`);
    assert.ok(holloway.children.length >= 2, 'Holloway is quoted at least twice');
    assert.strictEqual(marsh.children.length, 1);
    assert.match(doc.getText(marsh.children[0].range), /^“The budget has no room for overtime, and the contractor knows that very well,”$/);
    assert.match(holloway.detail, /\d+ quotes?/);
    const firstHolloway = doc.getText(holloway.children[0].range);
    assert.ok(firstHolloway.startsWith('“We will open the bridge in November'), firstHolloway);
    for (const g of symbols.slice(1)) {
      assert.strictEqual(g.kind, vscode.SymbolKind.Object);
      assert.ok(g.range.contains(g.selectionRange), 'selection inside range');
      for (const c of g.children) {
        assert.strictEqual(c.kind, vscode.SymbolKind.String);
        assert.ok(g.range.contains(c.range), `quote ${c.name} inside its speaker group's range`);
        assert.match(doc.getText(c.range), /^[“"„«'‘].*[”"»'’]$/s, 'a quote symbol covers exactly the quotation');
      }
    }
    // no group twice, and the groups are ordered by first appearance
    const names = symbols.slice(1).map((s) => s.name.toLowerCase());
    assert.strictEqual(new Set(names).size, names.length);
    const starts = symbols.slice(1).filter((s) => s.name !== 'Unattributed').map((s) => doc.offsetAt(s.range.start));
    assert.deepStrictEqual(starts, [...starts].sort((a, b) => a - b));
  });

  test('outline of the Sputnik fixture: headline and every quotation listed once', async () => {
    const editor = await openDump(vscode.Uri.joinPath(workspaceRoot(), 'sputnik-antonov.txt'));
    const doc = editor.document;
    const symbols = await vscode.commands.executeCommand<SymbolLike[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols.length >= 2);
    assert.strictEqual(symbols[0].name, 'Russian Ambassador to US to Fly to Moscow March 20 for Talks on Relations With Washington');
    const quotes = symbols.slice(1).flatMap((g) => g.children.map((c) => doc.getText(c.range)));
    assert.ok(quotes.some((q) => q.startsWith('“Russian Ambassador to the United States A.I. Antonov will fly')), 'the embassy statement');
    assert.ok(quotes.some((q) => /^“a killer[.,]?”$/.test(q)), '"a killer"');
    assert.strictEqual(new Set(quotes.map((q, i) => `${q}@${i}`)).size, quotes.length);
    // nothing from the comment/login widgets below the article
    const lastArticleLine = doc.getText().split('\n').findIndex((l) => l.startsWith('DETAILS TO FOLLOW'));
    for (const g of symbols.slice(1)) for (const c of g.children) assert.ok(c.range.start.line < lastArticleLine);
  });

  test('Copy Quotes as JSON puts quotes, speakers and lines on the clipboard', async () => {
    const editor = await openDump(bridge);
    const doc = editor.document;
    await vscode.env.clipboard.writeText('sentinel');
    const returned = await vscode.commands.executeCommand<string>('scrapedNews.copyQuotesJson');
    const clip = await vscode.env.clipboard.readText();
    assert.strictEqual(clip, returned);
    const rows = JSON.parse(clip) as QuoteRow[];
    assert.ok(rows.length >= 3, `3+ quotes, got ${rows.length}`);
    for (const r of rows) {
      assert.deepStrictEqual(Object.keys(r).sort(), ['line', 'quote', 'resolvedSpeaker', 'speaker']);
      assert.ok(Number.isInteger(r.line) && r.line >= 1 && r.line <= doc.lineCount);
      assert.ok(doc.lineAt(r.line - 1).text.includes(r.quote.split('\n')[0]), `line ${r.line} holds "${r.quote}"`);
      assert.ok(!/^[“"]/.test(r.quote) && !/[”"]$/.test(r.quote), `outer quotation marks stripped: ${r.quote}`);
    }
    const budget = rows.find((r) => r.quote.startsWith('The budget has no room'));
    assert.ok(budget, 'the Marsh quote');
    assert.strictEqual(budget.quote, 'The budget has no room for overtime, and the contractor knows that very well,');
    assert.ok(budget.speaker && /Marsh/.test(budget.speaker), `speaker of the budget quote: ${budget.speaker}`);
    assert.strictEqual(budget.line, 13);
  });

  test('Copy Quotes as CSV: header, one row per quote, RFC 4180 escaping, same data as JSON', async () => {
    await openDump(bridge);
    await vscode.commands.executeCommand('scrapedNews.copyQuotesJson');
    const rows = JSON.parse(await vscode.env.clipboard.readText()) as QuoteRow[];
    await vscode.env.clipboard.writeText('sentinel');
    await vscode.commands.executeCommand('scrapedNews.copyQuotesCsv');
    const csv = await vscode.env.clipboard.readText();
    assert.ok(csv.endsWith('\r\n'), 'CRLF record ends');
    const table = parseCsv(csv);
    assert.deepStrictEqual(table[0], ['quote', 'speaker', 'resolved_speaker', 'line']);
    assert.strictEqual(table.length - 1, rows.length);
    rows.forEach((r, i) => {
      assert.deepStrictEqual(table[i + 1], [r.quote, r.speaker ?? '', r.resolvedSpeaker ?? '', String(r.line)]);
    });
    assert.ok(rows.some((r) => r.quote.includes(',')), 'the fixture exercises commas inside a field');
    assert.ok(csv.includes('"The budget has no room for overtime, and the contractor knows that very well,"'));
  });

  test('CSV neutralises spreadsheet formulas and escapes embedded double quotes', async () => {
    const uri = await writeWorkspaceFile(
      'extras-csv.news.txt',
      [
        'Council Debate Ends in Shouting Match Over Parking Fees',
        '',
        'The council debated parking fees for three hours on Tuesday before the vote was postponed again by the chair.',
        '',
        '“=HYPERLINK(1) is what they typed into the ballot spreadsheet, and we caught it in time,” said Anna Berg.',
        '',
        'The clerk said the spreadsheet would be checked again before the next meeting of the council in March.',
        '',
      ].join('\n'),
    );
    await openDump(uri);
    const json = JSON.parse((await vscode.commands.executeCommand<string>('scrapedNews.copyQuotesJson'))!) as QuoteRow[];
    const csv = (await vscode.commands.executeCommand<string>('scrapedNews.copyQuotesCsv'))!;
    const formula = json.find((r) => r.quote.startsWith('=HYPERLINK'));
    assert.ok(formula, `quote found: ${JSON.stringify(json)}`);
    const table = parseCsv(csv);
    const row = table.find((r) => r[0].includes('HYPERLINK'));
    assert.ok(row);
    assert.ok(row[0].startsWith("'="), `formula neutralised: ${row[0]}`);
  });

  test('Show Entities groups entities by type with counts and selects all mentions', async () => {
    const editor = await openDump(vscode.Uri.joinPath(workspaceRoot(), 'sputnik-antonov.txt'));
    const doc = editor.document;
    const groups = await vscode.commands.executeCommand<{ type: string; name: string; count: number }[]>('scrapedNews.showEntities', {
      type: 'place',
      name: 'Moscow',
    });
    assert.ok(Array.isArray(groups) && groups.length > 0);
    const moscow = groups.find((g) => g.type === 'place' && g.name === 'Moscow');
    assert.ok(moscow, `Moscow is a place: ${JSON.stringify(groups.slice(0, 20))}`);
    assert.ok(moscow.count >= 5, `Moscow is mentioned often (${moscow.count})`);
    // types come grouped, in the order people, places, organisations; counts descend inside a type
    const order = ['person', 'place', 'organization'];
    for (let i = 1; i < groups.length; i++) {
      const a = order.indexOf(groups[i - 1].type);
      const b = order.indexOf(groups[i].type);
      assert.ok(a <= b, 'grouped by type');
      if (a === b) assert.ok(groups[i - 1].count >= groups[i].count, 'most mentioned first');
    }
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), doc.uri.toString());
    assert.strictEqual(active.selections.length, moscow.count, 'one selection per mention (multi-cursor)');
    for (const s of active.selections) assert.strictEqual(doc.getText(s), 'Moscow');
  });

  test('entity groups account for every entity mention; a surname joins its unique full name', async () => {
    const editor = await openDump(vscode.Uri.joinPath(workspaceRoot(), 'sputnik-antonov.txt'));
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as {
      analysis(uri: vscode.Uri): { entities: { start: number; end: number; type: string; text: string }[] } | undefined;
    };
    const a = api.analysis(editor.document.uri);
    assert.ok(a, 'test API analysis');
    const groups = (await vscode.commands.executeCommand<{ type: string; name: string; aliases: string[]; count: number }[]>(
      'scrapedNews.showEntities',
      { name: '\u0000none' },
    ))!;
    assert.strictEqual(groups.reduce((n, g) => n + g.count, 0), a.entities.length, 'every mention counted once');
    const people = groups.filter((g) => g.type === 'person');
    for (const g of people) {
      if (/\s/.test(g.name)) continue;
      const full = people.filter((f) => f.name.toLowerCase().endsWith(' ' + g.name.toLowerCase()));
      assert.notStrictEqual(full.length, 1, `"${g.name}" should have joined "${full[0]?.name}"`);
    }
    const surnames = new Set(a.entities.filter((e) => e.type === 'person' && !/\s/.test(e.text)).map((e) => e.text));
    for (const sn of surnames) {
      const full = people.filter((f) => f.name.endsWith(' ' + sn));
      if (full.length === 1) assert.ok(full[0].aliases.includes(sn), `${sn} listed as an alias of ${full[0].name}`);
    }
  });

  test('Select All Mentions (view item command) selects every mention of a name', async () => {
    const editor = await openDump(vscode.Uri.joinPath(workspaceRoot(), 'sputnik-antonov.txt'));
    const sels = await vscode.commands.executeCommand<vscode.Selection[]>('scrapedNews.selectEntityMentions', {
      type: 'place',
      name: 'moscow',
      uri: editor.document.uri,
    });
    assert.ok(sels && sels.length >= 5);
    assert.ok(vscode.window.activeTextEditor!.selections.every((s) => editor.document.getText(s) === 'Moscow'));
    const d = editor.document;
    await vscode.commands.executeCommand('scrapedNews.revealEntity', d.uri, d.offsetAt(sels[1].start), d.offsetAt(sels[1].end));
    const one = vscode.window.activeTextEditor!.selections;
    assert.strictEqual(one.length, 1);
    assert.ok(one[0].isEqual(sels[1]));
  });

  test('the Entities view is shown in the Explorer for a scraped-news editor and can take focus', async () => {
    await openDump(vscode.Uri.joinPath(workspaceRoot(), 'sputnik-antonov.txt'));
    await new Promise((r) => setTimeout(r, 300)); // the context key follows the active editor
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('scrapedNews.entities.focus'), 'the view is registered');
    await vscode.commands.executeCommand('scrapedNews.entities.focus'); // throws when the view does not exist
  });

  test('contributions: palette entries only for our documents, Explorer folder menu, Entities view', () => {
    const pj = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const palette: { command: string; when?: string }[] = pj.contributes.menus.commandPalette;
    for (const id of ['scrapedNews.copyQuotesJson', 'scrapedNews.copyQuotesCsv', 'scrapedNews.showEntities']) {
      assert.match(palette.find((m) => m.command === id)?.when ?? '', /editorLangId == scraped-news/);
    }
    const explorer: { command: string; when?: string }[] = pj.contributes.menus['explorer/context'];
    assert.match(explorer.find((m) => m.command === 'scrapedNews.cleanFolder')?.when ?? '', /explorerResourceIsFolder/);
    assert.ok(pj.contributes.views.explorer.some((v: { id: string }) => v.id === 'scrapedNews.entities'));
    for (const c of pj.contributes.commands.filter((c: { command: string }) => /copyQuotes|cleanFolder|showEntities/.test(c.command))) {
      assert.strictEqual(c.category, 'Scraped News');
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Clean All Dumps in Folder…

// The command's own result types: the test reads the summary that `scrapedNews.cleanFolder` returns.

/** A line that reads like article prose but repeats in every dump of the folder: the site template. */
const TEMPLATE_PROSE = 'Readers of the Riverton Courier can find more of our reporting on the city council in the weekly print edition.';

function siteDump(i: number): string {
  const topics = ['the harbour', 'the rail depot', 'the library', 'the market hall', 'the stadium', 'the school board', 'the water plant'];
  const t = topics[i % topics.length];
  return [
    `Council Votes on the Future of ${t.replace('the ', '').replace(/^\w/, (c) => c.toUpperCase())} After Long Debate ${i}`,
    '',
    '[ad_1]',
    'Share on Facebook',
    'Get short URL',
    '',
    `The city council voted on Tuesday to spend more money on ${t} after a debate that lasted well into the evening, officials said.`,
    '',
    TEMPLATE_PROSE,
    '',
    `Supporters of the plan for ${t} argued that the investment would pay for itself within a decade, while critics warned about the costs.`,
    '',
    `“We have waited for this decision on ${t} for years, and the people of Riverton deserve it,” said councillor Maria Lopez.`,
    '',
    '[ad_2]',
    'Source link',
    'Leave a Reply',
    'Log In',
    'Forgot password?',
    'Privacy Policy',
    '',
  ].join('\n');
}

function tmpFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function linesOf(s: string): string[] {
  return s.split(/\r\n|\r|\n/);
}

/** `sub`'s lines (ignoring blank ones) are a subsequence of `full`'s lines, each possibly right-trimmed. */
function isLineSubsequence(sub: string, full: string): boolean {
  const a = linesOf(sub).filter((l) => l.trim());
  const b = linesOf(full);
  let j = 0;
  for (const l of a) {
    while (j < b.length && b[j].replace(/[ \t\u00a0]+$/, '') !== l) j++;
    if (j >= b.length) return false;
    j++;
  }
  return true;
}

function assertCleaned(name: string, out: string, original: string): void {
  assert.notStrictEqual(out, original, `${name} was rewritten`);
  assert.ok(isLineSubsequence(out, original), `${name}: cleaning only removes lines`);
  for (const noise of ['[ad_1]', '[ad_2]', 'Source link', 'Leave a Reply', 'Log In', 'Forgot password?', 'Privacy Policy', 'Get short URL']) {
    assert.ok(!linesOf(out).includes(noise), `${name}: "${noise}" removed`);
  }
  assert.ok(!/\n\s*\n\s*\n/.test(out), `${name}: blank runs collapsed`);
}

function listAll(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listAll(p).map((x) => path.join(e.name, x)));
    else out.push(e.name);
  }
  return out;
}

suite('extras: Clean All Dumps in Folder', function () {
  this.timeout(60000);
  const made: string[] = [];
  let autoSave: unknown;
  suiteSetup(async () => {
    await activate();
    // code-server saves dirty editors after 1 s by default; these tests need an editor that stays dirty
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  test('dry run, templates, atomic writes, open documents, symlinks/binary/changed files skipped with reasons', async () => {
    const dir = tmpFolder('sn-clean-');
    const outside = tmpFolder('sn-outside-');
    made.push(dir, outside);
    const originals = new Map<string, string>();
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
      originals.set(rel, text);
    };
    for (let i = 0; i < 5; i++) put(`site-${i}.txt`, siteDump(i));
    put('nested/site-5.txt', siteDump(5));
    put('crlf.txt', siteDump(6).replace(/\n/g, '\r\n'));
    put('bom.txt', '\ufeff' + siteDump(7));
    put('already-clean.txt', 'A clean article headline for the test\n\nThis line is a complete sentence of article prose that should stay where it is, and it does.\n');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    fs.writeFileSync(path.join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const secret = path.join(outside, 'outside.txt');
    fs.writeFileSync(secret, siteDump(8));
    fs.symlinkSync(secret, path.join(dir, 'link-out.txt'));
    fs.symlinkSync(outside, path.join(dir, 'linked-dir'));
    // one dump is open (not dirty) in an editor: it must be cleaned through a WorkspaceEdit and saved
    const openUri = vscode.Uri.file(path.join(dir, 'site-3.txt'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(openUri), { preview: false });
    // another is open with unsaved changes: cleaned in the editor, left unsaved, the file on disk untouched
    const dirtyUri = vscode.Uri.file(path.join(dir, 'site-4.txt'));
    const dirtyEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dirtyUri), { preview: false });
    await dirtyEditor.edit((e) => e.insert(dirtyEditor.document.lineAt(0).range.end, '   '));
    assert.ok(dirtyEditor.document.isDirty);
    await new Promise((r) => setTimeout(r, 500)); // let language detection settle

    let planSeen: CleanFolderPlan | undefined;
    const summary = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), {
      confirm: false,
      notify: false,
      afterDryRun: (plan: CleanFolderPlan) => {
        planSeen = JSON.parse(JSON.stringify(plan));
        // changed on disk after the dry run read it: must be skipped, not overwritten
        fs.appendFileSync(path.join(dir, 'site-1.txt'), 'A late correction appended by another program.\n');
      },
    });
    assert.ok(summary && planSeen, 'the command returns its summary');
    // dry run
    assert.strictEqual(planSeen.files, 10, 'ten regular .txt files (symlinks are not followed, .png ignored)');
    assert.strictEqual(planSeen.filesToChange, 8);
    assert.ok(planSeen.linesToRemove >= 8 * 9, `lines to remove: ${planSeen.linesToRemove}`);
    assert.ok(planSeen.templateDocuments >= 3, 'site templates learned over the folder');
    // result
    assert.strictEqual(summary.confirmed, true);
    assert.strictEqual(summary.cancelled, false);
    const reasons = new Map(summary.skipped.map((s) => [s.path, s.reason]));
    assert.match(reasons.get('link-out.txt') ?? '', /symbolic link.*outside/);
    assert.match(reasons.get('linked-dir/') ?? '', /symbolic link/);
    assert.match(reasons.get('binary.txt') ?? '', /binary|PNG/i);
    assert.match(reasons.get('site-1.txt') ?? '', /changed on disk/);
    assert.strictEqual(summary.skipped.length, 4, JSON.stringify(summary.skipped));
    assert.deepStrictEqual([...summary.cleaned].sort(), ['bom.txt', 'crlf.txt', 'nested/site-5.txt', 'site-0.txt', 'site-2.txt', 'site-3.txt', 'site-4.txt']);
    assert.strictEqual(summary.unchanged, 1);
    assert.ok(summary.linesRemoved > 0);
    assert.strictEqual(summary.reanalysed, 0, 'every file is written as the dry run cleaned it (site-1.txt, changed since, is skipped)');
    assert.strictEqual(summary.analysedIn, 'worker', 'the dumps are analysed in the command\'s worker thread, not on the extension host');

    assert.deepStrictEqual(summary.unsaved, ['site-4.txt'], JSON.stringify(summary));
    // files on disk
    for (const rel of summary.cleaned.filter((r) => r !== 'site-4.txt')) {
      const out = fs.readFileSync(path.join(dir, rel), 'utf8');
      assertCleaned(rel, out, originals.get(rel)!);
      assert.ok(out.includes('The city council voted on Tuesday'), `${rel}: article kept`);
      assert.ok(out.includes('“We have waited for this decision on '), `${rel}: quote paragraph kept`);
      assert.ok(!out.includes(TEMPLATE_PROSE), `${rel}: the site-template line (repeated in every dump) removed`);
    }
    assert.ok(!fs.readFileSync(path.join(dir, 'crlf.txt'), 'utf8').replace(/\r\n/g, '').includes('\n'), 'CRLF file stays CRLF');
    assert.ok(fs.readFileSync(path.join(dir, 'bom.txt'), 'utf8').startsWith('\ufeff'), 'BOM kept');
    assert.ok(fs.readFileSync(path.join(dir, 'site-1.txt'), 'utf8').endsWith('A late correction appended by another program.\n'), 'changed file untouched');
    assert.strictEqual(fs.readFileSync(secret, 'utf8'), siteDump(8), 'file behind the symlink untouched');
    assert.ok(fs.lstatSync(path.join(dir, 'link-out.txt')).isSymbolicLink(), 'symlink still a symlink');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'already-clean.txt'), 'utf8'), originals.get('already-clean.txt'));
    assert.deepStrictEqual(listAll(dir).filter((n) => /tmp/.test(n)), [], 'no temporary files left');
    // the open document: edited in the editor and saved
    const openDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === openUri.toString());
    assert.ok(openDoc, 'still open');
    assert.strictEqual(openDoc.isDirty, false, 'open document saved');
    assert.strictEqual(openDoc.getText(), fs.readFileSync(openUri.fsPath, 'utf8'));
    assertCleaned('site-3.txt (open)', openDoc.getText(), originals.get('site-3.txt')!);
    const dirtyDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === dirtyUri.toString())!;
    assert.ok(dirtyDoc.isDirty, 'a document with unsaved changes is not saved behind the user\'s back');
    assertCleaned('site-4.txt (dirty)', dirtyDoc.getText(), originals.get('site-4.txt')!);
    assert.strictEqual(fs.readFileSync(dirtyUri.fsPath, 'utf8'), originals.get('site-4.txt'), 'its file on disk untouched');

    // running again: nothing left to do (cleaning is idempotent)
    const again = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), { confirm: false, notify: false });
    assert.strictEqual(again.plan.filesToChange, 1, 'only the file changed by another program is left');
    assert.deepStrictEqual(again.cleaned, ['site-1.txt']);
    await vscode.window.showTextDocument(dirtyDoc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a dump that is HTML markup is cleaned as the text it converts to; convertMarkup off leaves it as it is', async () => {
    const html = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'l3s-raw-html.txt'), 'utf8');
    for (const convert of [true, false]) {
      const dir = tmpFolder('sn-markup-');
      made.push(dir);
      fs.writeFileSync(path.join(dir, 'page.txt'), html);
      for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `d${i}.txt`), siteDump(i));
      const s = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), { confirm: false, notify: false, convertMarkup: convert });
      const out = fs.readFileSync(path.join(dir, 'page.txt'), 'utf8');
      if (convert) {
        assert.ok(s.cleaned.includes('page.txt'), JSON.stringify(s));
        assert.ok(out.includes('President Bush is urging OPEC nations to put more oil into the world market.'));
        assert.ok(!out.includes('<') && !out.includes('Prayer Giving Partners'), 'markup, menus and scripts gone');
      } else assert.strictEqual(out, html, 'kept whole: its one line of markup is not noise by itself');
    }
  });

  test('a page a converter joined into one line is named in the dry run\'s plan and the summary; cleaned all the same', async () => {
    const dir = tmpFolder('sn-joined-');
    made.push(dir);
    const page = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'layouts', 'handwritten-telegraph-layout.txt'), 'utf8');
    // jsoup's text(): the page's blocks joined by spaces, under a header line
    fs.writeFileSync(path.join(dir, 'joined.txt'), 'Saved page\n' + page.split(/\r?\n/).filter((l) => l.trim()).join(' ') + '\n');
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `d${i}.txt`), siteDump(i));
    let planSeen: CleanFolderPlan | undefined;
    const s = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), {
      confirm: false,
      notify: false,
      afterDryRun: (plan: CleanFolderPlan) => { planSeen = JSON.parse(JSON.stringify(plan)); },
    });
    assert.ok(planSeen && s);
    assert.deepStrictEqual(planSeen.joined.map((j) => [j.path, j.line]), [['joined.txt', 1]], JSON.stringify(planSeen.joined));
    assert.ok(planSeen.joined[0].chars >= 3000);
    assert.deepStrictEqual(s.plan.joined.map((j) => j.path), ['joined.txt']);
    assert.ok(!s.skipped.some((x) => x.path === 'joined.txt'), 'not skipped: cleaned as its lines are labelled');
    for (const f of ['d0.txt', 'd1.txt', 'd2.txt']) assert.ok(s.cleaned.includes(f), f);
  });

  test('the worker thread and the in-thread fallback write the same bytes (templates, markup, UTF-16, CRLF)', async () => {
    const html = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'l3s-raw-html.txt'), 'utf8');
    const a = tmpFolder('sn-worker-');
    const b = tmpFolder('sn-inthread-');
    made.push(a, b);
    for (const dir of [a, b]) {
      for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, `d${i}.txt`), siteDump(i));
      fs.writeFileSync(path.join(dir, 'page.txt'), html);
      fs.writeFileSync(path.join(dir, 'crlf.txt'), siteDump(7).replace(/\n/g, '\r\n'));
      fs.writeFileSync(path.join(dir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(siteDump(8), 'utf16le')]));
    }
    const sa = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(a), { confirm: false, notify: false });
    const sb = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(b), { confirm: false, notify: false, inThread: true });
    assert.strictEqual(sa.analysedIn, 'worker');
    assert.strictEqual(sb.analysedIn, 'extension host');
    assert.strictEqual(sa.cleaned.length, 9, JSON.stringify(sa));
    assert.deepStrictEqual(sb.cleaned, sa.cleaned);
    assert.deepStrictEqual(sa.cleaned, [...sa.cleaned].sort(), 'listed in path order');
    assert.strictEqual(sb.plan.templateDocuments, sa.plan.templateDocuments);
    assert.strictEqual(sb.plan.linesToRemove, sa.plan.linesToRemove);
    assert.strictEqual(sb.linesRemoved, sa.linesRemoved);
    for (const f of fs.readdirSync(a)) assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), `${f}: same bytes`);
    assert.ok(!fs.readFileSync(path.join(a, 'd0.txt'), 'utf8').includes(TEMPLATE_PROSE), 'templates used');
  });

  test('without templates the repeated prose line stays (templates are what removes it)', async () => {
    const dir = tmpFolder('sn-notpl-');
    made.push(dir);
    for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(dir, `d${i}.txt`), siteDump(i));
    const s = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), { confirm: false, notify: false, templates: false });
    assert.strictEqual(s.plan.templateDocuments, 0);
    assert.strictEqual(s.cleaned.length, 4);
    for (let i = 0; i < 4; i++) assert.ok(fs.readFileSync(path.join(dir, `d${i}.txt`), 'utf8').includes(TEMPLATE_PROSE));
  });

  test('cancellation leaves every file either untouched or fully cleaned', async () => {
    const full = tmpFolder('sn-full-');
    const cut = tmpFolder('sn-cut-');
    made.push(full, cut);
    const N = 7;
    for (let i = 0; i < N; i++) {
      fs.writeFileSync(path.join(full, `d${i}.txt`), siteDump(i));
      fs.writeFileSync(path.join(cut, `d${i}.txt`), siteDump(i));
    }
    // the reference run keeps no text in memory between scan and dry run (re-reads every file): same result
    // and keeps no cleaned text between the dry run and writing (cleans every file again): the files it writes are the
    // reference the run below, which writes what its dry run cleaned, is compared with
    const ref = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(full), { confirm: false, notify: false, keepTextChars: 0 });
    assert.strictEqual(ref.cleaned.length, N);
    assert.strictEqual(ref.reanalysed, N);
    const k = 3;
    const s = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(cut), { confirm: false, notify: false, cancelAfter: k });
    assert.strictEqual(s.cancelled, true);
    assert.strictEqual(s.cleaned.length, k);
    assert.strictEqual(s.reanalysed, 0);
    assert.strictEqual(s.notProcessed, N - k);
    let cleaned = 0;
    let untouched = 0;
    for (let i = 0; i < N; i++) {
      const got = fs.readFileSync(path.join(cut, `d${i}.txt`), 'utf8');
      if (got === siteDump(i)) untouched++;
      else {
        assert.strictEqual(got, fs.readFileSync(path.join(full, `d${i}.txt`), 'utf8'), `d${i}.txt is fully cleaned`);
        cleaned++;
      }
    }
    assert.strictEqual(cleaned, k);
    assert.strictEqual(untouched, N - k);
    assert.deepStrictEqual(listAll(cut).filter((n) => /tmp/.test(n)), [], 'no temporary files left');
  });

  test('cancelling while a big dump is analysed stops the analysis at once; nothing is written', async () => {
    const fixture = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'sputnik-antonov.txt'), 'utf8');
    const big = bigDump(fixture, 5 * 1024 * 1024);
    const ref = tmpFolder('sn-cancel-ref-');
    const dir = tmpFolder('sn-cancel-big-');
    made.push(ref, dir);
    for (const d of [ref, dir]) {
      fs.writeFileSync(path.join(d, 'a-big.txt'), big); // first in the dry run
      for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(d, `d${i}.txt`), siteDump(i));
    }
    // how long the dry run takes uncancelled
    const whole = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(ref), { confirm: false, notify: false });
    assert.strictEqual(whole.cleaned.length, 4);
    const cts = new vscode.CancellationTokenSource();
    let tCancel = 0;
    const s = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), {
      confirm: false,
      notify: false,
      cancellation: cts.token,
      // 30 ms into the dry run: the big dump's analysis is under way
      afterScan: () => void setTimeout(() => ((tCancel = performance.now()), cts.cancel()), 30),
    });
    const latency = performance.now() - tCancel;
    assert.ok(tCancel > 0, 'cancelled during the run');
    assert.strictEqual(s.cancelled, true);
    assert.deepStrictEqual(s.cleaned, []);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a-big.txt'), 'utf8'), big, 'nothing written');
    for (let i = 0; i < 3; i++) assert.strictEqual(fs.readFileSync(path.join(dir, `d${i}.txt`), 'utf8'), siteDump(i));
    assert.deepStrictEqual(listAll(dir).filter((n) => /tmp/.test(n)), [], 'no temporary files');
    // returned long before the big dump's analysis would have ended (the worker is stopped, not waited for)
    assert.ok(latency < whole.timings.dryRun / 3, `returned ${latency.toFixed(0)} ms after the cancel; the uncancelled dry run took ${whole.timings.dryRun} ms`);
    console.log(`    PERF clean-folder cancelled during a 5 MB dump's analysis: returned ${latency.toFixed(0)} ms after the cancel (uncancelled dry run ${whole.timings.dryRun} ms)`);
  });

  test('UTF-16 dumps are cleaned and written back as UTF-16; files over the size limit are skipped with the reason', async () => {
    const dir = tmpFolder('sn-enc-');
    made.push(dir);
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `d${i}.txt`), siteDump(i));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(siteDump(3).replace(/\n/g, '\r\n'), 'utf16le')]);
    fs.writeFileSync(path.join(dir, 'wide.txt'), utf16);
    fs.writeFileSync(path.join(dir, 'huge.txt'), siteDump(4) + 'x'.repeat(20000) + '\n');
    const s = await vscode.commands.executeCommand<CleanFolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), {
      confirm: false,
      notify: false,
      maxFileBytes: 16000,
    });
    assert.deepStrictEqual(s.skipped.map((x) => x.path), ['huge.txt']);
    assert.match(s.skipped[0].reason, /too big/);
    assert.ok(s.cleaned.includes('wide.txt'), JSON.stringify(s));
    const bytes = fs.readFileSync(path.join(dir, 'wide.txt'));
    assert.deepStrictEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'UTF-16LE byte-order mark kept');
    const text = bytes.subarray(2).toString('utf16le');
    assertCleaned('wide.txt', text, siteDump(3).replace(/\n/g, '\r\n'));
    assert.ok(!text.replace(/\r\n/g, '').includes('\n'), 'CRLF kept');
    assert.ok(text.includes('The city council voted on Tuesday'));
  });

  test('a folder argument that is a file is refused; nothing written', async () => {
    const dir = tmpFolder('sn-file-');
    made.push(dir);
    const f = path.join(dir, 'd.txt');
    fs.writeFileSync(f, siteDump(1));
    const s = await vscode.commands.executeCommand('scrapedNews.cleanFolder', vscode.Uri.file(f), { confirm: false, notify: false });
    assert.strictEqual(s, undefined);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), siteDump(1));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Site templates for a single document (folderTemplates.ts): learned from the dumps beside it

suite('extras: site templates of a document\'s folder', function () {
  this.timeout(90000);

  interface TemplatesApi {
    analysis(uri: vscode.Uri): { lines: { label: string }[] } | undefined;
  }

  /** A dump of the same site as siteDump(i), as HTML on one line (a scraper whose HTML-to-text step failed). */
  function siteHtml(i: number): string {
    const esc = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const paras = siteDump(i).split('\n').filter((l) => l.trim()).map((l) => `<div class="row"><p class="story-body__text" data-component="text-block">${esc(l)}</p></div>`).join('');
    const head = '<meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/static/site.css"><script src="/static/app.js" async></script>';
    return `<!DOCTYPE html><html lang="en"><head>${head}<title>Riverton Courier ${i}</title></head><body class="article-page"><main id="main"><article class="story">${paras}</article></main></body></html>\n`;
  }

  test('a dump is judged with its folder\'s templates; HTML siblings count as their text; learned again when siblings change', async () => {
    const api = (await vscode.extensions.getExtension<TemplatesApi>(EXTENSION_ID)!.activate()) as TemplatesApi;
    const dir = vscode.Uri.joinPath(workspaceRoot(), `tpl-single-${Date.now()}`);
    fs.mkdirSync(dir.fsPath);
    const config = vscode.workspace.getConfiguration('scrapedNews');
    try {
      const put = (name: string, text: string) => fs.writeFileSync(path.join(dir.fsPath, name), text);
      put('d0.news.txt', siteDump(0));
      put('d1.news.txt', siteDump(1));
      put('h2.news.txt', siteHtml(2));
      put('h3.news.txt', siteHtml(3));
      const uri = vscode.Uri.joinPath(dir, 'd0.news.txt');
      const editor = await openDump(uri);
      const line = linesOf(siteDump(0)).indexOf(TEMPLATE_PROSE);
      assert.ok(line > 0);
      const label = () => api.analysis(uri)?.lines[line]?.label;
      // four dumps hold the line: two as text, two inside HTML (counted as the text they convert to)
      await until('the site-template line judged noise with the folder\'s templates', () => label() === 'boilerplate');
      // the HTML siblings counted as markup (the setting off): the line is in two of four dumps, prose again
      await config.update('convertMarkup', false, vscode.ConfigurationTarget.Workspace);
      await until('the line is prose when the HTML siblings are not converted', () => label() === 'article');
      await config.update('convertMarkup', undefined, vscode.ConfigurationTarget.Workspace);
      await until('noise again with the setting back on', () => label() === 'boilerplate');
      // fewer than three dumps left in the folder: no templates, the line is prose
      fs.rmSync(path.join(dir.fsPath, 'h2.news.txt'));
      fs.rmSync(path.join(dir.fsPath, 'h3.news.txt'));
      await until('the line is prose once the siblings are gone', () => label() === 'article');
      assert.strictEqual(editor.document.getText(), siteDump(0), 'the document itself untouched');
    } finally {
      await config.update('convertMarkup', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir.fsPath, { recursive: true, force: true });
    }
  });
});
