/**
 * Incremental analysis equals a full analysis: after random edit sequences (fast-check) on generated dumps and on
 * the real fixture, `IncrementalAnalyzer.analysis` deep-equals `analyze(finalText, options)` (timings aside).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { wrapText } from '../wrap-text';
import fc from 'fast-check';
import { analyze, buildTemplateIndex } from '../../src/core';
import type { Analysis, AnalyzeOptions } from '../../src/core';
import { PAGE_ARTICLES, pageOf } from '../pages-text';
import { BIG_WARM_STEPS, IncrementalAnalyzer, warmBigDocumentStep, type TextChange } from '../../src/core/incremental';

const fixture = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');

function norm(a: Analysis) {
  return { ...a, stats: { ...a.stats, timings: null } };
}

function assertSame(inc: IncrementalAnalyzer, options: AnalyzeOptions, msg = '') {
  const full = analyze(inc.text, options);
  assert.deepStrictEqual(norm(inc.analysis), norm(full), msg);
}

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

const LINES = [
  'The city council approved the new budget on Tuesday after a long debate that lasted well into the night.',
  '“We will not raise taxes this year,” the minister told reporters in Moscow on Wednesday.',
  'Anatoly Antonov, the Russian ambassador, said the embassy had received no answer from Washington.',
  'Residents were divided, with some welcoming the change and others calling it "rushed and unfair".',
  'He said: “This is a good day for the people of Berlin and for the whole country.”',
  '[ad_1]', 'Share this article', 'Source link', 'https://example.com/img/logo.png', 'Leave a Reply', 'Log In',
  'Home | World | Business', '© 2024 Example News. All rights reserved.', 'By Jane Smith, Reuters', 'MOSCOW (Reuters) -',
  'Short line', 'Photo: AFP', '', '', '   ', 'Emoji 😀 at the end 😀', '\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd right-to-left',
  '北京市政府周三宣布新的交通规定', 'Getty Images', 'Read more', 'Subscribe to our newsletter',
];
const EOLS = ['\n', '\n', '\n', '\r\n', '\r'];
const INSERTS = ['\n', '\r', '\r\n', ' ', 'x', '“', '”', '"', 'said', ' the embassy said.', 'Share', '😀', '\ufeff', ...LINES.map((l) => l + '\n')];

const dumpArb = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom(...EOLS)), { minLength: 0, maxLength: 40 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([ls, bom, trailing]) => (bom ? '\ufeff' : '') + ls.map(([l, e]) => l + e).join('').replace(/[\r\n]+$/, trailing ? '\n' : ''));

/** An edit as relative numbers, resolved against the current text when applied. */
const editArb = fc.record({
  pos: fc.double({ min: 0, max: 1, noNaN: true }),
  /** Snap the position to a line ending (+ -1, 0, +1, +2): where CR/LF pairs get split or joined. */
  snap: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
  len: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 400 })),
  ins: fc.oneof(fc.constant(''), fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 })),
});

function resolve(text: string, e: { pos: number; snap?: number; len: number; ins: string }): TextChange {
  let off = Math.min(text.length, Math.floor(e.pos * (text.length + 1)));
  if (e.snap !== undefined) {
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === '\r' || text[i] === '\n') ends.push(i);
    if (ends.length) off = Math.max(0, Math.min(text.length, ends[Math.min(ends.length - 1, Math.floor(e.pos * ends.length))] + e.snap));
  }
  return { rangeOffset: off, rangeLength: Math.min(e.len, text.length - off), text: e.ins };
}

const OPTS: AnalyzeOptions = { entities: false };

/**
 * Applies `edits` one by one to an analyser of `dump` and to the text; the analysis must equal a full one after
 * the last edit (`everyStep`: also after the reset and after every edit).
 */
