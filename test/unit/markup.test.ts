/**
 * Dumps that are HTML markup (src/core/markup.ts): detection, conversion to text lines, and cleaning through the
 * conversion (what the CLI, Clean Article and Clean All Dumps in Folder do with such a dump).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyze, clean } from '../../src/core';
import { decodeEntities, detectMarkup, looksLikeMarkup, markupToText, textOf } from '../../src/core/markup';
import { IncrementalAnalyzer, type TextChange } from '../../src/core/incremental';

const rawHtml = readFileSync('test/fixtures/l3s-raw-html.txt', 'utf8');
const rawHtmlGold = readFileSync('test/fixtures/l3s-raw-html.gold.txt', 'utf8');

const PAGE = `<!DOCTYPE html>
<html><head><title>Council approves budget &ndash; Example News</title>
<meta charset="utf-8"><link rel="stylesheet" href="/s.css">
<style>body { color: #333 } .nav > li { float: left }</style>
<script>if (a < b && c > d) { document.write("<div>not text</div>"); }</script>
</head><body>
<!-- top navigation: <p>commented out</p> -->
<ul class="nav"><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul>
<div id="main"><h1>Council approves budget</h1>
<p class="byline">By <b>Jane Smith</b></p>
<p>The city council approved the new budget on Tuesday&nbsp;after a long debate,
   which lasted well into the night.</p>
<p>&ldquo;We will not raise taxes,&rdquo; the mayor said. Costs rose 5&#37; &amp; more&#x21;<br>A second line.</p>
<table><tr><td>Cell one</td><td>Cell two</td></tr></table>
<select name="s"><option>Choose a section</option><option>Sport</option></select>
<img src="x.png" alt="photo">Caption<span> text</span> &unknown; &#xD800;
<noscript><img src="tracker.gif"></noscript>
</div></body></html>`;

test('markupToText: one line per block, inline tags joined, scripts/styles/comments/option lists dropped, references decoded', () => {
  assert.deepStrictEqual(markupToText(PAGE).split('\n'), [
    'Council approves budget – Example News',
    'Home',
    'World',
    'Council approves budget',
    'By Jane Smith',
    'The city council approved the new budget on Tuesday after a long debate, which lasted well into the night.',
    '“We will not raise taxes,” the mayor said. Costs rose 5% & more!',
    'A second line.',
    'Cell one',
    'Cell two',
    'Caption text &unknown; &#xD800;',
    '',
  ]);
});

test('markupToText: a page cut inside a script, unclosed comments and tags, and "<" that is not a tag', () => {
  // the start of a page cut inside a script (as the raw-HTML dumps of the development corpora are)
  assert.strictEqual(markupToText('var x = "<p>"; }</script><p>Text after</p>'), 'Text after\n');
  assert.strictEqual(markupToText('<p>a < b and 3<4</p><p>next'), 'a < b and 3<4\nnext\n');
  assert.strictEqual(markupToText('<p>before</p><!-- never closed <p>hidden</p>'), 'before\n');
  assert.strictEqual(markupToText('<p>before</p><div class="x'), 'before\n');
  assert.strictEqual(markupToText('<p title="a > b">quoted &gt; attribute</p>'), 'quoted > attribute\n');
  assert.strictEqual(markupToText('<script>never closed <p>hidden</p>'), '');
  assert.strictEqual(markupToText(''), '');
});

test('decodeEntities: named, decimal and hex references; unknown and invalid ones stay as they are', () => {
  assert.strictEqual(decodeEntities('Fish &amp; Chips &eacute;t&eacute; &#8220;x&#8221; &#x1F600; &nbsp;|'), 'Fish & Chips été “x” 😀  |');
  assert.strictEqual(decodeEntities('&bogus; &#0; &#x110000; &#55296; & alone'), '&bogus; &#0; &#x110000; &#55296; & alone');
});

test('detection: the raw-HTML dump is markup; text dumps, and a text that quotes some HTML, are not', () => {
  const m = detectMarkup(rawHtml);
  assert.ok(m && m.tags >= 100 && m.share > 0.6, JSON.stringify(m));
  assert.ok(looksLikeMarkup(PAGE));
  // every text fixture (the dumps of the other tests) is text
  for (const f of readdirSync('test/fixtures')) {
    if (!f.endsWith('.txt') || f.startsWith('l3s-raw-html')) continue;
    assert.strictEqual(detectMarkup(readFileSync(`test/fixtures/${f}`, 'utf8')), null, f);
  }
  // an article about HTML, with 30 tags in running text
  const article = Array.from({ length: 30 }, (_, i) => `Step ${i}: wrap the heading in <h2> and the paragraph of the tutorial page in its own element, then check how it renders in the browser window.`).join('\n');
  assert.strictEqual(detectMarkup(article), null);
  assert.strictEqual(textOf(article), article);
  assert.strictEqual(textOf(rawHtml), markupToText(rawHtml));
});

test('analysis marks a markup dump (stats.markup); a text dump has no such mark', () => {
  assert.ok(analyze(rawHtml, { entities: false }).stats.markup);
  assert.strictEqual(analyze(readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8'), { entities: false }).stats.markup, undefined);
});

/** Share of the gold's words found in `text` and of `text`'s words found in the gold (bags of lower-cased words). */
function overlap(gold: string, text: string): { recall: number; precision: number } {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const bag = (ws: string[]) => {
    const m = new Map<string, number>();
    for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const g = words(gold), t = words(text);
  const gb = bag(g), tb = bag(t);
  let common = 0;
  for (const [w, k] of gb) common += Math.min(k, tb.get(w) ?? 0);
  return { recall: common / g.length, precision: t.length ? common / t.length : 0 };
}

test('cleaning the raw-HTML dump through the conversion keeps the article and drops menus, scripts and footers', () => {
  const text = textOf(rawHtml);
  const out = clean(text, analyze(text, { entities: false }));
  for (const s of [
    'President Bush is urging OPEC nations to put more oil into the world market.',
    '"Our interest is to keep oil supplies matching demand with minimum volatility in the oil market," Oil Minister Ali Naimi told reporters.',
    'Some lawmakers fear that the technology could be used against Israel',
  ]) assert.ok(out.includes(s), s);
  // (the page's “CBN IS HERE FOR YOU!” box after the article is not in the gold; its first two lines were kept before
  // the page threshold, its other lines since: “Send us your prayer request online” is no longer in this list)
  for (const s of ['<div', 'function', 'Prayer Giving Partners', 'Email to a Friend']) assert.ok(!out.includes(s), s);
  const o = overlap(rawHtmlGold, out);
  // precision 0.814 (the box above, 5 lines), 0.917 before the page threshold: a loss on this page that the corpora's
  // gains pay for (BENCHMARKS.md, “A threshold per page”)
  assert.ok(o.recall >= 0.95 && o.precision >= 0.8, JSON.stringify(o));
  // kept whole (as before the conversion), the markup buries the article: precision is far lower
  assert.ok(overlap(rawHtmlGold, clean(rawHtml, analyze(rawHtml, { entities: false }))).precision < 0.3);
});

test('the incremental analyser keeps stats.markup equal to a full analysis through edits before and after the sample', () => {
  const opts = { entities: false, quotes: false } as const;
  let text = rawHtml.repeat(Math.ceil(250_000 / rawHtml.length)); // > 200,000 characters: edits past the sample
  const inc = new IncrementalAnalyzer(opts);
  inc.reset(text);
  const check = (what: string) => assert.deepStrictEqual(inc.analysis.stats.markup, analyze(text, opts).stats.markup, what);
  check('markup at first');
  const edits: TextChange[] = [
    { rangeOffset: text.length - 10, rangeLength: 5, text: 'plain words' }, // after the sample
    { rangeOffset: 0, rangeLength: 210_000, text: 'A plain first line.\n' }, // the sample becomes mostly text
    { rangeOffset: 0, rangeLength: 0, text: '<div><p>'.repeat(40) }, // and markup again
  ];
  for (const c of edits) {
    text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
    inc.applyChanges([c]);
    check(`after an edit at ${c.rangeOffset}`);
  }
  assert.ok(inc.analysis.stats.markup, 'the last text is markup');
});
