/**
 * Per-line features: a pure function of the line's text, so callers can memoise them in a Map keyed by the
 * line text (incremental analysis). Everything document-level (neighbours, position, templates) is computed
 * later from arrays of these.
 */
import { detach } from '../strings';
import {
  groupByFirstChar, COMMENT_HEAD, STOPWORDS, WIDGET_LINE, SHARE_SEQUENCE, WIDGET_SENTENCE, SHORT_WIDGET, WIDGET_WORDS, WIDGET_SENTENCE_PHRASES, EMBED_NOTICE, CONTACT_LINE, CODE_LINE, AD_MARKER, URL_LINE, IMAGE_PLACEHOLDER, SOURCE_LINK, COPYRIGHT, DATE_ONLY, DATE_EVIDENCE, BYLINE, STAFF_BYLINE, JOB_TITLE, CONTRIBUTED, AGENCY_WITH, CREDIT, CAPTION_CREDIT, CAPTION_CREDIT_MORE, CAPTION_TAIL, AGENCY_SLASH_CREDIT, CREDIT_ALONE, CAPTION_SURE_END, LINK_LABEL,
} from './phrases';

/** A rule that decides a line on its own text (reason codes in reasons.ts). */
export type RuleHit = 'ad-marker' | 'url' | 'image-placeholder' | 'source-link' | 'widget-phrase' | 'copyright' | 'separator-line' | 'code';
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
  /**
   * Menu separators | · • » › > « ‹ in the line; 0 when the only ones are guillemets in pairs, which quote ("« … », a
   * écrit…"). A line with any is never the headline, nor kept by the last resort.
   */
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
/** The longest line read as a photo caption by its agency credit at the end (AGENCY_SLASH_CREDIT). */
const MAX_CAPTION_LEN = 1200;
export const MAX_KEY_LEN = 200;

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

// Character classes (bits of CLS): everything the per-character loop asks is one table lookup and bit tests.
const C_LETTER = 1, C_DIGIT = 2, C_SPACE = 4, C_SEP = 8, C_QUOTE = 16, C_PUNCT = 32, C_UPPER = 64;
/** A letter of a script without function-word lists (not Latin/Cyrillic); C_CJK: kana or CJK ideographs. */
const C_UNCOVERED = 128, C_CJK = 256;
/** h or w: a possible start of "http" / "www.". */
const C_HW = 512;
/** Set on every computed entry (entries are computed on first sight, see cls()). */
const C_DONE = 1024;
/** a-z (counted as lower-case letters for allCaps). */
const C_LOWER_ASCII = 2048;
/** Apostrophe or hyphen: inside a word when a letter or digit follows. */
const C_JOIN = 4096;
/** A lower-case letter at the start of a line (a-z, or a letter that upper-casing changes). */
const C_START_LOWER = 8192;
const C_END = 1 << 14, C_CLOSE = 1 << 15, C_START_PUNCT = 1 << 16, C_BULLET = 1 << 17;
/** © and ( or /: the copyright and credit hints without searching the line (see copyHint, creditHint). */
const C_MARK_COPY = 1 << 18, C_MARK_PS = 1 << 19;
/**
 * g/G, y/Y, u/U, p/P, d/D: a line can only hold "copyright", "getty", "reuters" or "associated press" (lower-cased)
 * when it holds these letters (no other character lower-cases to them), so the hints search only such lines.
 */
const C_LG = 1 << 20, C_LY = 1 << 21, C_LU = 1 << 22, C_LP = 1 << 23, C_LD = 1 << 24;
/**
 * Character classes and lower-case code units of the BMP. Latin-1 and the Latin extensions are computed at load;
 * every other code unit the first time a line holds it (a table of 65,536 entries built eagerly cost 30-40 ms per
 * worker thread).
 */
const CLS = new Uint32Array(0x10000);
const LOWER = new Uint16Array(0x10000);
const EAGER = 0x250;

const SEP_CODES = [0x7c /* | */, 0xb7 /* · */, 0x2022 /* • */, 0xbb /* » */, 0x203a /* › */, 0x3e /* > */, 0xab /* « */, 0x2039 /* ‹ */];
const QUOTE_CODES = [0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb];
const END_CODES = [0x2e, 0x21, 0x3f, 0x2026, 0x3002, 0xff01, 0xff1f, 0x61f, 0x6d4, 0x964, 0x965, 0x37e];
const CLOSE_CODES = [0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x29, 0x5d];
const START_PUNCT = [0x2c, 0x3b, 0x2e, 0x3a, 0x29, 0x5d, 0x2019, 0x27, 0x201d, 0xbb];
const BULLET_CODES = [0x2a, 0x2022, 0xb7, 0x2b, 0x2d, 0x2013, 0x2014, 0x25ba, 0x25aa, 0x25a0, 0x25a1, 0x25e6, 0x6f];

/** Computes (and stores) the class and lower-case code unit of `c`. */
function computeCls(c: number): number {
  let k = C_DONE;
  let lower = c;
  if (c >= 48 && c <= 57) k |= C_DIGIT;
  else if (isLetter(c)) {
    k |= C_LETTER;
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase();
    if (lo !== ch && lo.length === 1) { k |= C_UPPER; lower = lo.charCodeAt(0); }
    if (c >= 0x250 && !(c >= 0x400 && c <= 0x52f) && !(c >= 0x1e00 && c <= 0x1eff)) {
      k |= C_UNCOVERED;
      if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) k |= C_CJK;
    }
    if (c === 104 || c === 119) k |= C_HW;
    if (c >= 97 && c <= 122) k |= C_LOWER_ASCII | C_START_LOWER;
    else if (c >= 0xc0 && ch !== ch.toUpperCase()) k |= C_START_LOWER;
  }
  if (isSpace(c)) k |= C_SPACE;
  if (SEP_CODES.includes(c)) k |= C_SEP;
  if (QUOTE_CODES.includes(c)) k |= C_QUOTE;
  if (c === 44 || c === 59 || c === 46) k |= C_PUNCT;
  if (c === 39 || c === 0x2019 || c === 45) k |= C_JOIN;
  if (END_CODES.includes(c)) k |= C_END;
  if (CLOSE_CODES.includes(c)) k |= C_CLOSE;
  if (START_PUNCT.includes(c)) k |= C_START_PUNCT;
  if (BULLET_CODES.includes(c)) k |= C_BULLET;
  if (c === 0xa9) k |= C_MARK_COPY;
  if (c === 40 || c === 47) k |= C_MARK_PS;
  if (c === 103 || c === 71) k |= C_LG;
  if (c === 121 || c === 89) k |= C_LY;
  if (c === 117 || c === 85) k |= C_LU;
  if (c === 112 || c === 80) k |= C_LP;
  if (c === 100 || c === 68) k |= C_LD;
  CLS[c] = k;
  LOWER[c] = lower;
  return k;
}

/** Class bits of the code unit `c` (< 0x10000). */
function cls(c: number): number {
  const k = CLS[c];
  return k !== 0 ? k : computeCls(c);
}

