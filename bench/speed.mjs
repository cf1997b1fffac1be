#!/usr/bin/env node
// Speed and scale benchmark (issue "Big dumps and big folders"). All figures from ONE run, so ratios hold
// on a loaded machine:
//   (a) reading the files + decoding + splitting into lines, on a >= 50 MB set built from the corpora's dumps
//   (b) analysis without entities on the same set, best of 2 passes (MB/s; budget >= 20 MB/s and <= 10x (a))
//   (c) CLI batch: `scraped-news clean DIR --out OUT --jobs 2` on a folder of 1,000 dumps (budget >= 1,000
//       dumps/s), outputs compared byte for byte with `--jobs 1`
//   (d) entities on 5 KB articles (median ms; budget <= 60 ms) vs bare compromise on the same texts
//   (e) incremental re-analysis after a one-line edit on a 5 MB dump (median ms) vs a full analysis
// Usage: npm run bench:speed -- [CORPUS_DIR...]   (a corpus dir holds dumps/*.txt, or is itself a folder of .txt)
//        default corpora: ../shared/corpora/{l3s-gn1,cleaneval,cleanportaleval} relative to the repository.
// Options: --mb N (size of the set, default 50), --files N (folder size for (c), default 1000), --quick,
//          --tmpdir DIR (where (c) writes its folder and outputs, e.g. /dev/shm),
//          --cli-only (part (c) alone), --cli-only [--cli A/dist/cli.js] --vs B/dist/cli.js [--rounds N] (same-run
//          A/B of two CLIs; A defaults to this tree's dist/cli.js), --cli-only --jobs-ab [--rounds N] (one CLI with
//          --jobs 1, --jobs 2 and no --jobs (the default), interleaved rounds: is a second thread worth it at --files N?).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { corpusDumps, makeDumpFolder } from './dump-folder.mjs';
import { concatenatedDump } from './golden-args.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(argv[i + 1]);
  argv.splice(i, 2);
  return v;
};
const quick = argv.includes('--quick');
if (quick) argv.splice(argv.indexOf('--quick'), 1);
// --cli-only: part (c) alone (the CLI batch), printed as the same table rows
const cliOnly = argv.includes('--cli-only');
if (cliOnly) argv.splice(argv.indexOf('--cli-only'), 1);
// --vs OTHER_CLI_JS (with --cli-only): same-run A/B of this tree's dist/cli.js against another build of the CLI
// (e.g. a worktree of an older commit), runs interleaved, --rounds N each (default 3); medians and ratios printed.
const vsAt = argv.indexOf('--vs');
const vsCli = vsAt >= 0 ? path.resolve(argv.splice(vsAt, 2)[1]) : null;
// --jobs-ab (with --cli-only): --jobs 1, --jobs 2 and the default of one CLI, interleaved rounds, medians
const jobsAb = argv.includes('--jobs-ab');
if (jobsAb) argv.splice(argv.indexOf('--jobs-ab'), 1);
// --cli A_CLI_JS: the CLI measured as A (default: this tree's dist/cli.js)
const cliAt = argv.indexOf('--cli');
const cliA = cliAt >= 0 ? path.resolve(argv.splice(cliAt, 2)[1]) : null;
const ROUNDS = opt('--rounds', 3);
// --tmpdir DIR: where part (c) writes its folder of dumps and the CLI's outputs (default: the OS temporary folder).
// E.g. /dev/shm (a RAM disk) to time the CLI without the file system: on an ext4 without a journal, creating files
// shortly after many were deleted costs up to ~0.3-0.7 s of kernel CPU per 1,000 files (perf: ext4 find_inode_bit /
// recently_deleted), which is the disk's, not the CLI's.
const tmpAt = argv.indexOf('--tmpdir');
const tmpRoot = tmpAt >= 0 ? path.resolve(argv.splice(tmpAt, 2)[1]) : os.tmpdir();
const TARGET_MB = opt('--mb', quick ? 10 : 50);
const FOLDER_FILES = opt('--files', 1000);
const corpora = argv.length ? argv : ['l3s-gn1', 'cleaneval', 'cleanportaleval'].map((c) => path.join(root, '..', 'shared', 'corpora', c));

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => performance.now();
// CPU time of this process (ms): on a machine shared with other jobs, wall time is inflated, CPU time much less so
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const MB = 1024 * 1024;

