/**
 * scraped-news CLI (bundled to dist/cli.js, bin `scraped-news`). See HELP in ./args.ts for the forms.
 * Exit codes: 0 ok; 1 some files skipped / some --jsonl lines malformed; 2 usage or input error, nothing written.
 * A page joined into one line (TaskResult.joined) is a warning on stderr, not an error: the exit code does not change.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { Analysis, AnalyzeOptions } from '../core';
import { parseArgs, UsageError, HELP, type Args } from './args';
import { decodeBytes, encodeText } from './decode';
import { planClean } from './files';
import { runBatch, WorkerPool } from './batch';
import type { CleanSettings, JoinedPage, LoadFailure } from './engine';
import { defaultJobs, errorText, trace, traceThreads } from './util';
import { compileUserPatterns } from '../core/patterns';
import { textOf } from '../core/markup';
import { JOINED_CAUSE, JOINED_FIX } from '../core/joined';
import { version } from '../../package.json';

const t0 = Date.now();

/**
 * The whole core (quotes, entities, compromise and its model), for `annotate` only: loaded at run time from the
 * core library that the build writes next to this file (dist/core.js; a computed path, so the bundler leaves it
 * out of dist/cli.js), so `clean` never parses it (~0.1 s per run).
 */
let coreModule: typeof import('../core') | null = null;
function core(): typeof import('../core') {
  return (coreModule ??= require(path.join(__dirname, 'core.js')) as typeof import('../core'));
}

/** The engine's helpers (loaded with the line classifier). */
function engine(): typeof import('./engine') {
  return require('./engine') as typeof import('./engine');
}

/** The line classifier, loaded on first use (after the worker threads of a batch are started). */
function labels(): typeof import('./labels') {
  return require('./labels') as typeof import('./labels');
}

