#!/usr/bin/env node
// The page threshold's settings (src/core/boilerplate/pageThreshold.ts), compared on the corpora: the shipped model's
// regression and trees with each `decode` given here (or none: the fixed threshold), cleaned as bench/boilerplate.mjs
// does (HTML markup converted to text first, folder templates over the corpus), F1 per corpus to 4 decimals (the
// shipped decode gives bench/boilerplate.mjs's figures). Makes the grid points of BENCHMARKS.md rerunnable.
//
//   node bench/decode-grid.mjs CORPUS_DIR... --decode A,B,MU,LO,HI[,STEP] [--decode ...] [--decode none]
//     A, B: q = sigma(A*logit + B); MU: weight of the block estimate of the recall; LO..HI by STEP (default 0.025)
//   e.g. node bench/decode-grid.mjs ../shared/corpora/{seed-style,cleanportaleval,l3s-gn1,cleaneval} \
//          --decode none --decode 1,0,0,0.2,0.7 --decode 0.7,0,0.5,0.1,0.7
import { basename, resolve } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore, parseDecode } from './train-boilerplate.mjs';
import { scoreDoc, corpusScore } from './metric.mjs';

const argv = process.argv.slice(2);
const dirs = [];
const decodes = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--decode') {
    const s = argv[++i];
    if (s === 'none') { decodes.push(null); continue; }
    decodes.push(parseDecode(s));
  } else if (argv[i].startsWith('--')) {
    console.error(`unknown flag ${argv[i]}`);
    process.exit(2);
  } else dirs.push(argv[i]);
}
if (!dirs.length || !decodes.length) {
  console.error('usage: node bench/decode-grid.mjs CORPUS_DIR... --decode A,B,MU,LO,HI[,STEP] | none ...');
  process.exit(2);
}

const core = await loadCore();
// each corpus read and converted once; templates depend only on the texts
const corpora = dirs.map((dir) => {
  const names = readdirSync(join(dir, 'gold')).filter((f) => f.endsWith('.txt')).sort();
  const texts = names.map((n) => core.textOf(readFileSync(join(dir, 'dumps', n), 'utf8')));
  return { names, texts, gold: names.map((n) => readFileSync(join(dir, 'gold', n), 'utf8')), templates: core.buildTemplateIndex(texts) };
});
const f1Of = (c) => corpusScore(c.texts.map((t, i) => scoreDoc(c.gold[i], core.clean(t, core.analyze(t, { quotes: false, entities: false, templates: c.templates }))))).f1;
const shipped = JSON.parse(readFileSync(resolve(fileURLToPath(import.meta.url), '../../src/core/boilerplate/weights.json'), 'utf8'));
console.log(`| decode | ${dirs.map((d) => basename(resolve(d))).join(' | ')} |`);
console.log(`| --- | ${dirs.map(() => '---').join(' | ')} |`);
for (const d of decodes) {
  const w = { ...shipped };
  if (d) w.decode = d; else delete w.decode;
  core.setModelWeights(w);
  const f1 = corpora.map((c) => f1Of(c).toFixed(4));
  console.log(`| ${d ? `${d.a},${d.b},${d.mu},${d.lo},${d.hi},${d.step}` : 'none (fixed threshold)'} | ${f1.join(' | ')} |`);
}
core.setModelWeights(null);
