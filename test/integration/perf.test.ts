// Extension-host benchmark (performance issue): a generated ~5 MB dump is opened in a real editor; we measure
// the time from opening to the first dimming (decorations), and, over 50 scripted edits, the analysis time per
// edit and the longest task blocking the extension host (an event-loop probe: a 5 ms interval timer whose
// late ticks measure how long the host was busy). Figures are printed as `PERF …` lines together with the budgets
// of the issue (dimming <= 1 s after opening, no task blocks the host for more than 50 ms while typing) and whether
// they are met. Budgets live in benchmarks, not in timed tests (CI machines are shared and noisy): the test itself
// asserts what must always hold (the dump is analysed and dimmed, every edit is re-analysed, decorations follow);
// set SCRAPED_NEWS_PERF_BUDGETS=1 to make the budgets fail the test as well.
// (PERF lines are indented so that the offline runner, which prints mocha's indented lines, shows them;
// `grep -E '^\s*PERF'` extracts them.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';

const EXTENSION_ID = 'scraped-news.scraped-news';
const TARGET_BYTES = 5 * 1024 * 1024;
const EDITS = 50;
const OPEN_BUDGET_MS = 1000;
const BLOCK_BUDGET_MS = 50;
/** Wall-clock limit of the edit loop, so that a slow build fails with figures instead of timing out. */
const EDIT_LOOP_LIMIT_MS = 60000;

interface Api {
  decoratedRanges(uri: vscode.Uri): Record<string, vscode.Range[]>;
  cacheStats(): { hits: number; misses: number; analyses: number; lastMs: number; documents: number };
  refresh(uri?: vscode.Uri): Promise<void>;
}

