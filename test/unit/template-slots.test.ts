/**
 * The template counter's string-free keys (src/core/templates.ts) and the CLI's slot-based line counts: the keys are
 * exactly `lineKeyAt`'s, each line's slot count is the index's count of its key, and the classifier given those
 * counts (AnalyzeOptions.templateLineCounts) labels exactly as with key look-ups; in the CLI, files read by another
 * thread (no slots) take the look-up path and come out the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TemplateCounter, buildTemplateIndex } from '../../src/core/templates';
import { lineKey } from '../../src/core/boilerplate/features';
import { splitLines } from '../../src/core/lines';
import { labelLines } from '../../src/cli/labels';
import { Engine, countsOfSlots, type Task } from '../../src/cli/engine';
import { mergeCounters, packCounter } from '../../src/cli/util';

const fixtures = [
  fs.readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8'),
  ...fs.readdirSync('test/fixtures/boilerplate').sort().map((f) => fs.readFileSync(path.join('test/fixtures/boilerplate', f), 'utf8')),
];

/** Every line's key as the counter stored it ('' for a line it did not count) next to lineKey's. */
function checkKeys(lines: readonly string[]): void {
  const c = new TemplateCounter();
  const slots = c.add(lines.join('\n'), true);
  assert.equal(slots.length, lines.length);
  const { keys } = c.entries();
  lines.forEach((line, i) => {
    const want = lineKey(line);
    const counted = want !== '' && want.length <= 200;
    const got = slots[i] >= 0 ? keys[slots[i]] : '';
    assert.equal(slots[i] >= 0, counted, `counted? ${JSON.stringify(line)}`);
    if (counted) assert.equal(got, want, JSON.stringify(line));
  });
}

test('string-free keys equal lineKeyAt for every BMP code unit in several positions', () => {
  const lines: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c === 10 || c === 13) continue; // line breaks
    const ch = String.fromCharCode(c);
    lines.push(`X${ch}y`, ch, `a ${ch}${ch} B 12`, `${ch} Σ end`, 'w'.repeat(198) + ch + ch + ' tail', 'Ab '.repeat(66) + ch + ' 7');
    if (lines.length > 6000) { checkKeys(lines); lines.length = 0; }
  }
  checkKeys(lines);
});

test('string-free keys equal lineKeyAt on special cases (sigma, dotted I, surrogates, odd spaces, long lines)', () => {
  checkKeys([
    'ΟΔΟΣ ΑΘΗΝΑΣ', 'Σ', 'ΣΑ', 'İstanbul', '\ud801\udc00\ud801\udc01 Deseret', '\ud801 lone', 'lone \udc00', 'a\u1680b', 'a\u1680\u1680b', 'a  b', 'a \u00a0b',
    'a\u200bb', '\u200b\u200b', '\ufeffBOM line', 'a\u3000b', 'Tab\there', '12 34  56', '2020 - 2021', 'x'.repeat(199), 'x'.repeat(200), 'x'.repeat(201),
    'y'.repeat(300), 'z'.repeat(250) + '9', '1'.repeat(250), 'a1'.repeat(150), 'a  '.repeat(100), 'ab   '.repeat(60), 'ΣΣ'.repeat(120),
    'x'.repeat(199) + '\ud801\udc00' + 'y'.repeat(10), ' '.repeat(5) + 'q'.repeat(201) + ' '.repeat(5), 'A\u00a0\u00a0B 5', '  ', '',
  ]);
});

test('string-free keys equal lineKeyAt on random lines', () => {
  const alphabet = ['a', 'B', 'é', 'É', 'Σ', 'σ', 'İ', 'ß', 'Ж', '東', '1', '0', '9', ' ', '  ', '\t', '\u00a0', '\u1680', '\u2009', '\u200b', '\u3000', '\ufeff',
    '\ud801\udc00', '\ud801', '\udc00', '-', '.', '|', '#', '\u0130', 'ǅ', 'ﬀ'];
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...alphabet), { maxLength: 260 }).map((a) => a.join('')), { minLength: 1, maxLength: 20 }), (lines) => {
      checkKeys(lines);
    }),
    { numRuns: 300 },
  );
});

test('each line\'s slot count is the index count of its key; merged shares give each thread\'s slots the whole count', () => {
  const texts = [...fixtures, fixtures[0].replace(/Antonov/g, 'Ilyushin'), 'Home | News\nShare this\n' + fixtures[0].slice(0, 900), 'Home | News\nA different dump 12.\n'];
  const whole = buildTemplateIndex(texts);
  const a = new TemplateCounter(), b = new TemplateCounter();
  const cut = 3;
  const slots = texts.map((t, i) => (i < cut ? a : b).add(t, true));
  const merged = mergeCounters(a, [packCounter(b)]);
  assert.deepEqual(new Map([...merged.templates!.counts].sort()), new Map([...whole.counts].filter(([, v]) => v >= 2).sort()));
  texts.forEach((t, i) => {
    const counts = countsOfSlots(slots[i], i < cut ? merged.own! : merged.others[0]!);
    splitLines(t).forEach((r, j) => {
      const k = lineKey(t.slice(r.start, r.end));
      assert.equal(counts[j], k === '' ? 0 : whole.counts.get(k) ?? 0, JSON.stringify(k));
    });
  });
});

