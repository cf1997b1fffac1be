/**
 * Word tokenizer for entity tagging: splits a paragraph into word and punctuation tokens with string offsets.
 * Keeps abbreviations and initials with their dots ("U.S.", "Corp.", "J."), hyphenated words whole ("X-based"),
 * and splits possessives ("Reuters'", "Smith's" -> "Smith" + "'s"), brackets, quotes and trailing punctuation.
 * Pure and linear; no regex backtracking on long input.
 */

export interface Token {
  /** Offset in the paragraph. */
  s: number;
  /** End offset (exclusive). */
  e: number;
  /** Token text. */
  w: string;
}

/** Abbreviations that keep their final dot (lower-cased, without the dot). */
const ABBR = new Set(
  (
    'mr mrs ms dr st jr sr gen col lt sgt capt cmdr adm rev prof gov sen rep mt ft bros co corp inc ltd plc ' +
    'no vs etc jan feb mar apr jun jul aug sep sept oct nov dec dept univ assn ave blvd rd messrs mme mlle ' +
    'pres supt insp det cpl pvt maj brig hon esq intl natl mfg ag sa nv bhd pty gmbh spa cie'
  ).split(' '),
);

const OPEN = new Set(['(', '[', '{', '"', '“', '‘', '«', '„']);
const CLOSE = new Set([')', ']', '}', '"', '”', '’', '»', ',', ';', ':', '!', '?']);
const APOS = new Set(["'", '’']);

export function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function keepsDot(word: string): boolean {
  // word ends with '.'
  const core = word.slice(0, -1);
  if (core.length === 0) return false;
  if (core.endsWith('.')) return false; // "U.S.." -> split one dot
  if (ABBR.has(core.toLowerCase())) return true;
  // initials and dotted acronyms: J. / U.S. / U.S.A. / a.m.
  let ok = true;
  for (let i = 0; i < word.length; i += 2) {
    if (!isLetter(word[i]) || word[i + 1] !== '.') { ok = false; break; }
  }
  if (ok && word.length % 2 === 0) return true;
  return false;
}

/** Tokenize one paragraph (no line breaks expected, but they are treated as spaces). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000) { i++; continue; }
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 32 || d === 9 || d === 10 || d === 13 || d === 160 || (d >= 0x2000 && d <= 0x200b) || d === 0x3000) break;
      j++;
    }
    splitChunk(text, i, j, out);
    i = j;
  }
  return out;
}

function splitChunk(text: string, s: number, e: number, out: Token[]): void {
  const tail: Token[] = [];
  // leading openers; a leading apostrophe before digits is a year elision ('91), kept
  while (s < e) {
    const ch = text[s];
    if (e - s > 1 && (OPEN.has(ch) || (ch === "'" && !isDigit(text.charCodeAt(s + 1))))) {
      out.push({ s, e: s + 1, w: ch });
      s++;
    } else break;
  }
  // trailing closers, dots, possessives
  for (;;) {
    if (e <= s) break;
    const ch = text[e - 1];
    if (CLOSE.has(ch) && e - s > 1) {
      tail.push({ s: e - 1, e, w: ch });
      e--;
      continue;
    }
    if (APOS.has(ch) && e - s > 1) {
      tail.push({ s: e - 1, e, w: ch });
      e--;
      continue;
    }
    if ((ch === 's' || ch === 'S') && e - s > 2 && APOS.has(text[e - 2])) {
      tail.push({ s: e - 2, e, w: text.slice(e - 2, e) });
      e -= 2;
      continue;
    }
    if ((ch === 't' || ch === 'T') && e - s > 3 && APOS.has(text[e - 2]) && (text[e - 3] === 'n' || text[e - 3] === 'N')) {
      tail.push({ s: e - 3, e, w: text.slice(e - 3, e) });
      e -= 3;
      continue;
    }
    if (ch === '.' && e - s > 1) {
      // ellipsis
      if (e - s >= 3 && text[e - 2] === '.' && text[e - 3] === '.') {
        let k = e - 3;
        while (k > s && text[k - 1] === '.') k--;
        tail.push({ s: k, e, w: text.slice(k, e) });
        e = k;
        continue;
      }
      if (keepsDot(text.slice(s, e))) break;
      tail.push({ s: e - 1, e, w: '.' });
      e--;
      continue;
    }
    break;
  }
  if (e > s) {
    // split on '/' between words (dollar/yen), keep each side
    let a = s;
    for (let k = s; k < e; k++) {
      if (text[k] === '/' && k > s && k < e - 1) {
        if (k > a) out.push({ s: a, e: k, w: text.slice(a, k) });
        out.push({ s: k, e: k + 1, w: '/' });
        a = k + 1;
      }
    }
    if (e > a) out.push({ s: a, e, w: text.slice(a, e) });
  }
  for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]);
}