/** A map from non-zero 32-bit integers to small flags (open addressing): much faster than a Map in the per-word hot path. */
class IntFlags {
  keys = new Int32Array(64);
  vals = new Int32Array(64);
  private size = 0;
  add(h: number, flag: number): void {
    if (h === 0) h = 1;
    if ((this.size + 1) * 4 > this.keys.length) {
      const oldK = this.keys, oldV = this.vals;
      this.keys = new Int32Array(oldK.length * 2);
      this.vals = new Int32Array(oldK.length * 2);
      this.size = 0;
      for (let i = 0; i < oldK.length; i++) if (oldK[i] !== 0) this.add(oldK[i], oldV[i]);
    }
    const mask = this.keys.length - 1;
    let i = (Math.imul(h, 0x9e3779b1) >>> 16) & mask;
    while (this.keys[i] !== 0) {
      if (this.keys[i] === h) { this.vals[i] |= flag; return; }
      i = (i + 1) & mask;
    }
    this.keys[i] = h;
    this.vals[i] = flag;
    this.size++;
  }
  /** The flags of `h` (0: not in the map). */
  get(h: number): number {
    if (h === 0) h = 1;
    const t = this.keys, mask = t.length - 1;
    let i = (Math.imul(h, 0x9e3779b1) >>> 16) & mask;
    for (;;) {
      const x = t[i];
      if (x === h) return this.vals[i];
      if (x === 0) return 0;
      i = (i + 1) & mask;
    }
  }
}

/**
 * Word hashes (same hash as computed while scanning a line) -> flags: a function word; the first word of a widget
 * sentence (WIDGET_SENTENCE is only tried on lines holding one); a first word that can start a line matched by a
 * rule (the rule's regex is only tried then).
 */
const WORDS = new IntFlags();
const W_STOP = 1, W_TRIGGER = 2, W_AD = 4, W_SOURCE = 8, W_COMMENT = 16, W_BYLINE = 32, W_CREDIT = 64, W_LABEL = 128;
/** A trigger word's flags hold, from this bit up, the index in TRIGGER_RES of the phrases that start with it. */
const W_TRIGGER_SHIFT = 8;
/** Per first word of the widget sentences (see init): its phrases, a sticky regular expression tried where the word starts. */
const TRIGGER_RES: RegExp[] = [];
/**
 * The trigger words of the line lineFeaturesAt is reading: where each starts (in the trimmed line) and its
 * TRIGGER_RES index; read by widgetSentence within the same call (no allocation per line). More than TRIG_MAX of
 * them: the whole alternation is tried instead.
 */
const TRIG_MAX = 16;
const TRIG_AT = new Int32Array(TRIG_MAX);
const TRIG_RE = new Int32Array(TRIG_MAX);
let trigCount = 0;
/** The line has a word a converter may have glued onto another ("NEWYou", also "iPhone": gluedAt), so a phrase may start inside a word. */
let trigGlued = false;

/**
 * The words a widget sentence can start with: its first word, with the optional letters and groups right after it
 * written out (`comments? …` → comments, comment; `min(ute)?s? …` → min, mins, minute, minutes; `log ?in …` → log,
 * login).
 */
