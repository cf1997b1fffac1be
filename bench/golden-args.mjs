// Shared argument handling of the golden checks (bench/classifier-golden.mjs, bench/quotes-golden.mjs) and the
// same-run A/B benches of core bundles (bench/analysis-ab.mjs, bench/quotes-ab.mjs); bundleDriver for the benches
// that run a driver written from source in fresh processes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(import.meta.url);

/** Removes `name VALUE` from argv and returns VALUE (null when absent). */
export function take(argv, name) {
  const i = argv.indexOf(name);
  if (i < 0) return null;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
}

/** Removes every `--core FILE` from argv: the core bundles to compare (default: this tree's dist/core.js). */
export function takeCores(argv) {
  const cores = [];
  for (let i = argv.indexOf('--core'); i >= 0; i = argv.indexOf('--core')) cores.push(path.resolve(argv.splice(i, 2)[1]));
  if (cores.length === 0) cores.push(path.join(root, 'dist/core.js'));
  return cores;
}

/** The corpus folders given, or the three corpora of the speed benches beside the repository. */
export function speedCorporaOr(argv) {
  return argv.length ? argv : ['l3s-gn1', 'cleaneval', 'cleanportaleval'].map((c) => path.join(root, '..', 'shared', 'corpora', c));
}

/** The corpus folders given, or the four development corpora beside the repository. */
export function corporaOr(argv) {
  return argv.length ? argv : ['seed-style', 'cleanportaleval', 'l3s-gn1', 'cleaneval'].map((c) => path.join(root, '..', 'shared', 'corpora', c));
}

/** Writes `key<TAB>hash` lines of a golden file. */
export function writeGolden(result, file, fs) {
  const lines = [...result].map(([k, v]) => `${k}\t${v}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  console.log(`golden: ${lines.length} hashes written to ${file}`);
}

/** Reads a golden file written by writeGolden into a Map key -> hash. */
export function readGolden(file, fs) {
  return new Map(fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split('\t')));
}

/**
 * Writes `source` (TypeScript importing the repository's sources by absolute path) to DIR/NAME.ts and bundles it for
 * node into DIR/NAME.cjs; returns the bundle's path (run it with `process.execPath`).
 */
export async function bundleDriver(dir, name, source) {
  const entry = path.join(dir, `${name}.ts`);
  const out = path.join(dir, `${name}.cjs`);
  fs.writeFileSync(entry, source);
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  return out;
}

/** The dumps joined by blank lines until 5 M chars (`cat *.txt > all.txt`; read page by page): bench/speed.mjs part (e). */
export function concatenatedDump(texts) {
  let big = '';
  for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += texts[i % texts.length] + '\n\n';
  return big;
}

/**
 * A ~5 M-char dump read as one page (bench/memory-incremental.mjs, bench/analysis-ab.mjs --one-page): copies of
 * test/fixtures/sputnik-antonov.txt, each with another place name so that lines differ.
 */
export function onePageDump() {
  const base = fs.readFileSync(path.join(root, 'test/fixtures/sputnik-antonov.txt'), 'utf8');
  const parts = [];
  // (the joined length: the parts' lengths and a line feed between each two)
  for (let i = 0, n = -1; n < 5e6 && i < 3000; i++) {
    parts.push(base.replace(/Moscow/g, 'Moscow' + 'abcdefghij'[i % 10] + i));
    n += parts[i].length + 1;
  }
  return parts.join('\n');
}

/**
 * The two core bundles of a diff bench: `--core OLD [--core NEW]` (NEW: this tree's dist/core.js), loaded; exits
 * with `usage` otherwise. Removes the flags from argv.
 */
export function takeOldNew(argv, usage) {
  const given = argv.filter((a) => a === '--core').length;
  const cores = takeCores(argv);
  if (given === 1) cores.push(path.join(root, 'dist/core.js'));
  if (given === 0 || cores.length !== 2) {
    console.error(usage);
    process.exit(2);
  }
  return cores.map((c) => require(c));
}

/** The keys only `a` has and those only `b` has, in their order: [removed, added]. */
export function keysDiff(a, b) {
  const sa = new Set(a);
  const sb = new Set(b);
  return [a.filter((k) => !sb.has(k)), b.filter((k) => !sa.has(k))];
}

/** Every dump of the corpus folders given (or of speedCorporaOr's three; a corpus folder stands for its dumps/), as [name, text]. */
export function* corpusDumps(argv, fs) {
  for (const given of speedCorporaOr(argv)) {
    const dir = fs.existsSync(path.join(given, 'dumps')) ? path.join(given, 'dumps') : given;
    for (const f of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, f);
      if (fs.statSync(file).isFile()) yield [f, fs.readFileSync(file, 'utf8')];
    }
  }
}
