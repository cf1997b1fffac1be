#!/usr/bin/env node
// Entity benchmark: exact-span P/R/F1 per type (PER/LOC/ORG) and micro, plus speed against bare compromise.
//
// usage: npm run bench:entities -- FILE.jsonl [--pred OUT.jsonl] [--scorer PATH/ner-score.mjs] [--no-check]
//          [--baseline-pred OUT.jsonl] [--errors N]
//   FILE.jsonl: {id,text,entities:[{start,end,type}]} per line (e.g. ../shared/corpora/conll2003-dev/docs.jsonl)
//   Every line of every document is treated as an article line.
//   --pred      where to write our predictions (default out/bench/entities-pred.jsonl)
//   --scorer    reference scorer to cross-check our scoring (default ../shared/bench/ner-score.mjs if it exists);
//               the run fails if its exact micro F1 differs from ours
//   --errors N  print N sample false positives / misses per type (for tuning)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : def;
};
const valued = new Set(['--pred', '--scorer', '--baseline-pred', '--errors']);
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && valued.has(args[i - 1])));
if (!file) {
  console.error('usage: npm run bench:entities -- FILE.jsonl [--pred OUT.jsonl] [--scorer ner-score.mjs] [--no-check] [--errors N]');
  process.exit(2);
}
const predFile = opt('pred', 'out/bench/entities-pred.jsonl');
const basePredFile = opt('baseline-pred', 'out/bench/entities-compromise-pred.jsonl');
const showErrors = Number(opt('errors', 0));

// ---- load times (separate processes would be cleaner; these are first-use costs in this process) ----
// CPU time (user+system, ms) is reported beside wall time: on a shared machine it is less sensitive to other load.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = performance.now(), c = cpu();
const core = require(path.resolve(process.env.SN_CORE || 'dist/core.js'));
const tRequireCore = performance.now() - t, cRequireCore = cpu() - c;
t = performance.now(); c = cpu();
core.entityTagger.getLexicon();
core.entityTagger.getModel();
const tModel = performance.now() - t, cModel = cpu() - c;
t = performance.now(); c = cpu();
const nlp = require('compromise');
nlp('warm up.').people();
const tCompromise = performance.now() - t, cCompromise = cpu() - c;

const TYPE = { person: 'PER', place: 'LOC', organization: 'ORG' };
const TYPES = ['PER', 'LOC', 'ORG'];

const docs = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function articleLines(text) {
  return core.splitLines(text).map((r, i) => ({ line: i, start: r.start, end: r.end, label: 'article', reason: 'bench' }));
}

function ours(text) {
  return core.findEntities(text, articleLines(text), { documentPass: !args.includes('--no-doc-pass') }).map((e) => ({ start: e.start, end: e.end, type: TYPE[e.type] }));
}

