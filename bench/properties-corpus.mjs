#!/usr/bin/env node
// Runs the reliability properties of test/unit/properties.test.ts over every real dump of the given corpus
// folders (e.g. ../shared/corpora/*/dumps) and prints the counts:
//   dumps tried, refused by decodeDump, properties x cases, violations, article lines lost (must be 0).
// Properties per dump: decodeDump accepts or refuses cleanly; analyze never throws and stays within a time
// bound; line/quote/entity offsets are inside the text, on code-point boundaries, spans inside article lines;
// clean only deletes lines and collapses blank runs, loses no article line, keeps BOM and one line ending;
// clean(clean(x)) == clean(x), and a second analysis of the cleaned text labels every line of it article.
// With keepMeta (analysed with AnalyzeOptions.keepMeta, cleaned with it): clean(clean(x)) == clean(x) too.
// Also printed: the lines the classifier's settle step labels `settled-out` (kept by the model only because of the
// noise around them).
//
// Usage: node bench/properties-corpus.mjs [--no-entities] [--no-unwrap] [--layout VARIANT] [--pages K] [--limit N]
//        [--bound-ms MS] CORPUS_DIR...
//   --layout VARIANT: every decoded dump re-laid out first as bench/converters.mjs does (wrap78, wrap72, noblank,
//   double, indent, crlf, or a+b), e.g. to check the properties on hard-wrapped dumps
//   --pages K: each case is K consecutive dumps of a folder (file-name order) decoded, laid out and joined by a blank
//   line: a file of several pages, as bench/concatenated.mjs makes them
// The checks are the ones in test/unit/reliability-invariants.ts, bundled on the fly with the core (esbuild).
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let entities = true;
let unwrap = true;
let layout = null;
let limit = Infinity;
let pages = 1;
let boundMs = 10_000;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--no-entities') entities = false;
  else if (args[i] === '--no-unwrap') unwrap = false;
  else if (args[i] === '--layout') {
    try {
      layout = (await import('./converters.mjs')).variantFn(String(args[++i]));
    } catch (e) {
      console.error(`properties-corpus: --layout: ${e.message}`);
      process.exit(2);
    }
  }
  else if (args[i] === '--limit') limit = Number(args[++i]);
  else if (args[i] === '--pages') pages = Number(args[++i]);
  else if (args[i] === '--bound-ms') boundMs = Number(args[++i]);
  else dirs.push(args[i]);
}
if (dirs.length === 0) {
  console.error('usage: node bench/properties-corpus.mjs [--no-entities] [--no-unwrap] [--layout VARIANT] [--pages K] [--limit N] [--bound-ms MS] CORPUS_DIR...');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'sn-props-'));
