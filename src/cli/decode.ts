/**
 * Byte <-> text for the CLI, over the core's `decodeDump`/`encodeDump` (src/core/decode.ts): the BOM stays in
 * the text (as U+FEFF) so the core's `clean` keeps it, and the encoding (UTF-8, UTF-16 LE/BE) is remembered so
 * the output is written back in the same one.
 *
 * Refuses (returns `{ error }`) what cannot be round-tripped without losing bytes: binary content, and, unless
 * `lenient`, invalid byte sequences (they would be rewritten as U+FFFD). `lenient` (used by `annotate`, which
 * never writes the input back) accepts them: offsets are then into the text with U+FFFD replacements.
 */
import { decodeDump, encodeDump, type DumpEncoding } from '../core/decode';

export type { DumpEncoding };

export interface Decoded {
  text: string;
  encoding: DumpEncoding;
  bom: boolean;
  warnings: string[];
}

export function decodeBytes(bytes: Uint8Array, lenient = false): Decoded | { error: string } {
  const plain = plainUtf8(bytes);
  if (plain !== null) return plain;
  try {
    const d = decodeDump(bytes);
    if (d.replacements > 0 && !lenient) {
      return { error: `${d.replacements} invalid ${d.encoding.toUpperCase()} byte sequence(s); refused so that no byte is lost (convert the file to UTF-8 first)` };
    }
    return { text: d.text, encoding: d.encoding, bom: d.bom, warnings: d.warnings };
  } catch (e) {
    return { error: String((e as Error).message ?? e).split('\n')[0] };
  }
}

/** Encode text (which carries its own U+FEFF when the input had a BOM) back into the input's encoding. */
export function encodeText(text: string, encoding: DumpEncoding): Uint8Array {
  return encodeDump(text, encoding);
}

/**
 * The characters decodeDump counts as signs of binary content in its sample (NUL, the control characters but tab
 * to carriage return and escape, DEL, U+FFFD) and escape: a superset of them and of plainTextHead's, so no match
 * means none of either.
 */
const MAYBE_BINARY = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/;
/** decodeDump's sample for the binary check (code units). */
const SAMPLE = 65536;
let utf8: { decode(b: Uint8Array): string } | null = null;

/**
 * The common case without the core's general path: valid UTF-8 (with or without BOM), no NUL byte, and none of
 * the characters decodeDump counts as binary in its sample. decodeDump then returns exactly this (UTF-8, BOM as
 * read, no replacements, no NULs, no warnings): the magic-number check passes (the head is plain text), a UTF-16 or
 * UTF-32 BOM is not valid UTF-8 (or holds a NUL byte), the UTF-16 guess needs NUL bytes, and the binary check counts
 * nothing. Anything else returns null and takes decodeDump (test/unit/cli-decode.test.ts compares the two). One
 * small function instead of the core's, which V8 recompiled 3-4 times per thread of a batch as dumps took its
 * rarer branches.
 */
export function plainUtf8(bytes: Uint8Array): Decoded | null {
  if (bytes.length === 0 || bytes.indexOf(0) >= 0) return null; // empty, or a NUL byte (UTF-16/32, binary)
  let text: string;
  try {
    text = (utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes);
  } catch {
    return null; // invalid UTF-8 (a UTF-16 BOM too)
  }
  if (MAYBE_BINARY.test(text.length > SAMPLE ? text.slice(0, SAMPLE) : text)) return null;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, encoding: 'utf-8', bom, warnings: [] };
}
