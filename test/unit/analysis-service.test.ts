/**
 * The extension's analysis service (src/extension/analysisProtocol.ts, run in a worker thread by the extension):
 * after a full text and random edit requests, the decoded compact result equals `analyze(text, options)`;
 * the two-phase answer sends the line labels first; stale or out-of-sync requests ask for a resync; the
 * compact `lines` view behaves like an array of LineInfo.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../src/core';
import type { Analysis, AnalyzeOptions, Entity, Quote } from '../../src/core';
import type { TextChange } from '../../src/core/incremental';
import { compactEntitiesOf, decodeResult, encodeEntities, encodeLines, encodeQuotes, entitiesView, entityTextOffsets, linesView, noiseSignature, quotesView, type AnalyzeRequest, type ServiceReply, type AnalysisResult, type FocusResult } from '../../src/extension/analysisProtocol';
import { PAGE_ARTICLES, pageOf } from '../pages-text';
import { bigDump } from '../big-dump';
import { AnalysisService } from '../../src/extension/analysisService';
import { scoreBelow, withoutScore } from '../../src/core/reasons';

const fixture = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
const OPTIONS: AnalyzeOptions = { quotes: true, scareQuotes: true, entities: true };

/** Plain-object copy of an analysis (the compact view materialised), timings aside. */
function plain(a: Analysis) {
  const lines = a.lines.map((l) => {
    const o = { ...l };
    if (o.detail === undefined) delete o.detail; // the core sometimes sets `detail: undefined`
    return o;
  });
  return { ...a, lines, stats: { ...a.stats, timings: null } };
}

function service() {
  const replies: ServiceReply[] = [];
  const s = new AnalysisService((r) => replies.push(structuredClone(r)));
  return { s, replies };
}

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

test('full text, then random edits: each decoded result equals a full analysis of the text', () => {
  const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), text: fc.constantFrom('', 'x', '\n', 'Share this\n', ' said the minister. ', '“Quote,” he said.\n\n', 'Moscow ') });
  fc.assert(
    fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (batches) => {
      const { s, replies } = service();
      let text = fixture;
      let version = 1;
      s.handle({ type: 'analyze', id: 'd', gen: 1, version, text, options: OPTIONS, optionsKey: 'k', length: text.length });
      let gen = 1;
      for (const batch of batches) {
        const changes: TextChange[] = [];
        for (const e of batch) {
          const off = e.at % (text.length + 1);
          const c = { rangeOffset: off, rangeLength: Math.min(e.del, text.length - off), text: e.text };
          changes.push(c);
          text = apply(text, c);
        }
        const req: AnalyzeRequest = { type: 'analyze', id: 'd', gen: ++gen, version: version + 1, baseVersion: version, changes, optionsKey: 'k', length: text.length };
        version++;
        s.handle(req);
        const r = replies.at(-1)! as AnalysisResult;
        assert.equal(r.type, 'result');
        assert.equal(r.phase, 'full');
        assert.equal(r.incremental, true);
        assert.equal(r.gen, gen);
        assert.equal(r.version, version);
        assert.deepStrictEqual(plain(decodeResult(r)), plain(analyze(text, OPTIONS)));
      }
    }),
    { numRuns: 15 },
  );
});

/**
 * The first answer of a two-phase request holds the classifier's labels before its settle step: equal to the
 * complete analysis except the lines the settle step takes out (`settled-out`, or meta), which are still kept there.
 */
function assertUnsettled(first: Analysis, full: Analysis, label: string): number {
  assert.equal(first.lines.length, full.lines.length, label);
  let settled = 0;
  full.lines.forEach((l, i) => {
    const f = first.lines[i];
    assert.equal(f.start, l.start, label);
    assert.equal(f.end, l.end, label);
    if (f.label === l.label && f.reason === l.reason && f.detail === l.detail) return;
    settled++;
    assert.equal(f.label, 'article', `${label}: line ${i} differs but was not kept before the settle step`);
    assert.ok(l.reason === 'settled-out' || l.label === 'meta', `${label}: line ${i} differs (${f.reason} -> ${l.reason}) not by the settle step`);
  });
  return settled;
}

