/**
 * Dumps that keep their links' addresses (src/core/boilerplate/links.ts, and their cases in unwrap.ts): Markdown,
 * lynx's numbered references, html-to-text's bracketed addresses. The view the classifier reads, that plain dumps have
 * none, that a dump laid out as such a converter would write it (also wrapped, as html2text, lynx and html-to-text do
 * by default) is cleaned like the plain dump, user keep lines, clean(clean(x)) == clean(x), and the incremental
 * analyser through edits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyze, clean, splitLines } from '../../src/core';
import { linkView, linkStyles, plainLine, MARKDOWN, LYNX, HREFS, SETEXT_OUT } from '../../src/core/boilerplate/links';
import { findWraps } from '../../src/core/boilerplate/unwrap';
import { checkRandomEdits } from '../random-edits';
import { readableSpan } from '../../src/core/boilerplate/links';
import { toMarkdown, toLynx, toHrefs, LINKED_PAGE } from '../markdown-text';
import { wrapText } from '../wrap-text';

const FIXTURES = ['test/fixtures/sputnik-antonov.txt', ...readdirSync('test/fixtures/boilerplate').filter((f) => f.endsWith('.txt') && !f.includes('wrapped')).map((f) => `test/fixtures/boilerplate/${f}`)];
const read = (f: string) => readFileSync(f, 'utf8').replace(/\r\n?/g, '\n');
const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
/** A cleaned Markdown text without its link marks (clean() keeps or drops lines; the marks are not its choice). */
const unlink = (s: string) => s.replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1').replace(/\[\d+\]/g, '').replace(/\s?\[https?:\/\/[^\]\s]*\]/g, '');
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

test('linkView: plain dumps have none (every fixture of each corpus), nor a text with one chance "](" or lynx\'s "#" bullets', () => {
  for (const f of [...FIXTURES, ...readdirSync('test/fixtures/properties').map((x) => `test/fixtures/properties/${x}`)]) {
    const t = readFileSync(f, 'utf8');
    assert.equal(linkView(t, splitLines(t)), null, f);
  }
  const lynx = 'Blog\n\n   # Posted by Dave on 5/6/05; 7:40:29 AM\n   # Posted by Dave on 5/5/05\n\nA note [see](below).\n';
  assert.equal(linkView(lynx, splitLines(lynx)), null);
});

test('linkStyles: Markdown, lynx and html-to-text links are recognised; subscripts, citations and a cited address are not', () => {
  const fixture = read('test/fixtures/sputnik-antonov.txt');
  assert.equal(linkStyles(toMarkdown(fixture)), MARKDOWN);
  assert.equal(linkStyles(toLynx(fixture)), LYNX);
  assert.equal(linkStyles(toHrefs(fixture)), HREFS);
  // lynx writes subscripts in brackets (C[6]H[6]); papers cite [1], [2]; a page may cite a bare [https://…]
  const science = 'Benzene, C[6]H[6], and C[7]H[6]O[2] were named [6]annulene later.\nSee [1], [2] and [3].\nReferences\n\n[https://example.org/a] OpenURL\n[https://example.org/b] OpenURL\n';
  assert.equal(linkStyles(science), 0);
  for (const f of [...FIXTURES, ...readdirSync('test/fixtures/properties').map((x) => `test/fixtures/properties/${x}`)]) assert.equal(linkStyles(readFileSync(f, 'utf8')), 0, f);
});

