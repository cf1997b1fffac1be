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
import { textOf } from '../core/markup';

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

let decodingWarmed = false;

/**
 * Type feedback for the rare paths of reading a dump: V8 optimises the engine's read (decoding and the markup
 * check inlined) after a few dozen plain UTF-8 dumps, and the first dump that took another path (UTF-16, an
 * invalid byte, a control character, HTML with a spaced attribute) threw that code away ("insufficient type
 * feedback") in every thread of a batch. These samples take those paths once, before the first dump, in the
 * interpreter; the results are discarded (bench/cli-warmup.mjs lists the deoptimisations that remain).
 */
export function warmDecoding(): void {
  if (decodingWarmed) return;
  decodingWarmed = true;
  const samples = [
    Uint8Array.of(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00, 0x0a, 0x00), // UTF-16 LE with its BOM
    Uint8Array.of(0xfe, 0xff, 0x00, 0x48, 0x00, 0x69), // UTF-16 BE
    Uint8Array.of(0x48, 0x69, 0x20, 0xff, 0x0a), // an invalid byte
    Uint8Array.of(0x48, 0x69, 0x01, 0x20, 0x74, 0x6f, 0x0a), // a control character
  ];
  // (20 tags at least, mostly markup: looksLikeMarkup's thresholds)
  const html = `<!DOCTYPE html><html><head><title>A page</title></head><body><!-- c -->${'<p class = "lead" id= \'x\'>Hello, <b>world</b>.</p><br/>'.repeat(10)}<img src="a.png"><iframe src="x"></iframe><script>var a = 1;</script></body></html>\n`;
  // V8 allocates a function's feedback only after its first few calls: several rounds
  for (let round = 0; round < 8; round++) {
    for (const b of samples) decodeBytes(b);
    textOf(html);
  }
}
