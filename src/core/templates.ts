import type { TemplateIndex } from './types';
import { splitLines } from './lines';
import { lineKey, lineKeyAt, keySpaceFlags, MAX_KEY_LEN } from './boilerplate/features';

/**
 * Key used to compare lines across dumps: trimmed, lower-cased, digits folded, spaces collapsed. It is the
 * classifier's `LineFeatures.key` (one function, `lineKeyAt` in boilerplate/features.ts), so a TemplateIndex built
 * here is looked up with it directly. Blank lines have the key ''.
 */
export function normalizeLineKey(line: string): string {
  return lineKey(line);
}

/**
 * Lines over this many characters are not counted: their keys (first 200 characters + '#' + length) would now
 * match across dumps, and a folder holding copies of one story (syndicated, re-scraped) then sees every paragraph
 * of it as a site template; the classifier has no guard against that yet (see BENCHMARKS.md, Speed and scale).
 */
const MAX_TEMPLATE_LINE = 200;

// Per code unit, how the key treats it (computed on first sight): K_TRIM a space trimmed from the line's ends,
// K_WS a space folded with its neighbours (JavaScript's \s), K_DIGIT 0-9 (runs folded to 0), K_SLOW a code unit
// whose lower case is not one code unit of its own (surrogates, U+0130, the context-dependent capital sigma) or a
// space that folds only in some lines (U+1680, a letter as well): such lines take the string path (lineKeyAt).
const K_DONE = 1, K_TRIM = 2, K_WS = 4, K_DIGIT = 8, K_SLOW = 16;
const KCLS = new Uint8Array(0x10000);
const KLOW = new Uint16Array(0x10000);
const WS = /^[\s\u00a0]$/;

function kcls(c: number): number {
  const k = KCLS[c];
  return k !== 0 ? k : computeKcls(c);
}

function computeKcls(c: number): number {
  let k = K_DONE;
  const ch = String.fromCharCode(c);
  const sp = keySpaceFlags(c);
  if (sp & 1) k |= K_TRIM;
  if (c >= 48 && c <= 57) k |= K_DIGIT;
  const lower = ch.toLowerCase();
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || lower.length !== 1) k |= K_SLOW;
  if (WS.test(ch)) {
    k |= K_WS;
    // A space other than U+0020 folds the line's spaces only when it marks the line (lineKeyAt's oddSpaces), and
    // the string-free key folds every line's runs: the same exactly when every such space marks its line.
    if (c !== 32 && !(sp & 2)) k |= K_SLOW;
    if (!(sp & 1)) k |= K_SLOW; // folded but not trimmed: not the key's rules
  }
  KCLS[c] = k;
  KLOW[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  return k;
}

/** normalize() results other than a length. */
const BLANK = -1, SLOW = -2, LONG = -3;

/**
 * Counts, for each line key, in how many of the added dumps it occurs: a template index built one dump at a
 * time (the CLI's threads each count their share; the shares' counts are summed).
 *
 * The keys are not made into strings while counting: each line's key is written as code units into a scratch
 * buffer (the same units as `lineKeyAt`, see normalize; lines with rare characters take `lineKeyAt` itself), hashed
 * and looked up in an open-addressing table whose keys live in one growing array of code units (`arena`, each key
 * followed by a line feed, in slot order: the packed form of `packed()`). Strings are made only for the index.
 */
export class TemplateCounter {
  private table: Int32Array; // slot + 1, 0 = empty
  private arena: Uint16Array;
  private arenaLen = 0;
  private start: Int32Array;
  private len: Int32Array;
  private hash: Int32Array;
  private counts: Int32Array;
  /** the last document (1-based) that counted the key: a line repeated within a dump counts once */
  private lastDoc: Int32Array;
  private size = 0;
  /** Some key holds a surrogate code unit (only keys made by lineKeyAt can). */
  private surrogates = false;
  /** one key's code units (at most MAX_TEMPLATE_LINE are kept; a long line's key adds '#' and its length) */
  private readonly buf = new Uint16Array(MAX_TEMPLATE_LINE + 32);
  documents = 0;

