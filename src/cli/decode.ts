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