test('a lynx dump cleaned already (its References list gone) is still read as lynx: its numbers rise', () => {
  const t = toLynx(read('test/fixtures/boilerplate/l3s-gn1-443b6e83.txt'));
  const once = clean(t, analyze(t, opts));
  assert.ok(!once.includes('References'));
  assert.ok((once.match(/\[\d+\]\p{L}/gu) ?? []).length >= 5, 'the cleaned text keeps link numbers');
  assert.equal(linkStyles(once), LYNX);
  const a = analyze(once);
  assert.ok(a.entities.length > 0 && a.entities.every((e) => !/\[\d/.test(e.text)), a.entities.map((e) => e.text).join(', '));
  // numbers that do not rise (footnote marks reused, a table) are not lynx's
  assert.equal(linkStyles('[3]One and [2]two and [5]three and [1]four and [9]five and [4]six.'), 0);
});

test('plainLine in lynx and html-to-text styles: link numbers and addresses left out, a reference line read as its address', () => {
  assert.equal(plainLine('   * [12]Home', LYNX), '   * Home');
  assert.equal(plainLine('No one [68]was hurt in the crash.', LYNX), 'No one was hurt in the crash.');
  assert.equal(plainLine('  12. https://www.example.com/section/home/', LYNX), 'https://www.example.com/section/home/');
  assert.equal(plainLine('Benzene, C[6]H[6], is stable.', LYNX), 'Benzene, C[6]H[6], is stable.');
  assert.equal(plainLine(' * Nation [https://www.example.com/section/nation/]', HREFS), ' * Nation');
  assert.equal(plainLine('Sabbatini is trailed by Jerry Kelly [https://x.com/jk.html] and others.', HREFS), 'Sabbatini is trailed by Jerry Kelly and others.');
  // Markdown marks stay as they are when the dump is read in another style
  assert.equal(plainLine('* [Home](https://example.com/)', HREFS), '* [Home](https://example.com/)');
});

test('lynx: the References list is boilerplate (link-list), the article as in the plain dump', () => {
  const plain = read('test/fixtures/boilerplate/l3s-gn1-443b6e83.txt');
  const t = toLynx(plain);
  const a = analyze(t, opts);
  const at = t.split('\n').indexOf('References');
  assert.ok(at > 0);
  const list = a.lines.filter((l) => l.line >= at && l.label !== 'blank');
  assert.ok(list.length > 10, `${list.length} lines from References on`);
  for (const l of list) assert.deepEqual([l.label, l.reason], ['boilerplate', 'link-list'], t.slice(l.start, l.end));
  const p = analyze(plain, opts);
  for (let i = 0; i < Math.min(at, p.lines.length); i++) assert.equal(a.lines[i].label === 'article', p.lines[i].label === 'article', `line ${i}: ${t.split('\n')[i]}`);
});

test('lynx: every References list is left out of the view; a "References" line without addresses after it is a line like any other', () => {
  const t = [
    'Intro with [1]links and [2]more and [3]marks here.', 'References', '', '   1. https://a.example/x', '   2. https://a.example/y',
    'Next page [4]text.', 'References', 'Smith, John. 2001. A citation in prose.', 'Last [5]page.', 'References', '  ',
    '   3. https://b.example/z', 'Footer', '   4. https://b.example/w', '',
  ].join('\n');
  assert.equal(linkStyles(t), LYNX);
  const v = linkView(t, splitLines(t));
  assert.ok(v);
  const out = [...v.of].flatMap((k, i) => (k < 0 ? [i] : []));
  // both lists with their headings (a line of spaces between heading and list reads as blank); the "References" line
  // that prose follows stays; after the last list, every numbered address (the footer line stays)
  assert.deepEqual(out, [1, 3, 4, 9, 11, 13]);
});

test("lynx pages joined into one file: each page's References list is labelled as when the page is alone", () => {
  // (Only the file's last References line used to be left out of the view: the others were read as lines of the
  // page, and the cleaned text of a file read page by page, whose lists are gone, lost one more "References" line in
  // each settle round; a 14 MB concatenation never settled, see BENCHMARKS.md.)
  const files = readdirSync('test/fixtures/boilerplate').filter((f) => f.endsWith('.txt') && !f.includes('wrapped')).slice(0, 6);
  const pages = files.map((f) => toLynx(read(`test/fixtures/boilerplate/${f}`)));
  const refs = (text: string) => {
    const tl = text.split('\n');
    return analyze(text, opts).lines.filter((l) => tl[l.line] === 'References').map((l) => `${l.label}/${l.reason}`);
  };
  const alone = pages.flatMap(refs);
  assert.ok(alone.length >= 3, `${alone.length} References lists`);
  assert.deepEqual(refs(pages.join('\n\n')), alone);
});

test('linkView: one line per input line, blocked lines as they are', () => {
  const t = '# Title\r\n\r\n* [Home](https://example.com/)\r\n* [News](https://example.com/news/)\r\nText with **bold** words.\r\n';
  const raw = splitLines(t);
  const v = linkView(t, raw, (i) => i === 3);
  assert.ok(v);
  assert.deepEqual(v.raw.map((r) => v.text.slice(r.start, r.end)), ['Title', '', '* Home', '* [News](https://example.com/news/)', 'Text with bold words.', '']);
});

test('a dump written by a converter that keeps links (Markdown, lynx, html-to-text; also wrapped as they wrap by default) is cleaned like the plain dump', () => {
  // The plain fixtures' cleaned words against their linked layouts' (link marks removed). Without the view the
  // Markdown layout changed the cleaned text of every one of these fixtures (menus kept, links cut).
  const layouts: [string, (t: string) => string][] = [
    ['markdown', toMarkdown], ['markdown wrapped at 78', (t) => wrapText(toMarkdown(t), 78)],
    ['lynx', toLynx], ['lynx wrapped at 76', (t) => wrapText(toLynx(t), 76)],
    ['html-to-text', toHrefs], ['html-to-text wrapped at 80', (t) => wrapText(toHrefs(t), 80)],
  ];
  for (const [layout, make] of layouts) {
    let equal = 0, plainChars = 0, diff = 0;
    for (const f of FIXTURES) {
      const t = read(f);
      const m = make(t);
      const plain = words(clean(t, analyze(t, opts)));
      const md = words(unlink(clean(m, analyze(m, opts))));
      if (plain === md) equal++;
      plainChars += plain.length;
      diff += Math.abs(md.length - plain.length);
      // what differs is a short line or a headline (the short l3s page loses most: 533 -> 352 characters at worst)
      assert.ok(Math.abs(md.length - plain.length) <= 0.4 * plain.length, `${layout} ${f}: ${md.length} vs ${plain.length} characters`);
    }
    assert.ok(equal >= 3, `${layout}: ${equal} of ${FIXTURES.length} fixtures cleaned alike`);
    assert.ok(diff <= 0.05 * plainChars, `${layout}: ${diff} of ${plainChars} cleaned characters differ`);
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
  checkRandomEdits(toMarkdown(read('test/fixtures/boilerplate/cleanportaleval-wsj-brussels-10.txt')), { entities: true, quotes: true }, {
    seed: 7, edits: 12, maxDelete: 30, deleteShare: 0.4,
    inserts: ['[Share](https://example.com/share)', '\n', ' word', '](', '# ', '**', '\n\n* [Sport](https://example.com/sport/)\n', ''],
  });
});

test('incremental analysis of lynx pages joined into one file equals a full analysis after edits that add and break References lists', () => {
  const files = readdirSync('test/fixtures/boilerplate').filter((f) => f.endsWith('.txt') && !f.includes('wrapped')).slice(0, 4);
  checkRandomEdits(files.map((f) => toLynx(read(`test/fixtures/boilerplate/${f}`))).join('\n\n'), opts, {
    seed: 11, edits: 14, maxDelete: 40, deleteShare: 0.4,
    inserts: ['\nReferences\n', '\nReferences\n\n   7. https://example.com/a\n', '   8. https://example.com/b\n', '\n', ' word', 'x', ''],
  });
});

test('quotes and entities of a Markdown dump: names inside links are found whole, span texts are the input\'s, readableSpan reads them without the marks', () => {
  const t = LINKED_PAGE;
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
  // the headline (line 0) is article, as in the corpora's gold (it was dropped before the page threshold)
  assert.deepEqual(a.lines.filter((l) => l.label === 'article').map((l) => l.line), [0, 5, 7, 9]);
});

test('readableSpan: line breaks as spaces, Markdown link marks left out (also of a link cut by the span), other brackets kept', () => {
  assert.equal(readableSpan('Jane Smith](https://example.com/p/j), the mayor of [Springfield'), 'Jane Smith, the mayor of Springfield');
  assert.equal(readableSpan('“We got a [huge\nboost](https://x.com/a.html) today,”'), '“We got a huge boost today,”');
  assert.equal(readableSpan('[Barack Obama](https://en.wikipedia.org/wiki/Obama_(x)) said'), 'Barack Obama said');
  assert.equal(readableSpan('He said [sic] it'), 'He said [sic] it');
  assert.equal(readableSpan('a line\r\n  broken'), 'a line broken');
  assert.equal(readableSpan('[12]Jane Smith, the mayor of [13]Springfield'), 'Jane Smith, the mayor of Springfield');
  assert.equal(readableSpan('Jane Smith [https://example.com/j], the mayor'), 'Jane Smith, the mayor');
  assert.equal(readableSpan('C[6]H[6] and [sic]'), 'C[6]H[6] and [sic]');
});

test('linkView: a Markdown dump\'s setext underlines are left out of the view (SETEXT_OUT); a rule after a blank line and a dump without Markdown links keep theirs', () => {
  const t = ['[Home](https://example.com/) [News](https://example.com/news)', 'Ferry fares to rise', '===================', '', 'Why now', '-------', 'Text.', '', '---', 'More [text](https://example.com/x).', ''].join('\n');
  const v = linkView(t, splitLines(t));
  assert.ok(v);
  assert.deepEqual([...v.of].flatMap((k, i) => (k < 0 ? [[i, k]] : [])), [[2, SETEXT_OUT], [5, SETEXT_OUT]]);
  const plain = 'Ferry fares to rise\n===================\n\nText.\n';
  assert.equal(linkView(plain, splitLines(plain)), null);
});
