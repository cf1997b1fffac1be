/**
 * The classifier's speed-ups must not change what it computes:
 *  - the widget regexes built with groupByFirstChar accept exactly what the plain alternations accept;
 *  - the copyright/credit hints taken from character classes still find their words in any case and position;
 *  - duplicates found through key signatures / key numbers (settle rounds) equal a plain Set of the keys;
 *  - the boosted trees over recomputed rows (addBoostRows) add the same leaf values as boostLogit;
 *  - the character loop reads words the same in flat and in concatenated (cons) strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { WIDGET_WORDS, WIDGET_SENTENCE_PHRASES, WIDGET_LINE, WIDGET_SENTENCE, STAFF_BYLINE, JOB_TITLE, URL_LINE, groupByFirstChar } from '../../src/core/boilerplate/phrases';
import { widgetSentenceFirstWords, jobEnd } from '../../src/core/boilerplate/features';
import { lineFeatures, lineFeaturesAt, classifyLines, Stage1Doc, Stage2Doc, addBoostRows, boostLogit, STAGE1_NAMES, STAGE2_EXTRA, type LineFeatures } from '../../src/core/boilerplate';
import { splitLines } from '../../src/core/lines';

const fx = (name: string) => readFileSync(`test/fixtures/${name}`, 'utf8');

test('groupByFirstChar: same language as the plain alternation (widget lines and sentences)', () => {
  assert.equal(groupByFirstChar(['share', 'shares?', 'short url', '\\d+ comments?', 'a+', 'tweet']), 's(?:hare|hares?|hort url)|tweet|\\d+ comments?|a+');
  const plainLine = new RegExp('^[\\s\\W_]{0,3}(?:' + WIDGET_WORDS.join('|') + ')(?:\\s*\\(?\\d+\\)?)?[\\s\\W_]{0,3}$');
  const plainSentence = new RegExp(WIDGET_SENTENCE_PHRASES.join('|'));
  const plain = [...WIDGET_WORDS, ...WIDGET_SENTENCE_PHRASES].map((p) => p.replace(/\\d\+/g, '12').replace(/\\s\??/g, ' ').replace(/[()?\\|+]/g, ''));
  const inputs: string[] = [];
  for (const s of plain) for (const w of [s, '» ' + s, s + ' (3)', s + ':', 'x' + s, s + 'x', '12 ' + s, 'a ' + s + ' b', s.slice(1), s.slice(0, -1), s.toUpperCase()]) inputs.push(w);
  for (let i = 0; i < plain.length; i++) inputs.push(plain[i].slice(0, 5) + ' ' + plain[(i * 7) % plain.length]);
  let lines = 0, sentences = 0;
  for (const x of inputs) {
    const l = plainLine.test(x), s = plainSentence.test(x);
    assert.equal(WIDGET_LINE.test(x), l, JSON.stringify(x));
    assert.equal(WIDGET_SENTENCE.test(x), s, JSON.stringify(x));
    if (l) lines++;
    if (s) sentences++;
  }
  assert.ok(lines > 300 && sentences > 100, `${lines} widget lines, ${sentences} widget sentences among the inputs`);
});

test('widget sentences are tried where a first word of theirs starts: every phrase is found after prose, after many trigger words, and with its first word in each form', () => {
  // the per-word sticky regular expressions (features.ts widgetSentence) against the whole alternation
  const plainSentence = new RegExp(WIDGET_SENTENCE_PHRASES.join('|'));
  // each phrase written out: a group's first alternative, wildcards as a word, optional marks dropped
  const forms = WIDGET_SENTENCE_PHRASES.map((p) => {
    let f = p.replace(/\\W\*\$/g, '').replace(/\$/g, '');
    for (let k = 0; k < 4; k++) f = f.replace(/\(([^()|]*)(?:\|[^()]*)?\)\??/g, '$1');
    return f.replace(/\\d\+/g, '12').replace(/\\d/g, '5').replace(/\\s[*?]?/g, ' ').replace(/\.\{\d+,\d+\}|\\[Sw]\+|\[\\w \]\{\d+,\d+\}/g, 'word')
      .replace(/\\\./g, '.').replace(/\?/g, '').replace(/ +/g, ' ').trim();
  });
  let found = 0;
  for (const f of forms) {
    for (const x of ['Readers told us that ' + f, 'The and this by be are have you all your we do get, then ' + f,
      'the '.repeat(20) + f /* more trigger words than the line records: the whole alternation */]) {
      if (!plainSentence.test(x.toLowerCase()) || x.length > 300) continue;
      assert.equal(lineFeatures(x).rule, 'widget-phrase', JSON.stringify(x));
      found++;
    }
  }
  assert.ok(found > 300, `${found} lines`);
  // the first word's optional letters and groups: each form is a trigger word of its own
  assert.deepEqual(widgetSentenceFirstWords('min(ute)?s? read\\W*$').sort(), ['min', 'mins', 'minute', 'minutes']);
  assert.deepEqual(widgetSentenceFirstWords('comments? (are|is) closed').sort(), ['comment', 'comments']);
  assert.deepEqual(widgetSentenceFirstWords('log ?in to (post|leave|comment)').sort(), ['log', 'login']);
  assert.deepEqual(widgetSentenceFirstWords('réservée? aux abonnés\\W*$').sort(), ['réservé', 'réservée']);
  for (const x of ['It is a 5 minutes read', 'Reading: 12 mins read', 'Login to post a comment']) assert.equal(lineFeatures(x).rule, 'widget-phrase', x);
  // a line whose lower-casing changes its length (İ): the positions do not line up, the whole alternation is tried
  assert.equal(lineFeatures('İstanbul bureau: all rights reserved').rule, 'widget-phrase');
  // a capital inside a word: spans a converter glued together, the phrase may start inside the word
  assert.equal(lineFeatures('BREAKINGYour email address will not be published').rule, 'widget-phrase');
  // a phrase of more words than a whole-line widget may have: a widget sentence (it could never match as a widget line)
  assert.equal(lineFeatures('Copy/paste the article video embed link below:').rule, 'widget-phrase');
  // not inside a word, not a first word of another form
  assert.equal(lineFeatures('He said the ministry would follow user-generated trends').rule, null);
});

