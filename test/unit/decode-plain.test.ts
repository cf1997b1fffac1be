/**
 * The core's plain-UTF-8 fast path (src/core/decode.ts plainUtf8) gives exactly what its general path (decodeAny)
 * gives, and so do decodeDump and the CLI's decodeBytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeAny, decodeDump, plainUtf8 } from '../../src/core/decode';
import { decodeBytes } from '../../src/cli/decode';

/** The general path's answer in decodeBytes' shape (an error for what it refuses). */
function core(bytes: Uint8Array): object {
  try {
    const d = decodeAny(bytes);
    if (d.replacements > 0) return { error: true };
    return { text: d.text, encoding: d.encoding, bom: d.bom, warnings: d.warnings };
  } catch {
    return { error: true };
  }
}

function check(bytes: Uint8Array): void {
  const p = plainUtf8(bytes);
  if (p !== null) assert.deepEqual(p, decodeAny(bytes), `bytes ${Buffer.from(bytes.subarray(0, 40)).toString('hex')}`);
  let whole: object;
  try {
    whole = decodeDump(bytes);
  } catch {
    whole = { error: true };
  }
  let general: object;
  try {
    general = decodeAny(bytes);
  } catch {
    general = { error: true };
  }
  assert.deepEqual(whole, general);
  const d = decodeBytes(bytes);
  assert.deepEqual('error' in d ? { error: true } : d, core(bytes));
}

const fixtures = [
  'test/fixtures/sputnik-antonov.txt',
  ...fs.readdirSync('test/fixtures/boilerplate').sort().map((f) => path.join('test/fixtures/boilerplate', f)),
].map((f) => new Uint8Array(fs.readFileSync(f)));

test('plainUtf8 equals the general path on fixtures, with BOMs, magic numbers, controls, NULs, UTF-16 and invalid bytes', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const cases: Uint8Array[] = [
    ...fixtures,
    ...fixtures.map((b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b])),
    enc('Plain text line\nsecond line\n'), enc('\ufeffBOM as text'), enc('GIF89a is a GIF header but this is text'), enc('%PDF-1.4 quoted in a text dump'),
    enc('PK\u0003\u0004 zip'), enc('Esc \u001b[1m bold'), enc('Bell \u0007 ring'), enc('DEL \u007f'), enc('Replacement \ufffd char'), enc('tab\tand\r\nCRLF\fform\vvt'),
    enc('x'.repeat(70000) + '\u0007'), enc('x'.repeat(70000) + '\u0000 a NUL past the sample'), enc('\u0007' + 'x'.repeat(70000)), enc('a\u0000b'), Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]),
    Uint8Array.from([0xfe, 0xff, 0x00, 0x41]), Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), Uint8Array.from([0x43, 0xe9, 0x20]),
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Uint8Array.from([0xef, 0xbb, 0xbf]), new Uint8Array(0), enc('é'.repeat(40000) + '\u0001'),
    Uint8Array.from([0xe2, 0x82]), enc('\ud83d\ude00 emoji'),
  ];
  for (const b of cases) check(b);
  assert.ok(fixtures.every((b) => plainUtf8(b) !== null), 'the fixtures take the plain path');
});

test('plainUtf8 equals the general path on random bytes and random texts', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => check(b)), { numRuns: 2000 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => check(new TextEncoder().encode(s))), { numRuns: 2000 });
  const pieces = ['a', 'Ж', '\u0000', '\u0007', '\u001b', '\t', '\n', '\ufffd', '\ufeff', '\u007f', '%PDF-', 'GIF8', '\u0089PNG'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (a) => check(new TextEncoder().encode(a.join('')))), { numRuns: 1000 });
});
