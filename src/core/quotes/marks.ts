/**
 * Quotation-mark pairing within one paragraph (one line). Pure function of the paragraph text, so results can be
 * memoised by paragraph text.
 *
 * Rules (see the quotes issue and the PolNeAR target definition):
 * - double marks: “ ” „ " « » and the doubled apostrophes '' ‘‘ ’’ (LexisNexis/NYT typography);
 * - single marks ‘ ’ ' count only outside double quotes and only when an opening and a closing mark pair up in the
 *   paragraph; apostrophes (Trump’s, don’t), elisions (’90s, 'em, 'til) and primes (6’2”) are not marks;
 * - nested quotes are not separate pieces;
 * - a quote left open runs to the end of its paragraph (multi-paragraph quotes: one piece per paragraph);
 * - `<tag …>` markup is blanked so attribute quotes are ignored.
 */

export interface Piece {
  /** Offsets relative to the paragraph; `end` exclusive, includes the closing mark when there is one. */
  start: number;
  end: number;
  /** True when the piece has no closing mark and runs to the end of the paragraph. */
  open: boolean;
  /** Single-mark quote (‘…’ / '…'). */
  single: boolean;
}

export interface MarkScan {
  pieces: Piece[];
  /**
   * Alternative reading used by the document pass when the paragraph ends inside a nested-looking quote and the next
   * paragraph does not continue it: the inner opening mark is read as a (missing) closing mark. Null when not needed.
   */
  alt: Piece[] | null;
  /** Paragraph starts (after whitespace) with an opening double mark: it may continue a multi-paragraph quote. */
  startsWithOpen: boolean;
  /**
   * Alternative reading for British single-mark quotes of several paragraphs (`said: ‘Every week …` / `‘Many of them
   * …` / `‘And still …’`): `pieces` plus an open single-mark piece from an opening single mark after the last piece
   * that no closing mark pairs with, to the paragraph end. The document pass takes it when the next paragraph starts
   * with an opening single mark (`startsWithOpenSingle`). Null when there is no such mark (or a double quote is left
   * open).
   */
  singleTail: Piece[] | null;
  /** Paragraph starts (after whitespace) with an opening single mark (not an apostrophe or elision). */
  startsWithOpenSingle: boolean;
}

const enum K {
  None = 0,
  LeftD = 1, // “ „ « ‘‘
  RightD = 2, // ” » ’’
  StraightD = 3, // " ''
  LeftS = 4, // ‘
  RightS = 5, // ’
  StraightS = 6, // '
}

interface Mark {
  pos: number;
  len: number;
  kind: K;
  /** Preceded by start/space/opening punctuation. */
  lf: boolean;
  /** Followed by end/space/punctuation. */
  rf: boolean;
}

function isSpace(c: string): boolean {
  return c === '' || c === ' ' || c === '\t' || c === '\u00a0' || c === '\u2009' || c === '\u202f' || c === '\u200b' || c === '\u3000' || c === '\r' || c === '\n';
}
const OPEN_PUNCT = '([{—–-/\u2014\u2013…:;';
const LETTER_RE = /[\p{L}\p{N}]/u;
/** LETTER_RE on one UTF-16 unit, cached per code (0 = not computed yet, 1 = letter/digit, 2 = not). */
const WORD_CODE = new Uint8Array(65536);
function isWordCharCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let k = WORD_CODE[code];
  if (k === 0) WORD_CODE[code] = k = LETTER_RE.test(String.fromCharCode(code)) ? 1 : 2;
  return k === 1;
}
function isWordChar(c: string): boolean {
  if (c === '') return false;
  return isWordCharCode(c.charCodeAt(0));
}
/** isSpace on a character code (-1 = before the start / after the end, which isSpace('') accepts). */
export function isSpaceCode(c: number): boolean {
  return c < 0 || c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0x3000 || c === 13 || c === 10;
}
/**
 * French typography puts a space inside guillemets (`« Nous devons agir vite »`). A `«` at `i` followed by a space
 * opens a quote only when a `»` after a space closes it in text[i, end) before any other `«`, around at least two
 * words of which one starts in lower case, with no `|`, `//` or `www.` inside (`« Previous | Next »`, `« Older post |
 * Main | Newer post »` and other navigation arrows are not quotes). Returns the
 * index of that `»`, or -1.
 */