// ---- corpus files
const files = corpusDumps(corpora, 'speed');
const sizes = files.map((f) => fs.statSync(f).size);
const corpusBytes = sizes.reduce((s, x) => s + x, 0);
// the set: the corpus files repeated until >= TARGET_MB
const set = [];
let setBytes = 0;
while (setBytes < TARGET_MB * MB) {
  for (let i = 0; i < files.length && setBytes < TARGET_MB * MB; i++) {
    set.push(files[i]);
    setBytes += sizes[i];
  }
}

if (cliOnly && vsCli) {
  benchCliVs();
  process.exit(0);
}
if (cliOnly && jobsAb) {
  benchJobs();
  process.exit(0);
}
if (cliOnly) {
  const c = benchCli();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  console.log(`Speed and scale, part (c) — ${date}; node ${process.version}; ${os.cpus().length} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; folder and outputs in ${tmpRoot}`);
  console.log(`command: node bench/speed.mjs --cli-only ${argv.join(' ')}`);
  console.log('');
  console.log('| measure | input | time | rate | budget / notes |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of cliRows(c)) console.log(`| ${r.join(' | ')} |`);
  process.exit(0);
}

const core = require(path.join(root, 'dist/core.js'));
const decode = core.decodeDump ?? ((b) => ({ text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(b) }));
const decodeText = (b) => { try { return decode(b).text; } catch { return null; } };

// incremental analyzer: bundled from the source for the bench (dist/core.js is the public library)
const incFile = path.join(root, 'bench/.scratch/incremental.cjs');
fs.mkdirSync(path.dirname(incFile), { recursive: true });
await esbuild.build({ entryPoints: [path.join(root, 'src/core/incremental.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: incFile, logLevel: 'warning' });
const { IncrementalAnalyzer } = require(incFile);

const log = (s) => process.stderr.write(s + '\n');
log(`speed: ${files.length} dumps (${(corpusBytes / MB).toFixed(1)} MB) from ${corpora.length} corpora; set of ${set.length} dumps = ${(setBytes / MB).toFixed(1)} MB`);

// ---- (a) read + decode + split, twice (the first pass warms the page cache and the JIT); keep the faster
const texts = new Array(set.length);
let readMs = Infinity;
let readCpu = Infinity;
let lineCount = 0;
for (let pass = 0; pass < 2; pass++) {
  const t = now();
  const c = cpu();
  let n = 0;
  for (let i = 0; i < set.length; i++) {
    const text = decodeText(fs.readFileSync(set[i]));
    if (text === null) continue;
    n += core.splitLines(text).length;
    if (pass === 1) texts[i] = text;
  }
  readMs = Math.min(readMs, now() - t);
  readCpu = Math.min(readCpu, cpu() - c);
  lineCount = n;
}
const textChars = texts.reduce((s, t) => s + (t ? t.length : 0), 0);
log(`(a) read+split: ${readMs.toFixed(0)} ms, ${lineCount} lines`);

// ---- (b) analysis without entities (quotes on), same set, best of 2 passes (like (a)): warm-up (JIT) on the first
// dumps, then two rounds of [analysis, lines only (no quotes, to show where the time goes)] over the whole set. The
// first analysis pass is also reported: it includes the JIT warming up on the rest of the code paths.
for (const text of texts.slice(0, 200)) if (text) core.analyze(text, { entities: false });
let anaMs = Infinity;
let anaCpu = Infinity;
let firstAnaMs = 0;
let linesOnlyMs = Infinity;
for (let round = 0; round < 2; round++) {
  const t = now();
  const c = cpu();
  for (const text of texts) if (text !== undefined && text !== null) core.analyze(text, { entities: false });
  const ms = now() - t;
  const msCpu = cpu() - c;
  if (round === 0) firstAnaMs = ms;
  if (ms < anaMs) {
    anaMs = ms;
    anaCpu = msCpu;
  }
  log(`(b) analysis, pass ${round + 1}: ${ms.toFixed(0)} ms (CPU ${msCpu.toFixed(0)} ms)`);
  const t0b = now();
  for (const text of texts) if (text) core.analyze(text, { entities: false, quotes: false });
  linesOnlyMs = Math.min(linesOnlyMs, now() - t0b);
}
const anaMBs = setBytes / MB / (anaMs / 1000);
const readMBs = setBytes / MB / (readMs / 1000);

// ---- (c) CLI batch on a folder of FOLDER_FILES dumps
const cliResult = benchCli();
function benchCli() {
const log = (s) => process.stderr.write(s + '\n');
const tmp = fs.mkdtempSync(path.join(tmpRoot, 'sn-speed-'));
const { inDir, folderBytes } = makeFolder(tmp);
const cli = path.join(root, 'dist/cli.js');
// A fresh output folder per run (all removed at the end): on a file system without a journal (ext4 here), files
// created right after 1,000 others were deleted pay for the deletion (the inode allocator skips recently deleted
// inodes one by one, up to ~0.4 ms of system CPU per created file in a `perf` profile), which a user's first run
// into a new folder does not.
let runNo = 0;
function runCli(jobs) {
  return runCliAt(cli, inDir, path.join(tmp, `out-j${jobs}-${++runNo}`), jobs);
}
const startup = (() => {
  const t = now();
  spawnSync(process.execPath, [cli, '--version']);
  return now() - t;
})();
// jobs 1 once, jobs 2 three times (the best wall time is reported: other processes share the machine)
const c1 = runCli(1);
const c2 = runCli(2);
const c2runs = [c2, runCli(2), runCli(2)];
const c2best = c2runs.reduce((a, b) => (b.wall < a.wall ? b : a));
let identical = true;
let compared = 0;
for (const f of fs.readdirSync(c1.out)) {
  compared++;
  const a = fs.readFileSync(path.join(c1.out, f));
  const bPath = path.join(c2.out, f);
  if (!fs.existsSync(bPath) || !a.equals(fs.readFileSync(bPath))) { identical = false; log(`(c) DIFFERENT: ${f}`); }
}
if (fs.readdirSync(c2.out).length !== compared) identical = false;
for (const r of c2runs.slice(1)) if (!sameOutput(c2.out, r.out)) { identical = false; log(`(c) DIFFERENT between --jobs 2 runs: ${r.out}`); }
fs.rmSync(tmp, { recursive: true, force: true });
log(`(c) jobs 1: ${c1.wall.toFixed(0)} ms, jobs 2: ${c2runs.map((r) => r.wall.toFixed(0)).join(' / ')} ms, identical: ${identical}`);
return { c1, c2best, c2runs, identical, compared, startup, folderBytes };
}
/** Folder of FOLDER_FILES dumps from the corpora (part (c)); returns its path and size. */
function makeFolder(tmp) {
  return makeDumpFolder(tmp, files, FOLDER_FILES);
}
/**
 * One `clean DIR --out OUT --jobs N --json` run of the CLI `cliJs` (`jobs` null: no --jobs, the CLI's default): wall ms
 * and CPU ms (all threads, /usr/bin/time).
 */
function runCliAt(cliJs, inDir, out, jobs) {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const args = [cliJs, 'clean', inDir, '--out', out, ...(jobs === null ? [] : ['--jobs', String(jobs)]), '--json'];
  const t = now();
  // /usr/bin/time (when present) reports the CPU seconds of the CLI and its worker threads
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'CPU %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * MB })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * MB });
  const wall = now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`cli failed (${r.status}): ${r.stderr}`);
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wall, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null, summary: JSON.parse(r.stdout), out };
}
/** Outputs of two runs byte-identical (same file names, same bytes)? */
function sameOutput(a, b) {
  const fa = fs.readdirSync(a).sort();
  const fb = fs.readdirSync(b).sort();
  return fa.length === fb.length && fa.every((f, i) => f === fb[i] && fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))));
}
/** --vs: this tree's CLI (A) against OTHER (B), --jobs 1 and 2, interleaved rounds, same folder, fresh output folders. */
function benchCliVs() {
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'sn-speed-'));
  const { inDir, folderBytes } = makeFolder(tmp);
  const cli = cliA ?? path.join(root, 'dist/cli.js');
  const clis = { A: cli, B: vsCli };
  const runs = { A1: [], B1: [], A2: [], B2: [] };
  let n = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const key of r % 2 ? ['B1', 'A1', 'B2', 'A2'] : ['A1', 'B1', 'A2', 'B2']) {
      runs[key].push(runCliAt(clis[key[0]], inDir, path.join(tmp, `out-${key}-${++n}`), Number(key[1])));
    }
  }
  const identical = sameOutput(runs.A1[0].out, runs.A2[0].out) && sameOutput(runs.A1[0].out, runs.B1[0].out) && sameOutput(runs.B1[0].out, runs.B2[0].out);
  fs.rmSync(tmp, { recursive: true, force: true });
  const med = (key, f) => median(runs[key].map(f));
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  console.log(`Speed and scale, part (c) A/B — ${date}; node ${process.version}; ${os.cpus().length} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`A = ${path.relative(process.cwd(), cli) || cli}, B = ${vsCli}; ${FOLDER_FILES} dumps, ${(folderBytes / MB).toFixed(1)} MB; ${ROUNDS} interleaved rounds; outputs of A and B, --jobs 1 and 2, byte-identical: ${identical ? 'yes' : 'NO'}`);
  console.log('');
  console.log('| jobs | A wall (median) | B wall (median) | A CPU (median) | B CPU (median) | A/B wall | A/B CPU | A dumps/s (best) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const j of [1, 2]) {
    const aw = med(`A${j}`, (x) => x.wall), bw = med(`B${j}`, (x) => x.wall);
    const ac = med(`A${j}`, (x) => x.cpuMs ?? NaN), bc = med(`B${j}`, (x) => x.cpuMs ?? NaN);
    const best = Math.min(...runs[`A${j}`].map((x) => x.wall));
    console.log(`| ${j} | ${aw.toFixed(0)} ms | ${bw.toFixed(0)} ms | ${ac.toFixed(0)} ms | ${bc.toFixed(0)} ms | ${(aw / bw).toFixed(3)} | ${(ac / bc).toFixed(3)} | ${(FOLDER_FILES / (best / 1000)).toFixed(0)} |`);
  }
  const all = (key) => runs[key].map((x) => `${x.wall.toFixed(0)}/${(x.cpuMs ?? NaN).toFixed(0)}`).join(' ');
  console.log('');
  console.log(`runs (wall/CPU ms): A1 ${all('A1')}; B1 ${all('B1')}; A2 ${all('A2')}; B2 ${all('B2')}`);
}
/** --jobs-ab: this tree's CLI with --jobs 1, --jobs 2 and its default, interleaved rounds on one folder; medians. */
function benchJobs() {
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'sn-speed-'));
  const { inDir, folderBytes } = makeFolder(tmp);
  const cli = cliA ?? path.join(root, 'dist/cli.js');
  const kinds = [['--jobs 1', 1], ['--jobs 2', 2], ['default', null]];
  const runs = new Map(kinds.map(([k]) => [k, []]));
  let n = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, jobs] of r % 2 ? [...kinds].reverse() : kinds) runs.get(k).push(runCliAt(cli, inDir, path.join(tmp, `out-${++n}`), jobs));
  }
  const first = runs.get('--jobs 1')[0].out;
  const identical = [...runs.values()].every((rs) => rs.every((x) => sameOutput(first, x.out)));
  fs.rmSync(tmp, { recursive: true, force: true });
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  console.log(`Speed and scale, part (c) threads — ${date}; node ${process.version}; ${os.cpus().length} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`command: node bench/speed.mjs --cli-only --jobs-ab --files ${FOLDER_FILES} --rounds ${ROUNDS}${tmpAt >= 0 ? ` --tmpdir ${tmpRoot}` : ''} ${argv.join(' ')}; ${FOLDER_FILES} dumps, ${(folderBytes / MB).toFixed(1)} MB; outputs identical: ${identical ? 'yes' : 'NO'}`);
  console.log('');
  console.log('| run | wall (median) | CPU (median) | wall / --jobs 1 | threads (--json) | walls |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const w1 = median(runs.get('--jobs 1').map((x) => x.wall));
  for (const [k] of kinds) {
    const rs = runs.get(k);
    const w = median(rs.map((x) => x.wall)), c = median(rs.map((x) => x.cpuMs ?? NaN));
    console.log(`| ${k} | ${w.toFixed(0)} ms | ${c.toFixed(0)} ms | ${(w / w1).toFixed(3)} | ${rs[0].summary.jobs} | ${rs.map((x) => x.wall.toFixed(0)).join(' ')} |`);
  }
}
/** The table rows of part (c). */
function cliRows({ c1, c2best, c2runs, identical, compared, startup, folderBytes }) {
  const cpu = (r) => (r.cpuMs !== null ? ` (CPU ${r.cpuMs.toFixed(0)} ms)` : '');
  const rate = (r) => FOLDER_FILES / (r.wall / 1000);
  return [
    ['(c) CLI clean --jobs 2 (wall, incl. start-up)', `${FOLDER_FILES} dumps, ${(folderBytes / MB).toFixed(1)} MB`, `${c2best.wall.toFixed(0)} ms${cpu(c2best)}`, `${rate(c2best).toFixed(0)} dumps/s`, `>= 1000 dumps/s: ${rate(c2best) >= 1000 ? 'yes' : 'NO'}; identical to --jobs 1: ${identical ? 'yes' : 'NO'} (${compared} files); best of ${c2runs.map((r) => r.wall.toFixed(0)).join(' / ')} ms`],
    ['    CLI clean --jobs 1 (wall)', 'same folder', `${c1.wall.toFixed(0)} ms${cpu(c1)}`, `${rate(c1).toFixed(0)} dumps/s`, `process start-up (--version): ${startup.toFixed(0)} ms`],
  ];
}