test('two-phase full-text request: line labels first (no quotes, before the settle step), then the complete analysis', () => {
  const { s, replies } = service();
  s.handle({ type: 'analyze', id: 'd', gen: 7, version: 3, text: fixture, options: OPTIONS, optionsKey: 'k', length: fixture.length, twoPhase: true });
  assert.equal(replies.length, 2);
  const [first, second] = replies as AnalysisResult[];
  const full = analyze(fixture, OPTIONS);
  assert.equal(first.phase, 'lines');
  assert.equal(first.quotes.flags.length, 0, 'no quotes in the first answer');
  assert.equal(assertUnsettled(decodeResult(first), full, 'sputnik'), 0, 'nothing is settled out in this dump');
  assert.equal(second.phase, 'full');
  assert.ok(full.quotes.length > 0);
  assert.deepStrictEqual(plain(decodeResult(second)), plain(full));
  assert.equal(first.gen, 7);
  assert.equal(second.version, 3);
});

test('two-phase request on dumps where the settle step labels lines: the first answer has them kept, the second settled out', () => {
  // real dumps whose context lines are settled out (see properties.test.ts)
  let settled = 0;
  for (const f of ['cleaneval-dev-52.txt', 'cleanportaleval-bbc-news-03.txt', 'l3s-gn1-01ccc7c5.txt']) {
    const dump = readFileSync(`test/fixtures/properties/${f}`, 'utf8');
    const { s, replies } = service();
    s.handle({ type: 'analyze', id: 'd', gen: 1, version: 1, text: dump, options: OPTIONS, optionsKey: 'k', length: dump.length, twoPhase: true });
    assert.deepStrictEqual(replies.map((r) => (r as AnalysisResult).phase), ['lines', 'full'], f);
    const full = analyze(dump, OPTIONS);
    assert.deepStrictEqual(plain(decodeResult(replies[1] as AnalysisResult)), plain(full), f);
    const n = assertUnsettled(decodeResult(replies[0] as AnalysisResult), full, f);
    assert.ok(n >= full.lines.filter((l) => l.reason === 'settled-out').length, `${f}: every settled-out line differs`);
    settled += n;
  }
  assert.ok(settled > 0, 'the fixtures have settled-out lines');
});

test('two-phase request with focus lines on a file of several pages: the visible pages\' labels first, then the same two answers as without', () => {
  const pages = [0, 1, 2, 3].map((k) => pageOf(readFileSync(`test/fixtures/${PAGE_ARTICLES[k % PAGE_ARTICLES.length]}`, 'utf8'), k));
  const text = pages.join('\n\n') + '\n';
  const second = pages[0].split('\n').length + 1; // the first line of the second page as written
  const { s, replies } = service();
  s.handle({ type: 'analyze', id: 'd', gen: 2, version: 4, text, options: OPTIONS, optionsKey: 'k', length: text.length, twoPhase: true, focus: [second + 40, second + 45] });
  assert.deepStrictEqual(replies.map((r) => (r.type === 'result' ? r.phase : r.type)), ['focus', 'lines', 'full']);
  const focus = replies[0] as FocusResult;
  assert.equal(focus.gen, 2);
  assert.equal(focus.version, 4);
  assert.ok(focus.firstLine <= second + 40 && focus.firstLine + focus.lines.labels.length > second + 45, `${focus.firstLine} + ${focus.lines.labels.length}`);
  assert.ok(focus.lines.labels.length < text.split('\n').length / 2, 'one page, not the file');
  const lines = decodeResult(replies[1] as AnalysisResult).lines;
  const shown = linesView(focus.lines);
  for (let k = 0; k < shown.length; k++) {
    const l = lines[focus.firstLine + k];
    assert.deepStrictEqual([shown[k].label, shown[k].reason, shown[k].start, shown[k].end], [l.label, l.reason, l.start, l.end], `line ${focus.firstLine + k}`);
  }
  assert.ok(shown.some((l) => l.label === 'boilerplate'));
  assert.deepStrictEqual(plain(decodeResult(replies[2] as AnalysisResult)), plain(analyze(text, OPTIONS)));
  // a document read as one page: no focus answer
  const one = service();
  one.s.handle({ type: 'analyze', id: 'd', gen: 1, version: 1, text: fixture, options: OPTIONS, optionsKey: 'k', length: fixture.length, twoPhase: true, focus: [0, 10] });
  assert.deepStrictEqual(one.replies.map((r) => (r.type === 'result' ? r.phase : r.type)), ['lines', 'full']);
});