function assertEditsAgree(dump: string, edits: readonly Parameters<typeof resolve>[0][], options: AnalyzeOptions, msg = '', everyStep = false): void {
  const inc = new IncrementalAnalyzer(options, dump);
  if (everyStep) assertSame(inc, options, `${msg} after reset`);
  let text = dump;
  for (const e of edits) {
    const c = resolve(text, e);
    text = apply(text, c);
    inc.applyChanges([c]);
    if (everyStep) {
      assert.equal(inc.text, text);
      assertSame(inc, options, msg);
    }
  }
  if (everyStep) return; // the last edit was just checked
  assert.equal(inc.text, text);
  assertSame(inc, options, msg);
}

test('incremental = full after random edit sequences on generated dumps (no entities)', () => {
  fc.assert(
    fc.property(dumpArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (dump, edits) => assertEditsAgree(dump, edits, OPTS, '', true)),
    { numRuns: 300 },
  );
});

test('incremental = full with entities, quotes and user patterns, on the real fixture', () => {
  const opts: AnalyzeOptions = { boilerplatePatterns: ['^Sputnik'], keepLines: ['Short line'] };
  fc.assert(
    fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => assertEditsAgree(fixture, edits, opts)),
    { numRuns: 40 },
  );
});

test('incremental = full on dumps where the settle step labels lines (clean(clean(x)) == clean(x)), edits that add and remove the noise', () => {
  // real dumps whose context lines are settled out (see properties.test.ts); edits near the settled lines change
  // what is kept, and removing the noise lines one by one (as a user of "Remove line" would) must keep agreeing
  const files = ['cleaneval-dev-52.txt', 'cleanportaleval-bbc-news-03.txt', 'l3s-gn1-01ccc7c5.txt'];
  let settledSeen = 0;
  for (const f of files) {
    const dump = readFileSync(`test/fixtures/properties/${f}`, 'utf8');
    const inc = new IncrementalAnalyzer(OPTS, dump);
    assertSame(inc, OPTS, f);
    const settled = inc.analysis.lines.filter((l) => l.reason === 'settled-out');
    settledSeen += settled.length;
    // delete the text from the last boilerplate line before each settled line up to it (bottom up, offsets of the
    // first analysis): the noise around the settled lines goes away edit by edit
    const a0 = inc.analysis;
    for (const l of [...settled].reverse()) {
      const prev = a0.lines.slice(0, l.line).reverse().find((x) => x.label === 'boilerplate');
      if (!prev) continue;
      inc.applyChanges([{ rangeOffset: prev.start, rangeLength: l.start - prev.start, text: '' }]);
      assertSame(inc, OPTS, `${f}: after deleting before line ${l.line}`);
    }
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => assertEditsAgree(dump, edits, OPTS, f)),
      { numRuns: 15 },
    );
  }
  assert.ok(settledSeen > 0, 'the fixtures exercise the settle step');
});

test('incremental = full on hard-wrapped dumps (the unwrap step), edits that join, split and re-wrap lines', () => {
  // the fixtures word-wrapped at 72 columns, as html2text or lynx write them
  const wrap = (t: string) => wrapText(t, 72);
  for (const dump of [wrap(fixture), wrap(readFileSync('test/fixtures/properties/cleaneval-dev-52.txt', 'utf8'))]) {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 5 }), (edits) => assertEditsAgree(dump, edits, OPTS, 'wrapped', true)),
      { numRuns: 25 },
    );
  }
});

test('several changes in one event (VS Code order: later offsets first) and syncText', () => {
  fc.assert(
    fc.property(dumpArb, fc.array(editArb, { minLength: 1, maxLength: 5 }), (dump, edits) => {
      // non-overlapping changes against the same original text, sent from the end backwards
      const changes = edits
        .map((e) => resolve(dump, e))
        .sort((a, b) => b.rangeOffset - a.rangeOffset)
        .filter((c, i, arr) => i === 0 || c.rangeOffset + c.rangeLength <= arr[i - 1].rangeOffset);
      let text = dump;
      for (const c of changes) text = apply(text, c);
      const inc = new IncrementalAnalyzer(OPTS, dump);
      inc.applyChanges(changes);
      assert.equal(inc.text, text);
      assertSame(inc, OPTS);
      const inc2 = new IncrementalAnalyzer(OPTS, dump);
      inc2.syncText(text);
      assert.equal(inc2.text, text);
      assertSame(inc2, OPTS);
    }),
    { numRuns: 150 },
  );
});