// ---- (d) entities on 5 KB articles vs bare compromise
const nlp = require('compromise');
const articles = [];
for (const text of texts) {
  if (!text || articles.length >= 40) continue;
  const a = core.analyze(text, { entities: false, quotes: false });
  const body = a.lines.filter((l) => l.label === 'article').map((l) => text.slice(l.start, l.end)).join('\n');
  if (body.length >= 5000) articles.push(body.slice(0, body.lastIndexOf('\n', 5000) > 2500 ? body.lastIndexOf('\n', 5000) : 5000));
}
const entOurs = [];
const entBare = [];
for (const art of articles.slice(0, 3)) { core.analyze(art); nlp(art).people().json({ offset: true }); } // warm-up
for (const art of articles) {
  // the entity stage of analyze (on the lines it labels article/meta), timed by analyze's own timings
  entOurs.push(core.analyze(art).stats.timings.entities);
  const t = now();
  const d = nlp(art);
  d.people().json({ offset: true });
  d.places().json({ offset: true });
  d.organizations().json({ offset: true });
  entBare.push(now() - t);
}

// ---- (e) a 5 MB concatenated dump: full analysis vs incremental after a one-line edit
const big = concatenatedDump(texts);
const fullE = [];
const fullCpu = [];
for (let i = 0; i < 3; i++) {
  const t = now();
  const c = cpu();
  core.analyze(big, { entities: false });
  fullE.push(now() - t);
  fullCpu.push(cpu() - c);
}
const inc = new IncrementalAnalyzer({ entities: false });
let tInc = now();
inc.reset(big);
const firstInc = now() - tInc;
const incE = [];
const incCpu = [];
const incBreak = [];
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
let check = true;
for (let i = 0; i < 20; i++) {
  // type a character in the middle of a random line
  const off = Math.floor(rnd() * inc.text.length);
  const t = now();
  const c = cpu();
  inc.applyChanges([{ rangeOffset: off, rangeLength: 0, text: i % 3 ? 'a' : ' ' }]);
  incE.push(now() - t);
  incCpu.push(cpu() - c);
  incBreak.push(inc.stats.ms);
}
{
  // the result equals a full analysis (checked once, outside the timing)
  const full = core.analyze(inc.text, { entities: false });
  const strip = (a) => JSON.stringify({ ...a, stats: { ...a.stats, timings: null } });
  check = strip(full) === strip(inc.analysis);
}
const medBreak = (k) => median(incBreak.map((b) => b[k]));

