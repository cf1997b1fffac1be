/** The CLI's per-file engine: changed-on-disk detection, atomic writes, template merging, decoding. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { Engine, mergeTemplateIndices, type TaskResult } from '../../src/cli/engine';
import { decodeBytes, encodeText } from '../../src/cli/decode';
import { parseArgs, UsageError } from '../../src/cli/args';
import { analyze, buildTemplateIndex, clean, normalizeLineKey } from '../../src/core';
import { keptByClean } from '../../src/core/clean-lines';
import { TemplateCounter } from '../../src/core/templates';
import { defaultJobs, mergeShared } from '../../src/cli/util';

const fixture = fs.readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
const settings = { keepMeta: false, patterns: [], templates: true, fsync: false };

test('a file changed on disk after it was read is skipped and left as it was', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-engine-'));
  try {
    const a = path.join(d, 'a.txt');
    const b = path.join(d, 'b.txt');
    fs.writeFileSync(a, fixture);
    fs.writeFileSync(b, fixture);
    const e = new Engine(settings);
    const { partial, failures } = e.load([a, b]);
    assert.deepEqual(failures, []);
    const templates = mergeShared(partial);
    // the user edits a.txt meanwhile (size changes)
    fs.appendFileSync(a, 'A line the user just typed and wants to keep.\n');
    const edited = fs.readFileSync(a, 'utf8');
    const res = e.cleanTasks(
      [
        { index: 0, path: a, target: a, inPlace: true },
        { index: 1, path: b, target: b, inPlace: true },
      ],
      templates,
    );
    assert.equal(res[0].status, 'skipped');
    assert.match(res[0].reason!, /changed on disk/);
    assert.equal(fs.readFileSync(a, 'utf8'), edited, 'edited file untouched');
    assert.equal(res[1].status, 'cleaned');
    assert.ok(!fs.readFileSync(b, 'utf8').includes('[ad_1]'));
    assert.deepEqual(fs.readdirSync(d).sort(), ['a.txt', 'b.txt'], 'no temporary file left');
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('a failed write leaves no temporary file and reports the error', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-engine-'));
  try {
    const a = path.join(d, 'a.txt');
    fs.writeFileSync(a, fixture);
    fs.mkdirSync(path.join(d, 'out', 'a.txt'), { recursive: true }); // target is a directory: rename fails
    const e = new Engine(settings);
    const { partial } = e.load([a]);
    const [r] = e.cleanTasks([{ index: 0, path: a, target: path.join(d, 'out', 'a.txt'), inPlace: false }], mergeShared(partial));
    assert.equal(r.status, 'skipped');
    assert.match(r.reason!, /write failed/);
    assert.deepEqual(fs.readdirSync(path.join(d, 'out')), ['a.txt']);
    assert.equal(fs.readFileSync(a, 'utf8'), fixture);
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('merged partial template indices equal the index of the whole set', () => {
  const texts = ['a\nb\nc\n', 'a\nb\nx\n', 'a\ny\n', 'b\nb\nz 12\n', 'z 7\n'];
  const whole = buildTemplateIndex(texts);
  const merged = mergeTemplateIndices([buildTemplateIndex(texts.slice(0, 2)), buildTemplateIndex(texts.slice(2))])!;
  assert.equal(merged.documents, whole.documents);
  assert.deepEqual(new Map([...merged.counts].sort()), new Map([...whole.counts].sort()));
  assert.equal(mergeTemplateIndices([null, null]), null);
});

test('decode: BOM kept as U+FEFF, UTF-16 both orders round-trip, binary and invalid UTF-8 refused (lenient decodes)', () => {
  const u8 = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]));
  assert.ok(!('error' in u8) && u8.text === '\ufeffhi' && u8.bom);
  const s = '\ufeffZ\u00e9 😀\r\n';
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const bytes = encodeText(s, enc);
    const d = decodeBytes(bytes);
    assert.ok(!('error' in d), enc);
    assert.equal((d as { text: string }).text, s);
    assert.equal((d as { encoding: string }).encoding, enc);
  }
  assert.ok('error' in decodeBytes(new Uint8Array(400).map((_, i) => (i % 3 ? 0 : 0x41)).subarray(1)), 'NUL-heavy = binary');
  assert.ok('error' in decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), 'PNG');
  assert.ok('error' in decodeBytes(new Uint8Array([0x43, 0xe9, 0x20])));
  const lenient = decodeBytes(new Uint8Array([0x43, 0xe9, 0x20]), true);
  assert.ok(!('error' in lenient) && lenient.text === 'C\ufffd ');
  assert.deepEqual([...encodeText('\ufeffé', 'utf-8')], [0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
});

test('argument parsing: forms, values, unknown flags', () => {
  const a = parseArgs(['clean', 'x', 'y', '--out=o', '-j', '2', '--pattern', 'a', '-p', 'b', '--no-templates', '--json']);
  assert.deepEqual([a.command, a.inputs, a.out, a.jobs, a.patterns, a.templates, a.json], ['clean', ['x', 'y'], 'o', 2, ['a', 'b'], false, true]);
  assert.deepEqual(parseArgs(['clean', '-', '--', '--weird-name.txt']).inputs, ['-', '--weird-name.txt']);
  assert.equal(parseArgs(['annotate', '--jsonl']).jsonl, true);
  assert.throws(() => parseArgs(['clean', '--nope']), UsageError);
  assert.throws(() => parseArgs(['clean', '--jobs', '0']), UsageError);
  assert.throws(() => parseArgs(['clean', '--out']), UsageError);
  assert.throws(() => parseArgs(['annotate', '--in-place']), UsageError);
  assert.throws(() => parseArgs(['clean', '--json=1']), UsageError);
  assert.equal(parseArgs(['clean', 'x', '--help']).command, 'help');
});

test('batch helpers: claim hands out every file once across threads; balance moves files (with what phase 1 saw) to the lighter thread', async () => {
  const { claim, balance, claimTasks } = await import('../../src/cli/batch');
  const paths = Array.from({ length: 23 }, (_, i) => `f${i}.txt`);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const a: number[] = [], b: number[] = [];
  const ga = claim(counter, paths.length, 4, paths, a), gb = claim(counter, paths.length, 4, paths, b);
  const seen: string[] = [];
  for (let done = 0; done < 2;) {
    done = 0;
    for (const g of [ga, gb, gb]) { const r = g.next(); if (r.done) done++; else seen.push(r.value); }
  }
  assert.deepEqual([...seen].sort(), [...paths].sort());
  assert.deepEqual([...a, ...b].sort((x, y) => x - y), paths.map((_, i) => i));

  const stat = Array.from({ length: 10 }, (_, i) => ({ size: 100, mtimeMs: 1000 + i, ino: 50 + i }));
  const task = (i: number) => ({ index: i, path: `f${i}.txt`, target: `o/f${i}.txt`, inPlace: false, seen: stat[i] });
  const lists = [[0, 1, 2, 3, 4, 5, 6, 7].map(task), [8, 9].map(task)];
  balance(lists, stat);
  // each move charges the receiver the file's re-read (half its cost): two files move, a third would not shorten
  // the longest list (4 × 1.5 against 6 files)
  assert.deepEqual(lists.map((l) => l.length), [6, 4]);
  assert.deepEqual(lists[0].map((t) => t.index), [0, 1, 2, 3, 4, 5], 'the heavy thread keeps the start of its list');
  assert.deepEqual(lists[1].map((t) => t.index), [8, 9, 6, 7], 'moved files come after the own files, in order');
  assert.deepEqual(lists[1][2].seen, stat[6], 'a moved file carries what phase 1 saw');
  const even = [[0, 1].map(task), [2, 3].map(task)];
  balance(even, stat);
  assert.deepEqual(even.map((l) => l.map((t) => t.index)), [[0, 1], [2, 3]]);
  // cost counts lines too: one file of many short lines weighs more than its bytes
  const lined = [...stat.map((x) => ({ ...x })), { size: 100, mtimeMs: 1, ino: 1, lines: 40 }];
  const byLines = [[10].map((i) => ({ ...task(0), index: i })), [1, 2, 3].map(task)];
  balance(byLines, lined.map((x, i) => (i < 10 ? { ...x, lines: 1 } : x)));
  assert.deepEqual(byLines.map((l) => l.length), [1, 3]);
  // one big file and small ones, all read by one thread (a folder with one concatenated dump): the big file stays
  // with the thread that read it, which starts with it; the small ones move. (Moving the big one to the idle thread,
  // which read it again, made --jobs 2 slower than --jobs 1.)
  const sized = (size: number, extra: object = {}) => ({ size, mtimeMs: 1, ino: 1, lines: 0, ...extra });
  const bigStat = [sized(20000), sized(200), sized(200), sized(200), sized(200), sized(200)];
  const bigTask = (i: number) => ({ index: i, path: `f${i}.txt`, target: `o/f${i}.txt`, inPlace: false, seen: bigStat[i] });
  const withBig = [[1, 2, 3, 0, 4, 5].map(bigTask), [] as ReturnType<typeof bigTask>[]];
  balance(withBig, bigStat);
  assert.deepEqual(withBig.map((l) => l.map((t) => t.index)), [[0], [1, 2, 3, 4, 5]]);
  // the smallest files move first; the lists keep the order their files were read in
  const ordStat = [sized(300), sized(100), sized(200), sized(50), sized(400), sized(100)];
  const ordTask = (i: number) => ({ index: i, path: `f${i}.txt`, target: `o/f${i}.txt`, inPlace: false, seen: ordStat[i] });
  const ordered = [[0, 1, 2, 3, 4].map(ordTask), [5].map(ordTask)];
  balance(ordered, ordStat);
  assert.deepEqual(ordered.map((l) => l.map((t) => t.index)), [[0, 4], [5, 2, 1, 3]]);
  // HTML is converted again where it is read again: a converted file that would move as text stays
  const convStat = (converted: boolean) => [sized(700), sized(300, converted ? { converted: true } : {}), sized(400)];
  for (const converted of [false, true]) {
    const st = convStat(converted);
    const t = (i: number) => ({ index: i, path: `f${i}.txt`, target: `o/f${i}.txt`, inPlace: false, seen: st[i] });
    const two = [[0, 1].map(t), [2].map(t)];
    balance(two, st);
    assert.deepEqual(two.map((l) => l.map((x) => x.index)), converted ? [[0, 1], [2]] : [[0], [2, 1]], `converted: ${converted}`);
  }

  // phase 2 claims: own list first, then what the other thread has not started; every task exactly once
  const two = [[0, 1, 2, 3, 4, 5].map(task), [6, 7].map(task)];
  const cursors = new Int32Array(new SharedArrayBuffer(8));
  const t0 = claimTasks(two, cursors, 0), t1 = claimTasks(two, cursors, 1);
  const got: { i: number; by: number; own: boolean }[] = [];
  for (;;) {
    const a1 = t0.next();
    if (!a1.done) got.push({ i: a1.value.task.index, by: 0, own: a1.value.own });
    const b1 = t1.next();
    if (!b1.done) got.push({ i: b1.value.task.index, by: 1, own: b1.value.own });
    if (a1.done && b1.done) break;
  }
  assert.deepEqual(got.map((g) => g.i).sort((x, y) => x - y), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(got.filter((g) => g.by === 1).map((g) => [g.i, g.own]), [[6, true], [7, true], [3, false], [5, false]]);
});

test('a file read by another thread (Task.seen) is cleaned only if it is still the file that thread saw', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-engine-'));
  try {
    const a = path.join(d, 'a.txt');
    fs.writeFileSync(a, fixture);
    const other = new Engine(settings);
    other.load([a]);
    const seen = other.statOf(a)!;
    const e = new Engine(settings); // this thread never read a.txt
    const ok = e.cleanOne({ index: 0, path: a, target: path.join(d, 'out', 'a.txt'), inPlace: false, seen }, null);
    assert.equal(ok.status, 'cleaned');
    fs.appendFileSync(a, 'typed meanwhile\n');
    const r = new Engine(settings).cleanOne({ index: 0, path: a, target: path.join(d, 'out2', 'a.txt'), inPlace: false, seen }, null);
    assert.equal(r.status, 'skipped');
    assert.match(r.reason!, /changed on disk/);
    assert.ok(!fs.existsSync(path.join(d, 'out2', 'a.txt')));
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('template index between threads: packed round trip; keeping only lines of 2+ dumps gives the same labels', async () => {
  const { packIndex, unpackIndex, packCounter } = await import('../../src/cli/util');
  const { labelLines } = await import('../../src/cli/labels');
  const texts = [fixture, fixture.replace(/Antonov/g, 'Ilyushin'), 'Home | News\nShare this\n' + fixture.slice(0, 900), 'Home | News\nA different dump.\n'];
  const whole = buildTemplateIndex(texts);
  const back = unpackIndex(packIndex(whole))!;
  assert.equal(back.documents, whole.documents);
  assert.deepEqual(new Map([...back.counts].sort()), new Map([...whole.counts].sort()));
  const share = (from: number, to: number) => {
    const c = new TemplateCounter();
    for (const t of texts.slice(from, to)) c.add(t);
    return c;
  };
  const shared = mergeShared(share(0, 2), [packCounter(share(2, 4))])!;
  assert.equal(shared.documents, 4);
  assert.ok(shared.counts.size < whole.counts.size && [...shared.counts.values()].every((v) => v >= 2));
  assert.deepEqual(new Map([...shared.counts].sort()), new Map([...whole.counts].filter(([, v]) => v >= 2).sort()));
  for (const t of texts) assert.deepEqual(labelLines(t, { templates: shared }).lines, labelLines(t, { templates: whole }).lines);
  assert.equal(unpackIndex(packIndex({ documents: 3, counts: new Map() }))!.counts.size, 0);
  const viaPacked = mergeShared(share(0, 1), [packCounter(share(1, 3)), packCounter(share(3, 4)), null])!;
  assert.deepEqual(new Map([...viaPacked.counts].sort()), new Map([...shared.counts].sort()));
  assert.equal(mergeShared(null, []), null);
  assert.equal(mergeShared(new TemplateCounter(), [packCounter(new TemplateCounter())])!.counts.size, 0);
});

test('TemplateCounter: any split of the dumps into shares, summed, gives the index of the whole set', () => {
  // keys that fold together (digits, case, spaces), repeats within one dump, blank and over-long lines
  const pool = ['Home | News', 'home | news', 'Story 12', 'Story 7', '  Share   this ', 'Share this', '', '   ', 'x'.repeat(250), 'Only here', 'Über uns', 'ÜBER UNS'];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let round = 0; round < 30; round++) {
    const texts = Array.from({ length: 1 + rnd(8) }, () => Array.from({ length: rnd(7) }, () => pool[rnd(pool.length)]).join(rnd(2) ? '\n' : '\r\n'));
    const whole = buildTemplateIndex(texts);
    // the old definition: per dump, each distinct key of a line of at most 200 key characters once
    const expected = new Map<string, number>();
    for (const t of texts) {
      const seen = new Set<string>();
      for (const line of t.split(/\r\n|\n|\r/)) {
        const k = normalizeLineKey(line);
        if (k === '' || k.length > 200 || seen.has(k)) continue;
        seen.add(k);
        expected.set(k, (expected.get(k) ?? 0) + 1);
      }
    }
    assert.deepEqual(new Map([...whole.counts].sort()), new Map([...expected].sort()));
    assert.equal(whole.documents, texts.length);
    const cut = rnd(texts.length + 1);
    const a = new TemplateCounter();
    const b = new TemplateCounter();
    texts.forEach((t, i) => (i < cut ? a : b).add(t));
    const { keys, counts } = b.entries();
    a.addCounts(keys, counts, b.documents);
    assert.equal(a.documents, texts.length);
    assert.deepEqual(new Map([...a.index().counts].sort()), new Map([...whole.counts].sort()));
    assert.deepEqual(new Map([...a.index(2).counts].sort()), new Map([...whole.counts].filter(([, v]) => v >= 2).sort()));
  }
});

test('TemplateCounter: shares summed give the whole index when the counter grows while adding counts (thousands of keys)', () => {
  // each share holds keys the other has not seen, more than the counter's first capacity (1,024), so slots are
  // made and the arrays grow inside addCounts (a lost write there once dropped keys found in one share only)
  const dump = (from: number, to: number, tag: string) => Array.from({ length: to - from }, (_, i) => `${tag} line ${String.fromCharCode(97 + ((from + i) % 26))}${from + i} word`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])).join('\n');
  const texts = [dump(0, 1500, 'a'), dump(0, 1500, 'a'), dump(0, 3000, 'b'), dump(1000, 4000, 'b'), dump(0, 800, 'c')];
  const whole = buildTemplateIndex(texts);
  for (const cut of [1, 2, 3, 4]) {
    const a = new TemplateCounter();
    const b = new TemplateCounter();
    texts.forEach((t, i) => (i < cut ? a : b).add(t));
    const { keys, counts } = b.entries();
    a.addCounts(keys, counts, b.documents);
    assert.deepEqual(new Map([...a.index().counts].sort()), new Map([...whole.counts].sort()), `cut ${cut}`);
  }
  assert.ok(whole.counts.size > 5000);
});

test('the default --jobs: one thread for small inputs, a core left free below the every-core size', () => {
  const MB = 1024 * 1024;
  // fewer than 16 files, or one core: this thread alone
  assert.equal(defaultJobs(500 * MB, 15, 8), 1);
  assert.equal(defaultJobs(500 * MB, 1000, 1), 1);
  // 2 cores: one thread up to 24 MB (a second one did not pay there), both from 24 MB
  assert.equal(defaultJobs(13.6 * MB, 1000, 2), 1);
  assert.equal(defaultJobs(24 * MB - 1, 2000, 2), 1);
  assert.equal(defaultJobs(24 * MB, 2000, 2), 2);
  assert.equal(defaultJobs(64 * MB, 4000, 2), 2);
  // 4 cores: a thread per 4 MB up to 3, all 4 from 48 MB
  assert.equal(defaultJobs(3 * MB, 100, 4), 1);
  assert.equal(defaultJobs(9 * MB, 100, 4), 2);
  assert.equal(defaultJobs(47 * MB, 100, 4), 3);
  assert.equal(defaultJobs(48 * MB, 100, 4), 4);
});

/** A dump whose converter joined the page's lines into one (jsoup's text()): a header line, then the page on line 1. */
function joinedDump(layout: string): string {
  const page = fs.readFileSync(`test/fixtures/layouts/${layout}`, 'utf8');
  return 'Scraped 2026-11-30\n' + page.split(/\r?\n/).filter((l) => l.trim()).join(' ') + '\n';
}