test('CR/LF pairs split and joined by edits; BOM added and removed; options changed', () => {
  const inc = new IncrementalAnalyzer(OPTS, 'Line one is here.\r\nShare\r\n');
  const steps: TextChange[] = [
    { rangeOffset: 18, rangeLength: 0, text: 'X' }, // between \r and \n: splits the pair
    { rangeOffset: 18, rangeLength: 1, text: '' }, // joins it again
    { rangeOffset: 0, rangeLength: 0, text: '\ufeff' },
    { rangeOffset: 0, rangeLength: 1, text: '' },
    { rangeOffset: 17, rangeLength: 2, text: '\r' },
    { rangeOffset: 0, rangeLength: 0, text: '\n' },
  ];
  for (const c of steps) {
    inc.applyChanges([c]);
    assertSame(inc, OPTS, JSON.stringify(c));
  }
  const withPatterns = { ...OPTS, boilerplatePatterns: ['^Line'] };
  inc.setOptions(withPatterns);
  assertSame(inc, withPatterns);
  assert.throws(() => inc.applyChanges([{ rangeOffset: inc.text.length + 1, rangeLength: 0, text: 'x' }]), RangeError);
});

test('a one-line edit in a large dump re-splits only a few lines and reuses the memos', () => {
  const big = Array.from({ length: 400 }, (_, i) => `${LINES[i % 5]} (${i})\n\nShare\n`).join('');
  const inc = new IncrementalAnalyzer(OPTS, big);
  const off = big.indexOf('(200)');
  inc.applyChanges([{ rangeOffset: off, rangeLength: 5, text: '(two hundred)' }]);
  assert.ok(inc.stats.resplitLines <= 4, `resplit ${inc.stats.resplitLines}`);
  assertSame(inc, OPTS);
  assert.ok(inc.stats.memo.quotes > 0);
});

test('a file of several pages: an edit classifies only the page it is in, a noise edit reuses the cleaned text; = full', () => {
  const articles = PAGE_ARTICLES.map((f) => readFileSync('test/fixtures/' + f, 'utf8'));
  const text = Array.from({ length: 9 }, (_, k) => pageOf(articles[k % articles.length], k)).join('\n');
  const opts: AnalyzeOptions = { entities: false };
  const inc = new IncrementalAnalyzer(opts, text);
  const pages = inc.stats.pages.classified + inc.stats.pages.reused;
  assert.ok(pages >= 9, `read as ${pages} pages`);
  assertSame(inc, opts, 'first analysis');
  // typing in article lines (seeded positions), each followed by the full analysis' result
  let x = 7;
  const rnd = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % n;
  for (let e = 0; e < 12; e++) {
    const arts = inc.analysis.lines.filter((l) => l.label === 'article' && l.end - l.start > 40);
    const l = arts[rnd(arts.length)];
    const off = l.start + rnd(l.end - l.start);
    inc.applyChanges([{ rangeOffset: off, rangeLength: e % 4 === 3 ? 3 : 0, text: e % 4 === 3 ? '' : e % 2 ? ' x' : 'y' }]);
    assertSame(inc, opts, `edit ${e} at ${off}`);
    const st = inc.stats.pages;
    assert.ok(st.classified <= 2 && st.reused >= pages - 2, `edit ${e}: ${JSON.stringify(st)} of ${pages} pages`);
  }
  // typing in a menu line (noise before and after): the cleaned text is the same, its labels are taken as they were
  const menu = inc.text.indexOf('Weather 4\n') + 'Weather 4'.length;
  inc.applyChanges([{ rangeOffset: menu, rangeLength: 0, text: 'x' }]);
  assertSame(inc, opts, 'menu edit');
  const edited = inc.analysis.lines.find((l) => inc.text.slice(l.start, l.end) === 'Weather 4x');
  assert.ok(edited && edited.label !== 'article', 'the menu line is noise');
  assert.ok(inc.stats.pages.cleanedReused >= 1 && inc.stats.pages.classified === 1, JSON.stringify(inc.stats.pages));
  // new options: every page again
  const withPatterns: AnalyzeOptions = { ...opts, boilerplatePatterns: ['^Politics'] };
  inc.setOptions(withPatterns);
  assertSame(inc, withPatterns, 'options changed');
  assert.equal(inc.stats.pages.reused, 0, JSON.stringify(inc.stats.pages));
  // undoing an edit brings back pages seen in the last run only (the memo keeps no older version)
  inc.applyChanges([{ rangeOffset: menu, rangeLength: 1, text: '' }]);
  assertSame(inc, withPatterns, 'undo');
  // with a site-template index (its counts are part of what a page's labels depend on)
  const withTemplates: AnalyzeOptions = { ...opts, templates: buildTemplateIndex(Array.from({ length: 4 }, (_, k) => pageOf(articles[k % articles.length], 100 + k))) };
  inc.setOptions(withTemplates);
  assertSame(inc, withTemplates, 'templates');
  for (let e = 0; e < 3; e++) {
    const off = inc.text.indexOf(`Sport ${e + 2}\n`);
    inc.applyChanges([{ rangeOffset: off, rangeLength: 0, text: 'x' }]);
    assertSame(inc, withTemplates, `templates, edit ${e}`);
    assert.ok(inc.stats.pages.classified <= 2, JSON.stringify(inc.stats.pages));
  }
});

