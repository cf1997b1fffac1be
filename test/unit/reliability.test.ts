/**
 * Catalogue of bad inputs (issue 7, item 1), on the core: analyze, clean, decodeDump, scoreDump,
 * buildTemplateIndex. Each input either works (BOM and line endings kept, offsets on code-point boundaries,
 * spans inside article lines, no article line lost) or is refused with a clear one-line message; never a crash
 * or a hang. The big inputs (100 MB dump, one 5 MB line, a million one-word lines) are in
 * reliability-large.test.ts; the CLI catalogue is in reliability-cli.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, clean, decodeDump, encodeDump, DumpDecodeError, scoreDump, buildTemplateIndex } from '../../src/core';
import { analysisViolations, cleanViolations, splitsPair } from './reliability-invariants';

const fixture = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
const enc = new TextEncoder();

/** Run every core entry point on a text and check the invariants; returns the analysis and the clean output. */
function exercise(text: string, opts: { entities?: boolean; boundMs?: number } = {}) {
  const t0 = performance.now();
  const a = analyze(text, { entities: opts.entities ?? true });
  const out = clean(text, a);
  const s = scoreDump(text);
  const idx = buildTemplateIndex([text, text, text]);
  const ms = performance.now() - t0;
  assert.deepEqual(analysisViolations(text, a), [], 'analysis invariants');
  const c = cleanViolations(text, a, out);
  assert.deepEqual(c.violations, [], 'clean invariants');
  assert.equal(c.lost, 0, 'no article line lost');
  assert.ok(s.score >= 0 && s.score <= 1 && typeof s.isDump === 'boolean', 'scoreDump in range');
  assert.equal(idx.documents, 3);
  if (opts.boundMs) assert.ok(ms < opts.boundMs, `took ${ms.toFixed(0)} ms, bound ${opts.boundMs} ms`);
  return { a, out, ms };
}

const EMOJI = ['😀', '👍🏽', '🇺🇦', '👨‍👩‍👧', '𝐀', '𠀋'];

test('empty file: one blank line, clean gives empty text', () => {
  const { a, out } = exercise('');
  assert.equal(a.lines.length, 1);
  assert.equal(a.lines[0].label, 'blank');
  assert.equal(out, '');
  assert.equal(scoreDump('').isDump, false);
  const d = decodeDump(new Uint8Array(0));
  assert.equal(d.text, '');
  assert.deepEqual(d.warnings, []);
  assert.equal(buildTemplateIndex([]).documents, 0);
});

test('whitespace only: every line blank, clean gives empty text (BOM kept when present)', () => {
  for (const t of ['   ', '\n\n\n', ' \t \r\n \u00a0 \r\n\r\n', '\u200b\n\u3000\n', '\ufeff \n\t\n']) {
    const { a, out } = exercise(t);
    for (const l of a.lines) assert.equal(l.label, 'blank', JSON.stringify(t));
    assert.equal(out, t.startsWith('\ufeff') ? '\ufeff' : '', JSON.stringify(t));
  }
});

test('the real auto-blog dump passes every invariant (quotes and entities on)', () => {
  const { a } = exercise(fixture);
  assert.ok(a.quotes.length > 0 && a.entities.length > 0);
});

test('NUL bytes and binary content: binary refused with a one-line message; stray NULs tolerated', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const random = new Uint8Array(20000);
  let x = 12345;
  for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  const nulHeavy = enc.encode('Some text\0\0\0\0\0\0\0\0\0\0 and more\0\0\0\0\0\0\0\0 text'.repeat(50));
  const gz = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3]);
  for (const [name, bytes] of [['png', png], ['random', random], ['nul-heavy', nulHeavy], ['gzip', gz], ['zeros', new Uint8Array(4096)]] as const) {
    assert.throws(() => decodeDump(bytes), (e: unknown) => {
      assert.ok(e instanceof DumpDecodeError, name);
      assert.equal(e.code, 'binary', name);
      assert.match(e.message, /^refusing /, name);
      assert.ok(!e.message.includes('\n'), 'one line');
      return true;
    });
  }
  // a dump with a couple of stray NULs is read, with a warning, and the core copes with the NULs
  const stray = fixture.replace('Source link', 'Source\0link').replace('[ad_1]', '[ad_1]\0');
  const d = decodeDump(enc.encode(stray));
  assert.equal(d.text, stray);
  assert.equal(d.nulChars, 2);
  assert.ok(d.warnings.some((w) => /NUL/.test(w)));
  exercise(d.text);
  // and the core itself never crashes on binary-looking text (the adapters refuse it first)
  exercise(new TextDecoder().decode(random), { entities: false });
  // text that merely starts like a binary signature is not refused
  assert.equal(decodeDump(enc.encode('MZ News: the headline\nBody text.')).encoding, 'utf-8');
});