function fail(msg: string, code = 2): never {
  process.stderr.write(`scraped-news: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}

function readStdin(): Buffer {
  try {
    return fs.readFileSync(0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
      // stdin is a non-blocking TTY/pipe: fall back to a blocking loop
      const chunks: Buffer[] = [];
      const buf = Buffer.alloc(65536);
      for (;;) {
        let n = 0;
        try { n = fs.readSync(0, buf, 0, buf.length, null); } catch (err) { if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue; throw err; }
        if (n === 0) break;
        chunks.push(Buffer.from(buf.subarray(0, n)));
      }
      return Buffer.concat(chunks);
    }
    throw e;
  }
}

function readInput(file: string, lenient: boolean): { text: string; encoding: ReturnType<typeof decodeBytes> } {
  let bytes: Buffer;
  try {
    if (file === '-') bytes = readStdin();
    else {
      const st = fs.statSync(file);
      if (st.isDirectory()) fail(`${file}: is a directory`);
      bytes = fs.readFileSync(file);
    }
  } catch (e) {
    fail(`${file === '-' ? 'stdin' : file}: ${errorText(e)}`);
  }
  const d = decodeBytes(bytes, lenient);
  if ('error' in d) fail(`${file === '-' ? 'stdin' : file}: ${d.error}`);
  return { text: d.text, encoding: d };
}

function writeAll(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

// ---------- annotate ----------

export function annotationJson(a: Analysis): { lines: unknown[]; quotes: unknown[]; entities: unknown[] } {
  return {
    lines: a.lines.map((l) => ({ line: l.line, label: l.label, reason: l.reason, ...(l.detail ? { detail: l.detail } : {}), start: l.start, end: l.end })),
    quotes: a.quotes.map((q) => ({
      start: q.start, end: q.end, text: q.text,
      speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text, ...(q.speaker.resolved ? { resolved: q.speaker.resolved } : {}) } : null,
      kind: q.kind,
      ...(q.cue ? { cue: { start: q.cue.start, end: q.cue.end, text: q.cue.text } } : {}),
    })),
    entities: a.entities.map((e) => ({ start: e.start, end: e.end, type: e.type, text: e.text })),
  };
}

function analyzeOptions(args: Args): AnalyzeOptions {
  return { entities: args.entities, quotes: args.quotes, scareQuotes: args.scareQuotes, boilerplatePatterns: args.patterns, unwrap: args.unwrap };
}

/** Patterns the core would reject (syntax, backreferences, empty matches…) are a usage error, not silently dropped. */
function checkPatterns(patterns: readonly string[]): void {
  if (patterns.length === 0) return;
  const bad = compileUserPatterns(patterns).errors[0];
  if (bad) fail(`--pattern ${bad.pattern}: ${bad.message}`);
}

async function annotate(args: Args): Promise<number> {
  checkPatterns(args.patterns);
  const opts = analyzeOptions(args);
  if (args.jsonl) return annotateJsonl(args, opts);
  if (args.inputs.length !== 1) fail(args.inputs.length === 0 ? 'annotate needs a FILE (or - for stdin)' : 'annotate takes one FILE (use --jsonl for many documents)');
  const { text, encoding } = readInput(args.inputs[0], true);
  const a = core().analyze(text, opts);
  const enc = encoding as { encoding: string; warnings: string[] };
  const body = { encoding: enc.encoding, ...(enc.warnings.length ? { warnings: enc.warnings } : {}), bom: a.bom, eol: a.eol, length: a.length, ...annotationJson(a), stats: { ...a.stats, timings: undefined } };
  await writeAll(JSON.stringify(body, null, args.pretty ? 2 : undefined) + '\n');
  return 0;
}

async function annotateJsonl(args: Args, opts: AnalyzeOptions): Promise<number> {
  if (args.inputs.length > 1) fail('annotate --jsonl reads one stream (stdin, or one FILE)');
  const src = args.inputs[0];
  let input: NodeJS.ReadableStream;
  if (!src || src === '-') input = process.stdin;
  else {
    try {
      const st = fs.statSync(src);
      if (!st.isFile()) fail(`${src}: not a regular file`);
      fs.accessSync(src, fs.constants.R_OK);
    } catch (e) {
      fail(`${src}: ${errorText(e)}`);
    }
    input = fs.createReadStream(src, { encoding: 'utf8' });
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let bad = 0;
  for await (const raw of rl) {
    n++;
    const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.trim() === '') continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      bad++;
      process.stderr.write(`scraped-news: line ${n}: not valid JSON (${errorText(e)})\n`);
      continue;
    }
    const r = rec as { id?: unknown; text?: unknown };
    if (!r || typeof r !== 'object' || Array.isArray(r) || typeof r.text !== 'string') {
      bad++;
      process.stderr.write(`scraped-news: line ${n}: expected an object {"id", "text"} with a string "text"\n`);
      continue;
    }
    let out: string;
    try {
      out = JSON.stringify({ id: r.id ?? null, ...annotationJson(core().analyze(r.text, opts)) });
    } catch (e) {
      bad++;
      process.stderr.write(`scraped-news: line ${n}: analysis failed (${errorText(e)})\n`);
      continue;
    }
    if (!process.stdout.write(out + '\n')) await new Promise((res) => process.stdout.once('drain', res));
  }
  return bad > 0 ? 1 : 0;
}

// ---------- clean ----------

/**
 * The warning for a dump whose converter joined the page into one line (`stats.joined`; the editor's `joined-page`
 * diagnostic): the file is cleaned all the same, so this is a warning on stderr, not an error (the exit code does not
 * change). `where`: the file's path (or "stdin"); the line is 1-based here (0-based in the --json summary, as in annotate);
 * `dryRun`: what the clean would do.
 */
function joinedWarning(where: string, j: JoinedPage, dryRun = false): string {
  return `scraped-news: warning: ${where}: line ${j.line + 1} holds a whole page (${j.chars.toLocaleString('en-US')} characters, with the text of ` +
    `${j.widgets} kinds of page widgets: cookies, sign-in, sharing, comments…), ` +
    (j.kept ? `so the cleaned text ${dryRun ? 'would still hold' : 'still holds'} the page's noise` : `so it ${dryRun ? 'would be' : 'was'} removed whole, article included`) +
    `: ${JOINED_CAUSE} and cleaning keeps or drops whole lines. ${JOINED_FIX} and clean that.\n`;
}

/** The --json summary's entry for a joined page: `stats.joined` (0-based line), whether its line was kept, the path. */
function joinedEntry(p: string, j: JoinedPage): { path: string } & JoinedPage {
  return { path: p, ...j };
}

async function cleanStdin(args: Args): Promise<number> {
  checkPatterns(args.patterns);
  if (args.inputs.length !== 1) fail("'-' (stdin) cannot be combined with other inputs");
  if (args.out || args.inPlace) fail("'-' writes the cleaned text to stdout; do not give --out or --in-place with it");
  const input = readInput('-', false);
  const encoding = input.encoding;
  const text = args.convertMarkup ? textOf(input.text) : input.text;
  const { labelLines, cleanLabelled } = labels();
  const labelled = labelLines(text, { boilerplatePatterns: args.patterns, keepMeta: args.keepMeta, unwrap: args.unwrap });
  const out = cleanLabelled(text, labelled, args.keepMeta);
  await writeAll(encodeText(out, (encoding as { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }).encoding));
  const joined = engine().joinedOf(text, labelled.lines, args.keepMeta);
  if (joined) process.stderr.write(joinedWarning('stdin', joined));
  return 0;
}

class ProgressBar {
  private done = 0;
  private last = 0;
  private readonly enabled: boolean;
  constructor(private readonly total: number, quiet: boolean) {
    this.enabled = !quiet && process.stderr.isTTY === true && total > 0;
  }
  add(n: number): void {
    this.done += n;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 80 && this.done < this.total) return;
    this.last = now;
    const width = 30;
    const fill = Math.round((this.done / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${this.done}/${this.total} files`);
  }
  end(): void {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}

async function cleanFiles(args: Args): Promise<number> {
  if (args.inputs.includes('-')) return cleanStdin(args);
  checkPatterns(args.patterns);
  const settings: CleanSettings = { keepMeta: args.keepMeta, convertMarkup: args.convertMarkup, unwrap: args.unwrap, patterns: args.patterns, templates: args.templates, fsync: args.inPlace };
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // Worker threads start now, while this thread lists the input: an explicit --jobs N, or for a folder the most
  // the default uses below its every-core size (stopped again if the folder turns out small; one more is started
  // if it turns out big, see defaultJobs).
  let pool: WorkerPool | undefined;
  if (!args.dryRun) {
    const early = args.jobs ?? (cores > 1 && args.inputs.some(isDir) ? cores - 1 : 1);
    if (early > 1) pool = new WorkerPool(settings, early - 1);
  }
  trace('start');
  const plan = planClean(args.inputs, { out: args.out, inPlace: args.inPlace, recursive: args.recursive });
  const { tasks } = plan;
  trace(`planned ${tasks.length} files`);
  // Default: as many threads as the input keeps busy (see defaultJobs; small batches are faster in one thread).
  let jobs = args.jobs ?? 1;
  if (args.jobs === null && tasks.length >= 16) {
    let bytes = 0;
    for (const t of tasks) { try { bytes += fs.statSync(t.path).size; } catch { /* reported later */ } }
    jobs = defaultJobs(bytes, tasks.length, cores);
  }
  const bar = new ProgressBar(tasks.length, args.quiet);
  if (args.dryRun) return dryRun(args, plan, settings);
  const outcome = await runBatch(tasks, settings, jobs, {
    progress: (n) => bar.add(n),
    afterLoad: (failures: LoadFailure[]) => {
      const fatal = failures.find((f) => f.fatal);
      if (fatal) {
        bar.end();
        fail(`${fatal.path}: ${fatal.reason}; nothing was written`);
      }
      return true;
    },
  }, pool);
  bar.end();
  trace('batch done');
  traceThreads();
  if (!outcome) return 2;
  const skipped = [
    ...plan.skipped,
    ...outcome.failures.map((f) => ({ path: f.path, reason: f.reason })),
    ...outcome.results.filter((r) => r.status === 'skipped').map((r) => ({ path: r.path, reason: r.reason ?? 'skipped' })),
  ];
  const cleaned = outcome.results.filter((r) => r.status === 'cleaned').length;
  const unchanged = outcome.results.filter((r) => r.status === 'unchanged').length;
  const linesRemoved = outcome.results.filter((r) => r.status !== 'skipped').reduce((s, r) => s + r.linesRemoved, 0);
  // pages a converter joined into one line, in the input order (the files were written all the same)
  const joined = outcome.results.filter((r) => r.joined && r.status !== 'skipped');
  const seconds = (Date.now() - t0) / 1000;
  if (args.json) {
    const summary = {
      files: tasks.length + plan.skipped.length,
      cleaned,
      unchanged,
      skipped,
      joined: joined.map((r) => joinedEntry(r.path, r.joined!)),
      linesRemoved,
      bytesIn: outcome.results.reduce((s, r) => s + r.bytesIn, 0),
      bytesOut: outcome.results.reduce((s, r) => s + r.bytesOut, 0),
      templates: outcome.templates ? { documents: outcome.templates.documents } : null,
      jobs: Math.min(jobs, Math.max(1, tasks.length)),
      seconds,
    };
    await writeAll(JSON.stringify(summary) + '\n');
  }
  for (const r of joined) process.stderr.write(joinedWarning(r.path, r.joined!));
  for (const s of skipped) process.stderr.write(`scraped-news: skipped ${s.path}: ${s.reason}\n`);
  const files = tasks.length + plan.skipped.length;
  if (joined.length > 0 && files > 1) {
    process.stderr.write(`scraped-news: ${joined.length} of ${files} files hold a page joined into one line (warnings above); they were written all the same\n`);
  }
  return skipped.length > 0 ? 1 : 0;
}

function isDir(p: string): boolean {
  try { return p !== '-' && fs.statSync(p).isDirectory(); } catch { return false; }
}

async function dryRun(args: Args, plan: ReturnType<typeof planClean>, settings: CleanSettings): Promise<number> {
  const texts: { path: string; text: string }[] = [];
  const skipped = [...plan.skipped];
  for (const t of plan.tasks) {
    let bytes: Buffer;
    try { bytes = fs.readFileSync(t.path); } catch (e) { fail(`${t.path}: ${errorText(e)}`); }
    const d = decodeBytes(bytes);
    if ('error' in d) skipped.push({ path: t.path, reason: d.error });
    else texts.push({ path: t.path, text: settings.convertMarkup !== false ? textOf(d.text) : d.text });
  }
  const { labelLines, removedLines } = labels();
  const { buildTemplateIndex } = require('../core/templates') as typeof import('../core/templates');
  const tpl = settings.templates ? buildTemplateIndex(texts.map((x) => x.text)) : null;
  const { joinedOf } = engine();
  let linesRemoved = 0;
  const perFile: { path: string; linesRemoved: number; joined?: JoinedPage }[] = [];
  const joined: { path: string; j: JoinedPage }[] = [];
  for (const x of texts) {
    const lines = labelLines(x.text, { boilerplatePatterns: settings.patterns, templates: tpl, keepMeta: settings.keepMeta, unwrap: settings.unwrap }).lines;
    const r = removedLines(lines, settings.keepMeta);
    linesRemoved += r;
    const j = joinedOf(x.text, lines, settings.keepMeta);
    if (j) joined.push({ path: x.path, j });
    perFile.push({ path: x.path, linesRemoved: r, ...(j ? { joined: j } : {}) });
  }
  const summary = { dryRun: true, files: plan.tasks.length + plan.skipped.length, wouldClean: texts.length, skipped, joined: joined.map((x) => joinedEntry(x.path, x.j)), linesRemoved, seconds: (Date.now() - t0) / 1000 };
  if (args.json) await writeAll(JSON.stringify({ ...summary, perFile }) + '\n');
  for (const x of joined) process.stderr.write(joinedWarning(x.path, x.j, true));
  if (!args.json) {
    const also = joined.length ? `, ${joined.length} holding a page joined into one line` : '';
    process.stderr.write(`scraped-news: dry run: ${texts.length} files would be cleaned, ${linesRemoved} lines removed, ${skipped.length} skipped${also}\n`);
  }
  return skipped.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) fail(`${e.message} (see scraped-news --help)`);
    throw e;
  }
  if (args.command === 'help') {
    await writeAll(HELP);
    return 0;
  }
  if (args.command === 'version') {
    await writeAll(version + '\n');
    return 0;
  }
  try {
    if (args.command === 'annotate') return await annotate(args);
    return await cleanFiles(args);
  } catch (e) {
    if (e instanceof UsageError) fail(e.message);
    fail(errorText(e), 1);
  }
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => fail(errorText(e), 1),
);
