// Extension-host benchmark (performance issue): a generated ~5 MB dump is opened in a real editor; we measure
// the time from opening to the first dimming (decorations), and, over 50 scripted edits, the analysis time per
// edit (in the analysis worker) and the longest task blocking the extension host (an event-loop probe: a 5 ms
// interval timer whose late ticks measure how long the host was busy), and the growth of the extension host's
// heap (after a forced garbage collection, so that it measures what is retained; VS Code's own copy of the
// document included). Figures are printed as `PERF …` lines together with the budgets of the issue (dimming
// <= 1 s after opening, no task blocks the host for more than 50 ms while typing, heap growth <= 3x the document
// size, read as the extension's share: VS Code's own copy is measured on the same text opened as a .log document)
// and whether they are met. The blocking budget is about analysis tasks: the extension times its own host tasks
// (cacheStats().hostTasks: requests, worker answers with their listeners, decorations, diagnostics, status bar,
// outline slices); the probe also sees VS Code's own (its merge-conflict extension's getText() of the whole
// document after every edit, garbage collection). The test asserts what must always hold (the dump is analysed and
// dimmed, every edit is re-analysed, decorations and diagnostics follow scrolling, hover and outline answer on the
// big document), the memory budget, and the extension's own host tasks during the edits <= 150 ms (3x the budget:
// a garbage collection can land in one of them; where the host thread's CPU clock is read, a task in which the
// host ran less than 50 ms waited for a core and is not counted); set SCRAPED_NEWS_PERF_BUDGETS=1 to assert the
// budgets themselves (dimming <= 1 s, the extension's own tasks and the probe <= 50 ms).
// (PERF lines are indented so that the offline runner, which prints mocha's indented lines, shows them;
// `grep -E '^\s*PERF'` extracts them.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance, PerformanceObserver } from 'perf_hooks';
import * as vscode from 'vscode';
import { PAGE_ARTICLES, pageOf } from '../pages-text';
import { PLACES, bigDump, tag } from '../big-dump';
import { gcFunction } from '../gc';

const EXTENSION_ID = 'scraped-news.scraped-news';
const TARGET_BYTES = 5 * 1024 * 1024;
const EDITS = 50;
const OPEN_BUDGET_MS = 1000;
const BLOCK_BUDGET_MS = 50;
/** Heap growth of the extension host, in multiples of the document size. */
const HEAP_BUDGET_RATIO = 3;
const ASSERT_BUDGETS = process.env.SCRAPED_NEWS_PERF_BUDGETS === '1';
/** Wall-clock limit of the edit loop, so that a slow build fails with figures instead of timing out. */
const EDIT_LOOP_LIMIT_MS = 60000;

interface Api {
  decoratedRanges(uri: vscode.Uri): Record<string, vscode.Range[]>;
  analysis(uri: vscode.Uri): { lines: readonly { line: number; label: string }[] } | undefined;
  cacheStats(): { hits: number; misses: number; analyses: number; lastMs: number; lastLinesMs: number; lastCpuMs: number; lastLinesCpuMs: number; lastFocusMs: number; lastFocusCpuMs: number; lastReadAt?: number; lastPostedAt?: number; lastFirstLabelsAt?: number; lastLabelsAt?: number; documents: number; maxHostMs: number; maxDecodeMs: number; maxListenersMs: number; backend: string; workerHeapUsed: number; lastPages: { classified: number; reused: number; cleanedReused: number }; hostTasks?: Record<string, number>; hostTaskSpans?: Record<string, [number, number]>; hostTaskCpu?: Record<string, number> };
  refresh(uri?: vscode.Uri): Promise<void>;
  focusDecorations(): number;
  cache: { resetHostTasks(): void; trackTaskCpu(on: boolean): boolean };
}

/** This thread's CPU clock in ms (Linux: the scheduler's run time, moving in ticks of 4 ms at HZ=250), or -1. */
function threadCpu(): number {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return -1;
  }
}

/**
 * Longest gap of a 5 ms interval timer beyond its period = the longest task that ran meanwhile. `maxCpu`: the host
 * thread's CPU time in that gap (Linux; -1 elsewhere): far below the gap, the host was waiting for a core rather than
 * running a task.
 */
class BlockProbe {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  private lastCpu = -1;
  max = 0;
  maxCpu = -1;
  start(): void {
    this.reset();
    this.timer = setInterval(() => this.tick(), 5);
  }
  private tick(): void {
    const now = performance.now();
    const cpu = threadCpu();
    if (now - this.last - 5 > this.max) {
      this.max = now - this.last - 5;
      this.maxCpu = cpu >= 0 && this.lastCpu >= 0 ? cpu - this.lastCpu : -1;
    }
    this.last = now;
    this.lastCpu = cpu;
  }
  reset(): void {
    this.last = performance.now();
    this.lastCpu = threadCpu();
    this.max = 0;
    this.maxCpu = -1;
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.tick();
    return this.max;
  }
  /** " (host thread CPU in it N ms)" for a printed figure, or nothing where the clock is missing. */
  cpuNote(): string {
    return this.maxCpu >= 0 ? ` (host thread CPU in it ${this.maxCpu.toFixed(1)} ms)` : '';
  }
}