test('the classifier given the lines\' counts labels exactly as with key look-ups (and with --keep-meta)', () => {
  const texts = [...fixtures, ...fixtures.map((t) => t.split('\n').reverse().join('\n')), '\ufeff' + fixtures[1]];
  const c = new TemplateCounter();
  const slots = texts.map((t) => c.add(t, true));
  const templates = c.index(2);
  const slotCounts = c.slotCounts();
  texts.forEach((t, i) => {
    const templateLineCounts = countsOfSlots(slots[i], slotCounts);
    for (const keepMeta of [false, true]) {
      assert.deepEqual(labelLines(t, { templates, templateLineCounts, keepMeta }).lines, labelLines(t, { templates, keepMeta }).lines);
    }
  });
  assert.throws(() => labelLines(texts[0], { templates, templateLineCounts: new Int32Array(1) }), /one count per line/);
});

test('CLI engines: files read by this engine (slots) and by another one (key look-up) are cleaned the same as with look-ups only', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-slots-'));
  try {
    const texts = [...fixtures, fixtures[0].replace(/Antonov/g, 'Ilyushin'), 'Home | News\nShare this\n' + fixtures[0].slice(0, 900)];
    const paths = texts.map((t, i) => {
      const p = path.join(d, `in${i}.txt`);
      fs.writeFileSync(p, t);
      return p;
    });
    const settings = { keepMeta: false, patterns: [], templates: true, fsync: false };
    const task = (i: number, out: string): Task => ({ index: i, path: paths[i], target: path.join(d, out, `in${i}.txt`), inPlace: false });
    // reference: one engine, key look-ups only
    const ref = new Engine(settings);
    const r = ref.load(paths);
    const refIndex = mergeCounters(r.partial).templates;
    ref.cleanTasks(paths.map((_, i) => task(i, 'ref')), refIndex);
    // two engines, each reading half; each cleans its own files (slots) and one of the other's (read again)
    const e1 = new Engine(settings), e2 = new Engine(settings);
    const half = Math.ceil(paths.length / 2);
    const l1 = e1.load(paths.slice(0, half)), l2 = e2.load(paths.slice(half));
    const merged = mergeCounters(l1.partial, [packCounter(l2.partial)]);
    const res = [
      ...e1.cleanTasks([...Array(half - 1).keys()].map((i) => task(i, 'two')), merged.templates, undefined, merged.own),
      ...e2.cleanTasks([...Array(paths.length - half).keys()].map((k) => task(half + k, 'two')), merged.templates, undefined, merged.others[0]),
      ...e2.cleanTasks([task(half - 1, 'two')], merged.templates, undefined, merged.others[0]), // stolen from e1: e2 has no slots for it
    ];
    assert.ok(res.every((x) => x.status === 'cleaned'), JSON.stringify(res));
    for (let i = 0; i < paths.length; i++) assert.equal(fs.readFileSync(path.join(d, 'two', `in${i}.txt`), 'utf8'), fs.readFileSync(path.join(d, 'ref', `in${i}.txt`), 'utf8'), `file ${i}`);
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('TemplateCounter.addPacked refuses packed keys that do not match their counts', () => {
  const c = new TemplateCounter();
  const p = new TemplateCounter();
  p.add('one\ntwo\n');
  const { units, counts } = p.packedUnits();
  assert.throws(() => c.addPacked(units, counts.subarray(0, 1), 1), /more keys than counts/);
  assert.throws(() => c.addPacked(units, Int32Array.of(1, 1, 1), 1), /fewer keys than counts/);
  const ok = new TemplateCounter();
  assert.deepEqual([...ok.addPacked(units, counts, 1)], [0, 1]);
  assert.deepEqual(ok.entries(), { keys: ['one', 'two'], counts: Int32Array.of(1, 1) });
});

test('packed shares and the shared index keep every key exactly (surrogate pairs, lone surrogates, U+FEFF inside a line)', () => {
  const lines = ['Deseret \ud801\udc00\ud801\udc01', 'lone \ud801 high', 'lone \udc00 low', 'a\ufeffb', 'Home | News', 'Σ final', 'x'.repeat(199) + '\ud801'];
  const texts = [lines.join('\n'), lines.slice(2).join('\n'), lines.slice(0, 4).join('\r\n'), 'Home | News\nonly once'];
  const whole = buildTemplateIndex(texts);
  const shared = new Map([...whole.counts].filter(([, v]) => v >= 2).sort());
  for (const withFlag of [true, false]) {
    const a = new TemplateCounter(), b = new TemplateCounter();
    texts.forEach((t, i) => (i < 2 ? a : b).add(t));
    const p = b.packedUnits();
    a.addPacked(p.units, p.counts, p.documents, withFlag ? p.surrogates : undefined);
    assert.deepEqual(new Map([...a.index(2).counts].sort()), shared);
    assert.deepEqual(new Map([...a.index().counts].sort()), new Map([...whole.counts].sort()));
    const packed = a.packedIndex(2);
    assert.deepEqual(packed.keys.split('\n').sort(), [...shared.keys()]);
    assert.equal(packed.documents, texts.length);
  }
  assert.ok([...shared.keys()].some((k) => k.includes('\ud801\udc28'))); // a surrogate pair (lower-case Deseret)
  assert.ok([...shared.keys()].some((k) => /\ud801(?![\udc00-\udfff])/.test(k))); // a lone surrogate
  const empty = new TemplateCounter();
  assert.deepEqual(empty.packedIndex(2), { documents: 0, keys: '', counts: new Int32Array(0) });
});
