/**
 * The analysing half of "Clean All Dumps in Folder…" (src/extension/folderService.ts, run in a worker thread of the
 * command's own by src/extension/folderCleaner.ts): its answers equal the core's analyze + clean with the templates
 * of the same dumps; the cleaner's pipeline answers in order within its window; the worker thread (bundled here from
 * src/extension/folderWorker.ts) answers like the in-thread service, and a worker that dies rejects what is pending.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { analyze } from '../../src/core';
import { clean, cleanSummary } from '../../src/core/clean';
import { textOf } from '../../src/core/markup';
import { buildTemplateIndex } from '../../src/core/templates';
import type { AnalyzeOptions, TemplateIndex } from '../../src/core';
import { FolderService, type FolderReply } from '../../src/extension/folderService';
import { FolderCleaner, Pipeline, stopIdleFolderWorker } from '../../src/extension/folderCleaner';
import { encodeDump } from '../../src/core/decode';
import { createHash } from 'node:crypto';
import { PAGE_ARTICLES, pageOf } from '../pages-text';

const fixture = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
const html = readFileSync('test/fixtures/l3s-raw-html.txt', 'utf8');
// dumps of one site: different articles in the same page frame (menus, share lines, footer)
const articles = PAGE_ARTICLES.map((f) => readFileSync(join('test/fixtures', f), 'utf8'));
const dumps = [0, 1, 2, 3, 4].map((k) => pageOf(articles[k % articles.length], k));

/** What the folder command must write for `text`: the core's own analysis and clean. */
function expected(text: string, templates: TemplateIndex | null, keepMeta: boolean, convert: boolean, options: AnalyzeOptions = {}): { out: string; removed: number } {
  const t = convert ? textOf(text) : text;
  const a = analyze(t, { ...options, entities: false, quotes: false, keepMeta, templates, ...(t !== text ? { keepLines: [] } : {}) });
  const out = clean(t, a, { keepMeta });
  return { out, removed: out === text ? 0 : cleanSummary(a, { keepMeta }).removed };
}

/** FolderCleaner.clean's answer as `expected` gives it (its `same` checked against the texts). */
async function cleanedBy(c: FolderCleaner, text: string): Promise<{ out: string; removed: number }> {
  const r = await c.clean(text, {});
  assert.equal(r.same, r.out === text);
  return { out: r.out, removed: r.removed };
}

function cleaned(r: FolderReply, text: string): { out: string; removed: number } {
  assert.equal(r.type, 'cleaned', JSON.stringify(r).slice(0, 200));
  if (r.type !== 'cleaned') throw new Error('not cleaned');
  if (r.same) assert.equal(r.out, undefined, 'an unchanged text is not sent back');
  return { out: r.same ? text : r.out!, removed: r.removed };
}

test('folder service: templates learned dump by dump equal the index of the whole set; cleans like analyze + clean', () => {
  const s = new FolderService();
  let seq = 0;
  for (const keepMeta of [false, true]) {
    assert.deepEqual(s.handle({ type: 'start', seq: ++seq, convertMarkup: true, keepMeta }), { type: 'ok', seq });
    // three pages of one site in HTML: their converted lines are what repeats (and makes templates), not their markup
    const pages = [html, html.replace(/OPEC/g, 'the cartel'), html.replace(/Bush/g, 'the President')];
    for (const d of [...dumps, ...pages]) assert.deepEqual(s.handle({ type: 'learn', seq: ++seq, text: d, index: true }), { type: 'ok', seq });
    assert.deepEqual(s.handle({ type: 'templates', seq: ++seq, use: true }), { type: 'templates', seq, documents: dumps.length + 3 });
    const index = buildTemplateIndex([...dumps, ...pages.map(textOf)]);
    const options: AnalyzeOptions = { boilerplatePatterns: ['^Related:'], keepLines: [] };
    for (const d of [...dumps, ...pages, fixture]) {
      const got = cleaned(s.handle({ type: 'clean', seq: ++seq, text: d, options }), d);
      const want = expected(d, index, keepMeta, true, options);
      assert.equal(got.out, want.out);
      assert.equal(got.removed, want.removed);
    }
    // the site's repeated lines are what templates remove: without them some stay
    for (const d of [dumps[0], pages[0]]) {
      const withTemplates = cleaned(s.handle({ type: 'clean', seq: ++seq, text: d, options: {} }), d).out;
      assert.notEqual(withTemplates, expected(d, null, keepMeta, true).out, 'the templates change the result');
    }
  }
});