/** Starts the inspector's CPU profiler when SCRAPED_NEWS_PERF_PROFILE names a file; `stop()` writes the profile there. */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const file = process.env.SCRAPED_NEWS_PERF_PROFILE;
  if (!file) return { stop: async () => undefined };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const inspector = require('inspector') as typeof import('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    stop: async () => {
      const res = (await post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(file, JSON.stringify(res.profile));
      session.disconnect();
    },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface FolderSummary {
  cleaned: string[];
  skipped: unknown[];
  plan: { templateDocuments: number };
  timings: { scan: number; dryRun: number; apply: number };
  analysedIn: string;
}

/** `fn` on a new temporary folder (removed after) with the workspace's fixture dump. */
async function inTempFolder(prefix: string, fn: (dir: string, fixture: string) => Promise<void>): Promise<void> {
  const fixture = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'sputnik-antonov.txt'), 'utf8');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    await fn(dir, fixture);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Clean All Dumps in Folder on `dir` (no dialogs) under the event-loop probe: its summary, wall time, and its figures
 * as printed: phases, where the dumps were analysed, the longest blocking task, the host's GC meanwhile.
 */
async function timedCleanFolder(dir: string): Promise<{ s: FolderSummary; ms: number; figures: string }> {
  const probe = new BlockProbe();
  const gcs = watchGc();
  probe.start();
  const t0 = performance.now();
  const s = await vscode.commands.executeCommand<FolderSummary>('scrapedNews.cleanFolder', vscode.Uri.file(dir), { confirm: false, notify: false });
  const ms = performance.now() - t0;
  const block = probe.stop();
  const gc = gcs.stop();
  const figures =
    `(scan ${s.timings.scan} ms, dry run ${s.timings.dryRun} ms, writing ${s.timings.apply} ms; analysed in the ${s.analysedIn}); ` +
    `longest blocking task ${f1(block)} ms${probe.cpuNote()}; host GC meanwhile: ${gc.pauses} pauses, ${f1(gc.total)} ms, longest ${f1(gc.longest)} ms`;
  return { s, ms, figures };
}

/** The extension host's garbage-collection pauses from now until `stop()`: count and the longest (ms). */
function watchGc(): { stop(): { pauses: number; longest: number; total: number } } {
  const ms: number[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const en of list.getEntries()) ms.push(en.duration);
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      obs.disconnect();
      return { pauses: ms.length, longest: Math.max(0, ...ms), total: ms.reduce((a, b) => a + b, 0) };
    },
  };
}

