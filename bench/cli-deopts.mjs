#!/usr/bin/env node
// Where the CLI's optimised code is thrown away (issue "Big dumps and big folders", part (c)): every deoptimisation
// of `scraped-news clean FOLDER --out OUT --jobs N` on the folder of 1,000 corpus dumps bench/speed.mjs cleans, with
// the function, V8's reason and the bundle's source line. Each one costs a recompile of that function (tens of ms for
// the classifier's big ones) in every thread; the classifier's warm-up (warmOnce in src/core/boilerplate/index.ts,
// WARM_LINES in features.ts) exists to take the rare branches before V8 optimises. A new pass or rule that reads
// a neighbour's features, or calls the line reader it is given, shows up here when the warm-up misses it.
// Usage: node bench/cli-deopts.mjs [CORPUS_DIR...] [--jobs N] [--runs N] [--files N] [--tmpdir DIR] [--cli PATH]
//        (default corpora: ../shared/corpora/{l3s-gn1,cleaneval,cleanportaleval}; --runs: how many runs, default 3:
//        which functions deoptimise varies from run to run with the timing of the background compiles)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { corpusDumps, makeDumpFolder } from './dump-folder.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const take = (name, dflt) => {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const jobs = Number(take('--jobs', '1'));
const runs = Number(take('--runs', '3'));
const files = Number(take('--files', '1000'));
const tmpRoot = path.resolve(take('--tmpdir', os.tmpdir()));
const cli = path.resolve(take('--cli', path.join(root, 'dist', 'cli.js')));
const corpora = argv.length ? argv : ['l3s-gn1', 'cleaneval', 'cleanportaleval'].map((c) => path.join(root, '..', 'shared', 'corpora', c));
if (!fs.existsSync(cli)) {
  console.error(`cli-deopts: no ${cli} (npm run build first)`);
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(tmpRoot, 'sn-deopts-'));
try {
  const { inDir } = makeDumpFolder(tmp, corpusDumps(corpora, 'cli-deopts'), files);
  const sources = new Map(); // bundle file -> its lines
  const lineOf = (file, line) => {
    if (!sources.has(file)) sources.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : []);
    return sources.get(file)[line - 1] ?? '';
  };
  const seen = new Map(); // key -> { count, fn, reason, where, text }
  const perRun = [];
  for (let r = 0; r < runs; r++) {
    const out = path.join(tmp, `out-${r}`);
    const p = spawnSync(process.execPath, ['--trace-deopt-verbose', cli, 'clean', inDir, '--out', out, '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (p.status !== 0) {
      console.error(`cli-deopts: the CLI exited ${p.status}: ${p.stderr.slice(0, 500)}`);
      process.exit(1);
    }
    // "[bailout (kind: …, reason: R): begin. deoptimizing 0x… <JSFunction F (sfi = …)>, …" and, a few lines below,
    // ";;; deoptimize at <FILE:LINE:COL>[ inlined at <…>]"
    const lines = p.stdout.split('\n');
    let n = 0, pending = null;
    for (const l of lines) {
      const b = /\[bailout \(kind: [^,]+, reason: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ([^ >]*)/.exec(l);
      if (b) {
        pending = { reason: b[1], fn: b[2] || '(anonymous)' };
        n++;
        continue;
      }
      const d = /;;; deoptimize at <([^:>]+):(\d+):(\d+)>/.exec(l);
      if (d && pending) {
        const where = `${path.basename(d[1])}:${d[2]}:${d[3]}`;
        const key = `${pending.fn} ${pending.reason} ${where}`;
        const e = seen.get(key) ?? { count: 0, ...pending, where, text: lineOf(d[1], Number(d[2])).trim().slice(0, 140) };
        e.count++;
        seen.set(key, e);
        pending = null;
      }
    }
    perRun.push(n);
  }
  console.log(`cli-deopts: ${path.relative(root, cli)} clean (${files} dumps) --jobs ${jobs}, ${runs} runs: ${perRun.join(' / ')} deoptimisations`);
  for (const e of [...seen.values()].sort((a, b) => b.count - a.count || a.fn.localeCompare(b.fn))) {
    console.log(`${String(e.count).padStart(3)}× ${e.fn}: ${e.reason} at ${e.where}\n      ${e.text}`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