  /** `capacity`: slots before the arrays grow (a power of 2; small only for the warm-up below). */
  constructor(capacity = 1024) {
    this.table = new Int32Array(4 * capacity);
    this.arena = new Uint16Array(64 * capacity);
    this.start = new Int32Array(capacity);
    this.len = new Int32Array(capacity);
    this.hash = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
    this.lastDoc = new Int32Array(capacity);
  }

  /** Number of distinct keys counted. */
  get keyCount(): number {
    return this.size;
  }

  /**
   * Count the lines of one dump (their keys: `lineKeyAt`, equal to the classifier's `LineFeatures.key`). With
   * `lineSlots`, returns each line's slot (`splitLines` order; -1 for a blank line or one not counted, over
   * MAX_TEMPLATE_LINE key characters): `slotCounts()` then gives the lines' counts without their keys.
   */
  add(text: string, lineSlots?: false): undefined;
  add(text: string, lineSlots: true): Int32Array;
  add(text: string, lineSlots = false): Int32Array | undefined {
    const doc = ++this.documents;
    const lines = splitLines(text);
    const out = lineSlots ? new Int32Array(lines.length) : undefined;
    for (let i = 0; i < lines.length; i++) {
      const r = lines[i];
      let n = this.normalize(text, r.start, r.end);
      if (n === SLOW) n = this.fromString(lineKeyAt(text, r.start, r.end));
      if (n <= 0) { // blank (a key of 0 units is blank too), or a long key
        if (out) out[i] = -1;
        continue;
      }
      const s = this.slotOf(n);
      if (out) out[i] = s;
      if (this.lastDoc[s] === doc) continue; // a new slot has lastDoc 0, documents count from 1
      this.lastDoc[s] = doc;
      this.counts[s]++;
    }
    return out;
  }

