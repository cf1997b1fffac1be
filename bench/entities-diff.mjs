#!/usr/bin/env node
// The entities two builds of the core find on real dumps, side by side (there is no entity gold for the dumps: this
// is for reading what a change to src/core/entities/ does beyond CoNLL-2003, whose Reuters text lacks many of the
// patterns of web news).
//
// Usage: node bench/entities-diff.mjs --core OLD/dist/core.js [--core NEW/dist/core.js] [CORPUS_DIR...]
//   NEW defaults to this tree's dist/core.js (run `npm run build` first); the corpora default to l3s-gn1, cleaneval
//   and cleanportaleval beside the repository. OLD: e.g. `git worktree add /tmp/old REV`, then `npm run build` there.
// Prints the number of documents and of spans removed/added (and of spans kept with another type), then one line
// per changed document:
//   FILE: -[spans only OLD finds] +[spans only NEW finds]   (P person, L place, O organisation)
import * as fs from 'node:fs';
import { takeOldNew, corpusDumps, keysDiff } from './golden-args.mjs';

const argv = process.argv.slice(2);
const [A, B] = takeOldNew(argv, 'usage: node bench/entities-diff.mjs --core OLD/dist/core.js [--core NEW/dist/core.js] [CORPUS_DIR...]');
const TYPE = { person: 'P', place: 'L', organization: 'O' };
const show = (k) => {
  const [type, , text] = k.split('|');
  return `${TYPE[type]}:${text}`;
};
let docs = 0;
let removed = 0;
let added = 0;
const lines = [];
const retyped = new Map();
for (const [f, text] of corpusDumps(argv, fs)) {
  docs++;
  const keys = (core) => core.analyze(text, { entities: true }).entities.map((e) => `${e.type}|${e.start}|${e.text}`);
  const [r, n] = keysDiff(keys(A), keys(B));
  removed += r.length;
  added += n.length;
  if (r.length || n.length) lines.push(`${f}: -[${r.map(show).join('; ')}] +[${n.map(show).join('; ')}]`);
  // the same span with another type
  const split = (k) => [k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|'))]; // [type, |start|text]
  const typeAt = new Map(r.map((k) => split(k).reverse()));
  for (const k of n) {
    const [type, at] = split(k);
    const was = typeAt.get(at);
    if (was) retyped.set(`${TYPE[was]}->${TYPE[type]}`, (retyped.get(`${TYPE[was]}->${TYPE[type]}`) ?? 0) + 1);
  }
}
console.log(`docs ${docs}, changed ${lines.length}, spans removed ${removed}, added ${added}; same span retyped: ${[...retyped].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
for (const l of lines) console.log(l);
