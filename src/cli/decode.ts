/**
 * Byte <-> text for the CLI. Decoding keeps the BOM in the text (as U+FEFF) so the core's `clean`
 * keeps it, and remembers the encoding so the output is written back in the same one.
 *
 * Refuses (returns `{ error }`) what cannot be round-tripped without losing bytes:
 * binary content (NUL bytes outside UTF-16) and, unless `lenient`, invalid UTF-8.
 * `lenient` (used by `annotate`, which never writes the input back) decodes invalid UTF-8 with
 * U+FFFD replacement characters instead.
 */
export type DumpEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: DumpEncoding;
  bom: boolean;
}

export function decodeBytes(bytes: Uint8Array, lenient = false): Decoded | { error: string } {
  const n = bytes.length;
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const bom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes.indexOf(0) >= 0) return { error: 'looks like a binary file (contains NUL bytes); refused' };
  try {
    const text = new TextDecoder('utf-8', { fatal: !lenient, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8', bom };
  } catch {
    return { error: 'not valid UTF-8; refused so that no byte is lost (convert it to UTF-8 first)' };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded | { error: string } {
  if (bytes.length % 2 !== 0) return { error: `odd number of bytes for ${encoding.toUpperCase()}; refused` };
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding, bom: true };
  } catch {
    return { error: `invalid ${encoding.toUpperCase()} content; refused` };
  }
}

/** Encode text (which carries its own U+FEFF when the input had a BOM) back into the input's encoding. */
export function encodeText(text: string, encoding: DumpEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  const le = encoding === 'utf-16le';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 * i + (le ? 1 : 0)] = c >>> 8;
  }
  return out;
}