test('two-phase request with focus lines on a big document read as one page: an estimate of the lines around them first', () => {
  const text = bigDump(fixture, 1.5 * 1024 * 1024);
  const { s, replies } = service();
  s.handle({ type: 'analyze', id: 'd', gen: 3, version: 7, text, options: { ...OPTIONS, entities: false }, optionsKey: 'k', length: text.length, twoPhase: true, focus: [0, 45] });
  assert.deepStrictEqual(replies.map((r) => (r.type === 'result' ? r.phase : r.type)), ['focus', 'lines', 'full']);
  const focus = replies[0] as FocusResult;
  assert.deepStrictEqual([focus.gen, focus.version, focus.firstLine, focus.lines.labels.length], [3, 7, 0, 46 + 1000]);
  assert.ok(focus.ms >= 0 && focus.ms <= (replies[1] as AnalysisResult).ms, `estimate after ${focus.ms} ms, line labels after ${(replies[1] as AnalysisResult).ms} ms`);
  const shown = linesView(focus.lines);
  const lines = decodeResult(replies[2] as AnalysisResult).lines;
  let same = 0;
  for (let k = 0; k < shown.length; k++) {
    assert.deepStrictEqual([shown[k].start, shown[k].end], [lines[k].start, lines[k].end], `line ${k}`);
    if (shown[k].label === lines[k].label) same++;
  }
  assert.ok(same / shown.length > 0.9, `${same} of ${shown.length} estimated labels are the final ones`);
});

