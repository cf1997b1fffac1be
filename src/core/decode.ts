/**
 * Turning the bytes of a dump into text, for the CLI and folder cleaning (the editor decodes on its own).
 * Pure: TextDecoder/TextEncoder only, no Buffer, so it runs in a web worker too.
 *
 * - UTF-8 with a BOM: the BOM is kept in the text as U+FEFF, so `clean()` keeps it and the file round-trips.
 * - UTF-16 LE/BE (by BOM, or guessed from the pattern of zero bytes when there is none): decoded; `encoding`
 *   says which, so a writer can re-encode with `encodeDump`. The BOM is kept as U+FEFF there too.
 * - Invalid UTF-8: decoded with U+FFFD replacement characters; `replacements` counts them and a warning says so.
 * - Binary or NUL-heavy content (images, archives, PDFs, random bytes): refused with a `DumpDecodeError`
 *   whose one-line message says why.
 */

export type DumpEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedDump {
  /** The text, BOM included as U+FEFF when the bytes had one. */
  text: string;
  /** The encoding the bytes were in; pass it to `encodeDump` to write the same encoding back. */
  encoding: DumpEncoding;
  /** True when the bytes started with a byte-order mark (kept in `text` as U+FEFF). */
  bom: boolean;
  /** Invalid byte sequences replaced by U+FFFD (0 for a valid file). */
  replacements: number;
  /** NUL characters kept in the text (a few stray ones are tolerated; many mean binary and are refused). */
  nulChars: number;
  /** Human-readable one-line warnings (invalid sequences, guessed encoding, stray NULs). */
  warnings: string[];
}

export type DumpDecodeErrorCode = 'binary' | 'unsupported-encoding';

/** Thrown by `decodeDump` when the bytes are not a text dump. `message` is one line, fit for a CLI error. */
export class DumpDecodeError extends Error {
  readonly code: DumpDecodeErrorCode;
  constructor(code: DumpDecodeErrorCode, message: string) {
    super(message);
    this.name = 'DumpDecodeError';
    this.code = code;
  }
}

/** How much of the start of the input the binary/encoding checks look at. */
const SAMPLE = 65536;

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  [[0x4d, 0x5a], 'a Windows executable'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF media file'],
  [[0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
];

/** True when the first KB is valid UTF-8 without control characters (so a text that merely starts like "MZ" is not refused). */
function plainTextHead(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/.test(s);
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Guess UTF-16 without a BOM: mostly-ASCII UTF-16 has a zero in every other byte. */
function guessUtf16(bytes: Uint8Array): DumpEncoding | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  if (bytes.subarray(0, n).indexOf(0) < 0) return null; // no zero byte (native scan): not UTF-16
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const half = n / 2;
  if (zeroOdd >= half * 0.4 && zeroEven <= half * 0.02) return 'utf-16le';
  if (zeroEven >= half * 0.4 && zeroOdd <= half * 0.02) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, be: boolean): string {
  // Decode BE by swapping into a copy: 'utf-16be' is missing from TextDecoder on small-ICU builds.
  let src = bytes;
  if (be) {
    src = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      src[i] = bytes[i + 1];
      src[i + 1] = bytes[i];
    }
    if (bytes.length & 1) src[bytes.length - 1] = bytes[bytes.length - 1];
  }
  return new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true }).decode(src);
}

/** Occurrences of the character `code` in `text`. */
export function countChar(text: string, code: number): number {
  const ch = String.fromCharCode(code);
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Any NUL, other control character (tab, line breaks, form feed and ESC aside) or U+FFFD. */
const SUSPECT = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f\ufffd]/;

/** Occurrences of the bytes EF BF BD (a genuine U+FFFD in valid UTF-8). */
function countEncodedReplacement(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) {
      n++;
      i += 2;
    }
  }
  return n;
}

/**
 * Decode the bytes of a dump. Throws `DumpDecodeError` (one-line message) for binary or unsupported input;
 * never throws anything else for any byte sequence.
 */
export function decodeDump(bytes: Uint8Array): DecodedDump {
  return plainUtf8(bytes) ?? decodeAny(bytes);
}

/**
 * The characters the binary check below counts in its sample (NUL, the control characters but tab to carriage
 * return and escape, DEL, U+FFFD) and escape: a superset of them and of plainTextHead's, so no match means none of
 * either.
 */
const MAYBE_BINARY = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/;
let utf8Fatal: { decode(b: Uint8Array): string } | null = null;

