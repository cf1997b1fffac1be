// The page's decision threshold (src/core/boilerplate/pageThreshold.ts): the histogram sweep against enumeration,
// and what it decides on made-up pages with the shipped parameters (weights.json `decode`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageThreshold, type PageDecode } from '../../src/core/boilerplate/pageThreshold';
import weights from '../../src/core/boilerplate/weights.json';
import { analyze, buildTemplateIndex } from '../../src/core';
import { scoreBelow } from '../../src/core/reasons';

const shipped = (weights as { decode?: PageDecode }).decode!;

/**
 * The threshold by enumeration, written from the formula of pageThreshold.ts's header and not from its code: each
 * candidate's kept set and expectations computed from scratch, the best value (the lowest candidate of equal ones).
 */
function enumerated(p: number[], w: number[], d: PageDecode, fallback: number): number {
  const q = p.map((x) => 1 / (1 + Math.exp(-(d.a * Math.log(x / (1 - x)) + d.b))));
  const own = p.map((_, j) => w[j] > 0);
  const sum = (f: (j: number) => number, keep: (j: number) => boolean) => p.reduce((s, _, j) => (keep(j) ? s + f(j) : s), 0);
  const G = sum((j) => q[j] * w[j], (j) => own[j]);
  if (!(G > 0)) return fallback;
  let best = fallback, bestV = -1;
  for (let i = 0; d.lo + i * d.step <= d.hi + 1e-9; i++) {
    const t = d.lo + i * d.step;
    const kept = (j: number) => own[j] && p[j] >= t;
    const dropped = (j: number) => own[j] && !(p[j] >= t);
    const TP = sum((j) => q[j] * w[j], kept), K = sum((j) => w[j], kept);
    const WD = sum((j) => w[j], dropped), QD = sum((j) => q[j] * w[j], dropped);
    if (K <= 0) continue; // value 0: never above a candidate that keeps something
    const pi = WD > 0 ? Math.min(1, QD / WD) : 0;
    const block = TP > 0 ? (pi * TP) / (TP + WD) + (1 - pi) : 0;
    const v = TP / K + (1 - d.mu) * (TP / G) + d.mu * block;
    if (v > bestV + 1e-9) { bestV = v; best = t; }
  }
  return best;
}

/** A page from groups of [lines, probability, words]: the probabilities and the weights (words + 1). */
function page(groups: [number, number, number][]): { p: number[]; w: number[] } {
  const p: number[] = [], w: number[] = [];
  for (const [n, pp, words] of groups) for (let i = 0; i < n; i++) { p.push(pp); w.push(words + 1); }
  return { p, w };
}

test('the shipped model decides with a threshold per page', () => {
  assert.ok(shipped, 'weights.json has decode');
  assert.ok(shipped.lo < shipped.hi && shipped.step > 0 && shipped.mu >= 0 && shipped.mu <= 1);
});

test('pageThreshold equals the enumeration of every candidate on random pages (ties, p of 0 and 1, weight 0)', () => {
  let seed = 20261128;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const params: PageDecode[] = [shipped, { a: 1, b: 0, mu: 0, lo: 0.2, hi: 0.7, step: 0.025 }, { a: 0.5, b: 0.3, mu: 1, lo: 0.05, hi: 0.95, step: 0.1 }];
  let differentFromFallback = 0;
  for (let c = 0; c < 600; c++) {
    const d = params[c % params.length];
    const n = 1 + Math.floor(rnd() * 60);
    const p: number[] = [], w: number[] = [];
    for (let j = 0; j < n; j++) {
      const r = rnd();
      // some probabilities exactly on a candidate, some 0 or 1, the rest anywhere
      p.push(r < 0.15 ? d.lo + Math.floor(rnd() * 5) * d.step : r < 0.2 ? 0 : r < 0.25 ? 1 : rnd());
      w.push(rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 30));
    }
    const fast = pageThreshold(p, w, d, 0.4);
    assert.equal(fast, enumerated(p, w, d, 0.4), `case ${c}: p ${p.map((x) => x.toFixed(3)).join(' ')} w ${w.join(' ')}`);
    if (fast !== 0.4) differentFromFallback++;
  }
  assert.ok(differentFromFallback > 300, `${differentFromFallback} of 600 cases away from the fallback`);
});