test('full text in parts: the same two answers as the joined text; lost, extra or other-generation parts ask for a resync', () => {
  const { s, replies } = service();
  const cut = (text: string, n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(text.slice(Math.floor((i * text.length) / n), Math.floor(((i + 1) * text.length) / n)));
    return out;
  };
  const parts = cut(fixture, 4);
  assert.equal(parts.join(''), fixture);
  for (const text of parts) s.handle({ type: 'text', id: 'd', gen: 5, text });
  s.handle({ type: 'analyze', id: 'd', gen: 5, version: 2, textParts: 4, options: OPTIONS, optionsKey: 'k', length: fixture.length, twoPhase: true });
  assert.equal(replies.length, 2);
  const [first, second] = replies as AnalysisResult[];
  const full = analyze(fixture, OPTIONS);
  assert.equal(first.phase, 'lines');
  assert.equal(assertUnsettled(decodeResult(first), full, 'parts'), 0);
  assert.equal(second.phase, 'full');
  assert.deepStrictEqual(plain(decodeResult(second)), plain(full));
  // then edits apply to the joined text as to a text sent whole
  const text2 = fixture + '\nSource link';
  s.handle({ type: 'analyze', id: 'd', gen: 6, version: 3, baseVersion: 2, changes: [{ rangeOffset: fixture.length, rangeLength: 0, text: '\nSource link' }], optionsKey: 'k', length: text2.length });
  assert.deepStrictEqual(plain(decodeResult(replies.at(-1) as AnalysisResult)), plain(analyze(text2, OPTIONS)));
  // a part of an older generation (an abandoned reading) is not mixed into a newer one
  const n = replies.length;
  s.handle({ type: 'text', id: 'e', gen: 1, text: 'stale part\n' });
  for (const text of cut(text2, 3)) s.handle({ type: 'text', id: 'e', gen: 2, text });
  s.handle({ type: 'analyze', id: 'e', gen: 2, version: 1, textParts: 3, options: OPTIONS, optionsKey: 'k', length: text2.length });
  assert.deepStrictEqual(plain(decodeResult(replies.at(-1) as AnalysisResult)), plain(analyze(text2, OPTIONS)));
  assert.equal(replies.length, n + 1);
  // a part missing, or parts of another generation only: resync, the document is dropped
  for (const text of cut(fixture, 3).slice(1)) s.handle({ type: 'text', id: 'e', gen: 3, text });
  s.handle({ type: 'analyze', id: 'e', gen: 3, version: 2, textParts: 3, options: OPTIONS, optionsKey: 'k', length: fixture.length });
  assert.equal(replies.at(-1)!.type, 'resync');
  s.handle({ type: 'text', id: 'e', gen: 4, text: fixture });
  s.handle({ type: 'analyze', id: 'e', gen: 5, version: 3, textParts: 1, options: OPTIONS, optionsKey: 'k', length: fixture.length });
  assert.equal(replies.at(-1)!.type, 'resync');
  assert.equal(s.documents(), 1, 'only d is left');
  // close forgets parts received so far
  s.handle({ type: 'text', id: 'f', gen: 1, text: 'abc' });
  s.handle({ type: 'close', id: 'f' });
  s.handle({ type: 'analyze', id: 'f', gen: 1, version: 1, textParts: 1, options: OPTIONS, optionsKey: 'k', length: 3 });
  assert.equal(replies.at(-1)!.type, 'resync');
});

test('options change with edits; out-of-sync and unknown documents ask for a resync; close forgets', () => {
  const { s, replies } = service();
  s.handle({ type: 'analyze', id: 'd', gen: 1, version: 1, text: fixture, options: OPTIONS, optionsKey: 'a', length: fixture.length });
  const opts2: AnalyzeOptions = { ...OPTIONS, entities: false, boilerplatePatterns: ['^DETAILS TO FOLLOW$'] };
  const text2 = 'Share this\n' + fixture;
  s.handle({ type: 'analyze', id: 'd', gen: 2, version: 2, baseVersion: 1, changes: [{ rangeOffset: 0, rangeLength: 0, text: 'Share this\n' }], options: opts2, optionsKey: 'b', length: text2.length });
  assert.deepStrictEqual(plain(decodeResult(replies.at(-1) as AnalysisResult)), plain(analyze(text2, opts2)));
  // edits against a version the service does not have
  s.handle({ type: 'analyze', id: 'd', gen: 3, version: 5, baseVersion: 4, changes: [], optionsKey: 'b', length: text2.length });
  assert.equal(replies.at(-1)!.type, 'resync');
  // a wrong expected length (host and service disagree on the text)
  s.handle({ type: 'analyze', id: 'e', gen: 1, version: 1, text: 'abc', options: OPTIONS, optionsKey: 'a', length: 3 });
  s.handle({ type: 'analyze', id: 'e', gen: 2, version: 2, baseVersion: 1, changes: [{ rangeOffset: 0, rangeLength: 0, text: 'x' }], optionsKey: 'a', length: 99 });
  assert.equal(replies.at(-1)!.type, 'resync');
  assert.equal(s.documents(), 0, 'the out-of-sync documents were dropped (the host sends the full text next)');
  s.handle({ type: 'analyze', id: 'd', gen: 4, version: 6, text: text2, options: opts2, optionsKey: 'b', length: text2.length });
  assert.equal(s.documents(), 1);
  s.handle({ type: 'close', id: 'd' });
  assert.equal(s.documents(), 0);
  s.handle({ type: 'analyze', id: 'd', gen: 9, version: 6, baseVersion: 5, changes: [], optionsKey: 'b', length: 0 });
  assert.equal(replies.at(-1)!.type, 'resync');
});