  /**
   * Add the counts of another share of the dumps (keys with their counts, as `entries()` returns them). Returns the
   * slot of each key in this counter.
   */
  addCounts(keys: readonly string[], counts: ArrayLike<number>, documents: number): Int32Array {
    if (keys.length !== counts.length) throw new Error('template index: keys and counts differ in length');
    this.documents += documents;
    const slots = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k.length > MAX_TEMPLATE_LINE) throw new Error('template index: a key is longer than ' + MAX_TEMPLATE_LINE);
      const s = this.slotOf(this.fromString(k, true)); // first: slotOf() may replace this.counts (grow)
      this.counts[s] += counts[i];
      slots[i] = s;
    }
    return slots;
  }

  /**
   * Add the counts of another counter's share in its packed form (`packedUnits()`: keys as code units, each
   * followed by a line feed; no strings made). Returns the slot of each of its keys in this counter. `surrogates`:
   * whether a key holds a surrogate code unit (as `packedUnits()` says; looked for when not given).
   */
  addPacked(units: Uint16Array, counts: ArrayLike<number>, documents: number, surrogates?: boolean): Int32Array {
    this.documents += documents;
    if (surrogates ?? hasSurrogate(units)) this.surrogates = true;
    const slots = new Int32Array(counts.length);
    let o = 0;
    for (let i = 0; i < counts.length; i++) {
      const end = units.indexOf(10, o); // a native search: this loop runs once per share, mostly not optimised
      if (end < 0) throw new Error('template index: fewer keys than counts');
      const n = end - o;
      if (n > MAX_TEMPLATE_LINE) throw new Error('template index: a key is longer than ' + MAX_TEMPLATE_LINE);
      const s = this.slotOf(n, units, o); // hashed and compared where it is
      o = end + 1;
      this.counts[s] += counts[i];
      slots[i] = s;
    }
    if (o !== units.length) throw new Error('template index: more keys than counts');
    return slots;
  }

  /**
   * The key of text[start, end) into `buf`: its length, or BLANK, LONG (over MAX_TEMPLATE_LINE units: not
   * counted) or SLOW (a code unit the string-free key does not cover: use lineKeyAt). The same code units as
   * lineKeyAt: trimmed (the classifier's spaces); lower-cased per code unit (the same as toLowerCase for a line
   * without K_SLOW units); runs of digits folded to '0'; runs of spaces folded to ' ' (lineKeyAt folds them only
   * in lines holding a space other than a single U+0020, and in the others every run is a single U+0020: the same);
   * a line over MAX_KEY_LEN characters keeps its first MAX_KEY_LEN, then '#' and its length (folded to '0' when the
   * line holds a digit anywhere).
   */
  private normalize(text: string, start: number, end: number): number {
    let a = start;
    while (a < end && kcls(text.charCodeAt(a)) & K_TRIM) a++;
    if (a === end) return BLANK;
    let b = end;
    while (b > a && kcls(text.charCodeAt(b - 1)) & K_TRIM) b--;
    const n = b - a;
    const m = n > MAX_KEY_LEN ? a + MAX_KEY_LEN : b;
    const buf = this.buf;
    let L = 0, run = 0; // run: 1 after a digit, 2 after a space (their runs fold)
    let digits = false;
    for (let i = a; i < m; i++) {
      const c = text.charCodeAt(i);
      let k = KCLS[c];
      if (k === 0) k = computeKcls(c);
      if (k & K_SLOW) return SLOW;
      if (k & K_DIGIT) {
        digits = true;
        if (run !== 1) { buf[L++] = 48; run = 1; }
      } else if (k & K_WS) {
        if (run !== 2) { buf[L++] = 32; run = 2; }
      } else {
        buf[L++] = KLOW[c];
        run = 0;
      }
    }
    if (n > MAX_KEY_LEN) {
      if (L + 2 > MAX_TEMPLATE_LINE) return LONG; // '#' and at least one digit follow
      if (!digits) for (let i = m; i < b; i++) if (kcls(text.charCodeAt(i)) & K_DIGIT) { digits = true; break; }
      buf[L++] = 35; // '#'
      if (digits) buf[L++] = 48;
      else {
        const s = String(n);
        for (let i = 0; i < s.length; i++) buf[L++] = s.charCodeAt(i);
      }
      if (L > MAX_TEMPLATE_LINE) return LONG;
    }
    return L;
  }

  /** A key string into `buf`: its length, BLANK for '' or LONG (not counted). */
  private fromString(k: string, keepEmpty = false): number {
    if (k.length > MAX_TEMPLATE_LINE) return LONG;
    if (k.length === 0 && !keepEmpty) return BLANK;
    const buf = this.buf;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) this.surrogates = true; // before insertion: set for a key found too (harmless)
      buf[i] = c;
    }
    return k.length;
  }

  /** The slot of the key in src[o, o + n) (default: buf), a new one (count 0) if the key was not seen yet. */
  private slotOf(n: number, src: Uint16Array = this.buf, o = 0): number {
    let h = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ src[o + i], 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const table = this.table, mask = table.length - 1;
    let x = h & mask;
    for (let e = table[x]; e !== 0; e = table[x]) {
      const s = e - 1;
      if (this.hash[s] === h && this.len[s] === n && this.same(s, n, src, o)) return s;
      x = (x + 1) & mask;
    }
    // a new key
    const s = this.size++;
    if (s === this.counts.length) this.growSlots();
    if (this.arenaLen + n + 1 > this.arena.length) this.growArena(n + 1);
    const st = this.arenaLen, arena = this.arena;
    for (let i = 0; i < n; i++) arena[st + i] = src[o + i];
    arena[st + n] = 10; // a line feed after each key: the arena is the packed form
    this.arenaLen = st + n + 1;
    this.start[s] = st;
    this.len[s] = n;
    this.hash[s] = h;
    table[x] = s + 1;
    if (this.size * 2 > table.length) this.rehash();
    return s;
  }

  private same(s: number, n: number, src: Uint16Array, o: number): boolean {
    const arena = this.arena;
    for (let i = 0, a = this.start[s]; i < n; i++, a++) if (arena[a] !== src[o + i]) return false;
    return true;
  }

  private growSlots(): void {
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = grow(this.start);
    this.len = grow(this.len);
    this.hash = grow(this.hash);
    this.counts = grow(this.counts);
    this.lastDoc = grow(this.lastDoc);
  }

  private growArena(need: number): void {
    const a = new Uint16Array(Math.max(this.arena.length * 2, this.arenaLen + need));
    a.set(this.arena.subarray(0, this.arenaLen));
    this.arena = a;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2), mask = table.length - 1;
    for (let s = 0; s < this.size; s++) {
      let x = this.hash[s] & mask;
      while (table[x] !== 0) x = (x + 1) & mask;
      table[x] = s + 1;
    }
    this.table = table;
  }

  /** The key of slot s. */
  private key(s: number): string {
    return unitsToString(this.arena, this.start[s], this.start[s] + this.len[s], this.surrogates);
  }

  /** Each slot's count (index: the slots `add` returns). A copy. */
  slotCounts(): Int32Array {
    return this.counts.slice(0, this.size);
  }

  /** Keys in first-seen order and their counts (`min`: only the keys counted at least that often). */
  entries(min = 1): { keys: string[]; counts: Int32Array } {
    if (min <= 1) return { keys: this.allKeys(), counts: this.slotCounts() };
    const keys: string[] = [];
    const counts: number[] = [];
    for (let i = 0; i < this.size; i++) {
      if (this.counts[i] < min) continue;
      keys.push(this.key(i));
      counts.push(this.counts[i]);
    }
    return { keys, counts: Int32Array.from(counts) };
  }

  /** All keys in first-seen order as code units, each followed by a line feed (a copy), and their counts. */
  packedUnits(): { units: Uint16Array; counts: Int32Array; documents: number; surrogates: boolean } {
    return { units: this.arena.slice(0, this.arenaLen), counts: this.slotCounts(), documents: this.documents, surrogates: this.surrogates };
  }

  /**
   * The keys counted at least `min` times (min >= 2), joined by line feeds (made with one decoding of their code
   * units), and their counts.
   */
  packedIndex(min: number): { documents: number; keys: string; counts: Int32Array } {
    let n = 0, units = 0;
    for (let i = 0; i < this.size; i++) if (this.counts[i] >= min) { n++; units += this.len[i] + 1; }
    const u = new Uint16Array(Math.max(0, units - 1));
    const counts = new Int32Array(n);
    for (let i = 0, k = 0, o = 0; i < this.size; i++) {
      if (this.counts[i] < min) continue;
      const st = this.start[i], len = this.len[i];
      u.set(this.arena.subarray(st, st + len), o);
      o += len;
      if (o < u.length) u[o++] = 10;
      counts[k++] = this.counts[i];
    }
    return { documents: this.documents, keys: n ? unitsToString(u, 0, u.length, this.surrogates) : '', counts };
  }

  /** All keys in first-seen order (one decoding of the code units, then split). */
  private allKeys(): string[] {
    if (this.size === 0) return [];
    const keys = unitsToString(this.arena, 0, this.arenaLen - 1, this.surrogates).split('\n');
    if (keys.length !== this.size) throw new Error('template index: a key holds a line feed');
    return keys;
  }

  /**
   * The index (`min`: only the keys found in at least that many dumps; the classifier reads `max(0, count - 1)`,
   * so min = 2 gives the same labels with a fraction of the keys).
   */
  index(min = 1): TemplateIndex {
    const counts = new Map<string, number>();
    if (min <= 1) {
      const keys = this.allKeys();
      for (let i = 0; i < this.size; i++) counts.set(keys[i], this.counts[i]);
    } else {
      const p = this.packedIndex(min);
      const keys = p.counts.length ? p.keys.split('\n') : [];
      if (keys.length !== p.counts.length) throw new Error('template index: a key holds a line feed');
      for (let i = 0; i < keys.length; i++) counts.set(keys[i], p.counts[i]);
    }
    return { documents: this.documents, counts };
  }
}

