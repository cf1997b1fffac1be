#!/usr/bin/env node
// Steady-state line labelling of several builds of the core, in one process per build, on the corpora's real dumps:
// analyze(text, { entities: false, quotes: false }) over every dump, best of N passes (the first pass includes the
// classifier's warm-up), builds run in turn R rounds, so that a slow minute of this shared machine hits each alike.
// For finding which commit made the classifier slower (a rule's guard too wide, a trigger word too common).
//
// Usage: node bench/corpus-analyze-ab.mjs --core A/dist/core.js [--core B/dist/core.js ...] [--passes N] [--rounds R]
//        [CORPUS_DIR...]   (default: ../shared/corpora/{l3s-gn1,cleaneval,cleanportaleval}; a dir holds dumps/*.txt)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  // one build: best wall and CPU of N passes
  const [, core, passes, ...files] = argv;
  const c = createRequire(import.meta.url)(core);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  let wall = Infinity, cpu = Infinity;
  for (let p = 0; p < Number(passes); p++) {
    const t0 = performance.now(), u0 = process.cpuUsage();
    for (const t of texts) c.analyze(t, { entities: false, quotes: false });
    const u = process.cpuUsage(u0);
    wall = Math.min(wall, performance.now() - t0);
    cpu = Math.min(cpu, (u.user + u.system) / 1000);
  }
  console.log(JSON.stringify({ wall, cpu }));
  process.exit(0);
}
const cores = [];
let passes = 6, rounds = 2;
const dirs = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--core') cores.push(path.resolve(argv[++i]));
  else if (argv[i] === '--passes') passes = Number(argv[++i]);
  else if (argv[i] === '--rounds') rounds = Number(argv[++i]);
  else dirs.push(argv[i]);
}
if (cores.length === 0 || !(passes >= 1) || !(rounds >= 1)) {
  console.error('usage: node bench/corpus-analyze-ab.mjs --core A/dist/core.js [--core B/dist/core.js ...] [--passes N] [--rounds R] [CORPUS_DIR...]');
  process.exit(2);
}
for (const c of cores) if (!fs.existsSync(c)) { console.error(`corpus-analyze-ab: no such core: ${c}`); process.exit(2); }
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpora = dirs.length ? dirs : ['l3s-gn1', 'cleaneval', 'cleanportaleval'].map((d) => path.join(root, '..', 'shared', 'corpora', d));
const files = [];
for (const d of corpora) {
  const dd = fs.existsSync(path.join(d, 'dumps')) ? path.join(d, 'dumps') : d;
  if (!fs.existsSync(dd)) { console.error(`corpus-analyze-ab: no such corpus folder: ${d}`); process.exit(2); }
  for (const f of fs.readdirSync(dd).sort()) if (f.endsWith('.txt')) files.push(path.join(dd, f));
}
console.log(`${files.length} dumps; best of ${passes} passes; ${rounds} rounds; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const me = fileURLToPath(import.meta.url);
const results = cores.map(() => []);
for (let r = 0; r < rounds; r++) {
  cores.forEach((c, k) => {
    const out = spawnSync(process.execPath, [me, '--child', c, String(passes), ...files], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (out.status !== 0) { console.error(out.stderr); process.exit(1); }
    results[k].push(JSON.parse(out.stdout));
  });
}
for (let k = 0; k < cores.length; k++) {
  const w = results[k].map((x) => x.wall.toFixed(0)).join(' / '), c = results[k].map((x) => x.cpu.toFixed(0)).join(' / ');
  console.log(`${path.relative(process.cwd(), cores[k])}: wall ${w} ms; CPU ${c} ms`);
}