test('jobEnd lets through every line STAFF_BYLINE or JOB_TITLE accepts (their prefilter)', () => {
  const names = ['Sarah Marsh', 'Patrick Wintour,', 'JANE DOE', 'Mary J. Blige', 'Jane Smith and John Doe', 'Priya Raman'];
  const jobs = ['Correspondent', 'correspondent', 'CORRESPONDENT', 'Reporter', 'reporter', 'REPORTER', 'Editor', 'editor', 'EDITOR',
    'Writer', 'writer', 'WRITER', 'Columnist', 'columnist', 'COLUMNIST', 'Journalist', 'journalist', 'JOURNALIST'];
  let accepted = 0;
  for (const name of names) for (const mid of ['', ' Social affairs', ' Diplomatic', ' Staff', ' Senior political']) for (const job of jobs)
    for (const tail of ['', 's', ' @janedoe', 's @jd_news', ' @x']) for (const line of [`${name}${mid} ${job}${tail}`, `Technology ${job}${tail}`, `Chief ${job}${tail}`]) {
      const yes = STAFF_BYLINE.test(line) || JOB_TITLE.test(line);
      if (yes) accepted++;
      if (yes) assert.ok(jobEnd(line.toLowerCase()), line);
    }
  assert.ok(accepted > 500, `${accepted} accepted`);
  for (const line of ['Sarah Marsh Social affairs correspondent', 'Technology reporter @techdesk']) assert.ok(jobEnd(line.toLowerCase()), line);
  for (const line of ['Home News Sport', 'Sign in', 'Reporters without borders said', 'Editor’s picks']) assert.ok(!jobEnd(line.toLowerCase()), line);
  // the rules still read the lines the regular expressions accept
  assert.equal(lineFeatures('Sarah Marsh Social affairs correspondent').meta, 'byline');
  assert.equal(lineFeatures('Technology reporter').meta, 'byline');
});

test('URL_LINE matches only lines holding a full stop or a colon (the rule tries it only then)', () => {
  const parts = ['http', 'https', '//', 'www', 'example', 'com', '@', 'mail', 'jpg', 'png', 'pdf', '/', '-', '_', 'x', '1', ' ', '．', '：'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 12 }), (xs) => {
    const line = xs.join('');
    assert.equal(URL_LINE.test(line), false, line);
  }), { numRuns: 3000, seed: 20261130 });
  for (const x of ['https://example.com/page', 'www.example.org', 'info@example.com', 'logo.gif', 'photo.JPG', 'report.pdf']) assert.equal(lineFeatures(x).rule, 'url', x);
  for (const x of ['Home', 'wwwexamplecom', 'info@examplecom']) assert.equal(lineFeatures(x).rule === 'url', false, x);
});

test('copyright and credit hints: found in any case, at any position, also inside words', () => {
  // expected values: those of the classifier before the hints used character classes
  for (const l of ['Copyright 2020 Example Media', 'COPYRIGHT 2019 EXAMPLE', '(C) 2021 Example', '© Example 2020', 'All text xcopyright 2020']) {
    assert.equal(lineFeatures(l).rule, 'copyright', l);
  }
  assert.equal(lineFeatures('text (c) 2020').rule, null); // "(c)" only counts at the start
  for (const l of ['Photo: Jane Doe/Getty Images', 'GETTY IMAGES', 'Associated Press', 'John Smith (AP Photo)']) {
    assert.equal(lineFeatures(l).meta, 'photo-credit', l);
  }
  // (a credit alone with a spaced slash is one: "Jean-Philippe Ksiazek / AFP", Le Figaro)
  assert.equal(lineFeatures('Jane Doe / REUTERS').meta, 'photo-credit');
  assert.equal(lineFeatures('Jane Doe and REUTERS').meta, null);
});