// ---- report
const rows = [
  ['(a) read + decode + split into lines', `${(setBytes / MB).toFixed(1)} MB, ${set.length} dumps`, `${readMs.toFixed(0)} ms (CPU ${readCpu.toFixed(0)} ms)`, `${readMBs.toFixed(0)} MB/s`, ''],
  ['(b) analysis without entities', `same set`, `${anaMs.toFixed(0)} ms (CPU ${anaCpu.toFixed(0)} ms)`, `${anaMBs.toFixed(1)} MB/s (per CPU-second: ${(setBytes / MB / (anaCpu / 1000)).toFixed(1)})`, `>= 20 MB/s: ${anaMBs >= 20 ? 'yes' : 'NO'}; ${(anaMs / readMs).toFixed(1)}x (a) wall, ${(anaCpu / readCpu).toFixed(1)}x CPU; <= 10x: ${anaMs / readMs <= 10 ? 'yes' : 'NO'}`],
  ['    of which lines only (no quotes)', 'same set', `${linesOnlyMs.toFixed(0)} ms`, `${(setBytes / MB / (linesOnlyMs / 1000)).toFixed(1)} MB/s`, `best of 2; (b) first pass alone: ${firstAnaMs.toFixed(0)} ms = ${(setBytes / MB / (firstAnaMs / 1000)).toFixed(1)} MB/s`],
  ...cliRows(cliResult),
  ['(d) entities, 5 KB article (median)', `${articles.length} articles`, `${median(entOurs).toFixed(1)} ms`, '', `<= 60 ms: ${median(entOurs) <= 60 ? 'yes' : 'NO'}; bare compromise ${median(entBare).toFixed(1)} ms (${(median(entOurs) / median(entBare)).toFixed(2)}x)`],
  ['(e) full analysis, 5 MB dump (median of 3)', `${(big.length / MB).toFixed(1)} M chars`, `${median(fullE).toFixed(0)} ms (CPU ${median(fullCpu).toFixed(0)} ms)`, `${(big.length / MB / (median(fullE) / 1000)).toFixed(1)} MB/s`, `incremental first analysis ${firstInc.toFixed(0)} ms`],
  ['(e) incremental, one-line edit (median of 20)', '5 MB dump', `${median(incE).toFixed(1)} ms (CPU ${median(incCpu).toFixed(1)} ms)`, '', `${(median(fullE) / median(incE)).toFixed(1)}x faster than full; max ${Math.max(...incE).toFixed(0)} ms; split ${medBreak('lines').toFixed(1)} + classify ${medBreak('classify').toFixed(1)} + quotes ${medBreak('quotes').toFixed(1)} ms; equals full: ${check ? 'yes' : 'NO'}`],
];
const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
console.log(`Speed and scale — ${date}; node ${process.version}; ${os.cpus().length} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`command: npm run bench:speed -- ${argv.length ? argv.join(' ') : '(default corpora)'}`);
console.log('');
console.log('| measure | input | time | rate | budget / notes |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