test('folder service: fewer than three dumps or templates off: none; markup kept as it is when not converted; an already clean text is "same"', () => {
  const s = new FolderService();
  s.handle({ type: 'start', seq: 1, convertMarkup: false, keepMeta: false });
  s.handle({ type: 'learn', seq: 2, text: dumps[0], index: true });
  s.handle({ type: 'learn', seq: 3, text: dumps[1], index: true });
  assert.deepEqual(s.handle({ type: 'templates', seq: 4, use: true }), { type: 'templates', seq: 4, documents: 0 });
  assert.deepEqual(cleaned(s.handle({ type: 'clean', seq: 5, text: dumps[2], options: {} }), dumps[2]), expected(dumps[2], null, false, false));
  assert.deepEqual(cleaned(s.handle({ type: 'clean', seq: 6, text: html, options: {} }), html), expected(html, null, false, false));
  s.handle({ type: 'learn', seq: 7, text: dumps[2], index: true });
  assert.deepEqual(s.handle({ type: 'templates', seq: 8, use: false }), { type: 'templates', seq: 8, documents: 0 });
  const once = expected(fixture, null, false, false).out;
  const r = s.handle({ type: 'clean', seq: 9, text: once, options: {} });
  assert.deepEqual(r, { type: 'cleaned', seq: 9, same: true, removed: 0 });
  // a new run forgets the last one's index
  s.handle({ type: 'start', seq: 10, convertMarkup: true, keepMeta: false });
  assert.deepEqual(s.handle({ type: 'templates', seq: 11, use: true }), { type: 'templates', seq: 11, documents: 0 });
  // texts kept between the scan and the dry run: cleaned as if sent again, then forgotten; `index: false` keeps
  // without learning; a new run forgets them
  s.handle({ type: 'start', seq: 20, convertMarkup: true, keepMeta: false });
  s.handle({ type: 'learn', seq: 21, text: dumps[0], index: true, keep: 7 });
  s.handle({ type: 'learn', seq: 22, text: dumps[1], index: false, keep: 8 });
  for (const d of dumps.slice(2)) s.handle({ type: 'learn', seq: 23, text: d, index: true });
  assert.deepEqual(s.handle({ type: 'templates', seq: 24, use: true }), { type: 'templates', seq: 24, documents: 4 }, 'the dump kept without index: false is not learned');
  const index4 = buildTemplateIndex([dumps[0], ...dumps.slice(2)]);
  assert.deepEqual(cleaned(s.handle({ type: 'clean', seq: 25, kept: 7, options: {} }), dumps[0]), expected(dumps[0], index4, false, true));
  assert.deepEqual(cleaned(s.handle({ type: 'clean', seq: 26, kept: 8, options: {} }), dumps[1]), expected(dumps[1], index4, false, true));
  assert.deepEqual(s.handle({ type: 'clean', seq: 27, kept: 7, options: {} }), { type: 'error', seq: 27, message: 'no text kept for 7' }, 'forgotten once cleaned');
  s.handle({ type: 'learn', seq: 28, text: dumps[2], index: false, keep: 9 });
  s.handle({ type: 'start', seq: 29, convertMarkup: true, keepMeta: false });
  assert.equal(s.handle({ type: 'clean', seq: 30, kept: 9, options: {} }).type, 'error', 'a new run forgets the last one\'s texts');
  // a big file's bytes: decoded, hashed, learned and kept like `learn`, the answer without the text; refused bytes say why
  s.handle({ type: 'start', seq: 40, convertMarkup: true, keepMeta: false });
  const bytes0 = encodeDump('\ufeff' + dumps[0], 'utf-16le');
  const loaded = s.handle({ type: 'load', seq: 41, bytes: bytes0, index: true, keep: 3 });
  assert.deepEqual(loaded, { type: 'loaded', seq: 41, encoding: 'utf-16le', hash: createHash('sha1').update(bytes0).digest('hex'), chars: dumps[0].length + 1 });
  for (const d of dumps.slice(1, 3)) s.handle({ type: 'learn', seq: 42, text: d, index: true });
  assert.deepEqual(s.handle({ type: 'templates', seq: 43, use: true }), { type: 'templates', seq: 43, documents: 3 }, 'the loaded dump was learned');
  const index3 = buildTemplateIndex(['\ufeff' + dumps[0], dumps[1], dumps[2]]);
  assert.deepEqual(cleaned(s.handle({ type: 'clean', seq: 44, kept: 3, options: {} }), '\ufeff' + dumps[0]), expected('\ufeff' + dumps[0], index3, false, true));
  const refused = s.handle({ type: 'load', seq: 45, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), index: true, keep: 4 });
  assert.equal(refused.type, 'refused');
  assert.equal(s.handle({ type: 'clean', seq: 46, kept: 4, options: {} }).type, 'error', 'a refused file is not kept');
  // a request it does not know is answered with an error, not dropped
  assert.deepEqual(s.handle({ type: 'nonsense', seq: 12 } as never), { type: 'error', seq: 12, message: 'unknown request nonsense' });
});

