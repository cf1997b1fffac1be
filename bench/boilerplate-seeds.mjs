#!/usr/bin/env node
// Judges a change of the boilerplate model over several seeds, in-sample AND held-out (leave-one-corpus-out):
// for each tree setting and each seed, trains on l3s-gn1 + cleanportaleval + cleaneval and scores seed-style and
// the three (in-sample), then for each of the three trains on the other two and scores it (held-out). Prints
// one line per seed and the means. Stage 1 and stage 2 are fitted once per training set and reused (they do not
// depend on the trees or the seed), so only the first setting pays for them. Writes no weights.
//
//   node bench/boilerplate-seeds.mjs [--corpora DIR] [--seeds 12345,777,4242] [--configs TREES:RATE:DEPTH:GATE,...]
//       [--threshold 0.4] [--augment-clean W] [--no-in] [--no-ho] [--tag TEXT]
//   --corpora: the folder holding seed-style/, l3s-gn1/, cleanportaleval/, cleaneval/ (default ../shared/corpora
//     relative to the repository); --configs default 40:0.25:4:3 (the shipped setting); --augment-clean: the
//     trainer's option of that name (clean twins of the training documents at weight W; default 0)
// Run it with `nice -n 19`; it waits while /tmp/quiet exists (performance runs on the same machine).
// A stage-1 or stage-2 feature change: edit src/core/boilerplate, run this before and after (the trainer bundles
// the current source).
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore, loadCorpus, train, evaluate } from './train-boilerplate.mjs';

const a = process.argv.slice(2);
const get = (k, d) => { const i = a.indexOf('--' + k); return i >= 0 ? a[i + 1] : d; };
const C = resolve(get('corpora', join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora')));
const seeds = get('seeds', '12345,777,4242').split(',').map(Number);
const opts = { l2: 3e-4, iters: Number(get('iters', 400)), threshold: Number(get('threshold', 0.4)) };
const wait = async () => { while (existsSync('/tmp/quiet')) await new Promise((r) => setTimeout(r, 5000)); };
const core = await loadCore();
const t0 = Date.now();
const names = ['l3s-gn1', 'cleanportaleval', 'cleaneval'];
const docs = Object.fromEntries(names.map((n) => [n, loadCorpus(core, join(C, n), { augmentClean: Number(get('augment-clean', 0)) })]));
console.error(`loaded in ${Date.now() - t0} ms`);
const cache = new Map(), cache2 = new Map();
const f4 = (x) => x.toFixed(4);
for (const cfg of get('configs', '40:0.25:4:3').split(',')) {
  const [trees, rate, depth, gate] = cfg.split(':').map(Number);
  const o = { ...opts, trees, rate, depth, gate, stage1Cache: cache, stage2Cache: cache2 };
  const tag = `${get('tag', '')} ${cfg}`.trim();
  const res = [];
  for (const seed of seeds) {
    if (!a.includes('--no-in')) {
      await wait();
      core.setModelWeights({ threshold: o.threshold, ...train(core, names.flatMap((n) => docs[n]), { ...o, seed }) });
      const r = ['seed-style', ...names].map((n) => evaluate(core, join(C, n)).f1);
      console.log(`${tag} seed ${seed} IN  seed-style ${f4(r[0])} l3s ${f4(r[1])} cpe ${f4(r[2])} cleaneval ${f4(r[3])}`);
      res.push(['in', seed, ...r]);
    }
    if (!a.includes('--no-ho')) {
      const h = [];
      for (const ev of names) {
        await wait();
        core.setModelWeights({ threshold: o.threshold, ...train(core, names.filter((n) => n !== ev).flatMap((n) => docs[n]), { ...o, seed }) });
        h.push(evaluate(core, join(C, ev)).f1);
      }
      console.log(`${tag} seed ${seed} HO  l3s ${f4(h[0])} cpe ${f4(h[1])} cleaneval ${f4(h[2])}`);
      res.push(['ho', seed, ...h]);
    }
  }
  const mean = (k, i) => { const r = res.filter((x) => x[0] === k); return r.length ? f4(r.reduce((s, x) => s + x[i], 0) / r.length) : '-'; };
  console.log(`${tag} MEAN IN seed-style ${mean('in', 2)} l3s ${mean('in', 3)} cpe ${mean('in', 4)} cleaneval ${mean('in', 5)} | HO l3s ${mean('ho', 2)} cpe ${mean('ho', 3)} cleaneval ${mean('ho', 4)}  (${Math.round((Date.now() - t0) / 1000)} s)`);
}
core.setModelWeights(null);
