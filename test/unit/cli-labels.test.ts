/**
 * src/cli/labels.ts (the CLI's labels-only analysis and clean) gives exactly the core's analyzeWith + clean: the same
 * labels and reason codes, without the model's explanations (`detail`), which the CLI does not show.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeWith, clean, cleanSummary, buildTemplateIndex, decodeDump } from '../../src/core';
import { labelLines, cleanLabelled, removedLines } from '../../src/cli/labels';
import { decodeBytes } from '../../src/cli/decode';

const fixtures = [
  fs.readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8'),
  ...fs.readdirSync('test/fixtures/boilerplate').sort().map((f) => fs.readFileSync(path.join('test/fixtures/boilerplate', f), 'utf8')),
];

/** Lines without their `detail` (the CLI asks for none: AnalyzeOptions.details). */
const bare = (lines: readonly { detail?: string }[]) => lines.map(({ detail: _, ...rest }) => rest);
/** The model's explanations: a boilerplate line judged by the model has none in the CLI. */
function noExplanations(lines: readonly { label: string; reason: string; detail?: string }[]): void {
  for (const l of lines) if (l.reason === 'outside-body' || l.reason === 'low-prose' || l.reason === 'short-fragment') assert.equal(l.detail, undefined);
}

function same(text: string, opts: { patterns?: string[]; templates?: ReturnType<typeof buildTemplateIndex> | null } = {}): void {
  const a = analyzeWith(text, { entities: false, quotes: false, boilerplatePatterns: opts.patterns, templates: opts.templates });
  const l = labelLines(text, { boilerplatePatterns: opts.patterns, templates: opts.templates });
  assert.deepEqual(bare(l.lines), bare(a.lines));
  noExplanations(l.lines);
  assert.equal(l.eol, a.eol);
  assert.equal(l.bom, a.bom);
  assert.equal(cleanLabelled(text, l, false), clean(text, a));
  assert.equal(removedLines(l.lines, false), cleanSummary(a).removed);
  // with --keep-meta the CLI analyses for a clean that keeps meta (the settle step), like the core's clean()
  const am = analyzeWith(text, { entities: false, quotes: false, boilerplatePatterns: opts.patterns, templates: opts.templates, keepMeta: true });
  const lm = labelLines(text, { boilerplatePatterns: opts.patterns, templates: opts.templates, keepMeta: true });
  assert.deepEqual(bare(lm.lines), bare(am.lines));
  assert.equal(cleanLabelled(text, lm, true), clean(text, am, { keepMeta: true }));
  assert.equal(removedLines(lm.lines, true), cleanSummary(am, { keepMeta: true }).removed);
}

test('the core explains the model\'s noise lines (hovers); the CLI computes no explanation, with the same labels', () => {
  let explained = 0;
  for (const t of fixtures) {
    const a = analyzeWith(t, { entities: false, quotes: false });
    explained += a.lines.filter((l) => (l.reason === 'outside-body' || l.reason === 'low-prose' || l.reason === 'short-fragment') && l.detail).length;
    const l = labelLines(t);
    noExplanations(l.lines);
    assert.deepEqual(bare(l.lines), bare(a.lines));
  }
  assert.ok(explained >= 10, `${explained} explained lines in the core's labels`);
});

test('CLI cleaning twice equals cleaning once, with and without --keep-meta (fixtures)', () => {
  for (const t of fixtures) {
    for (const keepMeta of [false, true]) {
      const once = cleanLabelled(t, labelLines(t, { keepMeta }), keepMeta);
      assert.equal(cleanLabelled(once, labelLines(once, { keepMeta }), keepMeta), once);
    }
  }
});

test('labels and cleaned text equal the core on the fixtures (with templates, patterns, BOM, CRLF, trailing blanks)', () => {
  const tpl = buildTemplateIndex(fixtures);
  for (const t of fixtures) {
    same(t);
    same(t, { templates: tpl, patterns: ['^share'] });
    // trailing spaces/tabs/no-break spaces, a BOM, CRLF and CR line endings, no final line ending
    const messy = '\ufeff' + t.split('\n').map((s, i) => s + ['', ' ', '\t \u00a0', '   \u00a0 '][i % 4]).join(i2(t));
    same(messy);
    same(messy.replace(/\n$/, ''), { templates: tpl });
  }
});
function i2(t: string): string {
  return t.length % 2 ? '\r\n' : '\r';
}

test('cleanLabelled = core clean on random texts (blanks, BOMs, mixed line endings, whitespace runs)', () => {
  const piece = fc.constantFrom(
    'The minister said on Tuesday that the talks would continue next week in Brussels.', 'Share this', '[ad_1]',
    'Source link', 'Home | News | Sport', '', ' ', '\t', '\u00a0', '   \u00a0\t ', '\ufeff', '\ufeff  ', 'Ünïcode têxt — with “quotes”.',
    'By John Smith', 'March 3, 2020', '\r', '\n', '\r\n',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 60 }), (ps, eols) => {
      const text = ps.map((p, i) => p + eols[i % eols.length]).join('');
      same(text);
      same(text.trimEnd());
    }),
    { numRuns: 300 },
  );
});

/** decodeBytes spelled out over the core's decodeDump (the CLI must refuse exactly what would lose bytes). */
function viaCore(bytes: Uint8Array): unknown {
  try {
    const d = decodeDump(bytes);
    if (d.replacements > 0) return 'error';
    return { text: d.text, encoding: d.encoding, bom: d.bom, warnings: d.warnings };
  } catch {
    return 'error';
  }
}
const asCore = (bytes: Uint8Array) => { const d = decodeBytes(bytes); return 'error' in d ? 'error' : d; };

test('decodeBytes = the core decodeDump on fixtures, magic numbers and random bytes', () => {
  const enc = new TextEncoder();
  for (const t of fixtures) {
    assert.deepEqual(asCore(enc.encode(t)), viaCore(enc.encode(t)));
    assert.deepEqual(asCore(enc.encode('\ufeff' + t)), viaCore(enc.encode('\ufeff' + t)));
  }
  const heads = ['%PDF-1.4 text', 'GIF89a text', 'MZ text', 'BZh91', 'RIFF....', 'SQLite f', 'PK\u0003\u0004', '\u001f\u008b', '\u007fELF', 'a\u0000b\u0000c\u0000', '\ufffd\ufffd', 'x\u0007y', 'ok \u001b[0m'];
  for (const h of heads) assert.deepEqual(asCore(enc.encode(h)), viaCore(enc.encode(h)), JSON.stringify(h));
  assert.deepEqual(asCore(new Uint8Array([0x89, 0x50, 0x4e, 0x47])), viaCore(new Uint8Array([0x89, 0x50, 0x4e, 0x47])));
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => { assert.deepEqual(asCore(b), viaCore(b)); }), { numRuns: 2000 });
  const chars = fc.constantFrom('a', ' ', '\n', '\r', '\t', 'é', '€', '😀', '\u0000', '\u0001', '\u001b', '\u007f', '\ufffd', '\ufeff', '\u00a0');
  fc.assert(fc.property(fc.array(chars, { maxLength: 80 }), (cs) => {
    const b = enc.encode(cs.join(''));
    assert.deepEqual(asCore(b), viaCore(b));
  }), { numRuns: 2000 });
});