/** Letters for a number (0 → "a", 27 → "ab"): varies lines without digits (templates fold digits). */
function tag(i: number): string {
  let s = '';
  do {
    s += String.fromCharCode(97 + (i % 26));
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

const PLACES = ['Moscow', 'Washington', 'Berlin', 'Paris', 'Tokyo', 'Ottawa', 'Madrid', 'Nairobi', 'Lima', 'Seoul'];

/** Concatenate variations of the fixture dump until it is about `bytes` long. */
function bigDump(fixture: string, bytes: number): string {
  const lines = fixture.split(/\r?\n/);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const place = PLACES[i % PLACES.length];
    const t = tag(i);
    const copy = lines
      .map((l) => {
        const v = l.replace(/Moscow/g, place);
        // prose lines get a varying word so that the copies are not all duplicates of each other
        return v.length > 80 ? `${v} (${t})` : v;
      })
      .join('\n');
    parts.push(copy);
    size += copy.length + 1;
  }
  return parts.join('\n');
}

/** Longest gap of a 5 ms interval timer beyond its period = the longest task that ran meanwhile. */
class BlockProbe {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  max = 0;
  start(): void {
    this.last = performance.now();
    this.max = 0;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.max = Math.max(this.max, now - this.last - 5);
      this.last = now;
    }, 5);
  }
  reset(): void {
    this.last = performance.now();
    this.max = 0;
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return Math.max(this.max, performance.now() - this.last - 5);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

const f1 = (n: number) => n.toFixed(1);

suite('perf: 5 MB dump in the extension host', function () {
  this.timeout(180000);
  let api: Api;
  let uri: vscode.Uri;
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
  });

  suiteTeardown(async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    fs.rmSync(uri.fsPath, { force: true });
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });

  test('dimming visible <= 1 s after opening; 50 edits never block the host > 50 ms', async () => {
    assert.ok(size >= TARGET_BYTES, `generated ${size} bytes`);
    const probe = new BlockProbe();
    const heap0 = process.memoryUsage().heapUsed;

    // ---- open → first decorations ----
    probe.start();
    const t0 = performance.now();
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const tShown = performance.now();
    assert.strictEqual(doc.languageId, 'scraped-news', 'the *.news.txt pattern selects our language');
    let tDecorated = -1;
    while (performance.now() - t0 < 60000) {
      if (api.decoratedRanges(uri).boilerplate.length > 0) {
        tDecorated = performance.now();
        break;
      }
      await sleep(5);
    }
    const openBlock = probe.stop();
    if (tDecorated < 0) console.log(`    PERF open-to-decorations > 60000 ms (no dimming within 60 s; cache ${JSON.stringify(api.cacheStats())})`);
    assert.ok(tDecorated > 0, 'decorations never appeared within 60 s');
    const openMs = tDecorated - t0;
    const firstAnalysisMs = api.cacheStats().lastMs;
    const heap1 = process.memoryUsage().heapUsed;
    console.log(
      `    PERF open-to-decorations ${f1(openMs)} ms (document shown after ${f1(tShown - t0)} ms; last analysis ${f1(firstAnalysisMs)} ms, ` +
        `${api.cacheStats().analyses} analyses so far; ` +
        `longest blocking task while opening ${f1(openBlock)} ms) on ${(size / 1048576).toFixed(2)} MB, ${doc.lineCount} lines`,
    );

    // ---- 50 scripted edits, spread over the document, each analysed before the next ----
    const lineCount = doc.lineCount;
    const perEditAnalysis: number[] = [];
    const perEditTask: number[] = [];
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
      perEditRoundTrip.push(te - ts);
      const st = api.cacheStats();
      assert.ok(st.analyses > lastAnalyses, `edit ${i} was analysed`);
      lastAnalyses = st.analyses;
      perEditAnalysis.push(st.lastMs);
    }
    const heap2 = process.memoryUsage().heapUsed;
    // decorations still reflect the document after the edits
    assert.ok(api.decoratedRanges(uri).boilerplate.length > 0);

    const done = perEditAnalysis.length;
    const a = stats(perEditAnalysis);
    const b = stats(perEditTask);
    const r = stats(perEditRoundTrip);
    console.log(`    PERF per-edit analysis (cacheStats.lastMs, ${done} edits): median ${f1(a.median)} ms, p95 ${f1(a.p95)} ms, max ${f1(a.max)} ms`);
    console.log(`    PERF per-edit longest blocking task (event-loop probe): median ${f1(b.median)} ms, p95 ${f1(b.p95)} ms, max ${f1(b.max)} ms`);
    console.log(`    PERF per-edit edit+refresh round trip: median ${f1(r.median)} ms, p95 ${f1(r.p95)} ms, max ${f1(r.max)} ms`);
    console.log(
      `    PERF extension-host heap growth: after open ${f1((heap1 - heap0) / 1048576)} MB, after edits ${f1((heap2 - heap0) / 1048576)} MB ` +
        `(${((heap2 - heap0) / size).toFixed(2)}x the document size; includes VS Code's own copy of the document)`,
    );

    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    console.log(`    PERF budget dimming <= ${OPEN_BUDGET_MS} ms after opening: ${verdict(openMs <= OPEN_BUDGET_MS)} (${f1(openMs)} ms)`);
    console.log(`    PERF budget ${EDITS} edits, no task > ${BLOCK_BUDGET_MS} ms: ${verdict(done === EDITS && b.max <= BLOCK_BUDGET_MS)} (${done} edits, max ${f1(b.max)} ms)`);
    assert.ok(done >= Math.min(EDITS, 5), `only ${done} edits were analysed in ${EDIT_LOOP_LIMIT_MS / 1000} s`);
    if (process.env.SCRAPED_NEWS_PERF_BUDGETS === '1') {
      assert.strictEqual(done, EDITS, `only ${done} of ${EDITS} edits fit in ${EDIT_LOOP_LIMIT_MS / 1000} s`);
      assert.ok(openMs <= OPEN_BUDGET_MS, `dimming visible ${f1(openMs)} ms after opening (budget ${OPEN_BUDGET_MS} ms)`);
      assert.ok(b.max <= BLOCK_BUDGET_MS, `a task blocked the extension host for ${f1(b.max)} ms during the edits (budget ${BLOCK_BUDGET_MS} ms)`);
    }
  });

  test('Clean All Dumps in Folder: throughput on 500 generated dumps (figure only)', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const fixture = fs.readFileSync(path.join(root.fsPath, 'sputnik-antonov.txt'), 'utf8');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-perf-folder-'));
    try {
      const N = 500;
      let bytes = 0;
      for (let i = 0; i < N; i++) {
        const t = fixture.replace(/Moscow/g, PLACES[i % PLACES.length]).replace(/Antonov/g, `Antonov-${tag(i)}`) + `\nReport ${tag(i)} of the series, filed for the archive of this folder.\n`;
        bytes += t.length;
        fs.writeFileSync(path.join(dir, `dump-${i}.txt`), t);
      }
      const probe = new BlockProbe();
      probe.start();
      const t0 = performance.now();
      const s = await vscode.commands.executeCommand<{ cleaned: string[]; plan: { templateDocuments: number }; timings: { scan: number; dryRun: number; apply: number } }>(
        'scrapedNews.cleanFolder', vscode.Uri.file(dir), { confirm: false, notify: false });
      const ms = performance.now() - t0;
      const block = probe.stop();
      assert.strictEqual(s.cleaned.length, N);
      console.log(
        `    PERF clean-folder ${N} dumps (${(bytes / 1048576).toFixed(1)} MB, templates from ${s.plan.templateDocuments}) in ${f1(ms)} ms = ` +
          `${f1((N / ms) * 1000)} dumps/s (scan ${s.timings.scan} ms, dry run ${s.timings.dryRun} ms, writing ${s.timings.apply} ms); longest blocking task ${f1(block)} ms`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
