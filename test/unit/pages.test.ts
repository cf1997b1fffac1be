/**
 * Several pages in one file (`cat *.txt > all.txt`): each page's article is kept as when the page is alone, the
 * cleaned file is stable (clean(clean(x)) == clean(x)), and the incremental analyser equals a full analysis through
 * edits. Pages: fixture articles between made-up site menus of 35 lines (a page's header and footer).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, buildTemplateIndex, clean, REASONS, splitLines, type AnalyzeOptions } from '../../src/core';
import { FOCUS_ESTIMATE_MIN_LINES, pageStarts } from '../../src/core/boilerplate';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { readdirSync } from 'node:fs';
import { checkRandomEdits } from '../random-edits';
import { wrapText } from '../wrap-text';
import { MENU, PAGE_ARTICLES, pageOf } from '../pages-text';
import { bigDump } from '../big-dump';

const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

// articles of 200 prose words or more (shorter ones are not told apart from a page's noise: see pageStarts)
const ARTICLES = PAGE_ARTICLES.map((f) => `test/fixtures/${f}`);
const page = (f: string, k: number) => pageOf(readFileSync(f, 'utf8'), k);
const opts = { entities: false, quotes: false } as const;

test('a file of several pages keeps every page\'s article as the page alone does', () => {
  const pages = ARTICLES.map(page);
  const text = pages.join('\n\n') + '\n';
  const a = analyze(text, opts);
  let at = 0;
  for (const [k, p] of pages.entries()) {
    const alone = analyze(p, opts);
    const article = alone.lines.filter((l) => l.label === 'article');
    // (the Sputnik page keeps 8: its “DETAILS TO FOLLOW” is not in the seed-style gold and is dropped since the page threshold)
    assert.ok(article.length >= 8, `page ${k}: ${article.length} article lines alone`);
    // without reading the file page by page, the third page kept 5 of its 17 article lines
    for (const l of article) assert.equal(a.lines[at + l.line].label, 'article', `page ${k} line ${l.line}: ${p.split('\n')[l.line].slice(0, 60)}`);
    // its menus are noise
    assert.equal(a.lines[at].label, 'boilerplate');
    at += alone.lines.length + 1;
  }
  const once = clean(text, a);
  assert.equal(clean(once, analyze(once, opts)), once);
});

test('pageStarts: one page is one page (every fixture, each made-up page); two pages far apart and three pages are cut between their articles', () => {
  for (const f of [...ARTICLES, ...readdirSync('test/fixtures/boilerplate').map((x) => `test/fixtures/boilerplate/${x}`), ...readdirSync('test/fixtures/properties').map((x) => `test/fixtures/properties/${x}`)]) {
    const t = readFileSync(f, 'utf8');
    assert.equal(pageStarts(t, splitLines(t)), null, f);
  }
  for (const f of ARTICLES) { const p = page(f, 1); assert.equal(pageStarts(p, splitLines(p)), null, f); }
  // two pages: cut when a footer and a header of 100 lines or more stand between the articles, not with fewer
  const two = (menus: number) => [page(ARTICLES[0], 0), ...Array.from({ length: menus }, (_, k) => MENU.map((m) => `${m} ${k}`).join('\n')), page(ARTICLES[1], 1)].join('\n\n');
  assert.equal(pageStarts(two(0), splitLines(two(0))), null);
  assert.equal(pageStarts(two(1), splitLines(two(1)))?.length, 1);
  const pages = ARTICLES.map(page);
  const text = pages.join('\n\n') + '\n';
  const starts = pageStarts(text, splitLines(text));
  assert.ok(starts && starts.length === 2, String(starts));
  // each cut lies in the noise between two articles: after page k's last article line, before page k+1's first
  const at: number[] = [];
  let first = 0;
  for (const p of pages) { at.push(first); first += p.split('\n').length + 1; }
  const articleLines = pages.map((p) => analyze(p, opts).lines.filter((l) => l.label === 'article').map((l) => l.line));
  for (let k = 0; k < 2; k++) {
    const lastOfK = at[k] + Math.max(...articleLines[k]), firstOfNext = at[k + 1] + Math.min(...articleLines[k + 1]);
    assert.ok(starts[k] > lastOfK && starts[k] <= firstOfNext, `cut ${k} at ${starts[k]}: between ${lastOfK} and ${firstOfNext}`);
  }
});

test('a hard-wrapped file of several pages (html2text, lynx) is read page by page too', () => {
  const pages = ARTICLES.map(page);
  const text = wrapText(pages.join('\n\n') + '\n', 78);
  const out = words(clean(text, analyze(text, opts)));
  for (const [k, p] of pages.entries()) {
    // every article line of the page alone (wrapped the same way) is in the cleaned file
    const alone = wrapText(p, 78);
    const kept = words(clean(alone, analyze(alone, opts)));
    assert.ok(kept.length > 500, `page ${k}: ${kept.length}`);
    assert.ok(out.includes(kept), `page ${k}'s article is kept whole`);
  }
  assert.equal(clean(clean(text, analyze(text, opts)), analyze(clean(text, analyze(text, opts)), opts)), clean(text, analyze(text, opts)));
});

test('incremental analysis of a file of several pages equals a full analysis through edits', () => {
  checkRandomEdits(ARTICLES.map(page).join('\n\n') + '\n', { entities: false }, {
    seed: 11, edits: 10, maxDelete: 200, deleteShare: 0.3,
    inserts: ['\n', ' word', 'Home\nNews\nSport\n', 'A sentence of prose that reads like an article would read here.', ''],
  });
});

test('focus lines: the pages holding them are labelled first, with the labels the whole file gets, and nothing else changes', () => {
  const pages = [...ARTICLES, ...ARTICLES].map(page);
  const text = pages.join('\n\n') + '\n';
  const raw = splitLines(text);
  const starts = pageStarts(text, raw)!;
  assert.ok(starts.length >= 3, String(starts));
  const bounds = [0, ...starts, raw.length];
  const plain = new IncrementalAnalyzer(opts).reset(text);
  const pick = (a: ReturnType<typeof analyze>) => a.lines.map((l) => [l.label, l.reason, l.detail]);
  // a window inside one page, one across a cut, one at the end, and one past the end of the file
  const windows: [number, number][] = [[bounds[1] + 2, bounds[1] + 5], [starts[1] - 3, starts[1] + 3], [raw.length - 2, raw.length + 50]];
  for (const [first, last] of windows) {
    const calls: string[] = [];
    let got: { lines: readonly { label: string; reason: string; detail?: string }[]; firstLine: number } | undefined;
    let unsettled: { label: string; reason: string; detail?: string }[] = [];
    const inc = new IncrementalAnalyzer(opts);
    // lines whose features were computed (the analyser's memo) when the focus answer came: only the focus pages' own
    const memoSize = () => (inc as unknown as { featureMemo: Map<string, unknown> }).featureMemo.size;
    let readAtFocus = -1;
    const a = inc.reset(text, (p) => { calls.push('lines'); unsettled = p.lines.map((l) => ({ ...l })); }, {
      first, last, onLines: (lines, firstLine) => { calls.push('focus'); got = { lines: lines.map((l) => ({ ...l })), firstLine }; readAtFocus = memoSize(); },
    });
    assert.ok(readAtFocus > 0 && readAtFocus <= got!.lines.length && readAtFocus < memoSize() / 2, `${readAtFocus} lines read of ${memoSize()} at the focus answer`);
    assert.deepEqual(calls, ['focus', 'lines'], `window ${first}-${last}`);
    // whole pages: from the start of the page holding `first` to the end of the page holding `last`
    const p0 = bounds.findLastIndex((b) => b <= first), p1 = bounds.findLastIndex((b) => b <= Math.min(last, raw.length - 1));
    assert.equal(got!.firstLine, bounds[p0]);
    assert.equal(got!.lines.length, bounds[p1 + 1] - bounds[p0]);
    // the same labels as the whole file's first answer for those lines
    for (let k = 0; k < got!.lines.length; k++) {
      const f = got!.lines[k], u = unsettled[got!.firstLine + k];
      assert.deepEqual([f.label, f.reason, f.detail], [u.label, u.reason, u.detail], `line ${got!.firstLine + k}`);
    }
    assert.ok(got!.lines.some((l) => l.label === 'boilerplate') && got!.lines.some((l) => l.label === 'article'));
    // the analysis itself is the same as without a focus
    assert.deepEqual(pick(a), pick(plain));
  }
  // a file read as one page gets no focus answer (under FOCUS_ESTIMATE_MIN_LINES lines: see the next test)
  let called = false;
  new IncrementalAnalyzer(opts).reset(pages[0], undefined, { first: 0, last: 10, onLines: () => (called = true) });
  assert.equal(called, false);
});

test('focus lines in a big text read as one page: an estimate from the lines around them comes first, the analysis is unchanged', () => {
  const fixture = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
  const text = bigDump(fixture, 1.5 * 1024 * 1024);
  const raw = splitLines(text);
  assert.equal(pageStarts(text, raw), null, 'read as one page');
  assert.ok(raw.length >= FOCUS_ESTIMATE_MIN_LINES * 2, `${raw.length} lines`);
  const plain = new IncrementalAnalyzer(opts).reset(text);
  const pick = (a: ReturnType<typeof analyze>) => a.lines.map((l) => [l.label, l.reason, l.detail]);
  let differ = 0, compared = 0;
  // at the top (where a document opens), in the middle, and at the end
  for (const first of [0, Math.floor(raw.length / 2), raw.length - 40]) {
    const last = first + 39;
    const calls: string[] = [];
    let got: { lines: { line: number; start: number; end: number; label: string }[]; firstLine: number } | undefined;
    const inc = new IncrementalAnalyzer(opts);
    // lines whose features were computed when the estimate came: the window's only (a few thousand), not the text's
    const memoSize = () => (inc as unknown as { featureMemo: Map<string, unknown> }).featureMemo.size;
    let readAtFocus = -1;
    const a = inc.reset(text, () => calls.push('lines'), {
      first, last, onLines: (lines, firstLine) => { calls.push('focus'); got = { lines: lines.map((l) => ({ ...l })), firstLine }; readAtFocus = memoSize(); },
    });
    // the estimate before the whole text's first labels
    assert.deepEqual(calls, ['focus', 'lines'], `window ${first}-${last}`);
    assert.equal(readAtFocus, 0, 'the estimate reads the window apart from the analyser\'s memo');
    // the focus lines and 1,000 on each side (within the text), in the text's line numbers and offsets
    assert.equal(got!.firstLine, Math.max(0, first - 1000));
    assert.equal(got!.firstLine + got!.lines.length, Math.min(raw.length, last + 1 + 1000));
    for (let k = 0; k < got!.lines.length; k++) {
      const g = got!.lines[k], l = a.lines[got!.firstLine + k];
      assert.deepEqual([g.line, g.start, g.end], [l.line, l.start, l.end]);
      compared++;
      if (g.label !== l.label) differ++;
    }
    assert.ok(got!.lines.some((l) => l.label === 'boilerplate') && got!.lines.some((l) => l.label === 'article'));
    // the analysis itself is the same as without a focus
    assert.deepEqual(pick(a), pick(plain));
  }
  // an estimate: most labels are the final ones (bench/focus-estimate.mjs measures it over the corpora)
  assert.ok(differ / compared < 0.1, `${differ} of ${compared} estimated labels differ`);
  // a text under FOCUS_ESTIMATE_MIN_LINES lines, or focus lines outside the text: none
  let called = false;
  const small = raw.slice(0, FOCUS_ESTIMATE_MIN_LINES - 100);
  new IncrementalAnalyzer(opts).reset(text.slice(0, small[small.length - 1].end), undefined, { first: 0, last: 10, onLines: () => (called = true) });
  new IncrementalAnalyzer(opts).reset(text, undefined, { first: raw.length + 5, last: raw.length + 10, onLines: () => (called = true) });
  assert.equal(called, false);
});

test('focus estimate: CRLF line endings, a template index with line counts, a hard-wrapped text: lines as the analysis has them', () => {
  const fixture = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
  const big = bigDump(fixture, 1.2 * 1024 * 1024);
  const templates = buildTemplateIndex([fixture, fixture.replace(/Moscow/g, 'Kyiv'), readFileSync(`test/fixtures/${PAGE_ARTICLES[0]}`, 'utf8')]);
  const variants: [string, string, AnalyzeOptions][] = [
    ['crlf', big.replace(/\n/g, '\r\n'), opts],
    ['templates', big, { ...opts, templates }],
    ['wrapped', wrapText(big, 72), opts],
  ];
  for (const [name, text, o] of variants) {
    const raw = splitLines(text);
    const first = Math.floor(raw.length / 3), last = first + 30;
    let got: { lines: { line: number; start: number; end: number; label: string; reason: string }[]; firstLine: number } | undefined;
    let calls = 0;
    const a = new IncrementalAnalyzer(o).reset(text, undefined, { first, last, onLines: (lines, firstLine) => { calls++; got = { lines: lines.map((l) => ({ ...l })), firstLine }; } });
    assert.equal(calls, 1, `${name}: one focus answer`);
    // the estimate (read as one page): the focus lines and 1,000 on each side
    assert.deepEqual([got!.firstLine, got!.lines.length], [first - 1000, last - first + 1 + 2000], name);
    let same = 0;
    for (let k = 0; k < got!.lines.length; k++) {
      const g = got!.lines[k], l = a.lines[got!.firstLine + k];
      assert.deepEqual([g.line, g.start, g.end], [l.line, l.start, l.end], `${name}: line ${l.line}`);
      assert.ok(g.reason in REASONS, `${name}: reason ${g.reason}`);
      if (g.label === l.label) same++;
    }
    assert.ok(same / got!.lines.length > 0.8, `${name}: ${same} of ${got!.lines.length} estimated labels are the final ones`);
    // the analysis itself is the same as without a focus
    assert.deepEqual(a.lines.map((l) => [l.label, l.reason]), new IncrementalAnalyzer(o).reset(text).lines.map((l) => [l.label, l.reason]), name);
  }
});
