/**
 * Per-line features: a pure function of the line's text, so callers can memoise them in a Map keyed by the
 * line text (incremental analysis). Everything document-level (neighbours, position, templates) is computed
 * later from arrays of these.
 */
import { detach } from '../strings';
import {
  COMMENT_HEAD, STOPWORDS, WIDGET_LINE, WIDGET_SENTENCE, WIDGET_WORDS, WIDGET_SENTENCE_PHRASES, AD_MARKER, URL_LINE, IMAGE_PLACEHOLDER, SOURCE_LINK, COPYRIGHT, DATE_ONLY, DATE_EVIDENCE, BYLINE, CREDIT,
} from './phrases';

/** A rule that decides a line on its own text (reason codes in reasons.ts). */
export type RuleHit = 'ad-marker' | 'url' | 'image-placeholder' | 'source-link' | 'widget-phrase' | 'copyright' | 'separator-line';
export type MetaHit = 'byline' | 'dateline' | 'photo-credit';

export interface LineFeatures {
  blank: boolean;
  /** Normalised key (templates, duplicates): trimmed, lower-cased, digits folded to 0, spaces collapsed. */
  key: string;
  /** Trimmed length in characters. */
  chars: number;
  words: number;
  /** Share of words that are function words (several languages). */
  stopShare: number;
  /** Share of words starting with an upper-case letter. */
  capShare: number;
  /** Digits / non-space characters. */
  digitShare: number;
  /** Letters / non-space characters. */
  alphaShare: number;
  /** Commas, semicolons and full stops inside the line, per word. */
  punctPerWord: number;
  avgWordLen: number;
  /** Ends like a sentence: . ! ? … (possibly followed by a closing quote or bracket). */
  endSentence: boolean;
  endColon: boolean;
  /** Starts with a lower-case letter (a fragment continuing a sentence). */
  startLower: boolean;
  /** Starts with , ; . ) or similar (continuation after a link). */
  startPunct: boolean;
  bullet: boolean;
  /** Menu separators | · • » › in the line. */
  seps: number;
  /** Leading whitespace (text browsers centre and indent with spaces). */
  indent: number;
  allCaps: boolean;
  hasUrl: boolean;
  hasQuote: boolean;
  /** Decided by its own text as boilerplate. */
  rule: RuleHit | null;
  /** Byline, dateline or credit (label `meta`). */
  meta: MetaHit | null;
  /** Heading of a reader-comment section ("12 Comments", "Leave a Reply", "Kommentare"…). */
  commentHead: boolean;
}

const MAX_RULE_LEN = 400;
const MAX_KEY_LEN = 200;

const BLANK: LineFeatures = Object.freeze({
  blank: true, key: '', chars: 0, words: 0, stopShare: 0, capShare: 0, digitShare: 0, alphaShare: 0, punctPerWord: 0,
  avgWordLen: 0, endSentence: false, endColon: false, startLower: false, startPunct: false, bullet: false, seps: 0, indent: 0,
  allCaps: false, hasUrl: false, hasQuote: false, rule: null, meta: null, commentHead: false,
}) as LineFeatures;

/** Letter test by code unit: ASCII letters, and everything from U+00C0 up except punctuation/symbol blocks. */
function isLetter(c: number): boolean {
  if (c < 0xc0) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  // punctuation inside letter blocks: Greek, Armenian, Hebrew, Arabic, Devanagari
  if (c === 0x37e || c === 0x387 || (c >= 0x55a && c <= 0x55f) || c === 0x589 || c === 0x5be || c === 0x5c0 || c === 0x5c3 || c === 0x5f3 || c === 0x5f4 ||
    c === 0x60c || c === 0x61b || c === 0x61f || (c >= 0x66a && c <= 0x66d) || c === 0x6d4 || c === 0x964 || c === 0x965) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, box drawing
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xfe00 && c <= 0xfe6f) return false;
  if (c >= 0xff00 && c <= 0xff20) return false;
  if (c === 0xfeff) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 13 || c === 10 || c === 11 || c === 12 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff || c === 0x1680;
}

