#!/usr/bin/env node
// Load time of the core modules the extension host imports (issue "Big dumps…": nothing heavy on the extension host
// when the first dump opens). The host loads src/extension/features.ts when the first Scraped News document opens;
// it imports parts of the core for its commands, hovers, outline and folder templates, but classifies nothing (the
// analysis runs in the worker). This bench bundles exactly those core imports (found in src/extension/*.ts, the
// worker's files left out) and times their loading in fresh processes.
//   node bench/host-load.mjs [--runs N] [--root TREE]   (TREE: another checkout, e.g. an older commit, default this one)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i < 0 ? dflt : argv.splice(i, 2)[1]; };
const runs = Number(opt('--runs', 5));
const root = path.resolve(opt('--root', here));
const extDir = path.join(root, 'src/extension');
// the worker's side (analysisWorker, analysisService) runs in its own thread and classifies: not the host's load
const WORKER = new Set(['analysisWorker.ts', 'analysisService.ts']);
const imports = new Set();
for (const f of fs.readdirSync(extDir).filter((x) => x.endsWith('.ts') && !WORKER.has(x))) {
  const src = fs.readFileSync(path.join(extDir, f), 'utf8');
  for (const m of src.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'(\.\.\/core\/[^']+)'/gm)) imports.add(m[1]);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-host-load-'));
try {
  const entry = [...imports].sort().map((m, i) => `import * as m${i} from ${JSON.stringify(path.join(extDir, m))};\nglobalThis.__keep${i} = m${i};`).join('\n');
  fs.writeFileSync(path.join(tmp, 'entry.mjs'), entry);
  const out = path.join(tmp, 'host-core.cjs');
  await esbuild.build({ entryPoints: [path.join(tmp, 'entry.mjs')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  const probe = `const c=process.cpuUsage();const t=performance.now();require(${JSON.stringify(out)});const u=process.cpuUsage(c);console.log(JSON.stringify({ms:performance.now()-t,cpu:(u.user+u.system)/1000}))`;
  const res = [];
  for (let r = 0; r < runs; r++) {
    const p = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(p.stderr);
    res.push(JSON.parse(p.stdout));
  }
  const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
  console.log(`host core imports of ${path.relative(process.cwd(), root) || '.'} (${[...imports].sort().join(', ')}), bundled ${(fs.statSync(out).size / 1024).toFixed(0)} KB`);
  console.log(`load in ${runs} fresh processes: median ${med(res.map((r) => r.ms)).toFixed(1)} ms wall, ${med(res.map((r) => r.cpu)).toFixed(1)} ms CPU (runs ${res.map((r) => r.ms.toFixed(0)).join(' / ')} ms)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
