/**
 * Hard-wrapped dumps (src/core/boilerplate/unwrap.ts): detection of the wrap, the logical lines, labels per
 * wrapped paragraph, user keep lines, clean(clean(x)) == clean(x), and the incremental analyser through edits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyze, clean, splitLines } from '../../src/core';
import { findWraps, logicalLines } from '../../src/core/boilerplate/unwrap';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { wrapText } from '../wrap-text';

const wrap = wrapText;

const FIXTURES = ['test/fixtures/sputnik-antonov.txt', ...readdirSync('test/fixtures/boilerplate').filter((f) => f.endsWith('.txt') && !f.includes('wrapped')).map((f) => `test/fixtures/boilerplate/${f}`)];
const read = (f: string) => readFileSync(f, 'utf8');
const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

test('findWraps: no dump made without wrapping reads as wrapped (every fixture of each corpus)', () => {
  for (const f of [...FIXTURES, ...readdirSync('test/fixtures/properties').map((x) => `test/fixtures/properties/${x}`)]) {
    const t = read(f);
    assert.equal(findWraps(t, splitLines(t)), null, f);
  }
});

test('findWraps: the same dumps wrapped at 72, 78 and 80 columns read as wrapped at that width', () => {
  for (const f of FIXTURES.filter((x) => !x.includes('handmade') && !x.includes('final-145'))) {
    for (const width of [72, 78, 80]) {
      const t = wrap(read(f), width);
      const w = findWraps(t, splitLines(t));
      assert.ok(w, `${f} at ${width}`);
      // the longest line of a small dump can fall a few columns short of the width it was wrapped at
      assert.ok(w.width <= width && w.width >= width - 8, `${f} at ${width}: width ${w.width}`);
    }
  }
});

test('logicalLines: each wrapped paragraph is one line again, the breaks read as spaces, offsets unchanged', () => {
  const para1 = 'The city council approved the new budget on Tuesday after a long debate that lasted well into the night, officials said, and the mayor welcomed the vote.';
  const para2 = 'Critics said the plan would cut services in the poorest districts of the city while raising fees for parking, permits and the use of public swimming pools.';
  const para3 = 'The budget takes effect in January, when the first of the new fees will be charged to residents and visitors alike.';
  const src = ['Home | News | Sport', '', para1, '', para2, '', para3, '', 'Share this article', ''].join('\n');
  const text = wrap(src, 60).replace(/\n/g, '\r\n');
  const raw = splitLines(text);
  const w = findWraps(text, raw);
  assert.ok(w);
  const lg = logicalLines(text, raw, w);
  assert.equal(lg.text.length, text.length);
  const lines = lg.raw.map((r) => lg.text.slice(r.start, r.end).replace(/ {2}/g, ' '));
  assert.deepEqual(lines, ['Home | News | Sport', '', para1, '', para2, '', para3, '', 'Share this article', '']);
  // every physical line maps to its paragraph
  for (let i = 0; i < raw.length; i++) assert.ok(lg.raw[lg.of[i]].start <= raw[i].start && raw[i].end <= lg.raw[lg.of[i]].end);
});

test('findWraps: a list of Title Case headlines of similar lengths is not a wrapped text', () => {
  const heads = [
    'Council Approves New Budget After Long Night Of Debate In City Hall',
    'Mayor Says Taxes Will Not Rise Next Year Despite Higher Costs Ahead',
    'Storm Warning Issued For The Coast As Winds Reach Ninety Kilometres',
    'Local Team Wins Championship In Overtime Thriller Before Home Crowd',
    'New Library Opens Its Doors To Readers After Three Years Of Building',
    'Schools Prepare For Record Number Of Pupils When Term Starts Monday',
    'Hospital Expands Emergency Ward To Cope With Growing Winter Demand',
    'Police Appeal For Witnesses After Overnight Break-In At Jewellers',
  ];
  const text = heads.join('\n');
  assert.equal(findWraps(text, splitLines(text)), null);
});

test('a wrapped dump is labelled paragraph by paragraph, like the same dump unwrapped', () => {
  for (const f of FIXTURES.filter((x) => !x.includes('handmade') && !x.includes('final-145'))) {
    const src = read(f);
    const text = wrap(src, 78);
    const a = analyze(text, { entities: false, quotes: false });
    // the physical lines of one paragraph share their label
    const w = findWraps(text, splitLines(text))!;
    for (let i = 0; i + 1 < a.lines.length; i++) if (w.joins[i]) assert.equal(a.lines[i].label, a.lines[i + 1].label, `${f} line ${i}`);
    // and the cleaned text has the words of the unwrapped dump's cleaned text
    assert.equal(words(clean(text, a)), words(clean(src, analyze(src, { entities: false, quotes: false }))), f);
  }
});

test('without the unwrap step the same wrapped dump loses article text (what the step is for)', () => {
  const src = read('test/fixtures/sputnik-antonov.txt');
  const text = wrap(src, 78);
  const want = words(clean(src));
  const off = words(clean(text, analyze(text, { entities: false, quotes: false, unwrap: false })));
  const on = words(clean(text, analyze(text, { entities: false, quotes: false })));
  assert.equal(on, want);
  assert.notEqual(off, want);
});

test('a page the site itself wrapped (L3S-GN1 press release): closer to the gold with the unwrap step', () => {
  const text = read('test/fixtures/boilerplate/l3s-gn1-92474c42-wrapped.txt');
  const gold = words(read('test/fixtures/boilerplate/l3s-gn1-92474c42-wrapped.gold.txt')).split(' ');
  assert.ok(findWraps(text, splitLines(text)));
  const recall = (out: string) => {
    const bag = new Map<string, number>();
    for (const x of words(out).split(' ')) bag.set(x, (bag.get(x) ?? 0) + 1);
    let hit = 0;
    for (const x of gold) { const k = bag.get(x) ?? 0; if (k > 0) { hit++; bag.set(x, k - 1); } }
    return hit / gold.length;
  };
  const on = recall(clean(text, analyze(text, { entities: false, quotes: false })));
  const off = recall(clean(text, analyze(text, { entities: false, quotes: false, unwrap: false })));
  // 0.965 with the step, 0.948 without (0.963 and 0.836 before the page threshold, which keeps more of the wrapped
  // paragraphs' pieces)
  assert.ok(on >= 0.95 && on > off + 0.01, `recall with ${on.toFixed(3)}, without ${off.toFixed(3)}`);
});

test("a line the user keeps stays a line of its own inside a wrapped paragraph", () => {
  const text = wrap(read('test/fixtures/sputnik-antonov.txt'), 78);
  const lines = text.split('\n');
  const w = findWraps(text, splitLines(text))!;
  const i = w.joins.indexOf(1); // the first physical line that continues on the next one
  const blocked = findWraps(text, splitLines(text), (k) => k === i + 1)!;
  assert.equal(blocked.joins[i], 0);
  assert.equal(blocked.joins[i + 1], 0);
  const a = analyze(text, { entities: false, quotes: false, keepLines: [lines[i + 1].trim()] });
  assert.equal(a.lines[i + 1].reason, 'user-keep');
});

test('clean(clean(x)) == clean(x) on wrapped dumps (72 and 78 columns, with and without keepMeta)', () => {
  for (const f of FIXTURES) {
    for (const width of [72, 78]) {
      const text = wrap(read(f), width);
      for (const keepMeta of [false, true]) {
        const once = clean(text, analyze(text, { entities: false, quotes: false, keepMeta }), { keepMeta });
        const twice = clean(once, analyze(once, { entities: false, quotes: false, keepMeta }), { keepMeta });
        assert.equal(twice, once, `${f} at ${width}, keepMeta ${keepMeta}`);
      }
    }
  }
});

test('the incremental analyser equals a full analysis on a wrapped dump through edits (quotes and entities too)', () => {
  let text = wrap(read('test/fixtures/sputnik-antonov.txt'), 78);
  const opts = { entities: true, quotes: true } as const;
  const inc = new IncrementalAnalyzer(opts);
  inc.reset(text);
  const strip = (a: ReturnType<typeof analyze>) => ({ ...a, stats: { ...a.stats, timings: undefined } });
  assert.deepStrictEqual(strip(inc.analysis), strip(analyze(text, opts)));
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  const edits = [
    { rangeOffset: mid, rangeLength: 1, text: ' ' }, // joins two lines
    { rangeOffset: 10, rangeLength: 0, text: 'inserted words here\n' },
    { rangeOffset: text.length - 40, rangeLength: 20, text: '' },
  ];
  for (const e of edits) {
    text = text.slice(0, e.rangeOffset) + e.text + text.slice(e.rangeOffset + e.rangeLength);
    inc.applyChanges([e]);
    assert.deepStrictEqual(strip(inc.analysis), strip(analyze(text, opts)));
  }
});

test('a short wrapped article among menus keeps its paragraphs (its cleaned text still reads as wrapped)', () => {
  const src = read('test/fixtures/boilerplate/l3s-gn1-f9bc00f1.txt');
  for (const width of [72, 78]) {
    const text = wrap(src, width);
    const out = clean(text, analyze(text, { entities: false, quotes: false }));
    for (const p of ['Twentieth Century Fox and Apple say they will do a deal', 'to view each individual movie for a limited time before automatic expiry', 'which limit users to older movies']) {
      assert.ok(words(out).includes(words(p)), `${width}: ${p}`);
    }
    assert.ok(findWraps(out, splitLines(out)), `${width}: the cleaned text is still read as wrapped`);
  }
});

test('a sentence ending at a long line end, then a capitalised line: two paragraphs, not joined', () => {
  const prose = 'The council approved the budget on Tuesday after a debate that lasted well into the night, and the mayor welcomed the vote, which had been delayed twice since the spring because of the floods.';
  // a caption whose last line is long and ends a sentence, directly followed (no blank line) by a new paragraph
  const captionA = 'Officials said the plan would cut services in the poorest districts of';
  const captionB = 'the city while raising fees for parking, permits and the public pools.';
  const next = 'Administration officials spoke about the storms that hit the state.';
  assert.ok(captionA.length + 1 + 'the'.length > 72 && captionB.length + 1 + 'Administration'.length > 72 && captionB.length <= 72);
  const lines = [...wrap(prose, 72).split('\n'), '', ...wrap(prose.replace('Tuesday', 'Monday'), 72).split('\n'), '', captionA, captionB, next, ''];
  const text = lines.join('\n');
  const w = findWraps(text, splitLines(text));
  assert.ok(w);
  const i = lines.indexOf(captionB);
  assert.equal(w.joins[i - 1], 1, 'the caption\'s two lines are one paragraph');
  assert.equal(w.joins[i], 0, 'not glued to the next paragraph');
});

test('wrapped prose beside a long wrapped list of names (Title Case lines) still reads as wrapped', () => {
  const prose = 'The rupee on Monday ended marginally better against the greenback in anticipation of strong capital inflows through the public offer route, amid the central bank\'s bid to mop up overseas investments into the equity market, dealers said on Monday evening after a quiet session in which traders preferred to stay away from the market.';
  const names = Array.from({ length: 400 }, (_, k) => `Company${String.fromCharCode(65 + (k % 26))} Holdings`).join(' ');
  const text = [wrap(prose, 72), '', wrap(prose.replace('Monday', 'Tuesday'), 72), '', wrap(prose.replace('Monday', 'Friday'), 72), '', wrap(names, 72), ''].join('\n');
  assert.ok(findWraps(text, splitLines(text)));
});

test('quotes, speakers and entities of a wrapped dump are those of the same dump unwrapped (spans may cross its line breaks)', () => {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const view = (a: ReturnType<typeof analyze>) => ({
    quotes: a.quotes.map((q) => `${q.kind}|${norm(q.text)}|${q.speaker ? norm(q.speaker.text) : '-'}`),
    entities: a.entities.map((e) => `${e.type}|${norm(e.text)}`),
  });
  let crossing = 0;
  for (const f of ['test/fixtures/sputnik-antonov.txt', 'test/fixtures/boilerplate/l3s-gn1-443b6e83.txt', 'test/fixtures/boilerplate/cleanportaleval-wsj-brussels-10.txt']) {
    const src = read(f);
    const text = wrap(src, 78);
    const a = analyze(text);
    assert.deepEqual(view(a), view(analyze(src)), f);
    // the spans are spans of the wrapped text: their texts are its slices, line breaks included
    for (const q of a.quotes) {
      assert.equal(q.text, text.slice(q.start, q.end));
      if (q.speaker) assert.equal(q.speaker.text, text.slice(q.speaker.start, q.speaker.end));
      if (q.text.includes('\n')) crossing++;
    }
    for (const e of a.entities) assert.equal(e.text, text.slice(e.start, e.end));
  }
  assert.ok(crossing > 0, 'some quotes cross a line break of the wrapped text');
  // judged line by line, the wrapped Sputnik dump loses speakers
  const text = wrap(read('test/fixtures/sputnik-antonov.txt'), 78);
  const off = analyze(text, { unwrap: false });
  assert.ok(off.quotes.filter((q) => q.speaker).length < analyze(text).quotes.filter((q) => q.speaker).length);
});