const C_LETTER = 1, C_DIGIT = 2, C_SPACE = 4, C_SEP = 8, C_QUOTE = 16, C_PUNCT = 32, C_UPPER = 64;
/** Character classes and lower-case code units of the BMP, built once. */
const CLS = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
/** A set of non-zero 32-bit integers (open addressing): much faster than Set<number> in the per-word hot path. */
class IntSet {
  private table = new Int32Array(64);
  private size = 0;
  add(h: number): void {
    if (h === 0) h = 1;
    if ((this.size + 1) * 4 > this.table.length) {
      const old = this.table;
      this.table = new Int32Array(old.length * 2);
      this.size = 0;
      for (const x of old) if (x !== 0) this.add(x);
    }
    const mask = this.table.length - 1;
    let i = (Math.imul(h, 0x9e3779b1) >>> 16) & mask;
    while (this.table[i] !== 0) { if (this.table[i] === h) return; i = (i + 1) & mask; }
    this.table[i] = h;
    this.size++;
  }
  has(h: number): boolean {
    if (h === 0) h = 1;
    const t = this.table, mask = t.length - 1;
    let i = (Math.imul(h, 0x9e3779b1) >>> 16) & mask;
    for (;;) {
      const x = t[i];
      if (x === h) return true;
      if (x === 0) return false;
      i = (i + 1) & mask;
    }
  }
}

/** Hashes of the function words (same hash as computed while scanning a line). */
const STOP_HASH = new IntSet();
/** Hashes of the first words of the widget sentences: WIDGET_SENTENCE is only tried on lines holding one. */
const TRIGGER_HASH = new IntSet();
/** First three letters of the whole-line widget phrases: WIDGET_LINE is only tried on lines starting so. */
const WIDGET_PREFIX = new Set<string>();

/** First words that can start a line matched by each rule (hashed): the regex is only tried then. */
const FIRST = {
  ad: new IntSet(), source: new IntSet(), comment: new IntSet(), byline: new IntSet(), credit: new IntSet(),
};
const FIRST_WORDS: Record<keyof typeof FIRST, string> = {
  ad: 'ad ads advert advertisement advertising adsense banner anzeige werbung publicité publicidad publicidade pubblicità advertentie реклама sponsored',
  source: 'source quelle fuente fonte bron источник read continue view original originally weiterlesen lire seguir continua lees читать',
  comment: 'comment comments reader readers user your response responses leave post add write have join discussion what kommentare ' +
    'leserkommentare commentaires réactions comentarios commenti comentários reacties комментарии',
  byline: 'by posted written reported words story von par por door автор author autor auteur',
  credit: 'photo photograph picture image foto fotos bild crédit credit credits source quelle fuente fonte фото video getty afp reuters ap dpa epa associated',
};

function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + LOWER[w.charCodeAt(i)]) | 0;
  return h;
}