test('compact quotes: the view gives the same quotes (speakers, resolved names, cues, scare reasons)', () => {
  const a = analyze(fixture, OPTIONS);
  assert.ok(a.quotes.some((q) => q.speaker));
  // every field variant the core produces: speaker with/without resolved name, cue object or null, scare reasons
  const variants: Quote[] = [
    { start: 1, end: 9, text: '“quack”', kind: 'scare', speaker: null, cue: null, scareReason: 'modifier' },
    { start: 10, end: 30, text: '“We will”', kind: 'quote', speaker: { start: 31, end: 40, text: 'he', resolved: 'Jane Holloway' }, cue: { start: 41, end: 45, text: 'said' } },
    { start: 50, end: 60, text: '', kind: 'quote', speaker: { start: 61, end: 62, text: 'Ryabkov' }, cue: null },
    { start: 70, end: 80, text: '“Face the Nation”', kind: 'scare', speaker: null, cue: null, scareReason: 'subhead' },
  ];
  for (const quotes of [a.quotes, variants]) {
    const v = quotesView(structuredClone(encodeQuotes(quotes)));
    assert.equal(v.length, quotes.length);
    assert.deepStrictEqual([...v], [...quotes]);
  }
  const v = quotesView(encodeQuotes(a.quotes));
  assert.equal(v[0], v[0], 'one object per quote');
  assert.deepStrictEqual(quotesView(encodeQuotes([])), []);
});

test('compact entities: the view gives the same entities; the flat arrays are what the host reads without it', () => {
  const a = analyze(fixture, OPTIONS);
  assert.ok(a.entities.length > 10);
  const variants: Entity[] = [
    { start: 0, end: 5, type: 'person', text: 'Jane ' },
    { start: 3, end: 9, type: 'organization', text: '' },
    { start: 10, end: 12, type: 'place', text: 'Zürich — “Ω”' },
  ];
  for (const entities of [a.entities, variants]) {
    const c = structuredClone(encodeEntities(entities));
    const v = entitiesView(c);
    assert.equal(v.length, entities.length);
    assert.deepStrictEqual([...v], [...entities]);
    // the flat arrays: [start, end] per entity, type index, texts from the pool
    const offs = entityTextOffsets(c);
    entities.forEach((e, i) => {
      assert.deepStrictEqual([c.nums[i * 2], c.nums[i * 2 + 1]], [e.start, e.end]);
      assert.equal(c.pool.slice(offs[i], offs[i + 1]), e.text);
    });
  }
  const v = entitiesView(encodeEntities(a.entities));
  assert.equal(v[0], v[0], 'one object per entity');
  assert.deepStrictEqual(entitiesView(encodeEntities([])), []);
  assert.throws(() => encodeEntities([{ start: 0, end: 1, type: 'thing' as Entity['type'], text: 'x' }]), /unknown entity type/);
  // a service answer carries them compact: the decoded analysis reads them through the view
  const { s, replies } = service();
  s.handle({ type: 'analyze', id: 'e', gen: 1, version: 1, text: fixture, options: OPTIONS, optionsKey: 'k', length: fixture.length });
  const r = replies.at(-1) as AnalysisResult;
  assert.ok(r.entities.nums instanceof Int32Array, 'entities travel as flat arrays');
  const d = decodeResult(r);
  assert.ok(compactEntitiesOf(d));
  assert.deepStrictEqual([...d.entities], [...a.entities]);
});