test('a paste of thousands of lines and deleting everything', () => {
  const inc = new IncrementalAnalyzer(OPTS, fixture);
  const paste = Array.from({ length: 5000 }, (_, i) => (i % 3 ? 'Share' : LINES[i % 5])).join('\r\n');
  inc.applyChanges([{ rangeOffset: 200, rangeLength: 0, text: paste }]);
  assertSame(inc, OPTS, 'after paste');
  inc.applyChanges([{ rangeOffset: 0, rangeLength: inc.text.length, text: '' }]);
  assert.equal(inc.text, '');
  assertSame(inc, OPTS, 'after delete all');
});

test('line-ending counts of long texts (native search) and of edits (character loop) give the full analysis eol', () => {
  // texts over the 4,096-character threshold whose dominant ending is decided by a small margin, then edits that
  // add or remove single endings (counted by the short-range loop) until the dominant one changes
  const ends = fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 300, maxLength: 600 });
  fc.assert(
    fc.property(ends, fc.array(fc.record({ at: fc.nat(), ins: fc.constantFrom('\n', '\r', '\r\n', '', 'x') }), { maxLength: 30 }), (eols, edits) => {
      let text = eols.map((e, i) => `Line ${i} of a long text that is here only for its line endings.${e}`).join('');
      assert.ok(text.length > 4096);
      const inc = new IncrementalAnalyzer({ entities: false, quotes: false });
      inc.reset(text);
      assert.strictEqual(inc.analysis.eol, analyze(text, { entities: false, quotes: false }).eol);
      for (const e of edits) {
        const off = e.at % (text.length + 1);
        const c: TextChange = { rangeOffset: off, rangeLength: e.ins === '' ? Math.min(2, text.length - off) : 0, text: e.ins };
        text = apply(text, c);
        inc.applyChanges([c]);
        assert.strictEqual(inc.analysis.eol, analyze(text, { entities: false, quotes: false }).eol);
      }
    }),
    { numRuns: 60 },
  );
});

test('warmBigDocumentStep: BIG_WARM_STEPS steps, then nothing to do; it leaves no state behind (the analysis after it is the same)', () => {
  const text = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
  const before = new IncrementalAnalyzer({}).reset(text);
  let steps = 0;
  while (warmBigDocumentStep(steps)) steps++;
  assert.equal(steps + 1, BIG_WARM_STEPS);
  assert.equal(warmBigDocumentStep(BIG_WARM_STEPS), false);
  const after = new IncrementalAnalyzer({}).reset(text);
  assert.deepEqual({ ...after, stats: null }, { ...before, stats: null });
});