const out = join(tmp, 'props.cjs');
const built = await esbuild.build({
  stdin: {
    contents: "export * from './src/core'; export * from './test/unit/reliability-invariants';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
writeFileSync(out, built.outputFiles[0].text);
const lib = createRequire(import.meta.url)(out);
rmSync(tmp, { recursive: true, force: true });

// the cases: one file each, or --pages K consecutive files of a folder
const files = [];
for (const d of dirs) {
  const inDir = readdirSync(d).sort().map((f) => join(d, f)).filter((p) => statSync(p).isFile());
  if (!(pages > 1)) { for (const p of inDir) files.push([p]); continue; }
  for (let k = 0; k + pages <= inDir.length; k += pages) files.push(inDir.slice(k, k + pages));
}

const PROPS = ['decode', 'analyze-no-throw+bound', 'offsets', 'clean-subsequence+0-lost', 'idempotent', 'idempotent-keepMeta'];
const counts = Object.fromEntries(PROPS.map((p) => [p, { cases: 0, failed: 0 }]));
let drift = 0, driftBase = 0;
let settled = 0;
let tried = 0, refused = 0, lost = 0, lines = 0, articleLines = 0, quotes = 0, ents = 0, bytes = 0, maxMs = 0;
const failures = [];
const t0 = performance.now();
for (const group of files.slice(0, limit)) {
  tried++;
  const f = group.length === 1 ? group[0] : `${group[0]} (+${group.length - 1} pages)`;
  const raws = group.map((p) => new Uint8Array(readFileSync(p)));
  for (const r of raws) bytes += r.length;
  const fail = (prop, msg) => {
    counts[prop].failed++;
    if (failures.length < 20) failures.push(`${f}: ${prop}: ${msg}`);
  };
  let text;
  counts.decode.cases++;
  try {
    const texts = raws.map((r) => { const t = lib.decodeDump(r).text; return layout ? layout(t) : t; });
    text = texts.length === 1 ? texts[0] : texts.map((t) => t.replace(/\s+$/, '')).join('\n\n') + '\n';
  } catch (e) {
    if (e instanceof lib.DumpDecodeError && !String(e.message).includes('\n')) {
      refused++;
      continue;
    }
    fail('decode', e.message);
    continue;
  }
  counts['analyze-no-throw+bound'].cases++;
  let a;
  const ta = performance.now();
  try {
    a = lib.analyze(text, { entities, unwrap });
  } catch (e) {
    fail('analyze-no-throw+bound', e.stack);
    continue;
  }
  const ms = performance.now() - ta;
  maxMs = Math.max(maxMs, ms);
  if (ms > boundMs) fail('analyze-no-throw+bound', `${ms.toFixed(0)} ms`);
  lines += a.lines.length;
  articleLines += a.stats.articleLines;
  quotes += a.quotes.length;
  ents += a.entities.length;

  counts.offsets.cases++;
  const v = lib.analysisViolations(text, a);
  if (v.length) fail('offsets', v.slice(0, 3).join('; '));

  counts['clean-subsequence+0-lost'].cases++;
  const once = lib.clean(text, a);
  const c = lib.cleanViolations(text, a, once);
  lost += c.lost;
  if (c.violations.length) fail('clean-subsequence+0-lost', c.violations.slice(0, 3).join('; '));

  counts.idempotent.cases++;
  settled += a.lines.filter((l) => l.reason === 'settled-out').length;
  const again = lib.analyze(once, { entities: false, quotes: false, unwrap });
  const twice = lib.clean(once, again);
  const notArticle = again.lines.filter((l) => l.label !== 'blank' && l.label !== 'article').length;
  if (twice === once && notArticle > 0) fail('idempotent', `${notArticle} line(s) of the cleaned text are not article when analysed again`);
  counts['idempotent-keepMeta'].cases++;
  const km = lib.clean(text, lib.analyze(text, { entities: false, quotes: false, unwrap, keepMeta: true }), { keepMeta: true });
  if (lib.clean(km, lib.analyze(km, { entities: false, quotes: false, unwrap, keepMeta: true }), { keepMeta: true }) !== km) fail('idempotent-keepMeta', 'clean(clean(x)) differs with keepMeta');
  const nonBlank = (s) => s.split(/\r\n|\r|\n/).filter((l) => l.trim()).length;
  driftBase += nonBlank(once);
  if (twice !== once) {
    drift += nonBlank(once) - nonBlank(twice);
    const ol = once.split(/\r\n|\r|\n/), tl = twice.split(/\r\n|\r|\n/);
    const firstMissing = ol.find((l) => l.trim() && !tl.includes(l));
    fail('idempotent', `clean(clean(x)) differs: ${ol.length} -> ${tl.length} lines; first dropped: ${JSON.stringify((firstMissing ?? '').slice(0, 80))}`);
  }
}
const secs = (performance.now() - t0) / 1000;
const totalCases = PROPS.reduce((s, p) => s + counts[p].cases, 0);
const totalFailed = PROPS.reduce((s, p) => s + counts[p].failed, 0);
console.log(`corpus dirs: ${dirs.join(' ')}`);
console.log(`dumps tried: ${tried} (${(bytes / 1e6).toFixed(1)} MB), refused by decodeDump: ${refused}, entities ${entities ? 'on' : 'off'}`);
console.log(`lines: ${lines}, article lines: ${articleLines}, quotes: ${quotes}, entities: ${ents}, slowest analyze: ${maxMs.toFixed(0)} ms`);
console.log(`properties x cases: ${PROPS.length} properties, ${totalCases} cases, ${totalFailed} failed`);
for (const p of PROPS) console.log(`  ${p.padEnd(26)} ${String(counts[p].cases).padStart(6)} cases  ${counts[p].failed} failed`);
console.log(`article lines lost by clean: ${lost}`);
console.log(`non-idempotence: a second clean removes ${drift} of the ${driftBase} lines the first clean kept (${((100 * drift) / Math.max(1, driftBase)).toFixed(2)}%)`);
console.log(`settle step: ${settled} lines labelled settled-out (kept by the model only because of the noise around them)`);
console.log(`time: ${secs.toFixed(1)} s`);
if (failures.length) {
  console.log('first failures:');
  for (const f of failures) console.log('  ' + f);
}
process.exit(totalFailed === 0 && lost === 0 ? 0 : 1);