/**
 * The common case of `decodeDump` without its general path: valid UTF-8 (with or without BOM), no NUL byte, and
 * none of the characters the binary check counts in its sample. `decodeAny` then returns exactly this (UTF-8, BOM
 * as read, no replacements, no NULs, no warnings): the magic-number check passes (the head is plain text), a
 * UTF-16 or UTF-32 BOM is not valid UTF-8 (or holds a NUL byte), the UTF-16 guess needs NUL bytes, and the binary
 * check counts nothing. Anything else returns null (test/unit/decode-plain.test.ts compares the two). A small
 * function of its own: in a batch, V8 compiles it once, while the general path, taken by a few files, used to be
 * recompiled 3–4 times per thread as dumps took its rarer branches.
 */
export function plainUtf8(bytes: Uint8Array): DecodedDump | null {
  if (bytes.length === 0 || bytes.indexOf(0) >= 0) return null; // empty, or a NUL byte (UTF-16/32, binary)
  let text: string;
  try {
    text = (utf8Fatal ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes);
  } catch {
    return null; // invalid UTF-8 (a UTF-16 BOM too)
  }
  if (MAYBE_BINARY.test(text.length > SAMPLE ? text.slice(0, SAMPLE) : text)) return null;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, encoding: 'utf-8', bom, replacements: 0, nulChars: 0, warnings: [] };
}

/** `decodeDump` for any input (exported for the test that compares it with `plainUtf8`). */
export function decodeAny(bytes: Uint8Array): DecodedDump {
  const warnings: string[] = [];
  for (const [sig, what] of MAGIC) {
    if (startsWith(bytes, sig) && !plainTextHead(bytes)) throw new DumpDecodeError('binary', `refusing binary input: this looks like ${what}, not a text dump`);
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new DumpDecodeError('unsupported-encoding', 'refusing input in UTF-32: convert it to UTF-8 first');
  }

  let encoding: DumpEncoding = 'utf-8';
  let bom = false;
  let text: string;
  let replacements = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    bom = true;
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    bom = true;
    encoding = 'utf-16le';
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    bom = true;
    encoding = 'utf-16be';
  } else {
    const guess = guessUtf16(bytes);
    if (guess) {
      encoding = guess;
      warnings.push(`no byte-order mark: read as ${guess.toUpperCase()} from the pattern of zero bytes`);
    }
  }

  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
      replacements = Math.max(1, countChar(text, 0xfffd) - countEncodedReplacement(bytes));
    }
  } else {
    text = decodeUtf16(bytes, encoding === 'utf-16be');
    const odd = bytes.length & 1;
    // Lone surrogates are replaced by U+FFFD too; a genuine U+FFFD is rare enough in a dump to ignore here.
    replacements = countChar(text, 0xfffd);
    if (odd && replacements === 0) replacements = 1;
  }

  // Binary check on the decoded start of the text: NULs, other control characters, replacement characters.
  const n = Math.min(text.length, SAMPLE);
  let nul = 0;
  let ctrl = 0;
  let repl = 0;
  // the per-character count only when the sample holds a suspect character at all (a native regex scan)
  const suspect = SUSPECT.test(n === text.length ? text : text.slice(0, n));
  for (let i = 0; suspect && i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (c < 32 ? c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27 : c === 127) ctrl++;
    else if (c === 0xfffd) repl++;
  }
  if (n > 0) {
    // A few stray NULs/controls are tolerated (kept, with a warning); more than ~1% NUL or ~10% controls is binary.
    if (nul > 0.01 * n + 2 || nul + ctrl > 0.1 * n + 2) {
      throw new DumpDecodeError(
        'binary',
        `refusing binary input: ${nul} NUL and ${ctrl} other control characters in the first ${n} characters; this is not a text dump`,
      );
    }
    if (repl / n > 0.25 && n >= 16) {
      throw new DumpDecodeError(
        'binary',
        `refusing input that is neither text nor valid ${encoding.toUpperCase()}: ${repl} of the first ${n} characters are invalid`,
      );
    }
  }
  const nulChars = nul + (text.length > SAMPLE ? countChar(text.slice(SAMPLE), 0) : 0);
  if (replacements > 0) {
    warnings.push(
      `${replacements} invalid ${encoding.toUpperCase()} byte sequence${replacements === 1 ? '' : 's'} replaced by U+FFFD` +
        (encoding === 'utf-8' ? ' (is the file in a legacy encoding such as Windows-1252?)' : ''),
    );
  }
  if (nulChars > 0) warnings.push(`${nulChars} NUL character${nulChars === 1 ? '' : 's'} in the text`);
  return { text, encoding, bom, replacements, nulChars, warnings };
}

/**
 * Encode text back into the bytes of `encoding` (the one `decodeDump` reported). The BOM is whatever the text
 * holds: a leading U+FEFF is written as the encoding's byte-order mark.
 */
export function encodeDump(text: string, encoding: DumpEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  const be = encoding === 'utf-16be';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (be ? 1 : 0)] = c & 0xff;
    out[2 * i + (be ? 0 : 1)] = c >>> 8;
  }
  return out;
}