function hasSurrogate(u: Uint16Array): boolean {
  for (let i = 0; i < u.length; i++) if (u[i] >= 0xd800 && u[i] <= 0xdfff) return true;
  return false;
}

let utf16: { decode(a: Uint16Array): string } | null = null;

/**
 * The code units a[from, to) as a string. Without surrogates among them (`surrogates` false), one native decoding
 * (UTF-16LE; this is not exact for lone surrogates, which it replaces); with, String.fromCharCode on chunks.
 */
function unitsToString(a: Uint16Array, from: number, to: number, surrogates: boolean): string {
  if (!surrogates && to - from > 64 && typeof TextDecoder !== 'undefined') {
    // the typed array's bytes are little-endian on every platform V8 runs on; checked once below
    utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true }); // a leading U+FEFF is kept
    if (LITTLE_ENDIAN) return utf16.decode(a.subarray(from, to));
  }
  const CH = 8192;
  if (to - from <= CH) return String.fromCharCode.apply(null, a.subarray(from, to) as unknown as number[]);
  const parts: string[] = [];
  for (let i = from; i < to; i += CH) parts.push(String.fromCharCode.apply(null, a.subarray(i, Math.min(to, i + CH)) as unknown as number[]));
  return parts.join('');
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Type feedback for the counter's rare branches (long lines with and without digits, lines taking lineKeyAt, the
 * arrays growing, packed shares): V8 optimises `add` after a few dumps and threw the optimised code away the first
 * time a later line took a branch it had not seen (each thread compiled normalize and slotOf three to five times).
 * A counter with tiny arrays takes each once at load, in the interpreter; the results are discarded. Pure.
 */