test('duplicates and settle rounds: the same labels as a text classified line by line in a fresh copy', () => {
  const text = fx('boilerplate/l3s-gn1-443b6e83.txt') + '\n' + fx('boilerplate/cleaneval-final-145-head.txt');
  const doubled = text + '\n\n' + text; // every key twice: the Set path of the signature table
  for (const t of [text, doubled, '\ufeff' + doubled, doubled.replace(/\n/g, '\r\n')]) {
    const raw = splitLines(t);
    const feats = raw.map((r) => lineFeatures(t.slice(r.start, r.end)));
    const nb: number[] = [];
    feats.forEach((f, i) => { if (!f.blank) nb.push(i); });
    const ctx = { templateOthers: nb.map(() => 0), templateDocs: 0 };
    const d1 = new Stage1Doc(feats, nb, ctx);
    const seen = new Set<string>();
    const want = nb.map((i) => { const d = seen.has(feats[i].key) ? 1 : 0; seen.add(feats[i].key); return d; });
    assert.deepEqual([...d1.dup], want);
    // with key numbers (the settle rounds' path)
    const ids = new Map<string, number>();
    const keyIds = nb.map((i) => ids.get(feats[i].key) ?? (ids.set(feats[i].key, ids.size), ids.size - 1));
    assert.deepEqual([...new Stage1Doc(feats, nb, ctx, keyIds).dup], want);
    // classification with and without a memo (memo: features computed once per distinct line)
    const a = classifyLines(t, raw, {});
    const b = classifyLines(t, raw, {}, new Map<string, LineFeatures>());
    assert.deepEqual(a, b);
    assert.ok(a.some((l) => l.reason === 'duplicate') || t === text);
  }
});

test('addBoostRows adds the same leaf values as boostLogit over the full stage-2 vectors', () => {
  const text = fx('boilerplate/l3s-gn1-443b6e83.txt') + '\n' + fx('boilerplate/cleaneval-final-145-head.txt');
  const raw = splitLines(text);
  const feats = raw.map((r) => lineFeatures(text.slice(r.start, r.end)));
  const nb: number[] = [];
  feats.forEach((f, i) => { if (!f.blank) nb.push(i); });
  const d1 = new Stage1Doc(feats, nb, { templateOthers: nb.map(() => 0), templateDocs: 0 });
  const z1 = Float64Array.from(nb, (_, j) => (j % 5) - 2);
  const d2 = new Stage2Doc(z1, d1.words);
  const names = [...STAGE1_NAMES, ...STAGE2_EXTRA] as string[];
  const k = (name: string) => names.indexOf(name);
  const b = { depth: 2, f: [k('log-words'), k('rel-pos'), k('in-body'), k('s1-prev3')], t: [2, 0.5, 0.5, 0.4], v: [-1, -0.5, 0.5, 1, -0.25, -2, 0.75, 0.1], gate: { centre: 0, margin: 1.5 } };
  const z = Float64Array.from(nb, (_, j) => (j % 7) - 3);
  const before = Float64Array.from(z);
  addBoostRows(b, d1, d2, z);
  const v = new Float64Array(names.length);
  let boosted = 0;
  for (let j = 0; j < nb.length; j++) {
    if (before[j] > -1.5 && before[j] < 1.5) {
      d1.row(j, v, 0);
      d2.extras(j, v, STAGE1_NAMES.length);
      assert.equal(z[j], before[j] + boostLogit(b, v), `line ${j}`);
      boosted++;
    } else assert.equal(z[j], before[j], `line ${j} outside the gate`);
  }
  assert.ok(boosted >= 5, `${boosted} lines inside the gate`);
});

test('line features: the same from a flat string, a concatenated one and offsets into a document', () => {
  const lines = ['Photo: Reuters', 'We use cookies to improve your experience on this website.', 'ÉCOLE NATIONALE', '12 Comments', 'don’t stop-it now, e-mail us at www.example.org'];
  for (const l of lines) {
    const cons = l.slice(0, 3) + l.slice(3); // a cons string for lines of 13+ characters
    const doc = 'x\n' + l + '\ny';
    assert.deepEqual(lineFeatures(cons), lineFeatures(l));
    assert.deepEqual(lineFeaturesAt(doc, 2, 2 + l.length), lineFeatures(l));
  }
});
