/**
 * Big inputs from the bad-input catalogue (issue 7, item 1): a 100 MB dump, one 5 MB line, a million one-word
 * lines. Generated in memory. Entities are OFF for these (as the extension does above
 * `scrapedNews.entities.maxDocumentLength`): compromise on a 5 MB paragraph takes tens of seconds, see the
 * Reliability section of BENCHMARKS.md. Quotes stay on.
 *
 * These take tens of seconds on a shared 2-core machine, so they run in CI (CI set) or with
 * SCRAPED_NEWS_LARGE_TESTS=1, and are reported as skipped otherwise. Bounds are on CPU time
 * (process.cpuUsage), which a loaded machine does not inflate the way it inflates wall time; they are
 * "no hang" bounds, not the speed budget (bench/speed.mjs measures that).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean, scoreDump, buildTemplateIndex } from '../../src/core';
import { analysisViolations, cleanViolations } from './reliability-invariants';
import { gcFunction } from '../gc';

/** CPU milliseconds of this process (user + system): bounds on CPU time hold on a loaded shared machine too. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const RUN = !!process.env.CI || process.env.SCRAPED_NEWS_LARGE_TESTS === '1';
const skip = RUN ? false : 'large inputs: set CI=1 or SCRAPED_NEWS_LARGE_TESTS=1 to run';

/** Deterministic generator of dump-like lines: prose, menus, markers, URLs, quotes, emoji, blank runs. */
function* dumpLines(seed: number): Generator<string> {
  let x = seed >>> 0;
  const r = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % n;
  const subj = ['The minister', 'Anatoly Antonov', 'A spokesperson for the ministry', 'Officials in Geneva', 'The embassy', 'Reuters'];
  const verb = ['said on Tuesday that', 'told reporters that', 'warned that', 'added that', 'confirmed that'];
  const obj = ['the talks would continue next week', 'the decision was “unacceptable” and “dangerous”', 'sanctions would be reviewed in the spring', 'the 😀 delegation had left Moscow', 'no agreement had been reached'];
  const noise = ['[ad_1]', 'Share', 'Tweet', 'Log In', 'Forgot password?', 'Source link', 'Privacy Policy', 'https://example.com/img/logo.png', 'Menu', 'Home', 'Leave a Reply', '12 Comments'];
  for (;;) {
    const k = r(10);
    if (k < 5) yield `${subj[r(subj.length)]} ${verb[r(verb.length)]} ${obj[r(obj.length)]}, and ${subj[r(subj.length)].toLowerCase()} ${verb[r(verb.length)]} ${obj[r(obj.length)]} (item ${r(100000)}).`;
    else if (k < 8) yield noise[r(noise.length)];
    else yield '';
  }
}

function makeDump(bytes: number, eol: string): string {
  const parts: string[] = [];
  let n = 0;
  for (const l of dumpLines(7)) {
    parts.push(l);
    n += l.length + eol.length;
    if (n >= bytes) break;
  }
  return parts.join(eol);
}

test('a 100 MB dump: analysed (entities off) and cleaned within a generous bound, invariants hold', { skip }, () => {
  const text = makeDump(100 * 1024 * 1024, '\r\n');
  assert.ok(text.length >= 100 * 1024 * 1024);
  const w0 = performance.now();
  const t0 = cpu();
  const a = analyze(text, { entities: false });
  const t1 = cpu();
  const out = clean(text, a);
  const t2 = cpu();
  const wall = performance.now() - w0;
  scoreDump(text);
  buildTemplateIndex([text.slice(0, 1e6), text.slice(1e6, 2e6), text.slice(2e6, 3e6)]);
  assert.ok(t1 - t0 < 120_000, `analyze took ${(t1 - t0).toFixed(0)} ms of CPU`);
  assert.ok(t2 - t1 < 20_000, `clean took ${(t2 - t1).toFixed(0)} ms of CPU`);
  assert.deepEqual(analysisViolations(text, a), []);
  const c = cleanViolations(text, a, out);
  assert.deepEqual(c.violations, []);
  assert.equal(c.lost, 0);
  assert.equal(a.eol, '\r\n');
  console.log(`# 100 MB dump: ${a.lines.length} lines, analyze ${(t1 - t0).toFixed(0)} ms CPU, clean ${(t2 - t1).toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall`);
});