(function warmCounter(): void {
  // long lines: a key over the limit, short enough once folded (with and without a digit after the first 200)
  const lines = ['Home | News', '  Two  spaces\tand tab ', 'Digits 12 and 3', 'Über Straße', 'ΟΔΟΣ', 'x'.repeat(220), 'ab   '.repeat(50), 'ab   '.repeat(45) + ' 7 ' + 'z'.repeat(30),
    'a 1'.repeat(70), '\u3000', '', 'Share this', 'İstanbul'];
  // enough keys for the arrays to grow late, after V8 has started recording feedback for the counter's functions
  for (let i = 0; i < 60; i++) lines.push('Line ' + String.fromCharCode(97 + (i % 26), 97 + ((i / 26) | 0)));
  const text = lines.map((s) => s.split('').join('')).join('\n'); // flat strings (see the end of features.ts)
  const a = new TemplateCounter(2), b = new TemplateCounter(2);
  for (let round = 0; round < 2; round++) {
    a.add(text, true);
    b.add(text);
  }
  const p = b.packedUnits();
  a.addPacked(p.units, p.counts, p.documents, p.surrogates);
  a.addPacked(p.units, p.counts, p.documents);
  a.addCounts(['home | news', 'only here'], [1, 1], 1);
  a.slotCounts();
  a.index(2);
})();

/**
 * Count, for each normalised line, in how many of the given dumps it occurs (a plain sum over dumps: the CLI sums
 * the indices of its worker threads' shares, which must give the single-threaded index).
 */
export function buildTemplateIndex(texts: Iterable<string>): TemplateIndex {
  const c = new TemplateCounter();
  for (const text of texts) c.add(text);
  return c.index();
}
