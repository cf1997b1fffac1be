/**
 * Markdown dumps (src/core/boilerplate/markdown.ts, and the Markdown cases of unwrap.ts): the view the classifier
 * reads, that plain dumps have none, that a dump laid out as an HTML-to-Markdown converter would write it (also
 * wrapped at 78 columns, as html2text does by default) is cleaned like the plain dump, user keep lines, clean(clean(x))
 * == clean(x), and the incremental analyser through edits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyze, clean, splitLines } from '../../src/core';
import { markdownView, plainLine } from '../../src/core/boilerplate/markdown';
import { findWraps } from '../../src/core/boilerplate/unwrap';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { readableSpan } from '../../src/core/strings';
import { toMarkdown } from '../markdown-text';
import { wrapText } from '../wrap-text';

const FIXTURES = ['test/fixtures/sputnik-antonov.txt', ...readdirSync('test/fixtures/boilerplate').filter((f) => f.endsWith('.txt') && !f.includes('wrapped')).map((f) => `test/fixtures/boilerplate/${f}`)];
const read = (f: string) => readFileSync(f, 'utf8').replace(/\r\n?/g, '\n');
const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
/** A cleaned Markdown text without its link marks (clean() keeps or drops lines; the marks are not its choice). */
const unlink = (s: string) => s.replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1');
const opts = { entities: false, quotes: false } as const;

test('plainLine: links, images, headings and bold read as the page shows them', () => {
  assert.equal(plainLine('* [Home](https://example.com/)'), '* Home');
  assert.equal(plainLine('Read [the full report](https://example.com/a/b.html "Report") here.'), 'Read the full report here.');
  assert.equal(plainLine('See [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) now'), 'See Foo now');
  assert.equal(plainLine('![Site logo](https://example.com/logo.png)'), '[Site logo]');
  assert.equal(plainLine('[![logo](https://example.com/l.png)](https://example.com/)'), '[logo]');
  assert.equal(plainLine('## Council approves the budget ##'), 'Council approves the budget');
  assert.equal(plainLine('The **mayor** said __no__.'), 'The mayor said no.');
  assert.equal(plainLine('[x](<https://example.com/a b>)'), 'x');
  // nothing to read differently, or nothing left but marks: the line as it is
  assert.equal(plainLine('A plain line, [with brackets] and #hashtags.'), 'A plain line, [with brackets] and #hashtags.');
  assert.equal(plainLine('##'), '##');
  assert.equal(plainLine('[](https://example.com/)'), '[](https://example.com/)');
});

test('markdownView: plain dumps have none (every fixture of each corpus), nor a text with one chance "](" or lynx\'s "#" bullets', () => {
  for (const f of [...FIXTURES, ...readdirSync('test/fixtures/properties').map((x) => `test/fixtures/properties/${x}`)]) {
    const t = readFileSync(f, 'utf8');
    assert.equal(markdownView(t, splitLines(t)), null, f);
  }
  const lynx = 'Blog\n\n   # Posted by Dave on 5/6/05; 7:40:29 AM\n   # Posted by Dave on 5/5/05\n\nA note [see](below).\n';
  assert.equal(markdownView(lynx, splitLines(lynx)), null);
});

test('markdownView: one line per input line, blocked lines as they are', () => {
  const t = '# Title\r\n\r\n* [Home](https://example.com/)\r\n* [News](https://example.com/news/)\r\nText with **bold** words.\r\n';
  const raw = splitLines(t);
  const v = markdownView(t, raw, (i) => i === 3);
  assert.ok(v);
  assert.deepEqual(v.raw.map((r) => v.text.slice(r.start, r.end)), ['Title', '', '* Home', '* [News](https://example.com/news/)', 'Text with bold words.', '']);
});

test('a dump written as Markdown is cleaned like the plain dump (and wrapped at 78 columns, as html2text writes it)', () => {
  // The plain fixtures' cleaned words against their Markdown layouts' (link marks removed). Without the view the
  // Markdown layout changed the cleaned text of every one of these fixtures (menus kept, links cut).
  for (const [layout, make] of [['markdown', toMarkdown], ['markdown wrapped at 78', (t: string) => wrapText(toMarkdown(t), 78)]] as const) {
    let equal = 0;
    for (const f of FIXTURES) {
      const t = read(f);
      const m = make(t);
      const plain = words(clean(t, analyze(t, opts)));
      const md = words(unlink(clean(m, analyze(m, opts))));
      if (plain === md) equal++;
      // the one fixture that differs most is a short page (533 characters cleaned); none differs by more than a fifth
      assert.ok(Math.abs(md.length - plain.length) <= 0.2 * plain.length, `${layout} ${f}: ${md.length} vs ${plain.length} characters`);
    }
    assert.ok(equal >= FIXTURES.length - 2, `${layout}: ${equal} of ${FIXTURES.length} fixtures cleaned alike`);
  }
});

test('findWraps: a Markdown dump wrapped at 78 columns reads as wrapped; links the converter broke are joined', () => {
  for (const f of FIXTURES.filter((x) => !x.includes('handmade') && !x.includes('final-145'))) {
    const t = wrapText(toMarkdown(read(f)), 78);
    const w = findWraps(t, splitLines(t));
    assert.ok(w, f);
  }
  const para = 'The council said on Monday that the new rules would apply from next year. They will also [promote';
  const t = [
    '[Home](https://www.example.com/section/home/)', '',
    wrapText('The city council approved the new budget on Tuesday after a long debate that lasted well into the night, officials said, and the mayor welcomed the vote on the radio.', 78),
    '',
    wrapText('Critics said the plan would cut services in the poorest districts of the city while raising fees for parking, permits and the use of public swimming pools in summer.', 78),
    '',
    para.slice(para.indexOf('They')), 'film,](https://www.example.com/2008/01/10/promote-film.html) fashion and', 'lifestyle in the city.', '',
  ].join('\n');
  const raw = splitLines(t);
  const w = findWraps(t, raw);
  assert.ok(w);
  const at = raw.findIndex((r) => t.slice(r.start, r.end).endsWith('[promote'));
  assert.equal(w.joins[at], 1, 'the short line before a broken link joins the next one');
});