test('pipeline: answers consumed in the order asked, within its window of requests and characters; a failure surfaces', async () => {
  const resolvers: (() => void)[] = [];
  const seen: number[] = [];
  let inFlight = 0;
  let most = 0;
  const p = new Pipeline<number>(3, 100);
  const ask = (v: number, chars: number) => {
    inFlight++;
    most = Math.max(most, inFlight);
    const pr = new Promise<number>((res) => resolvers.push(() => { inFlight--; res(v); }));
    return p.push(pr, chars, (x) => seen.push(x));
  };
  // answered last to first: still consumed first to last
  const pushes: Promise<void>[] = [];
  for (let i = 0; i < 3; i++) pushes.push(ask(i, 10));
  await Promise.all(pushes); // three fit
  const fourth = ask(3, 10); // the window is full: waits for the oldest
  let fourthDone = false;
  void fourth.then(() => (fourthDone = true));
  resolvers[2]();
  resolvers[1]();
  await new Promise((r) => setImmediate(r));
  assert.equal(fourthDone, false, 'waits for the oldest answer, not any answer');
  assert.deepEqual(seen, []);
  resolvers[0]();
  await fourth;
  assert.deepEqual(seen, [0, 1, 2].slice(0, seen.length));
  resolvers[3]();
  await p.drain();
  assert.deepEqual(seen, [0, 1, 2, 3]);
  assert.ok(most <= 4, `at most the window + the one being pushed: ${most}`);
  // characters: one big request alone is let through; a second one waits for it
  const q = new Pipeline<number>(10, 100);
  let bigDone = false;
  let release!: () => void;
  await q.push(new Promise<number>((res) => (release = () => res(1))), 500, () => (bigDone = true));
  const small = q.push(Promise.resolve(2), 1, () => undefined);
  await new Promise((r) => setImmediate(r));
  assert.equal(bigDone, false);
  release();
  await small;
  assert.equal(bigDone, true, 'the big one was consumed before the next was let in');
  // a failed request surfaces in push or drain, never as an unhandled rejection
  const f = new Pipeline<number>(1, 100);
  await f.push(Promise.reject(new Error('boom')), 1, () => undefined);
  await assert.rejects(f.push(Promise.resolve(1), 1, () => undefined), /boom/);
  const g = new Pipeline<number>(5, 100);
  await g.push(Promise.reject(new Error('late')), 1, () => undefined);
  await assert.rejects(g.drain(), /late/);
});