export function spacedGuillemetClose(text: string, i: number, end: number): number {
  let words = 0, lower = false, inWord = false;
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    // another `«`, a menu's separator (`« Previous post | Main | Next post »`) or an address: no quote
    if (c === 0xab || c === 124 || (c === 47 && text.charCodeAt(j - 1) === 47)) return -1;
    if (c === 119 && text.charCodeAt(j + 1) === 119 && text.charCodeAt(j + 2) === 119 && text.charCodeAt(j + 3) === 46) return -1;
    if (c === 0xbb) return isSpaceCode(text.charCodeAt(j - 1)) && words >= 2 && lower ? j : -1;
    const w = isWordCodeFast(c);
    if (w && !inWord) {
      words++;
      if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7)) lower = true; // a word in lower case
    }
    inWord = w;
  }
  return -1;
}
/** OPEN_PUNCT.includes on a character code. */
function isOpenPunctCode(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 0x2026 || c === 58 || c === 59;
}
/** isQuoteChar on a character code. */
function isQuoteCode(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x201e || c === 0xab || c === 0xbb;
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isLetter(c: string): boolean {
  return isWordChar(c) && !isDigit(c);
}

const ELISIONS = /^(?:em|til|till|cause|bout|round|n|tis|twas|s|nuff|cuz|ol|er|im|kay|sup|ya)(?![\p{L}])/iu;

const NO_MARKS: MarkScan = { pieces: [], alt: null, startsWithOpen: false, singleTail: null, startsWithOpenSingle: false };

/**
 * `from`: an offset before which `tokenize` would find nothing (no `<`, only quote-like characters it skips by their
 * neighbours), so the scan may start there; the result is the same as from 0.
 */
export function scanParagraph(p: string, from = 0): MarkScan {
  const marks = tokenize(p, from);
  if (marks.length === 0) return NO_MARKS;
  const pieces = pair(p, marks, -1);
  let alt: Piece[] | null = null;
  const last = pieces[pieces.length - 1];
  if (last && last.open && !last.single) {
    // Look for a nested opening mark inside the open piece that could be a missing closing mark: reread with it
    // treated as closing.
    const inner = lastNestedOpen(p, marks, last.start);
    if (inner >= 0) alt = pair(p, marks, inner);
  }
  const i = leadOf(p);
  const m0 = marks[0];
  const startsWithOpen = !!m0 && m0.pos === i && (m0.kind === K.LeftD || m0.kind === K.StraightD || (m0.kind === K.RightD && !m0.rf));
  const startsWithOpenSingle = !!m0 && m0.pos === i && opensSingle(p, m0);
  let singleTail: Piece[] | null = null;
  if (!(last && last.open)) {
    // the first opening single mark after the last piece (none of them pairs: the pairing found no piece there)
    const after = last ? last.end : 0;
    for (const m of marks) {
      if (m.pos < after || !opensSingle(p, m)) continue;
      let e = p.length;
      while (e > m.pos && isSpace(p[e - 1])) e--;
      if (hasText(p, m.pos + 1, e)) singleTail = pieces.concat({ start: m.pos, end: e, open: true, single: true });
      break;
    }
  }
  return { pieces, alt, startsWithOpen, singleTail, startsWithOpenSingle };
}

/** A single mark that can open a quote: ‘ or ' after a space or opening punctuation, before a letter, not an elision. */
function opensSingle(p: string, m: Mark): boolean {
  return (m.kind === K.LeftS || m.kind === K.StraightS) && m.lf && !m.rf && !isApostrophe(p, m);
}

export function isWordCodeFast(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || (c >= 0x3040 && c < 0xfe00);
}

/** The characters tokenize looks at (one regex object; a literal inside the function would make one per call). */
const MARK_LIKE = /["'<\u201c\u201d\u2018\u2019\u201e\xab\xbb]/g;

function tokenize(p: string, from: number): Mark[] {
  const out: Mark[] = [];
  let spacedClose = -1; // the `»` that closes a spaced `« … »`
  const re = MARK_LIKE;
  re.lastIndex = from;
  // test() instead of exec(): no match array per hit (one character matched, so it is at lastIndex - 1)
  while (re.test(p)) {
    const i = re.lastIndex - 1;
    const code = p.charCodeAt(i);
    const c = p[i];
    let kind = K.None;
    let len = 1;
    if (code === 60) {
      // blank markup tags: <tweet a="b">, </p>, <br/>
      const nx = p.charCodeAt(i + 1);
      if (!((nx >= 65 && nx <= 90) || (nx >= 97 && nx <= 122) || nx === 47)) continue;
      const m = /^<\/?[A-Za-z][\w-]*(?:\s[^<>]{0,2000})?\/?>/.exec(p.slice(i, i + 2100));
      if (m) re.lastIndex = i + m[0].length;
      continue;
    }
    // an apostrophe inside a word (don’t, Trump’s, O'Neill) is never a mark
    if ((code === 39 || code === 0x2019) && p.charCodeAt(i + 1) !== code && i > 0 && p.charCodeAt(i - 1) !== code && isWordCodeFast(p.charCodeAt(i - 1)) && isWordCodeFast(p.charCodeAt(i + 1))) continue;
    // guillemets: «quote» when they hug the text, or « quote » in French typography (spacedGuillemetClose); `«
    // Previous`, `» Email this` are navigation arrows
    if (code === 0xab && (i + 1 >= p.length || isSpaceCode(p.charCodeAt(i + 1)))) {
      spacedClose = spacedGuillemetClose(p, i, p.length);
      if (spacedClose < 0) continue;
    }
    if (code === 0xbb && (i === 0 || isSpaceCode(p.charCodeAt(i - 1))) && i !== spacedClose) continue;
    switch (c) {
      case '“':
      case '„':
      case '«':
        kind = K.LeftD;
        break;
      case '”':
      case '»':
        kind = K.RightD;
        break;
      case '"':
        kind = K.StraightD;
        break;
      case '‘':
        if (p[i + 1] === '‘') {
          kind = K.LeftD;
          len = 2;
        } else kind = K.LeftS;
        break;
      case '’':
        if (p[i + 1] === '’') {
          kind = K.RightD;
          len = 2;
        } else kind = K.RightS;
        break;
      case "'":
        if (p[i + 1] === "'") {
          if (p[i + 2] === "'") {
            // ''' : a single plus a double. Opening context: double then single; closing: single then double.
            const prev = i > 0 ? p[i - 1] : '';
            if (isSpace(prev) || OPEN_PUNCT.includes(prev)) {
              out.push(mk(p, i, 2, K.StraightD));
              out.push(mk(p, i + 2, 1, K.StraightS));
            } else {
              out.push(mk(p, i, 1, K.StraightS));
              out.push(mk(p, i + 1, 2, K.StraightD));
            }
            re.lastIndex = i + 3;
            continue;
          }
          kind = K.StraightD;
          len = 2;
        } else kind = K.StraightS;
        break;
      default:
        continue;
    }
    out.push(mk(p, i, len, kind));
    re.lastIndex = i + len;
  }
  return out;
}

function mk(p: string, pos: number, len: number, kind: K): Mark {
  // on character codes (-1 = none): the same tests as isSpace / OPEN_PUNCT / isQuoteChar / isWordChar on p[i]
  const prev = pos > 0 ? p.charCodeAt(pos - 1) : -1;
  const next = pos + len < p.length ? p.charCodeAt(pos + len) : -1;
  const lf = prev < 0 || isSpaceCode(prev) || isOpenPunctCode(prev) || isQuoteCode(prev);
  const rf =
    next < 0 || isSpaceCode(next) || (!isWordCharCode(next) && !isQuoteCode(next) && next !== 36 && next !== 35 && next !== 40 && next !== 91 && next !== 64);
  return { pos, len, kind, lf, rf };
}

function pos1(_p: string, m: Mark): number {
  return m.pos + m.len;
}

/** Offset of the first non-space character of p (p.length when blank). */
function leadOf(p: string): number {
  let i = 0;
  // (isSpace on p[i], by character code)
  while (i < p.length && isSpaceCode(p.charCodeAt(i))) i++;
  return i;
}

/** Does p[a,b) contain a letter or digit (a piece is not just marks and spaces)? */
function hasText(p: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isWordCodeFast(p.charCodeAt(i))) return true;
  return false;
}

function isQuoteChar(c: string): boolean {
  return c === '"' || c === "'" || c === '“' || c === '”' || c === '‘' || c === '’' || c === '„' || c === '«' || c === '»';
}

/** Is the double mark at m a feet/inch prime (6’2”, 6'3", 12")? */
function isPrime(p: string, m: Mark): boolean {
  const prev = m.pos > 0 ? p[m.pos - 1] : '';
  if (!isDigit(prev)) return false;
  // 6'3" or 6’2”
  const k = m.pos - 2;
  if (k >= 0 && isDigit(p[k])) {
    // 6'11"
    const k2 = k - 1;
    if (k2 >= 0 && (p[k2] === "'" || p[k2] === '’') && k2 > 0 && isDigit(p[k2 - 1])) return true;
  }
  if (k >= 0 && (p[k] === "'" || p[k] === '’')) return k > 0 && isDigit(p[k - 1]);
  return false;
}

/** Single mark that is an apostrophe or a prime, never a quote mark. */
function isApostrophe(p: string, m: Mark): boolean {
  const prev = m.pos > 0 ? p[m.pos - 1] : '';
  const next = m.pos + 1 < p.length ? p[m.pos + 1] : '';
  if (isWordChar(prev) && isWordChar(next)) return true; // don’t, Trump’s, O’Neill, 6’2
  if (!isWordChar(prev) && !isQuoteChar(prev)) {
    // elisions at word start: ’90s, 'em, 'til
    const rest = p.slice(m.pos + 1, m.pos + 8);
    if (/^\d\d(?:s|\b)/.test(rest)) return true;
    if (ELISIONS.test(rest)) return true;
  }
  return false;
}

/**
 * Pair the marks. `forceClose` = position of a mark that must be read as a closing mark (reread rule), or -1.
 */
function pair(p: string, marks: Mark[], forceClose: number): Piece[] {
  const pieces: Piece[] = [];
  // Pass 1: double marks.
  let depth = 0;
  let start = -1;
  const dspans: Array<[number, number]> = [];
  // only spaces before pos (computed once: a paragraph with a long blank lead and many marks stays linear)
  let lead = -1;
  const isParaStart = (pos: number) => pos <= (lead < 0 ? (lead = leadOf(p)) : lead);
  for (const m of marks) {
    if (m.kind !== K.LeftD && m.kind !== K.RightD && m.kind !== K.StraightD) continue;
    if (depth === 0) {
      if (m.kind === K.RightD) {
        // ” used as an opening mark at the start of a quote
        // (also `” … text` at the start of a paragraph)
        if ((m.lf && !m.rf) || (m.lf && isParaStart(m.pos) && m.pos + m.len < p.length)) {
          depth = 1;
          start = m.pos;
        }
        continue;
      }
      if (m.kind === K.StraightD && isPrime(p, m)) continue;
      // a stray closing-looking straight mark (`[his] systems" including`) does not open a quote
      if (m.kind === K.StraightD && m.rf && !m.lf && pos1(p, m) < p.length && isSpace(p[pos1(p, m)])) continue;
      depth = 1;
      start = m.pos;
      continue;
    }
    // inside a quote
    if (m.kind === K.LeftD) {
      const looksClosing = m.pos === forceClose || (m.rf && !m.lf);
      if (looksClosing) {
        depth--;
      } else {
        depth++;
        continue;
      }
    } else if (m.kind === K.RightD) {
      // a right mark always closes the innermost open quote (even `” text` used as an opening after an opening ”)
      depth--;
    } else {
      // straight mark inside: closes (a nested straight open would be ambiguous)
      if (isPrime(p, m)) continue;
      if (depth > 1 && m.lf && !m.rf) {
        depth++;
        continue;
      }
      depth--;
    }
    if (depth === 0) {
      const end = m.pos + m.len;
      if (hasText(p, start + 1, m.pos)) pieces.push({ start, end, open: false, single: false });
      dspans.push([start, end]);
      start = -1;
    }
  }
  let openTail: Piece | null = null;
  if (depth > 0 && start >= 0) {
    let e = p.length;
    while (e > start && isSpace(p[e - 1])) e--;
    dspans.push([start, e]);
    if (hasText(p, start + 1, e)) openTail = { start, end: e, open: true, single: false };
  }
  // Pass 2: single marks outside double quotes.
  const singles: Piece[] = [];
  // marks are visited in order, so one moving pointer over the (sorted) double spans suffices
  let di = 0;
  const inDouble = (pos: number) => {
    while (di < dspans.length && dspans[di][1] <= pos) di++;
    return di < dspans.length && pos >= dspans[di][0];
  };
  let anySingle = false;
  for (const m of marks) if (m.kind === K.LeftS || m.kind === K.RightS || m.kind === K.StraightS) anySingle = true;
  if (!anySingle) {
    // no single marks: the double pieces are disjoint and in order, the open tail (if any) after them; the general
    // path below would return the same pieces in the same order
    if (openTail) pieces.push(openTail);
    return pieces;
  }
  const sm = marks.filter((m) => (m.kind === K.LeftS || m.kind === K.RightS || m.kind === K.StraightS) && !inDouble(m.pos) && !isApostrophe(p, m));
  for (let i = 0; i < sm.length; i++) {
    const o = sm[i];
    const canOpen = (o.kind === K.LeftS || o.kind === K.StraightS) && o.lf && !o.rf;
    if (!canOpen) continue;
    // closing candidates: strong = after non-letter or followed by end/punct not preceded by s; weak = plural possessive s’ + space
    let strong = -1;
    let weak = -1;
    for (let j = i + 1; j < sm.length; j++) {
      const c = sm[j];
      if (c.kind === K.LeftS) break;
      if (c.kind === K.StraightS && o.kind === K.LeftS) {
        // mixed straight/curly singles are unusual; still allow as closing
      }
      if (c.kind === K.StraightS && c.lf && !c.rf) break; // another opening
      if (!c.rf || c.lf) continue;
      const prev = p[c.pos - 1];
      const next = c.pos + 1 < p.length ? p[c.pos + 1] : '';
      const possessive = (prev === 's' || prev === 'S') && isSpace(next) && isLetter(p[c.pos + 2] || '');
      if (possessive) {
        if (weak < 0) weak = j;
        continue;
      }
      strong = j;
      break;
    }
    const j = strong >= 0 ? strong : weak;
    if (j < 0) continue;
    singles.push({ start: o.pos, end: sm[j].pos + 1, open: false, single: true });
    i = j;
  }
  const all = pieces.concat(singles);
  if (openTail) {
    // singles after the open tail start are inside it
    all.push(openTail);
  }
  const res = all.filter((x) => !(x.single && openTail && x.start >= openTail.start));
  res.sort((a, b) => a.start - b.start);
  // a single-mark quote around double-mark ones (British style ‘He said “no” to me’, or a reread closing mark): the
  // outer quote is the piece and the inner ones are part of it, so pieces never overlap. A single's marks are never
  // inside a double span, so a single either contains a double piece or is disjoint from it.
  const out: Piece[] = [];
  let maxEnd = -1;
  for (const x of res) {
    if (x.start < maxEnd) continue;
    out.push(x);
    maxEnd = x.end;
  }
  return out;
}

/** Position of the last LeftD mark inside the open tail piece that was read as a nested opening, or -1. */
function lastNestedOpen(p: string, marks: Mark[], tailStart: number): number {
  let depth = 0;
  let cand = -1;
  for (const m of marks) {
    if (m.pos < tailStart) continue;
    if (m.kind !== K.LeftD && m.kind !== K.RightD && m.kind !== K.StraightD) continue;
    if (m.pos === tailStart) {
      depth = 1;
      continue;
    }
    if (depth === 0) continue;
    if (m.kind === K.LeftD && !(m.rf && !m.lf)) {
      depth++;
      if (depth === 2) cand = m.pos;
    } else if (m.kind === K.RightD || m.kind === K.StraightD) {
      depth--;
    } else depth--;
  }
  void p;
  return depth >= 2 || cand >= 0 ? cand : -1;
}

export { isSpace };