test('compact lines view: indexing, length, iteration and array methods like a LineInfo[]', () => {
  const a = analyze(fixture, OPTIONS);
  const c = encodeLines(a.lines);
  const v = linesView(c);
  assert.equal(v.length, a.lines.length);
  assert.deepStrictEqual({ ...v[3] }, { ...a.lines[3] });
  assert.equal(v[a.lines.length], undefined);
  assert.ok(Array.isArray(v));
  assert.ok(0 in v && !(a.lines.length in v));
  assert.deepStrictEqual(plain({ ...a, lines: [...v] }).lines, plain(a).lines);
  assert.equal(v.filter((l) => l.label === 'boilerplate').length, a.stats.boilerplateLines);
  assert.equal(v.some((l) => l.label === 'boilerplate'), true);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(v)), JSON.parse(JSON.stringify(a.lines)), 'JSON drops undefined details on both sides');
  const withDetail = a.lines.findIndex((l) => l.detail !== undefined);
  if (withDetail >= 0) assert.equal(v[withDetail].detail, a.lines[withDetail].detail);
  assert.equal(Reflect.set(v, 0, a.lines[1]), false, 'read-only');
  assert.equal(v[0].line, 0);
  // its length is the proxy's answer (the target holds nothing): reflection, slices from the end, copies
  assert.equal(Object.getOwnPropertyDescriptor(v, 'length')?.value, a.lines.length);
  assert.equal(Object.keys(v).length, a.lines.length);
  assert.deepStrictEqual(v.slice(-2).map((l) => l.line), [a.lines.length - 2, a.lines.length - 1]);
  assert.equal(v.at(-1)?.line, a.lines.length - 1);
  assert.equal(Array.from(v).length, a.lines.length);
});

test('compact lines view: a view of a million lines allocates nothing per line until one is read', () => {
  const n = 1_000_000;
  const c = { starts: new Int32Array(n), ends: new Int32Array(n), labels: new Uint8Array(n), reasons: new Uint16Array(n), reasonTable: ['article-prose'], detailLines: new Int32Array(0), detailTexts: [] };
  const before = process.memoryUsage().heapUsed;
  const views = Array.from({ length: 40 }, () => linesView(c)); // (giving each target a length of n took 8 MB each)
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(grown < 32 * 1024 * 1024, `40 views grew the heap by ${(grown / 1048576).toFixed(1)} MB`);
  assert.equal(views[39].length, n);
  assert.equal(views[39][n - 1].line, n - 1);
});

test('noise signature (diagnostics skip): same for compact and plain analyses; follows noise lines only', () => {
  const { s, replies } = service();
  s.handle({ type: 'analyze', id: 'd', gen: 1, version: 1, text: fixture, options: OPTIONS, optionsKey: 'k', length: fixture.length });
  const a = analyze(fixture, OPTIONS);
  const compact = decodeResult(replies.at(-1) as AnalysisResult);
  assert.equal(noiseSignature(compact, false, 1000), noiseSignature(a, false, 1000));
  assert.equal(noiseSignature(compact, true, 1000), noiseSignature(a, true, 1000));
  assert.ok(noiseSignature(a, false, 1000).length > 0);
  const noise = a.lines.find((l) => l.label === 'boilerplate')!;
  const prose = a.lines.find((l) => l.label === 'article' && l.end - l.start > 200)!;
  const longerNoise = fixture.slice(0, noise.end) + 'x' + fixture.slice(noise.end);
  const longerProse = fixture.slice(0, prose.end) + ' more' + fixture.slice(prose.end);
  assert.notEqual(noiseSignature(analyze(longerNoise, OPTIONS), false, 1000), noiseSignature(a, false, 1000));
  const b = analyze(longerProse, OPTIONS);
  if (b.lines.every((l, i) => l.label === a.lines[i].label && l.reason === a.lines[i].reason)) {
    assert.equal(noiseSignature(b, false, 1000), noiseSignature(a, false, 1000), 'typing in an article line changes no diagnostic');
  }
  assert.equal(noiseSignature(a, false, 2).split('\n').length, 2, 'bounded');
});

