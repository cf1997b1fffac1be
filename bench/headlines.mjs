#!/usr/bin/env node
// Headlines against the gold: per corpus, how many lines the classifier labels `article-headline` appear in the gold
// text (hit) and how many do not (miss). The gold of l3s-gn1 and cleanportaleval holds the headline; cleaneval's
// pages are more varied (forums, listings, papers), so its count says less. A standfirst kept under a headline is
// labelled `article-headline` too and counts as a hit when the gold has it.
//
// Usage: node bench/headlines.mjs [--core PATH]... [CORPUS_DIR...]
//   --core PATH  a build of the core (default: this tree's dist/core.js; give two or more for a before/after)
//   CORPUS_DIR   holds dumps/*.txt and gold/*.txt (default: l3s-gn1, cleanportaleval and cleaneval beside the repository)
// Each dump is analysed on its own (no folder templates), entities and quotes off. A line counts as in the gold when
// its text, whitespace collapsed, is a substring of the gold's, whitespace collapsed (lines of 3 characters or fewer
// count as misses).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve, basename } from 'node:path';

const argv = process.argv.slice(2);
const cores = [];
for (let i = argv.indexOf('--core'); i >= 0; i = argv.indexOf('--core')) cores.push(resolve(argv.splice(i, 2)[1]));
if (!cores.length) cores.push(new URL('../dist/core.js', import.meta.url).pathname);
const corpora = argv.length ? argv : ['l3s-gn1', 'cleanportaleval', 'cleaneval'].map((c) => new URL(`../../shared/corpora/${c}`, import.meta.url).pathname);
const norm = (s) => s.replace(/\s+/g, ' ').trim();
const req = createRequire(import.meta.url);

for (const corePath of cores) {
  const core = req(corePath);
  const parts = [];
  for (const dir of corpora) {
    if (!existsSync(`${dir}/gold`)) { console.error(`no gold/ in ${dir}`); process.exit(2); }
    let hit = 0, miss = 0, docs = 0;
    for (const f of readdirSync(`${dir}/dumps`).filter((x) => x.endsWith('.txt')).sort()) {
      if (!existsSync(`${dir}/gold/${f}`)) continue;
      const gold = norm(readFileSync(`${dir}/gold/${f}`, 'utf8'));
      const text = readFileSync(`${dir}/dumps/${f}`, 'utf8');
      const lines = text.split(/\r\n|\n|\r/);
      docs++;
      for (const l of core.analyze(text, { entities: false, quotes: false }).lines) {
        if (l.reason !== 'article-headline') continue;
        const t = norm(lines[l.line]);
        if (t.length > 3 && gold.includes(t)) hit++; else miss++;
      }
    }
    parts.push(`${basename(dir)} (${docs} docs): hit ${hit}, miss ${miss}`);
  }
  console.log(`${corePath}\n  ${parts.join('\n  ')}`);
}