test('no line decided by the model, or none with a chance of being article: the fixed threshold', () => {
  assert.equal(pageThreshold([0.9, 0.8], [0, 0], shipped, 0.4), 0.4);
  assert.equal(pageThreshold([0, 0, 0], [5, 6, 7], shipped, 0.4), 0.4);
  assert.equal(pageThreshold([], [], shipped, 0.4), 0.4);
});

test('a long article beside a list the model is unsure about: the list is dropped', () => {
  // ten prose lines of 20 words at 0.95, fifteen headlines of 6 words at 0.33
  const { p, w } = page([[10, 0.95, 20], [15, 0.33, 6]]);
  const t = pageThreshold(p, w, shipped, 0.4);
  assert.ok(t > 0.33 && t <= 0.95, String(t));
});

test('a page of uncertain lines only (a listing, a catalogue): they are kept, not emptied at the fixed threshold', () => {
  const { p, w } = page([[25, 0.35, 8], [20, 0.05, 2]]);
  const t = pageThreshold(p, w, shipped, 0.4);
  assert.ok(t <= 0.35 && t > 0.05, String(t));
});

test('next to a long article the page asks more of a doubtful line than the fixed 0.4, on a listing less', () => {
  // four lines of 12 words beside ten prose lines at 0.95 and thirty short noise lines at 0.05
  const beside = (x: number) => { const { p, w } = page([[10, 0.95, 20], [4, x, 12], [30, 0.05, 2]]); return pageThreshold(p, w, shipped, 0.4); };
  assert.ok(beside(0.42) > 0.42, `0.42: ${beside(0.42)}`); // dropped (kept at the fixed 0.4)
  assert.ok(beside(0.45) <= 0.45, `0.45: ${beside(0.45)}`); // kept
  assert.ok(beside(0.32) > 0.32, `0.32: ${beside(0.32)}`); // dropped
  // the same four lines on a page without a confident article (a listing of 25 such lines): kept
  const { p, w } = page([[25, 0.32, 12], [30, 0.05, 2]]);
  assert.ok(pageThreshold(p, w, shipped, 0.4) <= 0.32);
});

test('the block estimate of the recall is what drops the list: with lines taken as independent it is kept', () => {
  const { p, w } = page([[10, 0.95, 20], [15, 0.33, 6]]);
  assert.ok(pageThreshold(p, w, { ...shipped, mu: 0 }, 0.4) <= 0.33);
  assert.ok(pageThreshold(p, w, { ...shipped, mu: 1 }, 0.4) > 0.33);
});

test('a site-template line is decided by the fixed threshold, not the page threshold (short pages of one site)', () => {
  // Short pages: three article sentences, the site's widgets, and one prose line that repeats in every dump. On such a
  // page the threshold goes low (little text, the model unsure about most of it); the template line has ~0.16 and
  // would be kept at that threshold (it was, before the rule, in the editor's Clean All Dumps test).
  const TEMPLATE = 'Readers of the Riverton Courier can find more of our reporting on the city council in the weekly print edition.';
  const topics = ['the harbour', 'the rail depot', 'the library', 'the market hall', 'the stadium', 'the school board'];
  const dumps = topics.map((t, i) => [
    `Council Votes on the Future of ${t.slice(4)} After Long Debate ${i}`, '', '[ad_1]', 'Share on Facebook', 'Get short URL', '',
    `The city council voted on Tuesday to spend more money on ${t} after a debate that lasted well into the evening, officials said.`, '',
    TEMPLATE, '',
    `Supporters of the plan for ${t} argued that the investment would pay for itself within a decade, while critics warned about the costs.`, '',
    `\u201cWe have waited for this decision on ${t} for years, and the people of Riverton deserve it,\u201d said councillor Maria Lopez.`, '',
    '[ad_2]', 'Source link', 'Leave a Reply', 'Log In', 'Forgot password?', 'Privacy Policy', '',
  ].join('\n'));
  const templates = buildTemplateIndex(dumps);
  for (const d of dumps) {
    const a = analyze(d, { entities: false, quotes: false, templates });
    const line = a.lines.find((l) => d.slice(l.start, l.end) === TEMPLATE)!;
    assert.deepEqual([line.label, line.reason], ['boilerplate', 'template']);
    const kept = a.lines.filter((l) => l.label === 'article').map((l) => d.slice(l.start, l.end));
    assert.ok(kept.filter((t) => t.endsWith('.')).length >= 3, kept.join(' | '));
  }
});

