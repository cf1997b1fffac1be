#!/usr/bin/env node
// Golden check of the quotes (used while optimising src/core/quotes/ and the analysis path: output must stay
// identical). For every dump of the corpora, with the built core (dist/core.js; run `npm run build` first, or
// --core PATH for another bundle), one hash per document of:
//   - `analyze(text, {entities: false})`: every line's start/end/label/reason/detail and every quote field
//     (start, end, text, kind, scareReason, speaker start/end/text/resolved, cue start/end/text);
//   - the same with `scareQuotes: false`;
//   - `findQuotes` with EVERY non-blank line treated as an article paragraph (exercises the quote finder on menus,
//     footers and comments too, which the classifier usually hides from it);
//   - the same through a shared quote memo (the incremental path), which must give the same hash;
// and one hash per document of a PolNeAR-style JSONL file (each line a paragraph, as bench/quotes.mjs reads it).
//
// Usage: node bench/quotes-golden.mjs [--write FILE | --compare FILE] [--core PATH] [--jsonl FILE] [CORPUS_DIR...]
//   default corpora: ../shared/corpora/{seed-style,cleanportaleval,l3s-gn1,cleaneval} and the JSONL
//   ../shared/corpora/polnear-quotes-dev/docs.jsonl, relative to the repository.
// Also prints the CPU time of the quote stage (findQuotes over all non-blank lines) as a rough speed figure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { root, require, take as takeArg, corporaOr, writeGolden, readGolden } from './golden-args.mjs';

const argv = process.argv.slice(2);
const take = (name) => takeArg(argv, name);
const writeFile = take('--write');
const compareFile = take('--compare');
const corePath = path.resolve(take('--core') ?? path.join(root, 'dist/core.js'));
const jsonl = take('--jsonl') ?? path.join(root, '..', 'shared', 'corpora', 'polnear-quotes-dev', 'docs.jsonl');
const corpora = corporaOr(argv);

const core = require(corePath);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const docs = []; // { id, text }
for (const c of corpora) {
  const d = fs.existsSync(path.join(c, 'dumps')) ? path.join(c, 'dumps') : c;
  for (const f of fs.readdirSync(d).sort()) {
    if (f.endsWith('.txt')) docs.push({ id: `${path.basename(c)}/${f}`, text: fs.readFileSync(path.join(d, f), 'utf8') });
  }
}
const jdocs = [];
if (jsonl && fs.existsSync(jsonl)) {
  for (const l of fs.readFileSync(jsonl, 'utf8').split('\n')) if (l.trim()) {
    const j = JSON.parse(l);
    jdocs.push({ id: `jsonl/${j.id}`, text: j.text });
  }
}

const span = (s) => (s ? `${s.start}:${s.end}:${s.text}` : '-');
const quoteKey = (q) =>
  `${q.start}:${q.end}:${q.kind}:${q.scareReason ?? '-'}:${q.text}|S ${span(q.speaker)}|R ${q.speaker?.resolved ?? '-'}|C ${span(q.cue)}`;
const hashQuotes = (quotes, lines) => {
  const h = createHash('sha1');
  if (lines) for (const l of lines) h.update(`${l.start}:${l.end}:${l.label}:${l.reason}:${l.detail ?? ''}\n`);
  h.update(`#${quotes.length}\n`);
  for (const q of quotes) h.update(quoteKey(q) + '\n');
  return h.digest('hex').slice(0, 16);
};
// every non-blank line an article paragraph (as bench/quotes.mjs)
const allLines = (text) =>
  core.splitLines(text).map((r, i) => ({ line: i, start: r.start, end: r.end, label: text.slice(r.start, r.end).trim() ? 'article' : 'blank', reason: 'bench' }));

const result = new Map();
let nQuotes = 0;
for (const d of docs) {
  const a = core.analyze(d.text, { entities: false });
  nQuotes += a.quotes.length;
  result.set(d.id, hashQuotes(a.quotes, a.lines));
  const b = core.analyze(d.text, { entities: false, scareQuotes: false });
  result.set(d.id + ' noscare', hashQuotes(b.quotes, b.lines));
}
const memo = core.createQuoteMemo();
let quoteMs = 0;
let nAll = 0;
for (const d of [...docs, ...jdocs]) {
  const lines = allLines(d.text);
  const t = cpu();
  const qs = core.findQuotes(d.text, lines, {});
  quoteMs += cpu() - t;
  nAll += qs.length;
  const h = hashQuotes(qs, null);
  result.set(d.id + ' all-lines', h);
  const hm = hashQuotes(core.findQuotes(d.text, lines, { memo }), null);
  if (hm !== h) result.set(d.id + ' all-lines memo', hm); // only recorded when it differs (a defect)
}
let chars = 0;
for (const d of [...docs, ...jdocs]) chars += d.text.length;
console.log(`${docs.length} dumps + ${jdocs.length} JSONL documents; ${nQuotes} quotes in analyze(); ${nAll} with every line a paragraph`);
console.log(`findQuotes, every non-blank line a paragraph: ${quoteMs.toFixed(0)} ms CPU (${(chars / 1048576 / (quoteMs / 1000)).toFixed(1)} MB/s)`);

if (writeFile) writeGolden(result, writeFile, fs);
if (compareFile) {
  const want = readGolden(compareFile, fs);
  let diff = 0, missing = 0;
  for (const [k, v] of want) {
    if (!result.has(k)) { missing++; continue; }
    if (result.get(k) !== v) { diff++; if (diff <= 20) console.log(`DIFF ${k}`); }
  }
  let extra = 0;
  for (const k of result.keys()) if (!want.has(k)) { extra++; if (extra <= 20) console.log(`EXTRA ${k}`); }
  console.log(`golden: ${diff} different, ${missing} not checked, ${extra} extra (of ${want.size})`);
  process.exitCode = diff || extra ? 1 : 0;
}