test('one 5 MB line: prose, one letter, quote marks (entities off): no hang, invariants hold', { skip }, () => {
  const sent = 'The minister said on Tuesday that “the talks in Geneva would continue,” according to Reuters 😀. ';
  const inputs: [string, string, boolean][] = [
    // quotes off for the 5 MB prose paragraph: the quote finder is super-linear in quotes per paragraph (see below)
    ['prose', sent.repeat(Math.ceil(5e6 / sent.length)), false],
    ['one letter', 'a'.repeat(5e6), true],
    ['quote marks', 'He said ' + '"'.repeat(1e6) + ' “'.repeat(1e6) + '« » „ ” ” “'.repeat(2e5), true],
  ];
  for (const [name, text, quotes] of inputs) {
    const t0 = cpu();
    const a = analyze(text, { entities: false, quotes });
    const out = clean(text, a);
    const ms = cpu() - t0;
    assert.ok(ms < 30_000, `${name}: ${ms.toFixed(0)} ms`);
    assert.equal(a.lines.length, 1);
    assert.deepEqual(analysisViolations(text, a), []);
    assert.deepEqual(cleanViolations(text, a, out).violations, []);
    console.log(`# 5 MB line (${name}, quotes ${quotes ? 'on' : 'off'}): ${ms.toFixed(0)} ms CPU, label ${a.lines[0].label}, ${a.quotes.length} quotes`);
  }
});

test('quotes on one long paragraph scale linearly: 4x the text costs < 8x the CPU (1 MB vs 4 MB)', {
  skip,
}, () => {
  const sent = 'The minister said on Tuesday that “the talks in Geneva would continue,” according to Reuters 😀. ';
  // Linear is 4x, quadratic 16x; the bound is their midpoint on a log scale (8x). The paragraph's live objects
  // (its tokens, marks, pieces) grow with it, so the scavenges copy more: a 4x text measures 3.6-5.1x here.
  // 1 MB and 4 MB, not smaller: below ~1 MB a paragraph's objects die young and cost less per byte (0.5 vs 2 MB
  // measured 4.7-6x), and a quadratic term is still small there. One pass over the quotes found so far per quote
  // (a mild quadratic) measures 8.9x and fails.
  // A full collection before each timed run: the tests before this one leave gigabytes of garbage (the 100 MB
  // dump's analysis), and a major GC of it landing inside one timed run (process CPU counts GC threads) made the
  // 2 MB run look 5-8x slower than alone. The best of three runs per size keeps the rest of the noise out.
  const gc = gcFunction();
  assert.ok(gc, 'a full GC before each timed run');
  const time = (bytes: number) => {
    const text = sent.repeat(Math.ceil(bytes / sent.length));
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      gc();
      const t0 = cpu();
      const a = analyze(text, { entities: false });
      best = Math.min(best, cpu() - t0);
      assert.ok(a.quotes.length > 0);
    }
    return best;
  };
  time(1e5); // warm-up
  const small = time(1e6);
  const big = time(4e6);
  console.log(`# one paragraph with quotes: 1 MB ${small.toFixed(0)} ms CPU, 4 MB ${big.toFixed(0)} ms CPU (x${(big / small).toFixed(1)}, best of 3 each)`);
  assert.ok(big < 8 * small, `x${(big / small).toFixed(1)}`);
});

test('a million one-word lines: analysed (entities off) and cleaned within a generous bound', { skip }, () => {
  const words = ['word', 'Menu', 'Home', 'said', 'Moscow', 'the', '[ad_1]', 'Share', 'Antonov', '😀'];
  const text = Array.from({ length: 1_000_000 }, (_, i) => words[i % words.length]).join('\n');
  const t0 = cpu();
  const a = analyze(text, { entities: false });
  const out = clean(text, a);
  const ms = cpu() - t0;
  assert.equal(a.lines.length, 1_000_000);
  assert.ok(ms < 60_000, `${ms.toFixed(0)} ms of CPU`);
  assert.deepEqual(analysisViolations(text, a), []);
  assert.deepEqual(cleanViolations(text, a, out).violations, []);
  console.log(`# a million one-word lines: ${ms.toFixed(0)} ms CPU`);
});