test('the detail of a line the model dropped gives its score and the cut-off of its page, the score below it', () => {
  assert.equal(scoreBelow(0.2219, 0.225, true), "article score 0.221 < this page's cut-off 0.225");
  assert.equal(scoreBelow(0.31, 0.45000000000000007, true), "article score 0.310 < this page's cut-off 0.45");
  assert.equal(scoreBelow(0.05, 0.4, false), 'article score 0.050 < cut-off 0.4');
  // rounding never shows the score at or above the cut-off (0.4 + 0.025 is 0.42500000000000004)
  assert.equal(scoreBelow(0.425, 0.4 + 0.025, true), "article score 0.424 < this page's cut-off 0.425");
  assert.equal(scoreBelow(0.69999, 0.7, true), "article score 0.699 < this page's cut-off 0.7");
  assert.equal(scoreBelow(0, 0.1, true), "article score 0.000 < this page's cut-off 0.1");
  assert.equal(scoreBelow(0.0999, 0.1, false), 'article score 0.099 < cut-off 0.1');

  // On a page: every line the model dropped names the same cut-off, each score is below it, and the cut-off is one of
  // the page thresholds (a step of 0.025 in [lo, hi]); the lines a rule decided have no score.
  const text = [
    'Harbour Plan Approved After Long Debate', '', 'Riverton Courier', 'Council agenda', 'Road closures', 'Harbour works', 'Letters to the editor', '',
    'The city council voted on Tuesday to spend more money on the harbour after a debate that lasted well into the evening, officials said.', '',
    'Supporters of the plan argued that the investment would pay for itself within a decade, while critics warned about the rising costs.', '',
    '\u201cWe have waited for this decision for years, and the people of Riverton deserve it,\u201d said councillor Maria Lopez on Tuesday.', '',
    'Share on Facebook', 'Ferry timetable', 'Parking permits', 'Riverton in pictures', 'Council agenda archive', '',
  ].join('\n');
  const a = analyze(text, { entities: false, quotes: false });
  const scored = a.lines.filter((l) => /^article score /.test((l.detail ?? '').split('; ').pop()!));
  assert.ok(scored.length >= 4, JSON.stringify(a.lines.map((l) => [l.reason, l.detail])));
  const cut = new Set<string>();
  for (const l of scored) {
    assert.ok(['low-prose', 'short-fragment', 'outside-body'].includes(l.reason), l.reason);
    const m = /article score (\d\.\d{3}) < this page's cut-off (\d\.\d+)$/.exec(l.detail!)!;
    assert.ok(m, l.detail);
    assert.ok(Number(m[1]) < Number(m[2]), l.detail);
    cut.add(m[2]);
  }
  assert.equal(cut.size, 1, [...cut].join(', '));
  const t = Number([...cut][0]);
  assert.ok(t >= shipped.lo - 1e-9 && t <= shipped.hi + 1e-9 && Math.abs(Math.round((t - shipped.lo) / shipped.step) * shipped.step + shipped.lo - t) < 1e-9, String(t));
  for (const l of a.lines) if (l.reason === 'widget-phrase' || l.reason === 'ad-marker') assert.ok(!/article score/.test(l.detail ?? ''), l.detail);
});
