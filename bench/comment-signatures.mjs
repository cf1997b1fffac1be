#!/usr/bin/env node
// Where do the development corpora's gold texts stand on reader comments and blog-post footers? For every dump
// with at least three "signature" lines (`Posted by NAME on DATE`, `NAME says:`, `Comment by NAME — DATE @ TIME`,
// a time-stamped byline), prints the share of the gold's 4-gram shingles that lie after the first signature line
// (0 = the annotators dropped everything from there on, 1 = they kept it all).
//   node bench/comment-signatures.mjs CORPUS_DIR...   (each with dumps/ and gold/)
//   node bench/comment-signatures.mjs --cut PRED_ROOT CORPUS_DIR...
//     also an upper bound for a reader-comment rule: the cleaner's output (PRED_ROOT/<corpus>/<file>, e.g.
//     bench/.scratch after `npm run bench:boilerplate`) scored as it is and with every kept line from the first
//     comment signature on dropped, in the dumps with three or more comment signatures (signature lines without the
//     blog-post footer words "Permalink", "Comments (N)", "TrackBack", "Labels:", "Filed under": those end posts)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scoreDoc, corpusScore } from './metric.mjs';

const SIG = [
  /^(posted|written|submitted|comment(ed)?|reply|replied|added)\s+by:?\s+\S.{0,80}\d/i,
  /^\S.{0,50}\s(says|said|wrote|writes)\s*:\s*$/i,
  /^\S.{0,50}\s(says|wrote)\s*:?\s*$/i,
  /^(by|from)\s+\S.{0,40}\s+(on|at)\s+.{0,40}\d{1,2}:\d{2}/i,
  /^\S.{0,50}\s(on|at|-|\|)\s+.{0,40}\d{1,2}:\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i,
];
const isSig = (l) => l.length < 160 && SIG.some((r) => r.test(l.trim()));
const tok = (s) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const shingles = (s) => {
  const t = tok(s);
  const out = [];
  for (let i = 0; i + 4 <= t.length; i++) out.push(t.slice(i, i + 4).join(' '));
  return out;
};
const argv = process.argv.slice(2);
const cutAt = argv.indexOf('--cut');
const predRoot = cutAt >= 0 ? argv.splice(cutAt, 2)[1] : null;
const dirs = argv;
/** Signature lines that end a blog post rather than a reader comment. */
const POST_FOOTER = /permalink|comments?\s*[(:]|\d+\s+comments?|trackback|no comments|labels?:|filed under/i;
if (!dirs.length) {
  console.error('usage: node bench/comment-signatures.mjs CORPUS_DIR...');
  process.exit(2);
}
for (const dir of dirs) {
  const files = fs.readdirSync(path.join(dir, 'dumps')).filter((f) => f.endsWith('.txt')).sort();
  const shares = [];
  for (const f of files) {
    const lines = fs.readFileSync(path.join(dir, 'dumps', f), 'utf8').split(/\r?\n/);
    const sigs = lines.flatMap((l, i) => (isSig(l) ? [i] : []));
    if (sigs.length < 3) continue;
    const gold = new Set(shingles(fs.readFileSync(path.join(dir, 'gold', f), 'utf8')));
    const before = shingles(lines.slice(0, sigs[0]).join('\n')).filter((x) => gold.has(x)).length;
    const after = shingles(lines.slice(sigs[0]).join('\n')).filter((x) => gold.has(x)).length;
    const share = after / Math.max(1, before + after);
    shares.push(share);
    console.log(`${path.basename(dir)} ${f}: ${sigs.length} signature lines, first at line ${sigs[0] + 1} of ${lines.length}, gold after it ${share.toFixed(2)} ("${lines[sigs[0]].trim().slice(0, 60)}")`);
  }
  if (predRoot) cutScore(dir, files);
  shares.sort((a, b) => a - b);
  const med = shares.length ? shares[Math.floor(shares.length / 2)] : NaN;
  console.log(`== ${path.basename(dir)}: ${shares.length} of ${files.length} dumps with >= 3 signature lines; gold share after the first one: median ${med.toFixed(2)}, ` +
    `${shares.filter((s) => s < 0.1).length} below 0.1, ${shares.filter((s) => s > 0.5).length} above 0.5`);
}

/** The cleaner's output scored as it is and with everything after the first comment signature dropped (see --cut). */
function cutScore(dir, files) {
  const before = [], after = [];
  let changed = 0;
  for (const f of files) {
    const gold = fs.readFileSync(path.join(dir, 'gold', f), 'utf8');
    const predFile = path.join(predRoot, path.basename(dir), f);
    const pred = fs.existsSync(predFile) ? fs.readFileSync(predFile, 'utf8') : '';
    before.push(scoreDoc(gold, pred));
    const dump = fs.readFileSync(path.join(dir, 'dumps', f), 'utf8').split(/\r?\n/);
    const comments = dump.flatMap((l, i) => (isSig(l) && !POST_FOOTER.test(l) ? [i] : []));
    let cut = pred;
    if (comments.length >= 3) {
      // each kept line is found in the dump in order; those from the first comment signature on are dropped
      let j = 0;
      const kept = [];
      for (const line of pred.split('\n')) {
        let k = j;
        while (k < dump.length && dump[k].trim() !== line.trim()) k++;
        if (k >= dump.length) kept.push(line);
        else { j = k + 1; if (k < comments[0]) kept.push(line); }
      }
      cut = kept.join('\n');
      if (cut !== pred) changed++;
    }
    after.push(scoreDoc(gold, cut));
  }
  const b = corpusScore(before), a = corpusScore(after);
  console.log(`== ${path.basename(dir)}: cleaner F1 ${b.f1.toFixed(4)}; with kept lines after the first of 3+ comment signatures dropped ${a.f1.toFixed(4)} (${changed} dumps changed)`);
}