// Bare compromise, as the first version of the product used it: one nlp() call per line, people/places/organizations,
// trailing punctuation and possessive trimmed.
function bare(text) {
  const out = [];
  for (const r of core.splitLines(text)) {
    const para = text.slice(r.start, r.end);
    if (!para.trim()) continue;
    const doc = nlp(para);
    const add = (list, type) => {
      for (const m of list) {
        // the first version's clean-up: trailing punctuation / possessive that compromise includes
        const s = m.offset.start;
        const t = para.slice(s, s + m.offset.length);
        const e = s + t.replace(/(['’]s|[.,;:!?)"”’]+)$/u, '').length;
        if (e > s) out.push({ start: r.start + s, end: r.start + e, type });
      }
    };
    add(doc.people().json({ offset: true }), 'PER');
    add(doc.places().json({ offset: true }), 'LOC');
    add(doc.organizations().json({ offset: true }), 'ORG');
  }
  return out;
}

// ---- scoring: exact-span micro P/R/F1, our own implementation ----
export function scoreExact(gold, pred) {
  const tab = Object.fromEntries(TYPES.map((k) => [k, { tp: 0, pred: 0, gold: 0 }]));
  const byId = new Map(pred.map((d) => [d.id, d.entities]));
  for (const g of gold) {
    const uniq = (list) => {
      const m = new Map();
      for (const e of list || []) if (TYPES.includes(e.type) && e.end > e.start) m.set(`${e.start}:${e.end}:${e.type}`, e.type);
      return m;
    };
    const gs = uniq(g.entities);
    const ps = uniq(byId.get(g.id));
    for (const ty of gs.values()) tab[ty].gold++;
    for (const [k, ty] of ps) {
      tab[ty].pred++;
      if (gs.has(k)) tab[ty].tp++;
    }
  }
  const prf = (x) => {
    const p = x.pred ? x.tp / x.pred : 0;
    const r = x.gold ? x.tp / x.gold : 0;
    return { ...x, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const micro = { tp: 0, pred: 0, gold: 0 };
  const res = {};
  for (const ty of TYPES) {
    res[ty] = prf(tab[ty]);
    micro.tp += tab[ty].tp; micro.pred += tab[ty].pred; micro.gold += tab[ty].gold;
  }
  res.micro = prf(micro);
  return res;
}

function table(res) {
  const pct = (x) => (100 * x).toFixed(2).padStart(6);
  const rows = ['type   |      P      R     F1 |  gold  pred    tp'];
  for (const ty of [...TYPES, 'micro']) {
    const x = res[ty];
    rows.push(`${ty.padEnd(6)} | ${pct(x.p)} ${pct(x.r)} ${pct(x.f)} | ${String(x.gold).padStart(5)} ${String(x.pred).padStart(5)} ${String(x.tp).padStart(5)}`);
  }
  return rows.join('\n');
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

// warm-up (JIT), not measured
for (const d of docs.slice(0, 5)) { ours(d.text); bare(d.text); }

const pred = [], basePred = [];
const perKbOurs = [], perKbBare = [], cpuKbOurs = [], cpuKbBare = [];
let msOurs = 0, msBare = 0, chars = 0;
for (const d of docs) {
  // alternate the order so that neither side profits from the other's cache warmth
  let a = performance.now(), ac = cpu();
  const ents = ours(d.text);
  const tOurs = performance.now() - a, cOurs = cpu() - ac;
  a = performance.now(); ac = cpu();
  const b = bare(d.text);
  const tBare = performance.now() - a, cBare = cpu() - ac;
  pred.push({ id: d.id, entities: ents });
  basePred.push({ id: d.id, entities: b });
  const per5k = 5000 / Math.max(1, d.text.length);
  perKbOurs.push(tOurs * per5k);
  perKbBare.push(tBare * per5k);
  cpuKbOurs.push(cOurs * per5k);
  cpuKbBare.push(cBare * per5k);
  msOurs += tOurs; msBare += tBare; chars += d.text.length;
  // contract checks
  for (const e of ents) if (!(e.end > e.start)) throw new Error(`${d.id}: empty span`);
  for (let i = 1; i < ents.length; i++) if (ents[i].start < ents[i - 1].end) throw new Error(`${d.id}: overlapping or unsorted entities`);
}
fs.mkdirSync(path.dirname(predFile), { recursive: true });
fs.writeFileSync(predFile, pred.map((p) => JSON.stringify(p)).join('\n') + '\n');
fs.mkdirSync(path.dirname(basePredFile), { recursive: true });
fs.writeFileSync(basePredFile, basePred.map((p) => JSON.stringify(p)).join('\n') + '\n');

const res = scoreExact(docs, pred);
const base = scoreExact(docs, basePred);
console.log(`# entities: ${file} (${docs.length} docs, ${(chars / 1000).toFixed(0)} KB), all lines treated as article lines`);
console.log('\nScraped News tagger (exact spans):');
console.log(table(res));
console.log('\nbare compromise (people/places/organizations, one nlp() call per line), same texts:');
console.log(table(base));
const mo = median(perKbOurs), mb = median(perKbBare);
console.log(`\nspeed: median ms per 5 KB: ours ${mo.toFixed(2)}, compromise ${mb.toFixed(2)}, ratio ${(mo / mb).toFixed(2)}x` +
  `; total ${msOurs.toFixed(0)} ms vs ${msBare.toFixed(0)} ms`);
const co = median(cpuKbOurs), cb = median(cpuKbBare);
console.log(`speed (CPU time): median ms per 5 KB: ours ${co.toFixed(2)}, compromise ${cb.toFixed(2)}, ratio ${(co / cb).toFixed(2)}x`);
console.log(`load (wall / CPU ms): require dist/core.js ${tRequireCore.toFixed(0)} / ${cRequireCore.toFixed(0)} (includes the bundled compromise)` +
  ` + entity lexicon/model ${tModel.toFixed(0)} / ${cModel.toFixed(0)}; bare compromise require+first call ${tCompromise.toFixed(0)} / ${cCompromise.toFixed(0)}`);
console.log(`load average at the end of the run: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);
console.log(`predictions: ${predFile}`);

if (showErrors) {
  const byId = new Map(pred.map((p) => [p.id, p.entities]));
  for (const ty of TYPES) {
    const fp = [], fn = [];
    for (const d of docs) {
      const g = new Set(d.entities.filter((e) => e.type === ty).map((e) => `${e.start}:${e.end}`));
      const gAll = new Map(d.entities.map((e) => [`${e.start}:${e.end}`, e.type]));
      const p = new Set(byId.get(d.id).filter((e) => e.type === ty).map((e) => `${e.start}:${e.end}`));
      const ctx = (k) => { const [s, e] = k.split(':').map(Number); return `${d.text.slice(Math.max(0, s - 30), s).replace(/\n/g, '|')}[[${d.text.slice(s, e)}]]${d.text.slice(e, e + 30).replace(/\n/g, '|')}`; };
      for (const k of p) if (!g.has(k)) fp.push(`(${gAll.get(k) || '-'}) ` + ctx(k));
      for (const k of g) if (!p.has(k)) fn.push(ctx(k));
    }
    console.log(`\n== ${ty}: ${fp.length} false positives, e.g.`);
    for (const x of fp.slice(0, showErrors)) console.log('  ' + x);
    console.log(`== ${ty}: ${fn.length} misses, e.g.`);
    for (const x of fn.slice(0, showErrors)) console.log('  ' + x);
  }
}

if (!args.includes('--no-check')) {
  const scorer = opt('scorer', '../shared/bench/ner-score.mjs');
  if (fs.existsSync(scorer)) {
    const r = spawnSync(process.execPath, [scorer, file, predFile, '--json'], { encoding: 'utf8' });
    if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
    const ref = JSON.parse(r.stdout).exact;
    const same = [...TYPES, 'micro'].every((ty) => Math.abs(ref[ty].f1 - res[ty].f) < 1e-12 && ref[ty].tp === res[ty].tp);
    console.log(`reference scorer ${scorer}: exact micro F1 ${(100 * ref.micro.f1).toFixed(2)} — ${same ? 'agrees' : 'DISAGREES'} with ours`);
    if (!same) process.exit(1);
  } else {
    console.log(`(reference scorer not found at ${scorer}; pass --scorer to cross-check)`);
  }
}