test('cleanOne reports a page joined into one line as the analysis does (stats.joined, and whether the clean kept the line); the result survives the worker protocol; lines of a normal dump or of markup are not reported', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-engine-'));
  try {
    const files: Record<string, string> = {
      'telegraph.txt': joinedDump('handwritten-telegraph-layout.txt'),
      'corriere.txt': joinedDump('handwritten-corriere-layout.txt'),
      'normal.txt': fixture,
      // the same joined page as one line of HTML markup (--keep-markup): the analysis reports markup, not a joined page
      'markup.txt': fs.readFileSync('test/fixtures/layouts/handwritten-telegraph-layout.txt', 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => `<div class="block"><p class="text">${l}</p></div>`).join('') + '\n',
    };
    for (const [f, t] of Object.entries(files)) fs.writeFileSync(path.join(d, f), t);
    for (const convertMarkup of [true, false]) {
      const e = new Engine({ ...settings, templates: false, convertMarkup });
      const names = Object.keys(files);
      e.load(names.map((f) => path.join(d, f)));
      const res = e.cleanTasks(names.map((f, index) => ({ index, path: path.join(d, f), target: path.join(d, `out-${convertMarkup}`, f), inPlace: false })), null);
      const by = new Map(res.map((r) => [path.basename(r.path), r]));
      for (const f of ['telegraph.txt', 'corriere.txt']) {
        const r = by.get(f)!;
        assert.equal(r.status, 'cleaned', 'written all the same');
        const a = analyze(files[f], { entities: false, quotes: false });
        assert.ok(a.stats.joined, f);
        assert.deepEqual(r.joined, { ...a.stats.joined, kept: keptByClean(a.lines[a.stats.joined!.line].label, false) }, f);
        assert.equal(r.joined!.line, 1);
        assert.equal(fs.readFileSync(path.join(d, `out-${convertMarkup}`, f), 'utf8'), clean(files[f], a), f);
        // results are posted between threads (structured clone)
        assert.deepEqual(structuredClone(r), r);
      }
      assert.equal(by.get('normal.txt')!.joined, undefined);
      assert.equal(by.get('markup.txt')!.status, 'cleaned');
      assert.equal(by.get('markup.txt')!.joined, undefined, `markup, convertMarkup ${convertMarkup}`);
    }
    assert.ok(analyze(files['markup.txt'], { entities: false, quotes: false }).stats.markup);
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('a worker thread (dist/worker.js) reports a joined page in the results it posts back', async () => {
  if (!fs.existsSync(path.resolve('dist/worker.js'))) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    assert.equal(b.status, 0, 'build failed');
  }
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-engine-'));
  const w = new Worker(path.resolve('dist/worker.js'), { workerData: { ...settings, templates: false } });
  try {
    const files: Record<string, string> = { 'a.txt': joinedDump('handwritten-telegraph-layout.txt'), 'b.txt': fixture };
    for (const [f, t] of Object.entries(files)) fs.writeFileSync(path.join(d, f), t);
    const paths = Object.keys(files).map((f) => path.join(d, f));
    const ask = (msg: object) => new Promise<any>((resolve, reject) => {
      const on = (m: any) => { if (m.type !== 'progress') { w.off('message', on); resolve(m); } };
      w.on('message', on);
      w.once('error', reject);
      w.postMessage(msg);
    });
    // the worker reads both files (this thread claims none), then cleans them
    const loaded = await ask({ type: 'load', paths, counter: new SharedArrayBuffer(4), chunk: 4 });
    assert.deepEqual(loaded.owned, [0, 1]);
    const tasks = paths.map((p, index) => ({ index, path: p, target: path.join(d, 'out', path.basename(p)), inPlace: false }));
    const cleaned = await ask({ type: 'clean', lists: [[], tasks], me: 1, counters: new SharedArrayBuffer(8), templates: null, slotCounts: null });
    assert.equal(cleaned.type, 'cleaned');
    const [ra, rb] = (cleaned.results as TaskResult[]).sort((x, y) => x.index - y.index);
    const a = analyze(files['a.txt'], { entities: false, quotes: false });
    assert.equal(ra.status, 'cleaned');
    assert.deepEqual(ra.joined, { ...a.stats.joined, kept: keptByClean(a.lines[a.stats.joined!.line].label, false) });
    assert.equal(rb.status, 'cleaned');
    assert.equal(rb.joined, undefined);
  } finally {
    await w.terminate();
    fs.rmSync(d, { recursive: true, force: true });
  }
});
