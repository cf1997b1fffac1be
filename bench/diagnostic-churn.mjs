#!/usr/bin/env node
// How often typing in an article line republishes a page's diagnostics (src/extension/diagnostics.ts skips publishing
// when the noise signature of src/extension/analysisProtocol.ts is unchanged). For the first N dumps of a corpus,
// E one-character edits ('a' inserted at a random place of a random article line of over 40 characters, fixed seed),
// each analysed as the editor's worker does (entities and quotes off: they do not change the line labels) and compared
// with the dump before the edit:
//   label changes    edits that changed a line's label, or the reason of a line other than the edited one
//   detail only      the other edits that changed the detail of a noise line (its hover text)
//   signature        the other edits that changed the noise signature: these republish the diagnostics
//   node bench/diagnostic-churn.mjs [--core PATH/dist/core.js] [--docs N] [--edits E] [CORPUS_DIR]
//   (default: this tree's dist/core.js, run `npm run build` first; 60 dumps, 4 edits each, ../shared/corpora/cleanportaleval)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { root, require, take } from './golden-args.mjs';

const argv = process.argv.slice(2);
const corePath = path.resolve(take(argv, '--core') ?? path.join(root, 'dist/core.js'));
const docs = Number(take(argv, '--docs') ?? 60);
const editsPer = Number(take(argv, '--edits') ?? 4);
const dir = argv[0] ?? path.join(root, '..', 'shared', 'corpora', 'cleanportaleval');
const dumps = fs.existsSync(path.join(dir, 'dumps')) ? path.join(dir, 'dumps') : dir;
if (!fs.existsSync(corePath) || !fs.existsSync(dumps)) {
  console.error(`diagnostic-churn: need ${corePath} (npm run build) and a corpus folder (${dumps})`);
  process.exit(2);
}
const core = require(corePath);
// this tree's noise signature (what the diagnostics compare), bundled from source
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-churn-'));
let noiseSignature;
try {
  const out = path.join(tmp, 'protocol.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'src/extension/analysisProtocol.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  ({ noiseSignature } = require(out));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

let seed = 7;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
const opts = { entities: false, quotes: false };
const files = fs.readdirSync(dumps).filter((f) => f.endsWith('.txt')).sort().slice(0, docs);
let edits = 0, labelChanges = 0, detailOnly = 0, signature = 0;
for (const f of files) {
  const t = fs.readFileSync(path.join(dumps, f), 'utf8');
  const a = core.analyze(t, opts);
  const sigA = noiseSignature(a, false, 1000);
  const art = a.lines.filter((l) => l.label === 'article' && l.end - l.start > 40);
  for (let e = 0; e < editsPer && art.length; e++) {
    const l = art[Math.floor(rnd() * art.length)];
    const at = l.start + Math.floor(rnd() * (l.end - l.start));
    const b = core.analyze(t.slice(0, at) + 'a' + t.slice(at), opts);
    edits++;
    const labels = a.lines.some((x, i) => x.label !== b.lines[i].label || (x.reason !== b.lines[i].reason && i !== l.line));
    if (labels) { labelChanges++; continue; }
    if (a.lines.some((x, i) => x.label !== 'article' && x.detail !== b.lines[i].detail)) detailOnly++;
    if (noiseSignature(b, false, 1000) !== sigA) signature++;
  }
}
console.log(`core ${path.relative(process.cwd(), corePath) || corePath}; ${files.length} dumps of ${path.basename(path.resolve(dir))}, ${edits} one-character edits in article lines`);
console.log(`label changes ${labelChanges}; of the others: detail changed ${detailOnly}, noise signature changed (diagnostics republished) ${signature}`);
