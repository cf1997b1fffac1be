/**
 * The quote finder's fast paths (src/core/quotes/) give the same answers as the code they replaced: character loops
 * equal the regexes they stand for, and every cheap precheck is a necessary condition of the regex it guards (so the
 * regex still decides). Random strings over an alphabet rich in the characters these rules look at: quote marks,
 * apostrophes, guillemets, whitespace of several kinds, punctuation, the mask character, non-ASCII and astral letters,
 * lone surrogates, and the words the rules name (Mr, vs, etc, his, show, on, said …).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanParagraph } from '../../src/core/quotes/marks';
import { analyzeParagraph, markHint, mayHaveMarks, resetMarks } from '../../src/core/quotes';
import { cleanWord, interior, interiorWords, mayBePossessive, mayBeTitleNoun, POSSESSIVE, TITLE_NOUN } from '../../src/core/quotes/scare';
import { ABBREV, ABBREV_WORD, mayBeAbbrevWord, TRANSCRIPT_LABEL, allSpace, dashAt, hasLetter, isHeadline, isUpper, mayBeAbbrev, mayBeLabel, sentenceStarts } from '../../src/core/quotes/speaker';

const PARTS = [
  'a', 'b', 'e', 's', 'r', 'y', 'x', 'A', 'B', 'M', 'S', 'U', 'Z', '0', '7', 'É', 'é', 'ß', 'Ω', 'ж', '𝐀', '😀', '\ud800', '\udc00',
  ' ', ' ', ' ', '\t', '\u00a0', '\u2009', '\u3000', '\u2028', '\ufeff', '\u200b',
  '"', "'", '“', '”', '‘', '’', '„', '«', '»', "''", '’’', '‘‘',
  '.', ',', ':', ';', '!', '?', '(', ')', '[', ']', '-', '—', '―', '–', '--', '<', '>', '/', '<p>', '<a href="x">', '\u0001',
  'Mr', 'Mrs', 'vs', 'etc', 'U.S', 'Supt', 'his', 'their', 'my', 'show', 'Show', 'on', 'with', 'hosts', 'titled,',
  'said', 'Says', 'PENCE', 'don’t', "it's", 'Trump’s', 'Obama', 'The', 'of',
];
const str = (max: number) => fc.array(fc.constantFrom(...PARTS), { maxLength: max }).map((a) => a.join(''));
const RUNS = { numRuns: 3000 };

test('mayHaveMarks is false only where the mark scan finds nothing', () => {
  fc.assert(
    fc.property(str(40), str(40), str(40), (pre, para, post) => {
      const text = `${pre}\n${para}\n${post}`;
      const start = pre.length + 1;
      const end = start + para.length;
      resetMarks();
      // the scan state is shared by the paragraphs of one text in order: the first line first, as findQuotes does
      mayHaveMarks(text, 0, pre.length);
      if (mayHaveMarks(text, start, end)) {
        // the scan may start at the hint: the same result as from the paragraph start
        assert.deepEqual(scanParagraph(para, markHint()), scanParagraph(para), para);
        return;
      }
      const scan = scanParagraph(para);
      assert.equal(scan.pieces.length, 0, para);
      assert.equal(scan.alt, null, para);
      assert.equal(scan.startsWithOpen, false, para);
      if (!para.trimEnd().endsWith(':')) assert.deepEqual(analyzeParagraph(para).scan.pieces, []);
    }),
    RUNS,
  );
});

test('mayHaveMarks without markup equals "the mark scan finds a mark"', () => {
  // `<` tags are blanked by the scan (they can hide a quote character), so this equality holds for text without `<`
  fc.assert(
    fc.property(str(40), (para) => {
      if (para.includes('<')) return;
      resetMarks();
      const may = mayHaveMarks(para, 0, para.length);
      const scan = scanParagraph(para);
      // a paragraph with a mark has pieces, an alternative reading or an opening first mark, or a mark that pairs with
      // nothing (then the scan is still not the shared empty result: pieces is a fresh array)
      if (!may) assert.equal(scan.pieces.length + (scan.alt ? 1 : 0) + (scan.startsWithOpen ? 1 : 0), 0);
      const oldMayHave = /["\u201c\u201d\u2018\u201e]|«(?=[^ \t\u00a0\u2009\u202f\u200b\u3000\r\n])|(?<=[^ \t\u00a0\u2009\u202f\u200b\u3000\r\n])»/.test(para);
      if (oldMayHave) assert.equal(may, true, para);
    }),
    RUNS,
  );
});

test('scare-quote helpers equal the regex code they replaced', () => {
  fc.assert(
    fc.property(str(30), fc.nat(40), fc.nat(40), (p, x, y) => {
      const a = Math.min(x, y, p.length);
      const b = Math.min(Math.max(x, y), p.length);
      const pc = { start: a, end: b, open: false, single: false };
      const inner = p.slice(a, b).replace(/^["“”'‘’„«]+|["“”'‘’»]+$/g, '').trim();
      assert.equal(interior(p, pc), inner);
      const words = inner.split(/\s+/).filter(Boolean).length;
      assert.equal(interiorWords(p, pc, 8), Math.min(words, 9));
      if (POSSESSIVE.test(p)) assert.ok(mayBePossessive(p), p);
      for (const w of p.split(/\s+/)) assert.equal(cleanWord(w), w.replace(/^[(\[]+|[,.;:!?)\]]+$/g, ''), w);
      if (TITLE_NOUN.test(p)) assert.ok(mayBeTitleNoun(p), p);
    }),
    RUNS,
  );
  for (const s of ['CBS’s ', "the nation's  ", 'his ', 'on ', 'the show, ', 'TITLED, ', 'documentary,  , ', 'hosts '])
    assert.ok((POSSESSIVE.test(s) || TITLE_NOUN.test(s)) && (mayBePossessive(s) || mayBeTitleNoun(s)), s);
});

/** isHeadline as it was (every word matched by a regex). */
function isHeadlineRef(m: string): boolean {
  if (m.length > 200) return false;
  const ws = m.match(/[\p{L}][\p{L}’'-]*/gu);
  if (!ws || ws.length < 3) return false;
  let cap = 0;
  let n = 0;
  for (const w of ws) {
    if (w.length <= 3 && !isUpper(w[0])) continue;
    n++;
    if (isUpper(w[0])) cap++;
  }
  return n > 0 && cap / n >= 0.8;
}

/** sentenceStarts as it was (one regex with a lookahead, the abbreviation regex on every `.` candidate). */
function sentenceStartsRef(m: string): number[] {
  const starts = [0];
  const re = /[.?!]+["”'’)]*\s+(?=["“‘'(]?[\p{Lu}\d\u0001"“‘])/gu;
  let r: RegExpExecArray | null;
  while ((r = re.exec(m))) {
    const before = m.slice(Math.max(0, r.index - 6), r.index + 1);
    if (r[0][0] === '.' && !/["”'’]/.test(r[0]) && ABBREV.test(before)) continue;
    starts.push(r.index + r[0].length);
  }
  return starts;
}

test('attribution helpers equal the regex code they replaced', () => {
  fc.assert(
    fc.property(str(30), fc.nat(40), fc.nat(40), (m, x, y) => {
      const a = Math.min(x, y, m.length);
      const b = Math.min(Math.max(x, y), m.length);
      const s = m.slice(a, b);
      assert.equal(isHeadline(m), isHeadlineRef(m), m);
      assert.deepEqual(sentenceStarts(m), sentenceStartsRef(m), m);
      assert.equal(hasLetter(m, a, b), /[\p{L}]/u.test(s) && !/^\s*$/.test(s), s);
      assert.equal(allSpace(m, a, b), /^\s*$/.test(s), s);
      if (/^\s*(?:―|—|--|–)\s*(?=[\p{Lu}])/u.test(s)) assert.ok(dashAt(m, a, b), s);
      if (TRANSCRIPT_LABEL.test(s)) assert.ok(mayBeLabel(m, a, b), s);
      if (s.endsWith('.') && ABBREV_WORD.test(s)) assert.ok(mayBeAbbrevWord(m, a, b), s);
      for (let i = m.indexOf('.'); i >= 0; i = m.indexOf('.', i + 1))
        if (ABBREV.test(m.slice(Math.max(0, i - 6), i + 1))) assert.ok(mayBeAbbrev(m, i), `${m} @${i}`);
    }),
    RUNS,
  );
  assert.ok(isHeadline('Lindsey Graham Says Trump Is Right') && !isHeadline('the minister said that it was fine'));
  const para = 'He left. Mr. Smith said so?! "Then" we went… to the U.S. A day later. (Yes) 𝐀 new day. ‘Quoted’ here. 9 lives.';
  assert.deepEqual(sentenceStarts(para), sentenceStartsRef(para));
  assert.ok(sentenceStarts(para).length > 4);
  for (const [t, i] of [['Mr. X', 2], ['vs. Y', 2], ['the U.S. said', 7], ['Supt. Z', 4], ['A. Lincoln', 1]] as const) {
    assert.ok(ABBREV.test(t.slice(Math.max(0, i - 6), i + 1)), t);
    assert.ok(mayBeAbbrev(t, i), t);
  }
});