test('invalid UTF-8: decoded with U+FFFD, the count reported as a warning, and analysable', () => {
  const good = enc.encode(fixture);
  const bad = new Uint8Array(good.length + 6);
  bad.set(good.subarray(0, 100), 0);
  bad.set([0xff, 0xc3, 0x28, 0xe2, 0x82], 100); // invalid start, bad continuation, truncated sequence
  bad.set(good.subarray(100), 105);
  bad[bad.length - 1] = 0xc3; // truncated at the very end
  const d = decodeDump(bad);
  assert.equal(d.encoding, 'utf-8');
  assert.ok(d.replacements >= 3, `replacements ${d.replacements}`);
  assert.ok(d.warnings.some((w) => /invalid UTF-8/.test(w)));
  assert.ok(d.text.includes('\ufffd'));
  exercise(d.text);
  // a genuine U+FFFD in valid UTF-8 is not counted as invalid
  const genuine = decodeDump(enc.encode('A replacement \ufffd character in valid text.'));
  assert.equal(genuine.replacements, 0);
  assert.deepEqual(genuine.warnings, []);
  // Windows-1252 text: readable apart from the replaced characters, warning suggests the cause
  const cp1252 = new Uint8Array([...enc.encode('The minister said '), 0x93, ...enc.encode('no'), 0x94, ...enc.encode(' to the plan.\n')]);
  const w = decodeDump(cp1252);
  assert.equal(w.replacements, 2);
  assert.match(w.warnings.join(' '), /Windows-1252/);
});

test('UTF-8 BOM: kept as U+FEFF by decodeDump, reported by analyze, kept by clean, round-trips', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(fixture)]);
  const d = decodeDump(bytes);
  assert.equal(d.bom, true);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text.charCodeAt(0), 0xfeff);
  assert.deepEqual(encodeDump(d.text, d.encoding), bytes);
  const { a, out } = exercise(d.text);
  assert.equal(a.bom, true);
  assert.equal(out.charCodeAt(0), 0xfeff);
  assert.notEqual(out.charCodeAt(1), 0xfeff, 'exactly one BOM');
  // a BOM followed directly by article text keeps that text
  const b2 = '\ufeff' + fixture.slice(fixture.indexOf('On Wednesday'));
  exercise(b2);
});

test('UTF-16 LE and BE (with BOM, and LE/BE guessed without one): decoded, encoding reported, round-trips', () => {
  const text = '\ufeff' + fixture.replace(/\n/g, '\r\n') + '😀 “quoted” 𠀋\r\n';
  for (const e of ['utf-16le', 'utf-16be'] as const) {
    const bytes = encodeDump(text, e);
    const d = decodeDump(bytes);
    assert.equal(d.encoding, e);
    assert.equal(d.bom, true);
    assert.equal(d.text, text);
    assert.equal(d.replacements, 0);
    assert.deepEqual(encodeDump(d.text, d.encoding), bytes, 'bytes round-trip');
    const { out } = exercise(d.text);
    const back = decodeDump(encodeDump(out, d.encoding));
    assert.equal(back.text, out, 'cleaned text re-encodes in the same encoding');
    assert.equal(back.encoding, e);
    // without BOM: guessed from the zero bytes, with a warning
    const nb = decodeDump(encodeDump(text.slice(1), e));
    assert.equal(nb.encoding, e);
    assert.equal(nb.text, text.slice(1));
    assert.ok(nb.warnings.some((w) => /no byte-order mark/.test(w)));
  }
  // odd byte count: the dangling byte becomes U+FFFD, reported
  const odd = encodeDump('\ufeffHello world.', 'utf-16le');
  const d = decodeDump(new Uint8Array([...odd, 0x41]));
  assert.ok(d.replacements >= 1);
  // UTF-32 is refused clearly
  assert.throws(() => decodeDump(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), /UTF-32/);
});

