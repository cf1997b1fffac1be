import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, clean } from '../../src/core';

const dump = readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');

function labelOf(a: ReturnType<typeof analyze>, text: string, needle: string) {
  const l = a.lines.find((x) => text.slice(x.start, x.end).trim() === needle);
  assert.ok(l, `line not found: ${needle}`);
  return l!;
}

test('auto-blog dump: widget lines are boilerplate', () => {
  const a = analyze(dump);
  for (const s of ['[ad_1]', '[ad_2]', 'Get short URL', 'https://cdn1.img.sputniknews.com/i/logo-itemprop.png', 'Source link', 'Leave a Reply', 'Log In', 'Forgot password?', 'Privacy Policy']) {
    assert.equal(labelOf(a, dump, s).label, 'boilerplate', s);
  }
});

test('auto-blog dump: all eight article paragraphs are kept', () => {
  const a = analyze(dump);
  const paras = a.lines.filter((l) => dump.slice(l.start, l.end).length > 60);
  const starts = ['On Wednesday, Moscow', 'Russian Ambassador to the United States Anatoly', '“Russian Ambassador', 'The embassy also said', 'Russia recalled', 'On Tuesday, US', 'The Kremlin, in turn', 'Russian Deputy Foreign'];
  for (const s of starts) {
    const l = paras.find((p) => dump.slice(p.start, p.end).startsWith(s));
    assert.ok(l, s);
    assert.equal(l!.label, 'article', s);
  }
});

test('auto-blog dump: quotes and entities', () => {
  const a = analyze(dump);
  assert.ok(a.quotes.some((q) => q.text.startsWith('“Russian Ambassador to the United States A.I. Antonov')), 'embassy quote');
  assert.ok(a.quotes.some((q) => q.text.startsWith('“a killer')), 'a killer');
  assert.ok(a.entities.some((e) => e.type === 'person' && e.text === 'Anatoly Antonov'), 'Anatoly Antonov');
  assert.ok(a.entities.some((e) => e.type === 'place' && e.text === 'Moscow'), 'Moscow');
  for (const q of a.quotes) assert.equal(dump.slice(q.start, q.end), q.text);
  for (const e of a.entities) assert.equal(dump.slice(e.start, e.end), e.text);
});

test('clean keeps CRLF and collapses blank runs', () => {
  const crlf = dump.replace(/\n/g, '\r\n');
  const out = clean(crlf, analyze(crlf));
  assert.ok(out.includes('\r\n'));
  assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
  assert.ok(!out.includes('\r\n\r\n\r\n'), 'no blank runs');
  assert.ok(!out.includes('[ad_1]'));
});

test('stats.joined: a page a converter joined into one line is reported (the line, its length, the kinds of furniture); a long paragraph and the page with its lines are not', () => {
  const page = readFileSync('test/fixtures/layouts/handwritten-telegraph-layout.txt', 'utf8');
  const joined = 'Scraped 2026-11-30\n' + page.split(/\r?\n/).filter((l) => l.trim()).join(' ') + '\n';
  const j = analyze(joined, { entities: false, quotes: false }).stats.joined;
  assert.ok(j, 'reported');
  assert.equal(j!.line, 1);
  assert.equal(j!.chars, joined.split('\n')[1].length);
  assert.ok(j!.widgets >= 3);
  assert.equal(analyze(page, { entities: false, quotes: false }).stats.joined, undefined);
  const prose = 'The council voted on Thursday to approve a network of protected cycle lanes across the centre. '.repeat(60);
  assert.equal(analyze(prose + '\n', { entities: false, quotes: false }).stats.joined, undefined);
});