const SEP_CODES = new Set([0x7c /* | */, 0xb7 /* · */, 0x2022 /* • */, 0xbb /* » */, 0x203a /* › */, 0x3e /* > */, 0xab /* « */, 0x2039 /* ‹ */]);
const QUOTE_CODES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb]);
const END_CODES = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x3002, 0xff01, 0xff1f, 0x61f, 0x6d4, 0x964, 0x965, 0x37e]);
const CLOSE_CODES = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x29, 0x5d]);
const START_PUNCT = new Set([0x2c, 0x3b, 0x2e, 0x3a, 0x29, 0x5d, 0x2019, 0x27, 0x201d, 0xbb]);
const BULLET_CODES = new Set([0x2a, 0x2022, 0xb7, 0x2b, 0x2d, 0x2013, 0x2014, 0x25ba, 0x25aa, 0x25a0, 0x25a1, 0x25e6, 0x6f]);
(function init() {
  for (let c = 0; c < 0x10000; c++) {
    let k = 0;
    if (c >= 48 && c <= 57) k |= C_DIGIT;
    else if (isLetter(c)) {
      k |= C_LETTER;
      const ch = String.fromCharCode(c);
      const lo = ch.toLowerCase();
      if (lo !== ch && lo.length === 1) { k |= C_UPPER; LOWER[c] = lo.charCodeAt(0); } else LOWER[c] = c;
    } else LOWER[c] = c;
    if (k === C_DIGIT) LOWER[c] = c;
    if (isSpace(c)) k |= C_SPACE;
    if (SEP_CODES.has(c)) k |= C_SEP;
    if (QUOTE_CODES.has(c)) k |= C_QUOTE;
    if (c === 44 || c === 59 || c === 46) k |= C_PUNCT;
    CLS[c] = k;
  }
  for (const w of STOPWORDS) STOP_HASH.add(hashWord(w));
  for (const k of Object.keys(FIRST) as (keyof typeof FIRST)[]) for (const w of FIRST_WORDS[k].split(' ')) FIRST[k].add(hashWord(w));
  for (const p of WIDGET_SENTENCE_PHRASES) {
    const m = /^([\p{L}\p{N}'’-]+)(\??)( \?([\p{L}]+))?/u.exec(p);
    if (!m) throw new Error('widget sentence must start with a word: ' + p);
    TRIGGER_HASH.add(hashWord(m[1]));
    if (m[2]) TRIGGER_HASH.add(hashWord(m[1].slice(0, -1)));
    if (m[4]) TRIGGER_HASH.add(hashWord(m[1] + m[4]));
  }
  for (const p of WIDGET_WORDS) {
    const core = p.replace(/^(\\d\+ |¿)/, '');
    const pre = core.slice(0, 3);
    if (/[\\()[\]?+*|{}.]/.test(pre) || pre.length < 3) continue; // short or pattern-like: tested anyway (see below)
    WIDGET_PREFIX.add(pre);
  }
})();

/** Lower-cased line -> should WIDGET_LINE be tried (prefix filter; lines of < 3 letters are always tried). */
function widgetCandidate(lower: string): boolean {
  let a = 0;
  const n = lower.length;
  while (a < n && !(CLS[lower.charCodeAt(a)] & (C_LETTER | C_DIGIT))) a++;
  while (a < n && CLS[lower.charCodeAt(a)] & C_DIGIT) a++; // "12 comments"
  while (a < n && CLS[lower.charCodeAt(a)] & C_SPACE) a++;
  if (n - a < 3) return true;
  return WIDGET_PREFIX.has(lower.slice(a, a + 3));
}

const BYLINE_START = /^[BbPpWwRrSsVvDdАаAa]/;
/** Copyright lines start with ©/(c)/copyright or hold ©; the other "all rights reserved" forms are widget sentences. */
function copyHint(lower: string): boolean {
  return lower.indexOf('©') >= 0 || lower.startsWith('(c)') || lower.indexOf('copyright') >= 0;
}
/** Credits not starting with a credit word hold a bracket, a slash or an agency name. */
function creditHint(lower: string): boolean {
  return lower.indexOf('(') >= 0 || lower.indexOf('/') >= 0 || lower.indexOf('getty') >= 0 || lower.indexOf('reuters') >= 0 || lower.indexOf('associated press') >= 0;
}

function makeKey(trimmed: string, hasDigits?: boolean, oddSpaces?: boolean, lowered?: string): string {
  let k = trimmed.length > MAX_KEY_LEN ? trimmed.slice(0, MAX_KEY_LEN).toLowerCase() + '#' + trimmed.length : lowered ?? trimmed.toLowerCase();
  if (hasDigits ?? /\d/.test(k)) k = k.replace(/\d+/g, '0');
  if (oddSpaces ?? /\s\s|[\t\u00a0\u2000-\u200a\u202f]/.test(k)) k = k.replace(/[\s\u00a0]+/g, ' ');
  return k;
}

/**
 * A copy of `s` that shares no memory with the string it was sliced from (V8 keeps the whole parent of a slice
 * alive): for strings kept longer than their document (memo keys, template indexes).
 */
export { detach };

/**
 * Key used to compare lines across dumps: trimmed, lower-cased, digits folded, spaces collapsed (first 200 chars +
 * length). A detached copy: a template index keeps keys of many dumps and must not keep the dumps themselves.
 */
export function lineKey(trimmed: string, hasDigits?: boolean, oddSpaces?: boolean, lowered?: string): string {
  return detach(makeKey(trimmed, hasDigits, oddSpaces, lowered));
}

/** Features of one line (its text without the line ending). Pure: same text, same result. */
export function lineFeatures(line: string): LineFeatures {
  return lineFeaturesAt(line, 0, line.length);
}

/**
 * Features of the line text[start, end) (without its line ending): the same result as
 * lineFeatures(text.slice(start, end)). Scanning the document by offsets is much faster than scanning many small
 * (sliced) strings; the regexes still see the trimmed line as a string.
 */
export function lineFeaturesAt(text: string, start: number, end: number): LineFeatures {
  let a = start;
  while (a < end && isSpace(text.charCodeAt(a))) a++;
  if (a === end) return BLANK;
  let b = end;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  const indent = a - start;
  const t = a === 0 && b === text.length ? text : text.slice(a, b);
  const n = b - a;

  // one pass over the characters: words, function words, capitals, digits, letters, punctuation, separators
  let words = 0, stop = 0, caps = 0, wlen = 0, digits = 0, letters = 0, upper = 0, lowerN = 0, nonSpace = 0, punct = 0, seps = 0;
  let hasQuote = false, oddSpaces = false, trigger = false, hasUrl = false, firstHash = 0, uncovered = 0, cjk = 0;
  let ws = -1; // start of the current word
  let wordUpper = 0; // C_UPPER when the current word starts with a capital
  let h = 0; // hash of the current word, lower-cased (function-word lookup without allocating)
  let lastSpace = -2; // index of the last plain space (-2: none; a >= 0, so never a - 1)
  for (let i = a; i <= b; i++) {
    const c = i < b ? text.charCodeAt(i) : 32; // a code unit: always < 0x10000
    const k = CLS[c];
    if (k & (C_LETTER | C_DIGIT)) {
      if (ws < 0) { ws = i; h = 0; wordUpper = k & C_UPPER; }
      if (k & C_DIGIT) digits++;
      else {
        letters++;
        if (c >= 0x250) {
          if (!(c >= 0x400 && c <= 0x52f) && !(c >= 0x1e00 && c <= 0x1eff)) {
            uncovered++;
            if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
          }
        } else if (c === 104 /* h */ || c === 119 /* w */) {
          // "http" / "www." anywhere in the line (same as indexOf)
          if (!hasUrl && i + 3 < b && (c === 104
            ? text.charCodeAt(i + 1) === 116 && text.charCodeAt(i + 2) === 116 && text.charCodeAt(i + 3) === 112
            : text.charCodeAt(i + 1) === 119 && text.charCodeAt(i + 2) === 119 && text.charCodeAt(i + 3) === 46)) hasUrl = true;
        }
        if (k & C_UPPER) upper++;
        else if (c >= 97 && c <= 122) lowerN++;
      }
      h = (Math.imul(h, 31) + LOWER[c]) | 0;
      nonSpace++;
      continue;
    }
    // apostrophe or hyphen inside a word
    if (ws >= 0 && (c === 39 || c === 0x2019 || c === 45) && i + 1 < b && CLS[text.charCodeAt(i + 1)] & (C_LETTER | C_DIGIT)) {
      h = (Math.imul(h, 31) + c) | 0;
      nonSpace++;
      continue;
    }
    if (ws >= 0) {
      words++;
      const len = i - ws;
      wlen += len;
      if (wordUpper) caps++;
      if (len <= 11 && STOP_HASH.has(h)) stop++;
      if (TRIGGER_HASH.has(h)) trigger = true;
      if (words === 1) firstHash = h;
      ws = -1;
    }
    if (i === b) continue;
    if (k & C_SPACE) {
      if (c !== 32) oddSpaces = true;
      else {
        if (lastSpace === i - 1) oddSpaces = true;
        lastSpace = i;
      }
      continue;
    }
    nonSpace++;
    if (k & C_PUNCT) punct++;
    else if (k & C_SEP) seps++;
    if (k & C_QUOTE) hasQuote = true;
  }

  // sentence end: . ! ? … possibly followed by closing quotes/brackets
  let e = b - 1;
  while (e > a && CLOSE_CODES.has(text.charCodeAt(e))) e--;
  const endSentence = END_CODES.has(text.charCodeAt(e));
  const c0 = text.charCodeAt(a);
  const first = text.charAt(a);
  const startLower = (c0 >= 97 && c0 <= 122) || (c0 >= 0xc0 && isLetter(c0) && first !== first.toUpperCase());
  let bullet = false;
  if (BULLET_CODES.has(c0) && n > 1 && isSpace(text.charCodeAt(a + 1))) bullet = true;
  else if (c0 >= 48 && c0 <= 57 && n > 2) {
    let k = 1;
    if (text.charCodeAt(a + k) >= 48 && text.charCodeAt(a + k) <= 57) k++;
    const d = text.charCodeAt(a + k);
    bullet = (d === 46 || d === 41) && k + 1 < n && isSpace(text.charCodeAt(a + k + 1));
  }

  let rule: RuleHit | null = null;
  let meta: MetaHit | null = null;
  let commentHead = false;
  let lower: string | undefined;
  if (n <= MAX_RULE_LEN && words <= 40) {
    const firstDigit = (CLS[c0] & C_DIGIT) !== 0;
    lower = t.toLowerCase();
    if (words <= 12 && n <= 140 && (firstDigit || FIRST.comment.has(firstHash))) commentHead = COMMENT_HEAD.test(lower);
    if (n <= 40 && (c0 === 91 || FIRST.ad.has(firstHash) || (words <= 2 && !(CLS[c0] & C_LETTER))) && AD_MARKER.test(t)) rule = 'ad-marker';
    else if (n > 4 && t.indexOf(' ') < 0 && URL_LINE.test(t)) rule = 'url';
    else if (c0 === 91 /* [ */ && IMAGE_PLACEHOLDER.test(t)) rule = 'image-placeholder';
    else if (n <= 80 && words <= 8 && FIRST.source.has(firstHash) && SOURCE_LINK.test(t)) rule = 'source-link';
    else if (n <= 60 && words <= 6 && widgetCandidate(lower) && WIDGET_LINE.test(lower)) rule = 'widget-phrase';
    else if (words >= 3 && trigger && WIDGET_SENTENCE.test(lower)) rule = 'widget-phrase';
    else if (words <= 30 && copyHint(lower) && COPYRIGHT.test(t)) rule = 'copyright';
    else if (letters === 0 && digits === 0) rule = 'separator-line';
    if (!rule && words <= 16) {
      if (words <= 12 && FIRST.byline.has(firstHash) && BYLINE.test(t) && !(endSentence && /\p{Ll}{3,}\.$/u.test(t))) meta = 'byline';
      else if (digits > 0 && n <= 90 && DATE_ONLY.test(t) && DATE_EVIDENCE.test(t)) meta = 'dateline';
      else if ((FIRST.credit.has(firstHash) || creditHint(lower)) && CREDIT.test(t)) meta = 'photo-credit';
    }
  }
  // Scripts without function-word lists (Arabic, Hebrew, Greek, Indic, CJK…): a long line gets a neutral, prose-like
  // function-word share instead of 0, and unspaced CJK text counts about one word per two characters.
  let stopShare = words ? stop / words : 0;
  if (uncovered * 2 >= letters && letters > 0) {
    if (cjk * 2 >= letters) words = Math.max(words, Math.round(cjk / 2));
    if (words >= 6) stopShare = Math.max(stopShare, 0.3);
  }
  return {
    blank: false,
    key: makeKey(t, digits > 0, oddSpaces, lower),
    chars: n,
    words,
    stopShare,
    capShare: words ? caps / words : 0,
    digitShare: nonSpace ? digits / nonSpace : 0,
    alphaShare: nonSpace ? letters / nonSpace : 0,
    punctPerWord: words ? punct / words : 0,
    avgWordLen: words ? wlen / words : 0,
    endSentence,
    endColon: text.charCodeAt(b - 1) === 58,
    startLower,
    startPunct: START_PUNCT.has(c0),
    bullet,
    seps,
    indent,
    allCaps: letters >= 4 && upper > 0 && lowerN === 0 && (upper === letters || t === t.toUpperCase()),
    hasUrl,
    hasQuote,
    rule,
    meta,
    commentHead,
  };
}