export function widgetSentenceFirstWords(p: string): string[] {
  const m = /^[\p{L}\p{N}'’-]+/u.exec(p);
  if (!m) throw new Error('widget sentence must start with a word: ' + p);
  let forms = [m[0]];
  let i = m[0].length;
  for (;;) {
    if (p[i] === '?') { // the letter before is optional
      forms = forms.flatMap((f) => [f, f.slice(0, -1)]);
      i++;
      continue;
    }
    const g = /^\(([\p{L}'’-]+)\)\?/u.exec(p.slice(i)); // an optional group of letters
    if (g) {
      forms = forms.flatMap((f) => [f, f + g[1]]);
      i += g[0].length;
      continue;
    }
    const r = /^[\p{L}\p{N}'’-]+/u.exec(p.slice(i)); // more letters of the same word
    if (r) {
      forms = forms.map((f) => f + r[0]);
      i += r[0].length;
      continue;
    }
    const sp = /^ \?([\p{L}]+)/u.exec(p.slice(i)); // an optional space: the next word joined on ("log ?in")
    if (sp) forms = forms.flatMap((f) => [f, f + sp[1]]);
    break;
  }
  return [...new Set(forms)].filter((f) => f.length > 0);
}

/**
 * A capital at text[i] inside a word starts a word a converter glued on: after a small letter ("ShareYour",
 * "iPhone"), or after a capital with a small letter next ("NEWYou"); not in an acronym ("NASA", "USA") or after a
 * digit ("5G").
 */
function gluedAt(text: string, i: number, b: number): boolean {
  const p = cls(text.charCodeAt(i - 1));
  if ((p & (C_LETTER | C_UPPER)) === C_LETTER) return true;
  return (p & C_UPPER) !== 0 && i + 1 < b && (cls(text.charCodeAt(i + 1)) & (C_LETTER | C_UPPER)) === C_LETTER;
}

/**
 * WIDGET_SENTENCE where a trigger word of the line starts (`lower`: the trimmed line, lower-cased; the positions
 * are the last lineFeaturesAt call's): only the phrases that start with that word, so a line of prose holding "the"
 * or "and" costs a few anchored tries instead of a scan of the whole alternation. A line with more than TRIG_MAX
 * trigger words, with a capital inside a word (spans glued by a converter: "NEWYou can now listen to …", where the
 * phrase starts inside a word), or whose lower-casing changed its length (positions no longer line up), takes the
 * scan.
 */
function widgetSentence(lower: string, n: number): boolean {
  if (trigCount > TRIG_MAX || trigGlued || lower.length !== n) return WIDGET_SENTENCE.test(lower);
  for (let j = 0; j < trigCount; j++) {
    const re = TRIGGER_RES[TRIG_RE[j]];
    re.lastIndex = TRIG_AT[j];
    if (re.test(lower)) return true;
  }
  return false;
}
/**
 * First three letters of the whole-line widget phrases, as numbers (three code units, see prefixNumber: no string
 * per look-up): WIDGET_LINE is only tried on lines starting so.
 */
const WIDGET_PREFIX_N = new Set<number>();
const prefixNumber = (s: string, a: number): number => (s.charCodeAt(a) * 0x10000 + s.charCodeAt(a + 1)) * 0x10000 + s.charCodeAt(a + 2);

const FIRST_WORDS: [number, string][] = [
  [W_AD, 'ad ads advert advertisement advertising adsense banner anzeige werbung publicité publicidad publicidade pubblicità advertentie реклама sponsored ' +
    'skip story article content text continue report'],
  [W_SOURCE, 'source quelle fuente fonte bron источник read continue view original originally weiterlesen lire seguir continua lees читать'],
  [W_COMMENT, 'comment comments reader readers user your response responses leave post add write have join discussion what kommentare ' +
    'leserkommentare commentaires réactions comentarios commenti comentários reacties комментарии'],
  [W_BYLINE, 'by posted written reported reporting edited editor penulis di contributing with words story von par por door автор author autor auteur'],
  [W_CREDIT, 'photo photograph photographer picture image media foto fotos bild illustration photo-illustration crédit credit credits source quelle fuente fonte фото video getty afp reuters ap dpa epa associated yonhap kyodo jiji xinhua bernama antara anadolu newsis efe ansa pti ani ians aap spa wam kuna qna tass'],
  [W_LABEL, 'tags tag topics topic categories category filed keywords labels label related also read see recommended must more watch listen previously further editor\'s editor’s lire à voir lesen mehr auch leer lee leia leggi lees läs baca keep más mas mirá mira don\'t don’t читайте'],
];

function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    cls(c);
    h = (Math.imul(h, 31) + LOWER[c]) | 0;
  }
  return h;
}

(function init() {
  for (let c = 0; c < EAGER; c++) computeCls(c);
  for (const w of STOPWORDS) WORDS.add(hashWord(w), W_STOP);
  for (const [flag, words] of FIRST_WORDS) for (const w of words.split(' ')) WORDS.add(hashWord(w), flag);
  // each widget sentence's first word (in every form it can take) -> the phrases that start with it, one sticky
  // regular expression per word (per hash), tried where the word starts in the line
  const byHash = new Map<number, string[]>();
  for (const p of WIDGET_SENTENCE_PHRASES) {
    for (const w of widgetSentenceFirstWords(p)) {
      const h = hashWord(w) || 1;
      const ps = byHash.get(h);
      if (!ps) byHash.set(h, [p]);
      else if (!ps.includes(p)) ps.push(p);
    }
  }
  for (const [h, ps] of byHash) {
    WORDS.add(h, W_TRIGGER | (TRIGGER_RES.length << W_TRIGGER_SHIFT));
    TRIGGER_RES.push(new RegExp(groupByFirstChar(ps), 'y'));
  }
  for (const p of WIDGET_WORDS)
    for (const head of leadingForms(p.replace(/^(\\d\+[ -]|¿)/, ''), 3)) {
      const pre = head.slice(0, 3);
      if (/[\\()[\]?+*|{}.]/.test(pre) || pre.length < 3) continue; // short or pattern-like: tested anyway (see below)
      WIDGET_PREFIX_N.add(prefixNumber(pre, 0));
    }
})();

/**
 * The forms a widget phrase can start with, its leading groups written out: `(exit )?full ?screen` → `exit full
 * ?screen`, `full ?screen`; `(show|hide) captions` → `show captions`, `hide captions` (groups without nesting, at
 * most `depth` of them in a row).
 */
function leadingForms(p: string, depth: number): string[] {
  if (depth === 0 || p[0] !== '(') return [p];
  const close = p.indexOf(')');
  if (close < 0 || p.slice(1, close).includes('(')) return [p];
  const optional = p[close + 1] === '?';
  const rest = p.slice(close + (optional ? 2 : 1));
  const out: string[] = [];
  for (const alt of p.slice(1, close).split('|')) out.push(...leadingForms(alt + rest, depth - 1));
  if (optional) out.push(...leadingForms(rest, depth - 1));
  return out;
}

/** Lower-cased line -> should WIDGET_LINE be tried (prefix filter; lines of < 3 letters are always tried). */
function widgetCandidate(lower: string): boolean {
  let a = 0;
  const n = lower.length;
  while (a < n && !(cls(lower.charCodeAt(a)) & (C_LETTER | C_DIGIT))) a++;
  const d = a;
  while (a < n && cls(lower.charCodeAt(a)) & C_DIGIT) a++; // "12 comments"
  if (a > d && a < n && lower.charCodeAt(a) === 45) a++; // "4-minute listen"
  while (a < n && cls(lower.charCodeAt(a)) & C_SPACE) a++;
  if (n - a < 3) return true;
  return WIDGET_PREFIX_N.has(prefixNumber(lower, a)); // = WIDGET_PREFIX.has(lower.slice(a, a + 3))
}

/** A first code unit of an EMBED_NOTICE line: a dash, ♬, A/a (a post shared by) or T/t (this article …). */
function embedStart(c0: number): boolean {
  return c0 === 0x2014 || c0 === 0x2013 || c0 === 45 || c0 === 0x266c || c0 === 65 || c0 === 97 || c0 === 84 || c0 === 116;
}

/** A first code unit of a CODE_LINE: { [ < . # @ ( $ _ or a lower-case ASCII letter. */
function codeStart(c0: number): boolean {
  return (c0 >= 97 && c0 <= 122) || c0 === 123 || c0 === 91 || c0 === 60 || c0 === 46 || c0 === 35 || c0 === 64 || c0 === 40 || c0 === 36 || c0 === 95;
}

/** A code line holds a brace, a parenthesis or "=", or starts with "<" (CODE_LINE is only tried then). */
function codeHint(t: string, c0: number): boolean {
  return c0 === 60 || t.indexOf('{') >= 0 || t.indexOf('(') >= 0 || t.indexOf('=') >= 0;
}

/** A first code unit of a CONTACT_LINE: a dash, C/c, R/r, E/e or W/w. */
function contactStart(c0: number): boolean {
  return c0 === 0x2014 || c0 === 0x2013 || c0 === 45 || c0 === 67 || c0 === 99 || c0 === 82 || c0 === 114 || c0 === 69 || c0 === 101 || c0 === 87 || c0 === 119;
}

/**
 * Copyright lines start with ©/(c)/copyright or hold ©; the other "all rights reserved" forms are widget sentences.
 * The same as `lower.indexOf('©') >= 0 || lower.startsWith('(c)') || lower.indexOf('copyright') >= 0`, from the
 * line's character classes: `marks` (or-ed classes of the characters outside words), `seen` (of the letters), c0
 * its first code unit.
 */
function copyHint(lower: string, c0: number, marks: number, seen: number): boolean {
  return (marks & C_MARK_COPY) !== 0 || (c0 === 40 && lower.startsWith('(c)')) ||
    ((seen & (C_LP | C_LY | C_LG)) === (C_LP | C_LY | C_LG) && lower.indexOf('copyright') >= 0);
}
/**
 * Credits not starting with a credit word hold a bracket, a slash or an agency name: the same as `lower` holding
 * one of ( / getty reuters "associated press", from the character classes as in copyHint.
 */
function creditHint(lower: string, marks: number, seen: number): boolean {
  return (marks & C_MARK_PS) !== 0 || ((seen & (C_LG | C_LY)) === (C_LG | C_LY) && lower.indexOf('getty') >= 0) ||
    ((seen & C_LU) !== 0 && lower.indexOf('reuters') >= 0) || ((seen & (C_LP | C_LD)) === (C_LP | C_LD) && lower.indexOf('associated press') >= 0);
}

/** The key of a line of the classifier (see LineFeatures.key); `lower` is the lower-cased line when it is at most MAX_KEY_LEN long. */
function featureKey(t: string, lower: string, hasDigits: boolean, oddSpaces: boolean): string {
  let k = t.length > MAX_KEY_LEN ? longKey(t) : lower;
  if (hasDigits) k = foldDigits(k);
  if (oddSpaces) k = foldSpaces(k);
  return k;
}
function longKey(t: string): string {
  return [t.slice(0, MAX_KEY_LEN).toLowerCase(), '#', t.length].join(''); // join: a flat string (+ makes a cons string)
}
function foldDigits(k: string): string {
  return k.replace(/\d+/g, '0');
}
function foldSpaces(k: string): string {
  return k.replace(/[\s\u00a0]+/g, ' ');
}

/**
 * A copy of `s` that shares no memory with the string it was sliced from (V8 keeps the whole parent of a slice
 * alive): for strings kept longer than their document (memo keys, template indexes).
 */
export { detach };

/**
 * Key used to compare lines across dumps (folder templates, duplicates): `LineFeatures.key` of the line text[start,
 * end) without computing the other features; the one definition both the classifier and the template index use.
 * Trimmed, lower-cased, digits folded to 0, spaces collapsed; a line over MAX_KEY_LEN characters keeps its first
 * MAX_KEY_LEN + '#' + its length (the length digits are folded too when the line holds digits). A detached copy: a
 * template index keeps keys of many dumps and must not keep the dumps themselves.
 */
export function lineKeyAt(text: string, start: number, end: number): string {
  let a = start;
  while (a < end && cls(text.charCodeAt(a)) & C_SPACE) a++;
  if (a === end) return BLANK.key;
  let b = end;
  while (b > a && cls(text.charCodeAt(b - 1)) & C_SPACE) b--;
  // the same flags as the character loop of lineFeaturesAt: any digit; a space other than U+0020 (that is not also
  // a letter: U+1680), or two U+0020 in a row
  let hasDigits = false, oddSpaces = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    const k = cls(c);
    if (k & C_DIGIT) hasDigits = true;
    else if ((k & (C_SPACE | C_LETTER)) === C_SPACE && (c !== 32 || text.charCodeAt(i - 1) === 32)) oddSpaces = true;
  }
  const t = a === 0 && b === text.length ? text : text.slice(a, b);
  return detach(featureKey(t, b - a <= MAX_KEY_LEN ? t.toLowerCase() : '', hasDigits, oddSpaces));
}

/**
 * How lineKeyAt treats the code unit `c`: bit 1, a space trimmed from the ends of a line (the classifier's space
 * class); bit 2, a space that makes the key fold its runs of spaces (`oddSpaces` above, for a code unit other than
 * U+0020). For the template counter's string-free keys (templates.ts).
 */
export function keySpaceFlags(c: number): number {
  const k = cls(c);
  return (k & C_SPACE ? 1 : 0) | ((k & (C_SPACE | C_LETTER)) === C_SPACE && c !== 32 ? 2 : 0);
}

/** lineKeyAt over a whole line (with or without surrounding spaces). */
export function lineKey(line: string): string {
  return lineKeyAt(line, 0, line.length);
}

/** Features of one line (its text without the line ending). Pure: same text, same result. */
export function lineFeatures(line: string): LineFeatures {
  return lineFeaturesAt(line, 0, line.length);
}

const RULES: (RuleHit | null)[] = [null, 'ad-marker', 'url', 'image-placeholder', 'source-link', 'widget-phrase', 'copyright', 'separator-line', 'code'];
const METAS: (MetaHit | null)[] = [null, 'byline', 'dateline', 'photo-credit'];
const R_COMMENT_HEAD = 128;
/** The bits of ruleCode's result that hold the METAS index. */
const META_BITS = 7 << 4;

/**
 * The rules and meta patterns of a line of at most MAX_RULE_LEN characters and 40 words (t: trimmed, lower: t
 * lower-cased): RULES index | METAS index << 4 | R_COMMENT_HEAD. Apart from the hot character loop, so that a
 * rare branch taken for the first time does not throw away the optimised code of the loop.
 */
function ruleCode(t: string, lower: string, n: number, words: number, c0: number, firstFlags: number,
  letters: number, digits: number, endSentence: boolean, marks: number, seen: number): number {
  let code = 0;
  const k0 = cls(c0);
  if (words <= 12 && n <= 140 && ((k0 & C_DIGIT) !== 0 || (firstFlags & W_COMMENT) !== 0) && COMMENT_HEAD.test(lower)) code = R_COMMENT_HEAD;
  let rule = 0;
  if (n <= 50 && (c0 === 91 || (firstFlags & W_AD) !== 0 || (words <= 2 && !(k0 & C_LETTER))) && AD_MARKER.test(t)) rule = 1;
  else if (n > 4 && t.indexOf(' ') < 0 && (t.indexOf('.') >= 0 || t.indexOf(':') >= 0) && URL_LINE.test(t)) rule = 2; // every URL_LINE holds . or :
  else if (c0 === 91 /* [ */ && IMAGE_PLACEHOLDER.test(t)) rule = 3;
  else if (n <= 80 && words <= 8 && (firstFlags & W_SOURCE) !== 0 && SOURCE_LINK.test(t)) rule = 4;
  else if (n <= 60 && words <= 6 && widgetCandidate(lower) && WIDGET_LINE.test(lower)) rule = 5;
  else if (n <= 80 && words >= 2 && words <= 8 && SHARE_SEQUENCE.test(lower)) rule = 5;
  else if (words >= 2 && words <= 6 && (c0 === 83 || c0 === 115) /* S s */ && (lower.startsWith('share ') || lower.startsWith('see all ')) && SHORT_WIDGET.test(lower)) rule = 5;
  else if (words >= 3 && trigCount > 0 && widgetSentence(lower, n)) rule = 5;
  else if (words >= 2 && words <= 14 && embedStart(c0) && EMBED_NOTICE.test(t)) rule = 5;
  else if (words >= 4 && words <= 30 && contactStart(c0) && t.indexOf('@') > 0 && CONTACT_LINE.test(t)) rule = 5;
  else if (words <= 30 && copyHint(lower, c0, marks, seen) && COPYRIGHT.test(t)) rule = 6;
  else if (words <= 25 && (firstFlags & W_LABEL) !== 0 && LINK_LABEL.test(t)) rule = 5;
  else if (letters === 0 && digits === 0) rule = 7;
  else if (codeStart(c0) && codeHint(t, c0) && CODE_LINE.test(t)) rule = 8;
  if (rule !== 0) return code | rule;
  if (words <= 3 && n <= 24 && t.charCodeAt(n - 1) === 58 /* : */) {
    // a byline's or dateline's label alone, its value on the next line ("Reported By :" / the name, "Last Updated:" / the date)
    const m = META_LABELS.get(lower.slice(0, lower.length - 1).trimEnd());
    if (m !== undefined) return code | m << 4;
  }
  if (words <= 16) {
    if (words <= 12 && (firstFlags & W_BYLINE) !== 0 && BYLINE.test(t) && !(endSentence && BYLINE_SENTENCE.test(t) && !REPORTING_FROM.test(t))) code |= 1 << 4;
    else if (words >= 3 && words <= 8 && !endSentence && (k0 & C_UPPER) !== 0 && jobEnd(lower) && STAFF_BYLINE.test(t)) code |= 1 << 4;
    else if (words >= 2 && words <= 4 && digits === 0 && !endSentence && (k0 & C_UPPER) !== 0 && jobEnd(lower) && JOB_TITLE.test(t)) code |= 1 << 4;
    else if (words >= 2 && words <= 8 && digits === 0 && !endSentence && (k0 & C_UPPER) !== 0 && agencyEnd(t, n) && AGENCY_WITH.test(t)) code |= 1 << 4;
    else if (digits > 0 && n <= 90 && DATE_ONLY.test(t) && DATE_EVIDENCE.test(t)) code |= 2 << 4;
    else if (digits > 0 && n <= 120 && segmentedDate(t)) code |= 2 << 4;
    else if (((firstFlags & W_CREDIT) !== 0 || creditHint(lower, marks, seen)) && CREDIT.test(t)) code |= 3 << 4;
    // "Jire Carreon/Rappler", "(Yonhap)", "AFP via Getty Images", "- Bernama" (CREDIT_ALONE)
    else if (words <= 10 && !endSentence && ((marks & C_MARK_PS) !== 0 || (firstFlags & W_CREDIT) !== 0 || lower.endsWith('images')) && CREDIT_ALONE.test(t)) code |= 3 << 4;
  } else if (words <= DATELINE_WORDS && digits > 0 && n <= 120 && DATE_ONLY.test(t) && DATE_EVIDENCE.test(t)) code |= 2 << 4; // "Published … | Updated …"
  // the byline and the date on one line, as converters that join a header's spans write it (w3m, html2text,
  // inscriptis: "By Maria Reyes Staff Writer Published Oct. 16, 2024, 7:45 a.m. ET Updated 11:20")
  if ((code & META_BITS) === 0 && digits > 0 && words <= 30 && (c0 === 66 || c0 === 98) /* B b */ && bylineThenDate(t)) code |= 1 << 4;
  if ((code & META_BITS) !== 0) return code;
  // a caption by its credit at the end, of any length: "Smoke rises … (AP Photo/David Zalubowski)", "… in Tokyo, January
  // 5, 2008. REUTERS/Toru Hanai", NPR's "… Elena Ortiz for NPR hide caption"
  if ((captionEnd(t, n) && (CAPTION_CREDIT.test(t) || (words >= 4 && CAPTION_CREDIT_MORE.test(t)))) || agencyCredit(t, n) || hideCaption(lower, n) ||
    (words >= 5 && captionTail(t, n)) || (words >= 2 && sureEnd(lower) && CAPTION_SURE_END.test(n > 200 ? t.slice(n - 200) : t))) return code | 3 << 4;
  if (endSentence && words <= 40 && n >= 24 && t.indexOf(' contributed ', n - 120) >= 0 && CONTRIBUTED.test(n > 120 ? t.slice(n - 120) : t)) code |= 1 << 4;
  return code;
}
/**
 * The line ends as STAFF_BYLINE's and JOB_TITLE's do: a writer's job (correspondent, reporter, editor, writer,
 * columnist, journalist; in the plural too), perhaps followed by " @handle" (lower: the line lower-cased). The
 * regular expressions are only tried then.
 */
export function jobEnd(lower: string): boolean {
  if (jobWordEnds(lower, lower.length)) return true;
  const h = lower.lastIndexOf(' @');
  return h > 0 && jobWordEnds(lower, h);
}
function jobWordEnds(lower: string, e: number): boolean {
  let c = lower.charCodeAt(e - 1);
  if (c === 115 /* s */) c = lower.charCodeAt(--e - 1);
  if (c === 116 /* t */) return lower.endsWith('correspondent', e) || lower.endsWith('journalist', e) || lower.endsWith('columnist', e);
  return c === 114 /* r */ && (lower.endsWith('reporter', e) || lower.endsWith('editor', e) || lower.endsWith('writer', e));
}
/**
 * A dateline after the desk's or agency's names, separated by slashes or bars: "TOI City Desk / TNN / Updated:
 * Nov 29, 2026, 09:14 IST". Every part before the date has one to four words, no digits, and starts with a capital. Or
 * a date and then its section: "Mar 12, 2025 - Technology"; or its place in capitals: "Updated - April 16, 2026 09:42
 * pm IST - CHENNAI".
 */
function segmentedDate(t: string): boolean {
  // the date and then the place in capitals: "Updated - April 16, 2026 09:42 pm IST - CHENNAI" (the Hindu)
  const place = PLACE_AFTER.exec(t);
  if (place !== null) {
    const date = t.slice(0, place.index);
    if (DATE_ONLY.test(date) && DATE_EVIDENCE.test(date)) return true;
  }
  if (t.indexOf(' / ') < 0 && t.indexOf(' | ') < 0) {
    // the date (with its month's name) and then the section: "Mar 12, 2025 - Technology" (Axios)
    const d = t.indexOf(' - ');
    if (d < 0 || t.indexOf(' - ', d + 3) >= 0) return false;
    const date = t.slice(0, d);
    return /\p{L}{3}/u.test(date) && DATE_ONLY.test(date) && DATE_EVIDENCE.test(date) && /^\s*\p{Lu}[\p{L}&'’]*(?: [\p{L}&'’]+){0,2}\s*$/u.test(t.slice(d + 3));
  }
  const parts = t.split(/\s[/|]\s/);
  const last = parts[parts.length - 1];
  if (parts.length < 2 || !DATE_ONLY.test(last) || !DATE_EVIDENCE.test(last)) return false;
  for (let k = 0; k < parts.length - 1; k++) if (!/^\s*\p{Lu}[\p{L}.'’&-]*(?: [\p{L}.'’&-]+){0,3}\s*$/u.test(parts[k])) return false;
  return true;
}
/** A credit's label after a caption's full stop (captionTail). */
const LABELLED_AFTER = /^ ?(?:Photo(?:graph)?|Picture|Image|Foto|Bild|Credit)(?: [Cc]redit)?: /;
/** A place in capitals after a dash at a dateline's end. */
const PLACE_AFTER = / [-–—] \p{Lu}{2,}(?:[ -]\p{Lu}{2,}){0,2}\s*$/u;
/** The line ends as AGENCY_WITH's agencies do (AFP, AP, dpa, Reuters, agences, Agenturen…): it is only tried then. */
function agencyEnd(t: string, n: number): boolean {
  const c = t.charCodeAt(n - 1);
  return c === 80 /* P */ || c === 97 /* a */ || c === 110 /* n */ || (c === 115 /* s */ && (t.endsWith('Reuters') || t.endsWith('ences') || t.endsWith('encias') || t.endsWith('encies') || t.endsWith('services')));
}
/** The number of guillemets (« and ») in text[a..b) when there are as many « as », else -1 (read only for lines with both a quote mark and a separator, outside the hot loop). */
function pairedGuillemets(text: string, a: number, b: number): number {
  let open = 0, close = 0;
  for (let x = a; x < b; x++) { const c = text.charCodeAt(x); if (c === 0xab) open++; else if (c === 0xbb) close++; }
  return open === close ? open + close : -1;
}
/**
 * A caption with its credit after the last sentence (CAPTION_TAIL): tried when the line ends in a letter and its last
 * 100 characters hold a colon, a slash, a bar or "©".
 */
