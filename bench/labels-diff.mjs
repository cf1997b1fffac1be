#!/usr/bin/env node
// The line labels two builds of the core give the dumps, line by line (for reading what a change to the classifier
// or its patterns does; bench/classifier-golden.mjs only says which documents differ).
//
// Usage: node bench/labels-diff.mjs --core OLD/dist/core.js [--core NEW/dist/core.js] [CORPUS_DIR...]
//   NEW defaults to this tree's dist/core.js (run `npm run build` first); the corpora default to l3s-gn1, cleaneval
//   and cleanportaleval beside the repository (a corpus folder stands for its dumps/). Each dump is analysed on its
//   own (no folder templates), entities and quotes off.
// Prints the counts per change (OLD label/reason -> NEW label/reason), then one line per changed line:
//   FILE:LINE OLD -> NEW | the line's text (first 100 characters)
import * as fs from 'node:fs';
import { takeOldNew, corpusDumps } from './golden-args.mjs';

const argv = process.argv.slice(2);
const [A, B] = takeOldNew(argv, 'usage: node bench/labels-diff.mjs --core OLD/dist/core.js [--core NEW/dist/core.js] [CORPUS_DIR...]');
const counts = new Map();
const out = [];
let docs = 0;
let changedDocs = 0;
for (const [f, text] of corpusDumps(argv, fs)) {
  docs++;
  const options = { entities: false, quotes: false };
  const a = A.analyze(text, options).lines;
  const b = B.analyze(text, options).lines;
  let changed = false;
  for (let i = 0; i < a.length; i++) {
    const was = `${a[i].label}/${a[i].reason}`;
    const now = `${b[i].label}/${b[i].reason}`;
    if (was === now) continue;
    changed = true;
    const k = `${was} -> ${now}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    out.push(`${f}:${a[i].line + 1} ${k} | ${text.slice(a[i].start, a[i].end).trim().slice(0, 100)}`);
  }
  if (changed) changedDocs++;
}
console.log(`docs ${docs}, changed ${changedDocs}, lines changed ${out.length}`);
for (const [k, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`${String(n).padStart(6)}  ${k}`);
for (const l of out) console.log(l);