test('folder cleaner: worker thread and in-thread answer the same; a worker that dies rejects what is pending; dispose stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sn-folder-worker-'));
  try {
    const workerFile = join(dir, 'folderWorker.js');
    await esbuild.build({ entryPoints: ['src/extension/folderWorker.ts'], outfile: workerFile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
    const results: unknown[][] = [];
    const wide = encodeDump('\ufeff' + fixture.replace(/\n/g, '\r\n'), 'utf-16le');
    // small files are decoded on the host, big ones (over 256 KiB) in the worker: both kinds of each
    const big = (b: Uint8Array, n: number) => Buffer.concat([b, Buffer.alloc(n, 0x20)]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const bad = new Uint8Array([0x41, 0xc3, 0x28, 0x42]);
    const files = [Buffer.from(fixture), wide, png, bad, big(Buffer.from(fixture), 300000), encodeDump('\ufeff' + fixture.repeat(30), 'utf-16be'), big(png, 300000), big(bad, 300000)];
    for (const c of [new FolderCleaner({ workerFile }), new FolderCleaner({ inThread: true })]) {
      try {
        await c.start({ convertMarkup: true, keepMeta: false });
        await Promise.all(dumps.map((d) => c.learn(d)));
        assert.equal(await c.useTemplates(true), dumps.length);
        const r: unknown[] = await Promise.all([...dumps, html].map((d) => cleanedBy(c, d)));
        // bytes: decoded and hashed (binary and bad bytes refused with the reason), encoded back
        for (const f of files) {
          const own = new Uint8Array(f); // a buffer of its own: handed to the worker
          const hash = createHash('sha1').update(f).digest('hex');
          const got = await c.read(own);
          if (c.kind === 'worker') assert.equal(own.byteLength, f.length > 256 * 1024 ? 0 : f.length, 'the bytes of a big file were handed over, not copied');
          if ('text' in got) {
            assert.equal(got.hash, hash);
            assert.deepEqual(Buffer.from(await c.encode(got.text, got.encoding)), Buffer.from(f), 'bytes round-trip');
          }
          r.push(got);
        }
        results.push(r);
      } finally {
        c.dispose();
      }
    }
    assert.deepEqual(results[0], results[1]);
    const reads = results[0].slice(dumps.length + 1) as { encoding?: string; reason?: string }[];
    assert.deepEqual(reads.map((x) => x.encoding ?? 'refused'), ['utf-8', 'utf-16le', 'refused', 'refused', 'utf-8', 'utf-16be', 'refused', 'refused']);
    for (const k of [2, 6]) assert.match(reads[k].reason!, /binary|PNG/i);
    for (const k of [3, 7]) assert.match(reads[k].reason!, /invalid UTF-8 byte sequence/);
    const index = buildTemplateIndex(dumps);
    assert.deepEqual(results[0][0], expected(dumps[0], index, false, true));

    // a worker that stops on the first request: what was asked is rejected with the reason, so is what comes after
    const dying = join(dir, 'dying.js');
    writeFileSync(dying, "require('worker_threads').parentPort.on('message', () => process.exit(7));");
    const d = new FolderCleaner({ workerFile: dying });
    assert.equal(d.kind, 'worker');
    await assert.rejects(d.start({ convertMarkup: true, keepMeta: false }), /folder worker stopped \(exit code 7\)/);
    await assert.rejects(d.learn('x'), /folder worker stopped/);
    d.dispose();
    // disposed while a request is pending: rejected, not left hanging
    const e = new FolderCleaner({ workerFile });
    const pending = e.clean(fixture, {});
    e.dispose();
    await assert.rejects(pending, /stopped/);
    // load: a big file's bytes handed over, the answer without its text; cleaned from what the worker kept
    {
      const l = new FolderCleaner({ workerFile });
      await l.start({ convertMarkup: true, keepMeta: false });
      const bigText = dumps[0] + '\n' + 'Filler line of the archive page.\n'.repeat(9000);
      const own = new Uint8Array(Buffer.from(bigText));
      const n = own.length;
      assert.ok(l.decodesOff(n), 'a file this big is decoded by the worker');
      const got = await l.load(own, { index: false, keep: 1 });
      assert.equal(own.byteLength, 0, 'handed over');
      assert.deepEqual(got, { encoding: 'utf-8', hash: createHash('sha1').update(Buffer.from(bigText)).digest('hex'), chars: bigText.length });
      assert.deepEqual(await l.cleanKept(1, {}), (() => {
        const e = expected(bigText, null, false, true);
        return e.out === bigText ? { same: true, out: undefined, removed: e.removed } : { same: false, out: e.out, removed: e.removed };
      })());
      assert.match(((await l.load(new Uint8Array(Buffer.concat([Buffer.from([0x41, 0xc3, 0x28]), Buffer.alloc(300000, 0x20)])), { index: false })) as { reason: string }).reason, /invalid UTF-8/);
      l.dispose();
      assert.equal(new FolderCleaner({ inThread: true }).decodesOff(n), false, 'in-thread: nothing to hand over');
    }
    // kept warm for the next run: the same worker, its last run's templates forgotten; results as in-thread
    const first = new FolderCleaner({ workerFile });
    await first.start({ convertMarkup: true, keepMeta: false });
    for (const dd of dumps) await first.learn(dd);
    assert.equal(await first.useTemplates(true), dumps.length);
    first.dispose();
    const second = new FolderCleaner({ workerFile });
    assert.equal(second.reused, true, 'the worker of the last run is reused');
    await second.start({ convertMarkup: true, keepMeta: false });
    for (const dd of dumps.slice(0, 3)) await second.learn(dd);
    assert.equal(await second.useTemplates(true), 3, 'the index is this run\'s own');
    assert.deepEqual(await cleanedBy(second, dumps[4]), expected(dumps[4], buildTemplateIndex(dumps.slice(0, 3)), false, true));
    // a run that ends with a request unanswered (cancelled) does not hand its worker on
    const busy = second.clean(dumps[0], {});
    second.dispose();
    await assert.rejects(busy, /stopped/);
    const third = new FolderCleaner({ workerFile, keepWarmMs: 0 });
    assert.equal(third.reused, false);
    await third.start({ convertMarkup: true, keepMeta: false });
    third.dispose(); // keepWarmMs 0: stopped at once
    const fourth = new FolderCleaner({ workerFile });
    assert.equal(fourth.reused, false);
    await fourth.start({ convertMarkup: true, keepMeta: false });
    fourth.dispose();
    assert.equal(new FolderCleaner({ workerFile, inThread: true }).reused, false);
    stopIdleFolderWorker();
    const fifth = new FolderCleaner({ workerFile });
    assert.equal(fifth.reused, false, 'stopped with the extension');
    fifth.dispose();
    stopIdleFolderWorker();
    // no worker script: the service runs in-thread
    const f = new FolderCleaner({ workerFile: join(dir, 'missing.js') });
    assert.equal(f.kind, 'extension host');
    await f.start({ convertMarkup: false, keepMeta: false });
    assert.deepEqual(await cleanedBy(f, fixture), expected(fixture, null, false, false));
    f.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('folder service: a page joined into one line is reported with the analysis\' stats.joined and whether the clean keeps that line; a normal dump is not', async () => {
  // a header line, then the page joined into one line (jsoup's text()), as the CLI's test makes it
  const joinedDump = (layout: string) => 'Saved page\n' + readFileSync(join('test/fixtures/layouts', layout), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).join(' ') + '\n';
  const s = new FolderService();
  s.handle({ type: 'start', seq: 1, convertMarkup: true, keepMeta: false });
  let seq = 1;
  for (const d of [joinedDump('handwritten-telegraph-layout.txt'), joinedDump('handwritten-corriere-layout.txt')]) {
    const a = analyze(d, { entities: false, quotes: false });
    assert.ok(a.stats.joined, 'the analysis finds the joined page');
    const r = s.handle({ type: 'clean', seq: ++seq, text: d, options: {} });
    assert.equal(r.type, 'cleaned');
    if (r.type !== 'cleaned') return;
    const kept = a.lines[a.stats.joined.line].label === 'article';
    assert.deepEqual(r.joined, { ...a.stats.joined, kept });
    assert.equal(r.joined!.line, 1);
  }
  const normal = s.handle({ type: 'clean', seq: ++seq, text: dumps[0], options: {} });
  assert.equal(normal.type === 'cleaned' && 'joined' in normal, false, 'no joined page in a normal dump');
  // through the cleaner (in-thread) too
  const c = new FolderCleaner({ inThread: true });
  await c.start({ convertMarkup: true, keepMeta: false });
  const got = await c.clean(joinedDump('handwritten-telegraph-layout.txt'), {});
  assert.equal(got.joined?.line, 1);
  assert.equal((await c.clean(dumps[0], {})).joined, undefined);
  c.dispose();
});