test('user keep lines are matched on the Markdown line as it is in the file', () => {
  const t = toMarkdown(read('test/fixtures/boilerplate/l3s-gn1-443b6e83.txt'));
  const first = analyze(t, opts);
  const i = first.lines.findIndex((l) => l.label === 'boilerplate' && t.slice(l.start, l.end).includes(']('));
  assert.ok(i >= 0);
  const line = t.slice(first.lines[i].start, first.lines[i].end);
  const kept = analyze(t, { ...opts, keepLines: [line] });
  assert.equal(kept.lines[i].label, 'article');
  assert.equal(kept.lines[i].reason, 'user-keep');
});

test('clean(clean(x)) == clean(x) on Markdown dumps, wrapped or not', () => {
  for (const f of FIXTURES) {
    for (const m of [toMarkdown(read(f)), wrapText(toMarkdown(read(f)), 78), wrapText(toMarkdown(read(f)), 72)]) {
      const once = clean(m, analyze(m, opts));
      assert.equal(clean(once, analyze(once, opts)), once, f);
    }
  }
});

test('incremental analysis of a Markdown dump equals a full analysis after random edits (quotes and entities too)', () => {
  let text = toMarkdown(read('test/fixtures/boilerplate/cleanportaleval-wsj-brussels-10.txt'));
  const full = { entities: true, quotes: true } as const;
  const inc = new IncrementalAnalyzer(full);
  inc.reset(text);
  const strip = (a: ReturnType<typeof analyze>) => ({ ...a, stats: { ...a.stats, timings: undefined } });
  assert.deepStrictEqual(strip(inc.analysis), strip(analyze(text, full)));
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const inserts = ['[Share](https://example.com/share)', '\n', ' word', '](', '# ', '**', '\n\n* [Sport](https://example.com/sport/)\n', ''];
  for (let k = 0; k < 12; k++) {
    const at = Math.floor(rnd() * text.length);
    const len = rnd() < 0.4 ? Math.min(Math.floor(rnd() * 30), text.length - at) : 0;
    const ins = inserts[Math.floor(rnd() * inserts.length)];
    text = text.slice(0, at) + ins + text.slice(at + len);
    inc.applyChanges([{ rangeOffset: at, rangeLength: len, text: ins }]);
    assert.deepStrictEqual(strip(inc.analysis), strip(analyze(text, full)), `edit ${k}`);
  }
});

test('quotes and entities of a Markdown dump: names inside links are found whole, span texts are the input\'s, readableSpan reads them without the marks', () => {
  const t = [
    '# Council approves budget', '', '* [Home](https://example.com/)', '* [News](https://example.com/news/)', '',
    'The city council approved the budget on Tuesday after a long debate, officials said.', '',
    '“We are very glad that the council agreed,” said [Jane Smith](https://example.com/people/jane-smith), the mayor of [Springfield](https://example.com/springfield).', '',
    'She thanked [Mark Jones](https://example.com/mark) and the [Springfield Chamber of Commerce](https://example.com/chamber) for their support of the plan.', '',
  ].join('\n');
  const a = analyze(t);
  const ents = a.entities.map((e) => `${e.type}:${e.text}`);
  for (const e of ['person:Jane Smith', 'place:Springfield', 'person:Mark Jones', 'organization:Springfield Chamber of Commerce']) assert.ok(ents.includes(e), `${e} in ${ents.join(', ')}`);
  assert.ok(!ents.some((e) => e.includes('](') || e.includes('https')), ents.join(', '));
  for (const e of a.entities) assert.equal(e.text, t.slice(e.start, e.end));
  assert.equal(a.quotes.length, 1);
  const q = a.quotes[0];
  assert.ok(q.speaker);
  assert.equal(q.speaker.text, t.slice(q.speaker.start, q.speaker.end));
  assert.equal(readableSpan(q.speaker.text), 'Jane Smith, the mayor of Springfield');
  // the lines are labelled as those of the same page written without Markdown
  const plain = t.replace(/^# /, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  assert.deepEqual(a.lines.map((l) => `${l.label}:${l.reason}`), analyze(plain).lines.map((l) => `${l.label}:${l.reason}`));
  assert.deepEqual(a.lines.filter((l) => l.label === 'article').map((l) => l.line), [5, 7, 9]);
});

test('readableSpan: line breaks as spaces, Markdown link marks left out (also of a link cut by the span), other brackets kept', () => {
  assert.equal(readableSpan('Jane Smith](https://example.com/p/j), the mayor of [Springfield'), 'Jane Smith, the mayor of Springfield');
  assert.equal(readableSpan('“We got a [huge\nboost](https://x.com/a.html) today,”'), '“We got a huge boost today,”');
  assert.equal(readableSpan('[Barack Obama](https://en.wikipedia.org/wiki/Obama_(x)) said'), 'Barack Obama said');
  assert.equal(readableSpan('He said [sic] it'), 'He said [sic] it');
  assert.equal(readableSpan('a line\r\n  broken'), 'a line broken');
});