test('CRLF, lone CR and mixed line endings: lines split at each, clean uses only the dominant ending', () => {
  const lines = fixture.split('\n');
  const crlf = lines.join('\r\n');
  const cr = lines.join('\r');
  const mixed = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
  for (const [name, t, eol] of [['crlf', crlf, '\r\n'], ['cr', cr, '\r'], ['lf', fixture, '\n']] as const) {
    const { a, out } = exercise(t);
    assert.equal(a.eol, eol, name);
    assert.equal(a.lines.length, lines.length, name);
    const others = (out.match(/\r\n|\r|\n/g) ?? []).filter((e) => e !== eol);
    assert.deepEqual(others, [], name);
  }
  const { a } = exercise(mixed);
  assert.equal(a.lines.length, lines.length + 1);
  // a \r\n split across the end of the text, and \n\r (two breaks)
  exercise('Line one.\r');
  const t = exercise('A\n\rB\r\n');
  assert.equal(t.a.lines.length, 4);
});

test('emoji and other surrogate pairs at every boundary: no offset splits a pair', () => {
  // next to quote marks, names, line starts/ends, text start/end, inside words
  const parts = [
    '😀Russian Ambassador Anatoly Antonov😀 said on Wednesday in Washington that “😀the decision was unacceptable👍🏽,” the embassy said.',
    '👍🏽',
    '“🇺🇦” said Moscow.',
    'Sergey Ryabkov said: "Russia will respond 𝐀𝐀𝐀" after talks in Geneva with the United Nations and NATO officials.',
    '👨‍👩‍👧 Share 👨‍👩‍👧',
    '[ad_1]😀',
  ];
  const text = '😀' + parts.join('\n') + '\n😀';
  exercise(text);
  // insert an astral character at every position of a short dump (whole-pair boundaries only)
  const base = parts[0] + '\n' + parts[2] + '\nLeave a Reply\n' + parts[3];
  let checked = 0;
  for (let i = 0; i <= base.length; i++) {
    if (splitsPair(base, i)) continue;
    const e = EMOJI[i % EMOJI.length];
    const t = base.slice(0, i) + e + base.slice(i);
    const a = analyze(t, { entities: i % 4 === 0 });
    assert.deepEqual(analysisViolations(t, a), [], `emoji at ${i}`);
    assert.deepEqual(cleanViolations(t, a, clean(t, a)).violations, [], `emoji at ${i}`);
    checked++;
  }
  assert.ok(checked >= base.length - 10, `${checked} positions checked`);
});

test('lone surrogates (broken UTF-16 from a scraper) do not crash anything', () => {
  const t = 'He said “\ud83d broken\ude00” today in Moscow, the ministry told reporters in a statement.\n\udc00\n[ad_1]\ud800';
  exercise(t);
});

test('right-to-left text (Arabic, Hebrew, with bidi marks) passes every invariant', () => {
  const rtl = [
    'قال وزير الخارجية الروسي سيرغي لافروف يوم الأربعاء إن موسكو مستعدة للحوار مع واشنطن، وفقا لوكالة رويترز.',
    '\u200fشارك\u200f',
    '«هذا غير مقبول»، قال السفير الروسي أناتولي أنطونوف في بيان نشرته السفارة على موقعها الإلكتروني يوم الأربعاء.',
    'אמר ראש הממשלה כי הממשלה תמשיך לפעול למען ביטחון אזרחי המדינה בכל האמצעים העומדים לרשותה.',
    '\u202bThe ambassador said "this is unacceptable" in Washington on Wednesday, according to the embassy.\u202c',
    'Source link',
  ].join('\n');
  const { a } = exercise(rtl);
  // the prose paragraphs are article, the opening Arabic one included: an RTL article is not thrown away
  for (const i of [0, 2, 3, 4]) assert.equal(a.lines[i].label, 'article', `RTL line ${i}`);
});

test('CJK text without spaces passes every invariant', () => {
  const cjk = [
    '俄罗斯驻美国大使安东诺夫周三表示，莫斯科对华盛顿的言论感到失望。“这是不可接受的，”他说。',
    '分享',
    '中国外交部发言人表示，双方应当通过对话解决分歧，维护地区和平与稳定。「我们希望各方保持克制」，发言人说。',
    'ロシアのアントノフ駐米大使は水曜日、ワシントンの発言に失望したと述べた。',
    '러시아 대사는 수요일 워싱턴의 발언에 실망했다고 말했다.',
  ].join('\n');
  const { a } = exercise(cjk);
  // sentences without spaces are still article prose: a CJK article is not thrown away
  for (const i of [0, 2, 3, 4]) assert.equal(a.lines[i].label, 'article', `CJK line ${i}`);
});

test('clean refuses an analysis of another text with a clear error instead of corrupting it', () => {
  const a = analyze('Short text.');
  assert.throws(() => clean('A different, longer text.', a), /analysis/);
});