test("each answer carries the thread's CPU time of its analysis when the service has a thread clock, -1 without one", () => {
  // a fake clock that advances 7 ms per reading: an analysis reads it at its start and once per answer
  let clock = 100;
  const replies: ServiceReply[] = [];
  const s = new AnalysisService((r) => replies.push(r), () => 0, () => (clock += 7));
  const big = Array.from({ length: 40 }, () => fixture).join('\n');
  s.handle({ type: 'analyze', id: 'd', gen: 1, version: 1, text: big, options: OPTIONS, optionsKey: 'k', length: big.length, twoPhase: true });
  const [lines, full] = replies as AnalysisResult[];
  assert.equal(lines.phase, 'lines');
  assert.equal(full.phase, 'full');
  assert.equal(lines.cpuMs, 7); // start 107, first answer 114
  assert.equal(full.cpuMs, 14); // complete answer 121
  const plainService = service();
  plainService.s.handle({ type: 'analyze', id: 'd', gen: 1, version: 1, text: fixture, options: OPTIONS, optionsKey: 'k', length: fixture.length });
  assert.equal((plainService.replies[0] as AnalysisResult).cpuMs, -1);
});

test('noise signature: an edit in an article line that only moves the model scores in the hovers changes no diagnostic', () => {
  // The hover of a line the model dropped ends with its score and the page's cut-off; typing anywhere in the page moves
  // them a little. The diagnostics leave them out (withoutScore), so such an edit publishes nothing.
  const opts: AnalyzeOptions = { quotes: false, entities: false };
  let moved = 0;
  for (const f of ['handmade-de.txt', 'handmade-es.txt', 'cleanportaleval-wsj-brussels-10.txt', 'l3s-gn1-443b6e83.txt']) {
    const text = readFileSync(`test/fixtures/boilerplate/${f}`, 'utf8');
    const a = analyze(text, opts);
    const prose = a.lines.filter((l) => l.label === 'article' && l.end - l.start > 40);
    for (let k = 0; k < prose.length; k += Math.max(1, Math.floor(prose.length / 6))) {
      const l = prose[k];
      for (const at of [l.end, l.start + ((l.end - l.start) >> 1)]) {
        const b = analyze(text.slice(0, at) + ' x' + text.slice(at), opts);
        if (!b.lines.every((m, i) => m.label === a.lines[i].label && (m.reason === a.lines[i].reason || i === l.line))) continue;
        if (b.lines.some((m, i) => m.label !== 'article' && m.detail !== a.lines[i].detail)) moved++;
        assert.equal(noiseSignature(b, false, 1000), noiseSignature(a, false, 1000), `${f}: edit at ${at}`);
      }
    }
  }
  assert.ok(moved >= 1, 'some edit moved a score (else this test checks nothing)');
});

test('withoutScore: only the score and cut-off at the end of a model reason\'s detail go', () => {
  assert.equal(withoutScore('low-prose', "few function words; article score 0.310 < this page's cut-off 0.45"), 'few function words');
  assert.equal(withoutScore('outside-body', 'article score 0.050 < cut-off 0.4'), undefined);
  assert.equal(withoutScore('settled-out', "very short; article score 0.399 < this page's cut-off 0.4"), 'very short');
  assert.equal(withoutScore('low-prose', 'few function words'), 'few function words');
  assert.equal(withoutScore('template', 'repeats in 5 of 5 dumps in this folder'), 'repeats in 5 of 5 dumps in this folder');
  // a user's pattern is shown as written, whatever it says
  assert.equal(withoutScore('user-pattern', 'article score 0.310 < cut-off 0.4'), 'article score 0.310 < cut-off 0.4');
  assert.equal(withoutScore('low-prose', undefined), undefined);
  // the text the classifier writes (scoreBelow) is the text taken off
  assert.equal(withoutScore('short-fragment', `very short; ${scoreBelow(0.1234, 0.425, true)}`), 'very short');
  assert.equal(withoutScore('low-prose', scoreBelow(0.2, 0.4, false)), undefined);
});