function captionTail(t: string, n: number): boolean {
  if (n < 30 || (cls(t.charCodeAt(n - 1)) & C_LETTER) === 0) return false;
  const from = n > 100 ? n - 100 : 0;
  if (t.indexOf(': ', from) < 0 && t.indexOf('/', from) < 0 && t.indexOf(' | ', from) < 0 && t.indexOf('©', from) < 0 && !dashCredit(t, n) && !forCredit(t, n)) return false;
  const m = CAPTION_TAIL.exec(from > 0 ? t.slice(from) : t);
  if (m === null) return false;
  // the caption before the credit: five words or more, no menu bar ("About Us | Having a Problem? | Contact Us")
  const end = from + m.index;
  // (a kicker in capitals before the caption may end in a bar: "BACK TO SCHOOL | Parents accompany …")
  const bar = t.lastIndexOf('|', end);
  if (bar >= 0 && !(bar < 40 && t.indexOf('|') === bar && KICKER_BAR.test(t.slice(0, bar + 1)))) return false;
  let spaces = 0;
  for (let x = t.indexOf(' '); x >= 0 && x < end && spaces < 5; x = t.indexOf(' ', x + 1)) spaces++;
  // (three words are enough when the caption's sentence ends before a labelled credit or a photographer over the agency:
  // "Wellington's Te Atakura reservoir. Photo: RNZ / Samuel Rillstone", "A transmission tower in California. Justin
  // Sullivan/Getty Images")
  return spaces >= 5 || (spaces >= 3 && t.charCodeAt(end) === 46 && (LABELLED_AFTER.test(t.slice(end + 1, end + 16)) || t.indexOf('/', end) > 0));
}
/** An em dash among the line's last 45 characters with a capital right after it ("… Lake. — Photo courtesy Wapda", "…. —RICHARD A. REYES"). */
function dashCredit(t: string, n: number): boolean {
  const d = t.lastIndexOf('\u2014');
  if (d < 0 || d < n - 45) return false;
  const c = t.charCodeAt(d + 1) === 32 ? t.charCodeAt(d + 2) : t.charCodeAt(d + 1);
  return (cls(c) & C_UPPER) !== 0;
}
/** " for " and a capital among the line's last 40 characters ("… to stay warm. Gabriella Bass for NY Post"). */
function forCredit(t: string, n: number): boolean {
  const d = t.lastIndexOf(' for ');
  return d >= 0 && d >= n - 40 && (cls(t.charCodeAt(d + 5)) & C_UPPER) !== 0;
}
/** "By" and one to eight words, then a date with its word ("Published", "Updated", "Posted") to the line's end. */
const BYLINE_THEN_DATE = /^\s*[Bb][Yy] (\p{Lu}[^|]{2,80}?) ((?:[Pp]ublished|PUBLISHED|[Uu]pdated|UPDATED|[Pp]osted|POSTED)\b.*)$/u;
function bylineThenDate(t: string): boolean {
  const m = BYLINE_THEN_DATE.exec(t);
  return m !== null && m[1].split(' ').length <= 8 && DATE_ONLY.test(m[2]) && DATE_EVIDENCE.test(m[2]);
}
/** Words in capitals and then a bar, at a caption's start. */
const KICKER_BAR = /^[\p{Lu}\d ,'’-]+ \|$/u;
/** The line ends as CAPTION_SURE_END's credits and notes do (" pic", "photo", "images", "picture", "purposes", "only"), or starts with "file " ("File photo: …"). */
function sureEnd(lower: string): boolean {
  const n = lower.length, c = lower.charCodeAt(n - 1);
  if (c === 46 /* . */) {
    const d = lower.charCodeAt(n - 2);
    return (d === 115 /* s */ && lower.endsWith('purposes.')) || (d === 121 /* y */ && lower.endsWith('only.'));
  }
  if (lower.charCodeAt(0) === 102 /* f */ && lower.startsWith('file ')) return true;
  switch (c) {
    case 99: return lower.endsWith(' pic'); // c
    case 111: return lower.endsWith(' photo'); // o
    case 115: return lower.endsWith(' images') || lower.endsWith('purposes'); // s
    case 101: return lower.endsWith(' image') || lower.endsWith(' picture') || lower.endsWith('/file') || lower.endsWith(' file'); // e
    case 121: return lower.endsWith('purposes only') || lower.endsWith('/courtesy'); // y
    default: return false;
  }
}
/** Labels of a byline (1) or a dateline (2) alone on their line, with a colon (NDTV, News18, India Today: "Reported By :", "Last Updated:", "Published On:"). */
const META_LABELS = new Map<string, number>([
  ...['reported by', 'written by', 'edited by', 'published by', 'posted by', 'compiled by', 'curated by', 'author', 'authors'].map((k) => [k, 1] as [string, number]),
  ...['published', 'published on', 'published at', 'updated', 'updated on', 'updated at', 'last updated', 'last updated on', 'first published', 'first published on',
    'posted', 'posted on', 'last modified', 'modified', 'date'].map((k) => [k, 2] as [string, number]),
]);
/** A caption as NPR's pages give it, ending in its "hide caption" button. */
function hideCaption(lower: string, n: number): boolean {
  return n > 24 && lower.charCodeAt(lower.length - 1) === 110 /* n */ && lower.endsWith(' hide caption');
}
/** The line ends in an agency's credit after a slash (AGENCY_SLASH_CREDIT), tried only with a slash among its last 90 characters, on its last 160. */
function agencyCredit(t: string, n: number): boolean {
  return n >= 12 && t.indexOf('/', n > 90 ? n - 90 : 0) >= 0 && AGENCY_SLASH_CREDIT.test(n > 160 ? t.slice(n - 160) : t);
}
/**
 * A sentence end and then a news agency's tag ends text[a..e] ("… survived by his wife, son and two daughters. PTI",
 * "… in Delhi. UNI"): the paragraph ends its sentence (briefs of Indian papers end so).
 */
function agencyTagEnd(text: string, a: number, e: number): boolean {
  let k = e;
  while (k > a && e - k < 5 && text.charCodeAt(k) >= 65 && text.charCodeAt(k) <= 90) k--;
  const caps = e - k;
  return caps >= 2 && caps <= 5 && k - 1 > a && text.charCodeAt(k) === 32 && (cls(text.charCodeAt(k - 1)) & C_END) !== 0 &&
    AGENCY_TAGS.has(text.slice(k + 1, e + 1));
}
/** News agencies' tags at a paragraph's end (not a time zone: "… 10:23 a.m. EST" is a dateline). */
const AGENCY_TAGS = new Set(['PTI', 'UNI', 'IANS', 'ANI', 'AP', 'AFP', 'DPA', 'EFE', 'ANSA', 'KUNA', 'WAM', 'SPA', 'IRNA', 'BSS', 'APP', 'TNS', 'NNN', 'SAPA', 'AAP', 'CNA', 'XNA']);
/** The line ends in ")" or "]" (the only lines CAPTION_CREDIT is tried on). */
function captionEnd(t: string, n: number): boolean {
  const c = t.charCodeAt(n - 1);
  return c === 41 || c === 93;
}
/** The most words of a dateline ("Published March 3, 2024 at 10:15 a.m. | Updated March 3, 2024 at 6:40 p.m.": 18). */
const DATELINE_WORDS = 24;
const BYLINE_SENTENCE = /\p{Ll}{3,}\.$/u;
/** "Reporting from Jackson, Miss.": a byline whose place may end in an abbreviation's full stop. */
const REPORTING_FROM = /^\s*[Rr]eporting from [\p{Lu}]/u;

/** Upper-cases `t` to test an all-caps line holding letters without an upper-case form. */
function isUpperCased(t: string): boolean {
  return t === t.toUpperCase();
}

/** "http" / "www." at i (text[i] is h or w). */
function urlAt(text: string, i: number, b: number): boolean {
  if (i + 3 >= b) return false;
  return text.charCodeAt(i) === 104
    ? text.charCodeAt(i + 1) === 116 && text.charCodeAt(i + 2) === 116 && text.charCodeAt(i + 3) === 112
    : text.charCodeAt(i + 1) === 119 && text.charCodeAt(i + 2) === 119 && text.charCodeAt(i + 3) === 46;
}

/**
 * Features of the line text[start, end) (without its line ending): the same result as
 * lineFeatures(text.slice(start, end)). Scanning the document by offsets is much faster than scanning many small
 * (sliced) strings; the regexes still see the trimmed line as a string.
 */
export function lineFeaturesAt(text: string, start: number, end: number): LineFeatures {
  let a = start;
  while (a < end && cls(text.charCodeAt(a)) & C_SPACE) a++;
  if (a === end) return BLANK;
  let b = end;
  while (b > a && cls(text.charCodeAt(b - 1)) & C_SPACE) b--;
  const indent = a - start;
  const n = b - a;

  // one pass over the characters: words, function words, capitals, digits, letters, punctuation, separators. A word
  // (letters and digits, with apostrophes/hyphens between them) is read by the inner loop; the outer loop sees the
  // characters between words. Every character that is not a space counts as non-space (nonSpace = n - spaces).
  let words = 0, stop = 0, caps = 0, wlen = 0, digits = 0, letters = 0, spaces = 0, punct = 0, seps = 0;
  let hasQuote = false, oddSpaces = false, hasUrl = false, firstFlags = 0;
  trigCount = 0;
  trigGlued = false;
  let seen = 0; // class bits of the letters, or-ed
  let marks = 0; // class bits of the other characters that are not spaces, or-ed
  let lastSpace = -2; // index of the last plain space (-2: none; a >= 0, so never a - 1)
  const wk = WORDS.keys, wv = WORDS.vals, wmask = wk.length - 1;
  let i = a;
  while (i < b) {
    let c = text.charCodeAt(i); // a code unit: always < 0x10000
    let k = CLS[c];
    if (k === 0) k = computeCls(c);
    if (k & (C_LETTER | C_DIGIT)) {
      const ws = i;
      const wordUpper = k & C_UPPER; // the word starts with a capital
      let h = 0; // hash of the word, lower-cased (function-word lookup without allocating)
      for (;;) {
        if (k & C_DIGIT) digits++;
        else {
          letters++;
          seen |= k; // the rare counts (capitals, scripts) are only made when a line needs them, after the loop
          if (k & C_UPPER && i !== ws && !trigGlued) trigGlued = gluedAt(text, i, b); // "NEWYou can now listen…"
          if (k & C_HW && !hasUrl) hasUrl = urlAt(text, i, b); // "http" / "www." anywhere in the line (same as indexOf)
        }
        h = (Math.imul(h, 31) + LOWER[c]) | 0;
        if (++i >= b) break;
        c = text.charCodeAt(i);
        k = CLS[c];
        if (k === 0) k = computeCls(c);
        if (k & (C_LETTER | C_DIGIT)) continue;
        // apostrophe or hyphen inside a word: a letter or digit follows
        if (k & C_JOIN && i + 1 < b && cls(text.charCodeAt(i + 1)) & (C_LETTER | C_DIGIT)) {
          h = (Math.imul(h, 31) + c) | 0;
          c = text.charCodeAt(++i);
          k = CLS[c]; // computed by the test above
          continue;
        }
        break;
      }
      words++;
      const len = i - ws;
      wlen += len;
      if (wordUpper) caps++;
      // WORDS.get(h), inlined
      const hk = h === 0 ? 1 : h;
      let x = (Math.imul(hk, 0x9e3779b1) >>> 16) & wmask, wf = 0;
      for (let y = wk[x]; y !== 0; y = wk[x]) {
        if (y === hk) { wf = wv[x]; break; }
        x = (x + 1) & wmask;
      }
      if (len <= 11 && wf & W_STOP) stop++;
      if (wf & W_TRIGGER) {
        if (trigCount < TRIG_MAX) {
          TRIG_AT[trigCount] = ws - a;
          TRIG_RE[trigCount] = wf >>> W_TRIGGER_SHIFT;
        }
        trigCount++;
      }
      if (words === 1) firstFlags = wf;
      if (i >= b) break;
      // text[i] (class k) is not part of a word: handled below
    }
    if (k & C_SPACE) {
      spaces++;
      if (c !== 32) oddSpaces = true;
      else {
        if (lastSpace === i - 1) oddSpaces = true;
        lastSpace = i;
      }
    } else {
      marks |= k;
      if (k & C_PUNCT) punct++;
      else if (k & C_SEP) seps++;
      if (k & C_QUOTE) hasQuote = true;
    }
    i++;
  }
  const nonSpace = n - spaces;
  // guillemets in pairs quote ("« La défense aérienne a fonctionné », a écrit…", German »…«): not menu separators
  // (only when they are the line's only separators: "« March 2005 | Main | June 2005 »" is a menu)
  if (hasQuote && seps > 0 && pairedGuillemets(text, a, b) === seps) seps = 0;

  // sentence end: . ! ? … possibly followed by closing quotes/brackets
  let e = b - 1;
  while (e > a && cls(text.charCodeAt(e)) & C_CLOSE) e--;
  const endSentence = (cls(text.charCodeAt(e)) & C_END) !== 0 || agencyTagEnd(text, a, e);
  const c0 = text.charCodeAt(a);
  const k0 = cls(c0);
  let bullet = false;
  if (k0 & C_BULLET && n > 1 && cls(text.charCodeAt(a + 1)) & C_SPACE) bullet = true;
  else if (k0 & C_DIGIT && n > 2) bullet = numberBullet(text, a, n);

  const t = a === 0 && b === text.length ? text : text.slice(a, b);
  const lower = n <= MAX_KEY_LEN || (n <= MAX_RULE_LEN && words <= 40) ? t.toLowerCase() : '';
  const code = n <= MAX_RULE_LEN && words <= 40 ? ruleCode(t, lower, n, words, c0, firstFlags, letters, digits, endSentence, marks, seen)
    : n <= MAX_CAPTION_LEN && agencyCredit(t, n) ? 3 << 4 // a long caption ending "… REUTERS/Larry Downing"
    : codeStart(c0) && codeHint(t, c0) && CODE_LINE.test(n > 200 ? t.slice(0, 200) : t) ? 8 : 0; // a script's or style's long line
  // Scripts without function-word lists (Arabic, Hebrew, Greek, Indic, CJK…): a long line gets a neutral, prose-like
  // function-word share instead of 0, and unspaced CJK text counts about one word per two characters.
  let stopShare = words ? stop / words : 0;
  if (seen & C_UNCOVERED) {
    const uncovered = countClass(text, a, b, C_UNCOVERED);
    if (uncovered * 2 >= letters && letters > 0) {
      const cjk = seen & C_CJK ? countClass(text, a, b, C_CJK) : 0;
      if (cjk * 2 >= letters) words = Math.max(words, Math.round(cjk / 2));
      if (words >= 6) stopShare = Math.max(stopShare, 0.3);
    }
  }
  return {
    blank: false,
    key: featureKey(t, lower, digits > 0, oddSpaces),
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
    startLower: (k0 & C_START_LOWER) !== 0,
    startPunct: (k0 & C_START_PUNCT) !== 0,
    bullet,
    seps,
    indent,
    allCaps: letters >= 4 && (seen & (C_UPPER | C_LOWER_ASCII)) === C_UPPER && (countClass(text, a, b, C_UPPER) === letters || isUpperCased(t)),
    hasUrl,
    hasQuote,
    rule: RULES[code & 15],
    meta: METAS[(code >> 4) & 3],
    commentHead: (code & R_COMMENT_HEAD) !== 0,
  };
}

/** Letters of text[a, b) with the class bit `bit` (C_UPPER, C_UNCOVERED, C_CJK: letter-only bits). */
function countClass(text: string, a: number, b: number, bit: number): number {
  let m = 0;
  for (let i = a; i < b; i++) if (cls(text.charCodeAt(i)) & bit) m++;
  return m;
}

/** "1. " / "12) " at the start of the line (text[a] is a digit). */
function numberBullet(text: string, a: number, n: number): boolean {
  let k = 1;
  if (text.charCodeAt(a + k) >= 48 && text.charCodeAt(a + k) <= 57) k++;
  const d = text.charCodeAt(a + k);
  return (d === 46 || d === 41) && k + 1 < n && (cls(text.charCodeAt(a + k + 1)) & C_SPACE) !== 0;
}

/**
 * Type feedback for the rare branches: V8 optimises lineFeaturesAt after a few hundred lines, and every branch not
 * taken by then (a long line, digits, a non-Latin script, a rule's regex…) threw the optimised code away the first
 * time a later line took it (6-7 recompilations per thread, each a large part of a second on a loaded machine). The
 * lines below take those branches once (warmFeatures, before a thread's first classification), while the function
 * still runs in the interpreter; the results are discarded. Pure (no state besides the lazily filled character tables
 * and the flag warmFeatures sets).
 */
const WARM_LINES = [
  '', '   ', 'The quick brown fox jumps over the lazy dog, and runs away.', '  indented line of text with  two spaces',
  'tab\there\u00a0nbsp\u2009thin', 'Price: 1,234.56 dollars (2020) at 10:30', 'x'.repeat(150) + ' ' + 'Y '.repeat(60),
  'Long line '.repeat(45), 'a '.repeat(45), 'Москва — столица России, и это так.', '東京都は日本の首都です。', 'مرحبا بالعالم هذا نص عربي طويل جدا',
  'Étude de cas: l’été est là.', 'éducation nationale', 'ÉCOLE NATIONALE SUPÉRIEURE', 'ALL CAPS HEADLINE HERE', 'see http://example.com and www.example.org',
  'https://example.com/page', 'info@example.com', '[ad_1]', 'Advertisement', '[logo.gif]', 'Source link', 'Read more »', 'Share', '12 Comments',
  'Leave a Reply', 'We use cookies to improve your experience on this site.', 'Your email address will not be published.',
  '© 2020 Example Media. All rights reserved.', 'Copyright (c) 2019', '-----', '* * *', 'By John Smith', 'Posted by Jane Doe on Monday',
  'Updated: March 3, 2020 10:00 am', '3 hours ago', 'Photo: Reuters', '(AP Photo/John Doe)', 'Getty Images', '• Home | News | Sport',
  '1. First item', '12) Second item', '- a dash item', '“Quoted words,” he said.', '«Citation», dit-il.', ', and then', 'don’t stop-it now',
  'İstanbul', 'İstanbul bureau: all rights reserved by the company', 'the '.repeat(20) + 'comments are closed', 'NEWYou can now listen to Fox News articles!', 'ΣΟΦΙΑ σοφία', '𝐁𝐨𝐥𝐝 text', 'visit www.example.org today', 'By John Smith, who wrote this story.',
  // the meta rules' and the captions' rarer branches (each threw ruleCode, captionTail or lineFeaturesAt away once per
  // thread in the CLI when its first such line came: `node --trace-deopt dist/cli.js clean …`)
  'Mar 12, 2025 - Technology', 'Politics | Mar 12, 2025', 'Jane Smith / March 3, 2020', 'By the end of the day, the council had agreed to the plan.',
  'BACK TO SCHOOL | Parents walk their children to the first day of classes at a school in the city. Photo: Jane Doe/Reuters',
  'Residents walk past the flooded houses along the river in the north of the city on Monday. — Photo courtesy Wapda',
  'People queue outside the shelter to stay warm in the cold morning air on Monday. Gabriella Bass for NY Post',
  'Ferries wait at the terminal as the fog lifts over the harbor on a cold Monday morning in the north of the city, officials said (Photo by Jane Doe/Getty Images)',
  'The harbor at dawn. Photo: Jane Doe / Harbor Ledger', 'A ferry at the pier in the harbor. Getty Images file', 'He is survived by his wife, son and two daughters. PTI', 'Jane Smith and John Doe in Lagos contributed to this report.',
  'Crowds gather on the waterfront to watch the first of the new ferries arrive in the harbor on Monday. —RICHARD A. REYES',
  'The harbor authority, the city council and the ferry operator all said they would meet again before the end of the month. Jane Smith, John Doe and Ann Lee in Lagos contributed to this report.',
  'window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag("js", new Date()); gtag("config", "UA-000000-1"); var googletag = googletag || {}; googletag.cmd = googletag.cmd || [];',
  'var a = 1; '.repeat(45),
  'Commuters wait on the platform of the old station in the north of the city on a cold and wet Monday morning in November, as the first of the new trains is late again after a signal failure near the river crossing. File photo used for illustrative purposes.',
];
// Flat strings only: 'x'.repeat(n) and + make cons strings, and one cons string seen here made V8 compile every
// charCodeAt of the character loop for cons strings (the loop ran about 4x slower on the flat document texts).
// join('') returns a flat (sequential) string.
// Run by the classifier's warmOnce (boilerplate/index.ts) before a thread's first classification, not at load: the
// extension host loads this module for its commands and the folder templates without classifying, and the first
// run of the rules' regexes here (their compilation) blocked it ~45 ms when the first dump opened.
let featuresWarmed = false;
/** Whether warmFeatures has run in this thread (tests). */
export function featuresWarmedUp(): boolean {
  return featuresWarmed;
}
export function warmFeatures(): void {
  featuresWarmed = true;
  for (let round = 0; round < 3; round++) for (const s of WARM_LINES) lineFeatures(s.split('').join(''));
}
