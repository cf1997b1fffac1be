/**
 * Per-line features (src/core/boilerplate/features.ts) and the template key (src/core/templates.ts):
 *  - the template key of a line is exactly the classifier's LineFeatures.key (one function: lineKeyAt), also for
 *    lines over 200 characters without digits (the key ends '#<length>') and lines holding Unicode spaces
 *    (U+3000, U+FEFF, U+2028…; before, such lines could never match the folder template index); lines over 200
 *    characters are left out of the index (copies of one story in a folder);
 *  - lineFeaturesAt(text, start, end) equals lineFeatures(text.slice(start, end)) (the offsets version scans the
 *    document; the character tables are filled lazily, on first sight of a code unit);
 *  - features are a pure function of the line text (same result on the first and on later calls).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineFeatures, lineFeaturesAt, lineKey, lineKeyAt } from '../../src/core/boilerplate/features';
import { normalizeLineKey, buildTemplateIndex } from '../../src/core/templates';
import { analyze } from '../../src/core';

const COOKIE = 'We use cookies and similar technologies to recognize your repeat visits and preferences, as well as to measure ' +
  'the effectiveness of campaigns and analyze traffic. To learn more about cookies, including how to disable them, view our Cookie Policy.';

test('template key of a long line without digits equals LineFeatures.key (length kept, not folded)', () => {
  assert.ok(COOKIE.length > 200);
  const k = normalizeLineKey(COOKIE);
  assert.equal(k, lineFeatures(COOKIE).key);
  assert.ok(k.endsWith('#' + COOKIE.length), k);
  assert.equal(k.length, 200 + 1 + String(COOKIE.length).length);
  // with a digit anywhere in the line, digits are folded everywhere, the length too (the classifier's definition)
  const withDigit = COOKIE + ' 2024';
  assert.equal(normalizeLineKey(withDigit), lineFeatures(withDigit).key);
  assert.ok(normalizeLineKey(withDigit).endsWith('#0'));
});

test('template key of lines with Unicode spaces equals LineFeatures.key', () => {
  const lines = [
    'Accept\u3000all cookies', '\ufeffPrivacy Policy', 'Terms\u2028of Use', 'Log\u205fin', 'Share\u1680this', 'Read\u200bmore',
    'Sign\u2060up', 'Home\u00a0|\u00a0News', 'Menu\t\tSearch', 'two  spaces', '  Indented \u3000', '\u3000\u3000', 'Cookie\u000bPolicy',
    '\u200b Read more \u200b', '12\u3000Comments',
  ];
  for (const l of lines) {
    assert.equal(normalizeLineKey(l), lineFeatures(l).key, JSON.stringify(l));
    assert.equal(lineKey(l), lineFeatures(l).key, JSON.stringify(l));
  }
  assert.equal(normalizeLineKey('Accept\u3000all cookies'), 'accept all cookies');
  assert.equal(normalizeLineKey('\ufeffPrivacy Policy'), 'privacy policy');
  assert.equal(normalizeLineKey('\u3000\u3000'), '');
});

test('the template index holds the classifier keys of lines with Unicode spaces; lines over 200 chars are left out', () => {
  const docs = [0, 1, 2, 3].map((i) =>
    `Story ${i}\n\nThe council met on Monday and agreed a new budget for the town, officials said.\n\n${COOKIE}\n\u3000Accept\u3000all cookies\n\ufeffPrivacy  Policy\n`);
  const templates = buildTemplateIndex(docs);
  assert.equal(templates.documents, 4);
  assert.equal(templates.counts.get(lineFeatures('\u3000Accept\u3000all cookies').key), 4);
  assert.equal(templates.counts.get(lineFeatures('\ufeffPrivacy  Policy').key), 4);
  assert.equal(templates.counts.get(lineFeatures('Story 2').key), 4, 'digits folded');
  // long lines: same key as the classifier, but not counted (copies of one story would turn every paragraph into a
  // template line; see MAX_TEMPLATE_LINE in templates.ts)
  assert.equal(templates.counts.get(lineFeatures(COOKIE).key), undefined);
  const a = analyze(docs[0], { entities: false, templates });
  assert.equal(a.lines.length, docs[0].split('\n').length);
});

const unit = fc.constantFrom(
  'a', 'Z', 'é', 'É', 'ß', 'İ', 'ı', 'Σ', 'ς', 'ж', 'Ж', '東', 'ア', 'ع', '0', '7', ' ', ' ', '  ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028',
  '\u200b', '\u2060', '\u1680', '\u205f', '\u000b', '.', ',', ';', ':', '!', '?', '…', '"', '“', '”', '«', '»', "'", '’', '-', '–', '|', '·', '•', '›',
  '(', ')', '[', ']', '/', '©', 'http://', 'www.', 'the ', 'By ', 'Photo: ', 'Share', 'We use cookies ', '12 Comments', '[ad_1]', '😀', '\ud800',
);
const line = fc.array(unit, { maxLength: 80 }).map((a) => a.join(''));
const longLine = fc.tuple(line, line, line, line, line).map((a) => a.join(' ').repeat(3));

test('property: lineKey equals LineFeatures.key, and lineFeaturesAt equals lineFeatures of the slice', () => {
  fc.assert(
    fc.property(fc.oneof(line, longLine), line, line, (s, pre, post) => {
      const f = lineFeatures(s);
      assert.equal(lineKey(s), f.key);
      assert.equal(normalizeLineKey(s), f.key);
      const text = pre + '\n' + s + '\n' + post;
      const start = pre.length + 1, end = start + s.length;
      assert.deepEqual(lineFeaturesAt(text, start, end), f);
      assert.equal(lineKeyAt(text, start, end), f.key);
      // pure: a second call gives the same result
      assert.deepEqual(lineFeatures(s), f);
    }),
    { numRuns: 400, seed: 20261128 },
  );
});

test('features of a few lines (rules, meta, shares)', () => {
  assert.equal(lineFeatures('[ad_1]').rule, 'ad-marker');
  assert.equal(lineFeatures('Source link').rule, 'source-link');
  assert.equal(lineFeatures('We use cookies to improve your experience.').rule, 'widget-phrase');
  assert.equal(lineFeatures('By Jane Smith').meta, 'byline');
  assert.equal(lineFeatures('Photo: Reuters').meta, 'photo-credit');
  assert.equal(lineFeatures('12 Comments').commentHead, true);
  const f = lineFeatures('  Москва — столица России.');
  assert.equal(f.indent, 2);
  assert.equal(f.words, 3);
  assert.equal(f.endSentence, true);
  assert.equal(lineFeatures('éducation nationale').startLower, true);
  assert.equal(lineFeatures('Éducation nationale').startLower, false);
  assert.equal(lineFeatures('ÉCOLE NATIONALE').allCaps, true);
  assert.equal(lineFeatures('東京都は日本の首都です東京都は日本の首都です').words, 11); // 22 CJK letters: one word per two
  assert.equal(lineFeatures('see www.example.org').hasUrl, true);
  assert.equal(lineFeatures('1. First item').bullet, true);
  assert.equal(lineFeatures('   ').blank, true);
});
