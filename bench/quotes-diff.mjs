#!/usr/bin/env node
// The quotes and speakers two builds of the core find on real dumps, side by side (the dumps have no quote gold: this
// is for reading what a change to src/core/quotes/ or to the line labels does beyond PolNeAR, whose US political
// news lacks e.g. French typography).
//
// Usage: node bench/quotes-diff.mjs --core OLD/dist/core.js [--core NEW/dist/core.js] [CORPUS_DIR...]
//   NEW defaults to this tree's dist/core.js (run `npm run build` first); the corpora default to l3s-gn1, cleaneval
//   and cleanportaleval beside the repository. OLD: e.g. `git worktree add /tmp/old REV`, then `npm run build` there.
// Prints the number of documents and of quotes removed/added (a quote counts as changed when its span or its speaker
// changed), then one line per changed document:
//   FILE: -[quotes only OLD finds => speaker] +[quotes only NEW finds => speaker]
import * as fs from 'node:fs';
import { takeOldNew, corpusDumps, keysDiff } from './golden-args.mjs';

const argv = process.argv.slice(2);
const [A, B] = takeOldNew(argv, 'usage: node bench/quotes-diff.mjs --core OLD/dist/core.js [--core NEW/dist/core.js] [CORPUS_DIR...]');
let docs = 0;
let removed = 0;
let added = 0;
const lines = [];
for (const [f, text] of corpusDumps(argv, fs)) {
  docs++;
  const keys = (core) => core.analyze(text, { entities: false }).quotes.map((q) => `${q.start}|${text.slice(q.start, q.end).slice(0, 50)} => ${q.speaker?.text ?? '-'}`);
  const [r, n] = keysDiff(keys(A), keys(B));
  removed += r.length;
  added += n.length;
  const show = (k) => k.slice(k.indexOf('|') + 1);
  if (r.length || n.length) lines.push(`${f}: -[${r.map(show).join('; ')}] +[${n.map(show).join('; ')}]`);
}
console.log(`docs ${docs}, changed ${lines.length}, quotes removed ${removed}, added ${added}`);
for (const l of lines) console.log(l);