/** Heap used by this (extension host) thread, after a full GC when possible. */
async function retainedHeap(gc: (() => void) | undefined): Promise<number> {
  if (gc) {
    await sleep(50);
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

const f1 = (n: number) => n.toFixed(1);
/**
 * The worker thread's CPU time beside a wall time (Linux): on a machine with few cores the browser, VS Code and
 * the compiler threads compete with the worker, which then runs only part of the time.
 */
const cpuOf = (ms: number) => (ms >= 0 ? ` (thread CPU ${f1(ms)} ms)` : '');

/**
 * Where the time from opening to dimming went: the cache starts reading the text in slices, posts the request with
 * the last slice, receives the worker's first labels; the editor is shown; the decorations are set.
 */
function openTimeline(s: ReturnType<Api['cacheStats']>, opened: number, shown: number, decorated: number): string {
  const at = (t: number | undefined) => (t !== undefined && t >= 0 ? `+${f1(t - opened)}` : '?');
  return `reading started ${at(s.lastReadAt)}, request posted ${at(s.lastPostedAt)}, first labels arrived ${at(s.lastFirstLabelsAt)}, all line labels ${at(s.lastLabelsAt)}, editor shown ${at(shown)}, dimming ${at(decorated)}`;
}

/** What the analysis worker held before a document was opened (its heap as of its last complete answer). */
function workerBefore(api: Api): string {
  const s = api.cacheStats();
  return `before opening: ${s.documents} documents in the cache, analysis worker heap ${f1(s.workerHeapUsed / 1048576)} MB`;
}

/** When the document's first boilerplate decorations were set (polled every 5 ms), or -1 when none by `since` + 60 s. */
async function firstDimming(api: Api, uri: vscode.Uri, since: number): Promise<number> {
  while (performance.now() - since < 60000) {
    if (api.decoratedRanges(uri).boilerplate.length > 0) return performance.now();
    await sleep(5);
  }
  return -1;
}

suite('perf: 5 MB dump in the extension host', function () {
  this.timeout(180000);
  let api: Api;
  let uri: vscode.Uri;
  let baseUri: vscode.Uri;
  let size = 0;
  let autoSave: unknown;

  suiteSetup(async () => {
    // code-server saves dirty editors after 1 s by default: keep the scripted edits in memory
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    const root = vscode.workspace.workspaceFolders![0].uri;
    const fixture = fs.readFileSync(path.join(root.fsPath, 'sputnik-antonov.txt'), 'utf8');
    const text = bigDump(fixture, TARGET_BYTES);
    size = Buffer.byteLength(text);
    uri = vscode.Uri.joinPath(root, 'perf-5mb.news.txt');
    fs.writeFileSync(uri.fsPath, text);
    baseUri = vscode.Uri.joinPath(root, 'perf-5mb-baseline.log');
    fs.writeFileSync(baseUri.fsPath, text);
    // The extension is already running (as after any earlier dump): open a small dump first, so that the figures
    // below are about the 5 MB document, not about loading the extension and starting its analysis worker.
    const warm = vscode.Uri.joinPath(root, 'perf-warmup.news.txt');
    fs.writeFileSync(warm.fsPath, fixture);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(warm));
    await api.refresh(warm);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(warm.fsPath, { force: true });
  });

  suiteTeardown(async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    fs.rmSync(uri.fsPath, { force: true });
    fs.rmSync(baseUri.fsPath, { force: true });
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });

  test('dimming visible <= 1 s after opening; 50 edits never block the host > 50 ms; heap <= 3x', async () => {
    assert.ok(size >= TARGET_BYTES, `generated ${size} bytes`);
    const probe = new BlockProbe();
    const gc = gcFunction();
    // VS Code's own copy of such a document in the extension host: the same text opened as a `.log` document
    // (a language the extension ignores), kept open, so the figures below can be split into VS Code's and ours.
    // It includes the full text the host caches after a `getText()` (until the next edit): VS Code's built-in
    // merge-conflict extension calls it on every visible document after each change.
    const base0 = await retainedHeap(gc);
    const baseDoc = await vscode.workspace.openTextDocument(baseUri);
    assert.notStrictEqual(baseDoc.languageId, 'scraped-news');
    assert.ok(baseDoc.getText().length > 0); // as merge-conflict does: VS Code caches the full text
    const vscodeCopy = (await retainedHeap(gc)) - base0;
    const heap0 = await retainedHeap(gc);
    const raw0 = process.memoryUsage().heapUsed;

    // ---- open → first decorations ----
    api.cache.resetHostTasks(); // the "while opening" figures count only this document's tasks, not earlier tests'
    // each longest task's thread CPU time too (Linux): wall time far above it means the host waited for a core
    const taskCpu = api.cache.trackTaskCpu(true);
    probe.start();
    let tOpened = -1; // when the extension host has the document (VS Code's own loading is before that)
    const onOpen = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() === uri.toString() && tOpened < 0) tOpened = performance.now();
    });
    const focused = api.focusDecorations();
    const before = workerBefore(api);
    const t0 = performance.now();
    const doc = await vscode.workspace.openTextDocument(uri);
    onOpen.dispose();
    if (tOpened < 0) tOpened = performance.now();
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const tShown = performance.now();
    assert.strictEqual(doc.languageId, 'scraped-news', 'the *.news.txt pattern selects our language');
    const tDecorated = await firstDimming(api, uri, t0);
    const openBlock = probe.stop();
    const openBlockNote = probe.cpuNote();
    if (tDecorated < 0) console.log(`    PERF open-to-decorations > 60000 ms (no dimming within 60 s; cache ${JSON.stringify(api.cacheStats())})`);
    assert.ok(tDecorated > 0, 'decorations never appeared within 60 s');
    const openMs = tDecorated - tOpened;
    // then the complete analysis (quotes, second answer of the worker)
    probe.start();
    await api.refresh(uri);
    const tComplete = performance.now();
    const completeBlock = probe.stop();
    const firstAnalysisMs = api.cacheStats().lastMs;
    const firstAnalysisCpuMs = api.cacheStats().lastCpuMs;
    // read as one page: the worker's first answer was an estimate of the lines on screen (AnalyzeOptions.focus)
    const opened = api.cacheStats();
    assert.ok(opened.lastFocusMs >= 0 && opened.lastFocusMs < opened.lastLinesMs, `estimate after ${opened.lastFocusMs} ms, line labels after ${opened.lastLinesMs} ms`);
    const fromEstimate = api.focusDecorations() > focused;
    // and now the dimming on screen is the analysis' own
    const final = api.analysis(uri);
    assert.ok(final);
    const dimmedTop = new Set(api.decoratedRanges(uri).boilerplate.map((r) => r.start.line));
    for (let i = 0; i < Math.min(200, doc.lineCount); i++) assert.equal(dimmedTop.has(i), final.lines[i].label === 'boilerplate', `line ${i}: dimmed ${dimmedTop.has(i)}, label ${final.lines[i].label}`);
    const heap1 = await retainedHeap(gc);
    console.log(
      `    PERF open-to-decorations ${f1(openMs)} ms after the document was opened (${f1(tDecorated - t0)} ms after the call to openTextDocument, ` +
        `which took ${f1(tOpened - t0)} ms in VS Code; editor shown after ${f1(tShown - t0)} ms; ` +
        `longest blocking task while opening ${f1(openBlock)} ms${openBlockNote}; quotes too after ${f1(tComplete - t0)} ms, longest blocking task meanwhile ${f1(completeBlock)} ms; ` +
        `worker time: line labels ${f1(api.cacheStats().lastLinesMs)} ms${cpuOf(api.cacheStats().lastLinesCpuMs)}, complete analysis ${f1(firstAnalysisMs)} ms${cpuOf(firstAnalysisCpuMs)}, ` +
        `in the ${api.cacheStats().backend}) on ${(size / 1048576).toFixed(2)} MB, ${doc.lineCount} lines; ` +
        `first dimming ${fromEstimate ? `from the estimate of the lines on screen (worker ${f1(opened.lastFocusMs)} ms${cpuOf(opened.lastFocusCpuMs)})` : 'from all line labels (the editor was shown after they came)'}, ` +
        `all line labels ${opened.lastLabelsAt !== undefined && opened.lastLabelsAt >= 0 ? f1(opened.lastLabelsAt - tOpened) : '?'} ms after opening`,
    );
    console.log(`    PERF open timeline (ms after the document was opened): ${openTimeline(api.cacheStats(), tOpened, tShown, tDecorated)}; ${before}`);

    // ---- 50 scripted edits, spread over the document, each analysed before the next ----
    // SCRAPED_NEWS_PERF_PROFILE=<file.cpuprofile>: a CPU profile of the extension host during the edits (to find
    // what blocks it: open it in Chrome DevTools or read its samples)
    const profile = await startProfile();
    const openTasks = api.cacheStats().hostTasks ?? {};
    const openCpu = api.cacheStats().hostTaskCpu ?? {};
    api.cache.resetHostTasks();
    // the extension host's garbage-collection pauses during the edits, to tell them from the extension's own work
    // when one lands in a timed task
    const gcPauses: { start: number; ms: number; kind: number }[] = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const en of list.getEntries()) gcPauses.push({ start: en.startTime, ms: en.duration, kind: (en as unknown as { detail?: { kind?: number } }).detail?.kind ?? -1 });
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    const lineCount = doc.lineCount;
    const perEditAnalysis: number[] = [];
    const perEditCpu: number[] = [];
    const perEditTask: number[] = [];
    let worstEdit = { ms: 0, note: '' };
    const perEditRoundTrip: number[] = [];
    let lastAnalyses = api.cacheStats().analyses;
    const loopStart = performance.now();
    for (let i = 0; i < EDITS; i++) {
      if (performance.now() - loopStart > EDIT_LOOP_LIMIT_MS) {
        console.log(`    PERF edit loop stopped after ${i} of ${EDITS} edits: over ${EDIT_LOOP_LIMIT_MS / 1000} s`);
        break;
      }
      // mostly typing near the visible region, sometimes far away (find/replace, multi-cursor)
      const line = i % 5 === 4 ? Math.floor(((i * 7919) % 1000) / 1000 * (lineCount - 1)) : Math.min(lineCount - 1, 16 + (i % 20));
      const pos = doc.lineAt(line).range.end;
      await sleep(20); // let the probe settle
      probe.start();
      const ts = performance.now();
      const ok = await editor.edit((e) => e.insert(pos, i % 3 === 2 ? ' typed word.' : 'x'), { undoStopBefore: false, undoStopAfter: false });
      assert.ok(ok, 'edit applied');
      await api.refresh(uri); // what the debounce timer does after a pause in typing
      const te = performance.now();
      await sleep(15); // let the probe see the end of the last task
      perEditTask.push(probe.stop());
      if (probe.max >= worstEdit.ms) worstEdit = { ms: probe.max, note: probe.cpuNote() };
      perEditRoundTrip.push(te - ts);
      const st = api.cacheStats();
      assert.ok(st.analyses > lastAnalyses, `edit ${i} was analysed`);
      lastAnalyses = st.analyses;
      perEditAnalysis.push(st.lastMs);
      if (st.lastCpuMs >= 0) perEditCpu.push(st.lastCpuMs);
    }
    await profile.stop();
    gcObserver.disconnect();
    // the extension's own host tasks during the edits (handlers timed by the extension: requests, worker answers
    // with their listeners, decorations, diagnostics, status bar, outline slices)
    const editTasks = api.cacheStats().hostTasks ?? {};
    const editCpu = api.cacheStats().hostTaskCpu ?? {};
    api.cache.trackTaskCpu(false);
    const ownMax = Math.max(0, ...Object.values(editTasks));
    if (taskCpu) {
      // the clock: a CPU time for every task kind, never above its wall time by more than the clock's step (the
      // scheduler adds a running thread's time at each tick: 4 ms at HZ=250, 10 ms at HZ=100)
      for (const tasks of [openTasks, editTasks]) {
        const cpu = tasks === openTasks ? openCpu : editCpu;
        assert.deepStrictEqual(Object.keys(cpu).sort(), Object.keys(tasks).sort());
        for (const k of Object.keys(tasks)) assert.ok(cpu[k] >= 0 && cpu[k] <= tasks[k] + 10.5, `${k}: thread CPU ${cpu[k]} ms in a task of ${tasks[k]} ms`);
      }
    }
    const spans = api.cacheStats().hostTaskSpans ?? {};
    /** GC pause time inside [a, b]. */
    const gcIn = (a: number, b: number) => gcPauses.reduce((sum, g) => sum + Math.max(0, Math.min(b, g.start + g.ms) - Math.max(a, g.start)), 0);
    const ownGc: Record<string, number> = {};
    for (const k of Object.keys(editTasks)) ownGc[k] = spans[k] ? gcIn(spans[k][0], spans[k][1]) : 0;
    const ownMaxWithoutGc = Math.max(0, ...Object.keys(editTasks).map((k) => editTasks[k] - ownGc[k]));
    const raw2 = process.memoryUsage().heapUsed;
    const heap2 = await retainedHeap(gc);
    // decorations still reflect the document after the edits
    assert.ok(api.decoratedRanges(uri).boilerplate.length > 0);

    // the adapters still answer on the big document (hover on a dimmed line, outline)
    const dimmed = api.decoratedRanges(uri).boilerplate[0].start.line;
    probe.start();
    let tq = performance.now();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(dimmed, 0));
    const hoverMs = performance.now() - tq;
    tq = performance.now();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const outlineMs = performance.now() - tq;
    await sleep(15);
    const queryBlock = probe.stop();
    const hoverText = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(hoverText, /Boilerplate/, 'hover explains a dimmed line of the big document');
    assert.ok(symbols.length > 0, 'outline of the big document');
    // scrolling far down decorates there too (big documents are decorated around the visible ranges)
    const far = Math.floor(doc.lineCount * 0.8);
    editor.revealRange(new vscode.Range(far, 0, far, 0), vscode.TextEditorRevealType.AtTop);
    let scrolled = false;
    for (let t = performance.now(); performance.now() - t < 5000 && !scrolled; ) {
      scrolled = api.decoratedRanges(uri).boilerplate.some((r) => Math.abs(r.start.line - far) < 200);
      if (!scrolled) await sleep(20);
    }
    assert.ok(scrolled, 'decorations follow scrolling on a big document');
    // diagnostics too (big documents get them around the visible ranges only), and not for the whole document
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'scraped-news');
    let near = false;
    for (let t = performance.now(); performance.now() - t < 5000 && !near; ) {
      near = ours().some((d) => Math.abs(d.range.start.line - far) < 200);
      if (!near) await sleep(20);
    }
    assert.ok(near, 'diagnostics follow scrolling on a big document');
    assert.ok(ours().every((d) => Math.abs(d.range.start.line - far) < 400), 'only the lines around the visible range have diagnostics');

    const done = perEditAnalysis.length;
    const a = stats(perEditAnalysis);
    const b = stats(perEditTask);
    const r = stats(perEditRoundTrip);
    console.log(`    PERF per-edit analysis (cacheStats.lastMs, ${done} edits): median ${f1(a.median)} ms, p95 ${f1(a.p95)} ms, max ${f1(a.max)} ms${perEditCpu.length ? `; worker thread CPU median ${f1(stats(perEditCpu).median)} ms` : ''}`);
    console.log(`    PERF per-edit longest blocking task (event-loop probe): median ${f1(b.median)} ms, p95 ${f1(b.p95)} ms, max ${f1(b.max)} ms`);
    console.log(`    PERF per-edit edit+refresh round trip: median ${f1(r.median)} ms, p95 ${f1(r.p95)} ms, max ${f1(r.max)} ms`);
    const cs = api.cacheStats();
    console.log(
      `    PERF host time per worker answer: max ${f1(cs.maxHostMs)} ms (decoding max ${f1(cs.maxDecodeMs)} ms; onDidUpdate listeners — decorations, diagnostics, status bar — max ${f1(cs.maxListenersMs)} ms)`,
    );
    const fmt = (t: Record<string, number>, cpu: Record<string, number> = {}) =>
      Object.entries(t).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${f1(v)} ms${cpu[k] !== undefined ? ` (CPU ${f1(cpu[k])})` : ''}`).join(', ');
    console.log(`    PERF the extension's own longest host task per kind while opening${taskCpu ? ' (with the host thread\'s CPU time in each)' : ''}: ${fmt(openTasks, openCpu)}`);
    console.log(`    PERF the extension's own longest host task per kind during the ${done} edits: ${fmt(editTasks, editCpu)} (max ${f1(ownMax)} ms)`);
    const gcKinds = (k: number) => ({ 1: 'scavenge', 2: 'mark-compact', 4: 'incremental marking', 8: 'weak callbacks', 15: 'all' } as Record<number, string>)[k] ?? String(k);
    const longestGc = [...gcPauses].sort((x, y) => y.ms - x.ms).slice(0, 3).map((g) => `${f1(g.ms)} ms ${gcKinds(g.kind)}`).join(', ');
    console.log(
      `    PERF extension-host garbage collection during the edits: ${gcPauses.length} pauses, ${f1(gcPauses.reduce((a, g) => a + g.ms, 0))} ms in all, longest ${longestGc || 'none'}; ` +
        `GC time inside the longest task of each kind: ${fmt(ownGc)}; the extension's own longest task without it ${f1(ownMaxWithoutGc)} ms`,
    );
    console.log(`    PERF hover on the big document ${f1(hoverMs)} ms, outline ${f1(outlineMs)} ms (${symbols.length} top-level symbols); longest blocking task ${f1(queryBlock)} ms`);
    const growth = heap2 - heap0;
    console.log(
      `    PERF extension-host heap growth${gc ? ' (after GC)' : ' (no GC available: includes garbage)'}: after open ${f1((heap1 - heap0) / 1048576)} MB, ` +
        `after edits ${f1(growth / 1048576)} MB (${(growth / size).toFixed(2)}x the document size; includes VS Code's own copy of the document); ` +
        `without GC ${f1((raw2 - raw0) / 1048576)} MB; VS Code's own copy of the same text (opened as a .log document) ${f1(vscodeCopy / 1048576)} MB, ` +
        `so the extension's share is ${f1((growth - vscodeCopy) / 1048576)} MB (${((growth - vscodeCopy) / size).toFixed(2)}x); ` +
        `analysis worker heap ${f1(api.cacheStats().workerHeapUsed / 1048576)} MB (a separate isolate)`,
    );

    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    console.log(`    PERF budget dimming <= ${OPEN_BUDGET_MS} ms after opening: ${verdict(openMs <= OPEN_BUDGET_MS)} (${f1(openMs)} ms)`);
    console.log(
      `    PERF budget ${EDITS} edits, no analysis task > ${BLOCK_BUDGET_MS} ms (the extension's own host tasks): ${verdict(done === EDITS && ownMax <= BLOCK_BUDGET_MS)} ` +
        `(${done} edits, max ${f1(ownMax)} ms${taskCpu ? `; the host thread ran ${f1(Math.max(0, ...Object.keys(editTasks).filter((k) => editTasks[k] === ownMax).map((k) => editCpu[k] ?? 0)))} ms of it` : ''}); ` +
        `any task at all (probe, VS Code's own included): ${verdict(b.max <= BLOCK_BUDGET_MS)} (max ${f1(b.max)} ms${worstEdit.note})`,
    );
    // The budget is read as the extension's share: VS Code's own copy of the document (lines + cached full text)
    // is already ~3.7x a 5 MB dump with curly quotes (UTF-16 strings) before any extension does anything.
    const heapOurs = growth - vscodeCopy;
    console.log(
      `    PERF budget heap growth <= ${HEAP_BUDGET_RATIO}x the document size (the extension's share, VS Code's own copy excluded): ` +
        `${verdict(heapOurs <= HEAP_BUDGET_RATIO * size)} (${(heapOurs / size).toFixed(2)}x; all included ${(growth / size).toFixed(2)}x)`,
    );
    assert.ok(done >= Math.min(EDITS, 5), `only ${done} edits were analysed in ${EDIT_LOOP_LIMIT_MS / 1000} s`);
    // memory does not depend on the machine's load: always asserted. The extension's own host tasks while typing
    // are ~10-20 ms, but a garbage collection of the host (50-100 ms under load) can land in any of them: by
    // default only 3x the budget is asserted (a regression guard: publishing 1,000 diagnostics took 170 ms)
    assert.strictEqual(done, EDITS, `only ${done} of ${EDITS} edits fit in ${EDIT_LOOP_LIMIT_MS / 1000} s`);
    const ownLimit = ASSERT_BUDGETS ? BLOCK_BUDGET_MS : 3 * BLOCK_BUDGET_MS;
    // With the thread clock, the guard is on the work: a task over the limit in which the host thread ran less than
    // the budget itself was waiting for a core (the machine was busy: CI once saw a 175.9 ms outline task with 1.3 ms
    // of host CPU in it). A regression that works on the host (1,000 diagnostics: 170 ms) has its CPU time too.
    const overLimit = Object.keys(editTasks).filter((k) => editTasks[k] > ownLimit && !(taskCpu && !ASSERT_BUDGETS && (editCpu[k] ?? Infinity) <= BLOCK_BUDGET_MS));
    for (const k of Object.keys(editTasks).filter((k) => editTasks[k] > ownLimit && !overLimit.includes(k))) {
      console.log(`    PERF ${k}: ${f1(editTasks[k])} ms over the ${ownLimit} ms guard, but the host thread ran ${f1(editCpu[k])} ms of it (waited for a core): not counted`);
    }
    assert.deepStrictEqual(overLimit, [], `a task of the extension blocked the extension host for ${f1(ownMax)} ms during the edits (limit ${ownLimit} ms): ${fmt(editTasks, taskCpu ? editCpu : undefined)}`);
    assert.ok(heapOurs <= HEAP_BUDGET_RATIO * size, `the extension's heap grew ${(heapOurs / size).toFixed(2)}x the document size (budget ${HEAP_BUDGET_RATIO}x)`);
    if (ASSERT_BUDGETS) {
      assert.ok(openMs <= OPEN_BUDGET_MS, `dimming visible ${f1(openMs)} ms after opening (budget ${OPEN_BUDGET_MS} ms)`);
      assert.ok(b.max <= BLOCK_BUDGET_MS, `a task (any, VS Code's own included) blocked the extension host for ${f1(b.max)} ms during the edits (budget ${BLOCK_BUDGET_MS} ms)`);
    }
  });

  test('a 5 MB file of several pages (cat *.txt > all.txt): the visible pages are labelled first, and dimmed from those labels', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const articles = PAGE_ARTICLES.map((f) => fs.readFileSync(path.join(root.fsPath, f), 'utf8'));
    const pages: string[] = [];
    for (let j = 0, n = 0; n < TARGET_BYTES; j++) {
      pages.push(pageOf(articles[j % articles.length], j));
      n += Buffer.byteLength(pages[j]) + 2;
    }
    const text = pages.join('\n\n') + '\n';
    const pagedUri = vscode.Uri.joinPath(root, 'perf-5mb-pages.news.txt');
    fs.writeFileSync(pagedUri.fsPath, text);
    try {
      const focused = api.focusDecorations();
      const before = workerBefore(api);
      let tOpened = -1;
      const onOpen = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === pagedUri.toString() && tOpened < 0) tOpened = performance.now();
      });
      const doc = await vscode.workspace.openTextDocument(pagedUri);
      onOpen.dispose();
      if (tOpened < 0) tOpened = performance.now();
      await vscode.window.showTextDocument(doc, { preview: false });
      const tShown = performance.now();
      const tDecorated = await firstDimming(api, pagedUri, tOpened);
      assert.ok(tDecorated > 0, 'decorations never appeared within 60 s');
      // the first menu lines of the file are dimmed (its first page's header)
      const first = api.decoratedRanges(pagedUri).boilerplate.map((r) => r.start.line);
      assert.ok(first.includes(0) && first.includes(34), `first dimmed lines: ${first.slice(0, 5).join(', ')}`);
      await api.refresh(pagedUri);
      const st = api.cacheStats();
      assert.ok(st.lastFocusMs >= 0 && st.lastFocusMs < st.lastLinesMs, `focus answer after ${st.lastFocusMs} ms, line labels after ${st.lastLinesMs} ms`);
      const fromFocus = api.focusDecorations() > focused;
      const openMs = tDecorated - tOpened;
      console.log(
        `    PERF open-to-decorations on a 5 MB file of ${pages.length} pages: ${f1(openMs)} ms after the document was opened; worker time: visible pages' labels ` +
          `${f1(st.lastFocusMs)} ms${cpuOf(st.lastFocusCpuMs)}, all line labels ${f1(st.lastLinesMs)} ms${cpuOf(st.lastLinesCpuMs)}; first dimming ${fromFocus ? 'from the visible pages\' labels' : 'from all line labels (the editor was shown after they came)'}`,
      );
      console.log(`    PERF open timeline of the file of several pages (ms after the document was opened): ${openTimeline(st, tOpened, tShown, tDecorated)}; ${before}`);
      console.log(`    PERF budget dimming <= ${OPEN_BUDGET_MS} ms after opening, 5 MB file of several pages: ${openMs <= OPEN_BUDGET_MS ? 'met' : 'NOT MET'} (${f1(openMs)} ms)`);
      // typing in it: each edit classifies again only the page it is in (the incremental analyser's page memo)
      const read = st.lastPages.classified + st.lastPages.reused;
      assert.ok(read > pages.length / 2, `read as ${read} pages: ${JSON.stringify(st.lastPages)}`);
      const editor = vscode.window.activeTextEditor!;
      // the first line of each page (pages are joined by a blank line)
      const pageLine: number[] = [];
      for (let j = 0, l = 0; j < pages.length; j++) {
        pageLine.push(l);
        l += pages[j].split('\n').length + 1;
      }
      const perEdit: number[] = [];
      let analyses = st.analyses;
      for (let i = 0; i < 10; i++) {
        // the end of the first prose line of page 50 + 97 i's article (its 35 menu lines and a blank line before it)
        let target = pageLine[50 + 97 * i] + 36;
        while (doc.lineAt(target).text.length < 80) target++;
        const ok = await editor.edit((e) => e.insert(doc.lineAt(target).range.end, i % 2 ? 'x' : ' typed'), { undoStopBefore: false, undoStopAfter: false });
        assert.ok(ok, 'edit applied');
        await api.refresh(pagedUri);
        const s2 = api.cacheStats();
        assert.ok(s2.analyses > analyses, `edit ${i} was analysed`);
        analyses = s2.analyses;
        assert.ok(s2.lastPages.classified <= 2 && s2.lastPages.reused >= read - 2, `edit ${i} on line ${target}: ${JSON.stringify(s2.lastPages)} of ${read} pages`);
        perEdit.push(s2.lastMs);
      }
      perEdit.sort((a, b) => a - b);
      console.log(`    PERF per-edit analysis on the 5 MB file of several pages (10 edits in article lines; one page of ${read} classified again each time): median ${f1(perEdit[5])} ms, max ${f1(perEdit[9])} ms`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(pagedUri.fsPath, { force: true });
    }
  });

  // SCRAPED_NEWS_PERF_FOLDER_FILES=N: another number of dumps (BENCHMARKS.md: 5,000 and 20,000)
  test('Clean All Dumps in Folder: throughput on 500 generated dumps (figure only)', () =>
    inTempFolder('sn-perf-folder-', async (dir, fixture) => {
      const N = Number(process.env.SCRAPED_NEWS_PERF_FOLDER_FILES ?? 500);
      let bytes = 0;
      for (let i = 0; i < N; i++) {
        const t = fixture.replace(/Moscow/g, PLACES[i % PLACES.length]).replace(/Antonov/g, `Antonov-${tag(i)}`) + `\nReport ${tag(i)} of the series, filed for the archive of this folder.\n`;
        bytes += t.length;
        fs.writeFileSync(path.join(dir, `dump-${i}.txt`), t);
      }
      const { s, ms, figures } = await timedCleanFolder(dir);
      assert.strictEqual(s.cleaned.length, N);
      console.log(`    PERF clean-folder ${N} dumps (${(bytes / 1048576).toFixed(1)} MB, templates from ${s.plan.templateDocuments}) in ${f1(ms)} ms = ${f1((N / ms) * 1000)} dumps/s ${figures}`);
    }));

  test('Clean All Dumps in Folder: a 5 MB dump among small ones never blocks the host long', () =>
    inTempFolder('sn-perf-bigfolder-', async (dir, fixture) => {
      const N = 20;
      for (let i = 0; i < N; i++) fs.writeFileSync(path.join(dir, `dump-${i}.txt`), fixture.replace(/Antonov/g, `Antonov-${tag(i)}`));
      const big = bigDump(fixture, TARGET_BYTES);
      fs.writeFileSync(path.join(dir, 'dump-big.txt'), big);
      const { s, ms, figures } = await timedCleanFolder(dir);
      // the dumps were analysed off the host (SCRAPED_NEWS_FOLDER_WORKER=off measures the host doing it: ~0.4-0.8 s)
      if (process.env.SCRAPED_NEWS_FOLDER_WORKER !== 'off') assert.strictEqual(s.analysedIn, 'worker');
      assert.deepStrictEqual(s.skipped, []);
      assert.strictEqual(s.cleaned.length, N + 1);
      assert.ok(fs.readFileSync(path.join(dir, 'dump-big.txt'), 'utf8').length < big.length, 'the big dump was cleaned');
      console.log(`    PERF clean-folder with a ${(Buffer.byteLength(big) / 1048576).toFixed(1)} MB dump and ${N} small ones in ${f1(ms)} ms ${figures} (budget ${BLOCK_BUDGET_MS} ms)`);
    }));
});
