/**
 * Hard-wrapped dumps. Several HTML-to-text converters break every paragraph into lines of at most ~72-80
 * characters (html2text, lynx/w3m/links at their default width, node's html-to-text with its default
 * `wordwrap: 80`). The classifier judges a paragraph per line — its words, function words and sentence end, its
 * neighbours — so on such a dump it would judge fragments of paragraphs, and drop or keep them piecemeal.
 *
 * `findWraps` recognises a wrapped dump from the line lengths alone and finds the line breaks the converter made:
 * a line that is nearly as long as the wrap width and whose next line begins with a word that would not have
 * fitted on it. The classifier then judges each wrapped paragraph as one logical line (the text with those line
 * breaks read as spaces) and gives its label to every physical line of it (see classifyLines).
 *
 * A dump is taken as wrapped when
 *  - a width W between MIN_WIDTH and MAX_WIDTH exists that at most 3% of the long lines (>= LONG chars) exceed
 *    while having a space before column W (a line that could have been broken there: an unbreakable URL may
 *    exceed W), and
 *  - at least MIN_BREAKS lines, and at least a quarter of the long lines, end in such a forced break, and
 *  - at least 30% of those breaks, or at least MANY_LOWER of them, are followed by a word in lower case (prose
 *    continues mid-sentence; a list of Title Case headlines of similar lengths does not).
 * A near-full line that ends a sentence, followed by a line that starts with a capital, is not joined to it (a
 * caption or a paragraph without a blank line after it whose last line happens to be long). Most dumps leave at the
 * first pass over the line lengths (more than 3% of the long lines are longer than FAR). Dumps made without
 * wrapping have paragraph lines far longer than MAX_WIDTH, or too few near-full lines: of the development corpora's
 * 1,417 dumps, 3 read as wrapped, pages whose text the site itself had wrapped (test/unit/unwrap.test.ts checks
 * the fixtures of each corpus).
 */
import { splitLines, type RawLine } from '../lines';

/** The widths converters wrap at lie in [MIN_WIDTH, MAX_WIDTH] (html2text 78, lynx/w3m 80, html-to-text 80, …). */
const MIN_WIDTH = 40;
const MAX_WIDTH = 160;
/** Lines at least this long count as "long" (the lines a wrap width is read from). */
const LONG = 40;
const MIN_BREAKS = 3;
/** A line this long is not a line of a wrapped paragraph unless it cannot be broken (the fast exit's test). */
const FAR = 1.5 * MAX_WIDTH;
/**
 * This many breaks followed by a word in lower case show wrapped prose whatever else the page holds (a long list of
 * names wrapped into hundreds of Title Case lines can outnumber them).
 */
const MANY_LOWER = 10;

export interface Wraps {
  /** The wrap width found. */
  width: number;
  /** joins[i] = 1: physical line i continues on line i + 1 (the converter broke the paragraph there). */
  joins: Uint8Array;
  /** Number of joined line pairs. */
  count: number;
}

/**
 * The first `](` in text[a, b), or -1. The searches of this file stay inside a line: an indexOf over the rest of the
 * text for each line would read a document without links once per line.
 */
function linkCloseIn(text: string, a: number, b: number): number {
  for (let k = a; k + 1 < b; k++) if (text.charCodeAt(k) === 93 && text.charCodeAt(k + 1) === 40) return k;
  return -1;
}

/** The last occurrence of `needle` (one or two code units) that lies inside text[a, b), or -1. */
function lastIn(text: string, needle: string, a: number, b: number): number {
  const c0 = needle.charCodeAt(0), two = needle.length > 1, c1 = two ? needle.charCodeAt(1) : 0;
  for (let k = b - (two ? 2 : 1); k >= a; k--) if (text.charCodeAt(k) === c0 && (!two || text.charCodeAt(k + 1) === c1)) return k;
  return -1;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Bullet at text[a] (followed by a space), or "1." / "12)" and a space: a list item starts a new logical line. */
function startsItem(text: string, a: number, b: number): boolean {
  const c = text.charCodeAt(a);
  if ((c === 42 || c === 45 || c === 43 || c === 0x2022 || c === 0xb7 || c === 0x2013 || c === 0x2014 || c === 0x25aa || c === 0x25e6 || c === 111) && a + 1 < b && isSpaceCode(text.charCodeAt(a + 1))) return true;
  if (c >= 48 && c <= 57) {
    let k = a + 1;
    while (k < b && k < a + 3 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const d = text.charCodeAt(k);
    return (d === 46 || d === 41) && k + 1 < b && isSpaceCode(text.charCodeAt(k + 1));
  }
  return false;
}

/** text[a, b) is a word in lower case: letters only (a web address or a code is not a continued sentence). */
function lowerWord(text: string, a: number, b: number): boolean {
  // the end of a Markdown link's text the converter broke (`win](https://…)`) is read as the word before `](`
  const link = linkCloseIn(text, a, b);
  if (link >= 0 && link < b) b = link;
  // lynx's link number in front of the word (`[12]continued`) is not part of it
  if (text.charCodeAt(a) === 91 /* [ */) {
    let k = a + 1;
    while (k < b && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k > a + 1 && text.charCodeAt(k) === 93 /* ] */) a = k + 1;
  }
  // a word may end in punctuation (", . ; :") but holds no dots, slashes or digits before that
  while (b > a && isEndPunct(text.charCodeAt(b - 1))) b--;
  if (b === a) return false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) continue;
    if ((c === 39 || c === 45 || c === 0x2019) && k > a) continue; // don't, well-known
    if (c < 0xdf || c === 0xf7) return false;
    const ch = String.fromCharCode(c);
    if (ch.toUpperCase() === ch) return false; // not a lower-case letter (upper case, or no case)
  }
  return true;
}

/** text[.., e) ends with . ! ? or … (closing quotes and brackets after it allowed). */
function endsSentence(text: string, e: number): boolean {
  let k = e - 1;
  while (k > 0) {
    const c = text.charCodeAt(k);
    if (c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb) k--;
    else break;
  }
  const c = text.charCodeAt(k);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** An upper-case letter (or a digit) at text[a]. */
function startsUpper(text: string, a: number): boolean {
  const c = text.charCodeAt(a);
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch;
}

function isEndPunct(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 34 || c === 0x201d;
}

/**
 * text[a, b) is one Markdown link or image (`[Home](https://…)`, `* [Sport](…)`, `![logo](…)`): a menu item of a
 * Markdown dump, long because of its address, neither wrapped prose nor a line the converter could have broken. Such
 * lines are not counted among the long lines a wrap width and the share of forced breaks are read from (a Markdown
 * dump wrapped at 78 columns, as html2text writes by default, has more of them than wrapped paragraph lines).
 */
function linkOnly(text: string, a: number, b: number): boolean {
  if (text.charCodeAt(b - 1) === 93 /* ] */) return hrefOnly(text, a, b);
  if (text.charCodeAt(b - 1) !== 41 /* ) */) return false;
  let k = a;
  if (startsItem(text, a, b)) {
    // past the bullet or number and the spaces after it
    while (k < b && !isSpaceCode(text.charCodeAt(k))) k++;
    while (k < b && isSpaceCode(text.charCodeAt(k))) k++;
  }
  if (text.charCodeAt(k) === 33 /* ! */) k++;
  if (text.charCodeAt(k) !== 91 /* [ */) return false;
  // the link text ends at the first "](" and the destination runs to the line end without a space
  const close = linkCloseIn(text, k, b);
  if (close < 0 || close >= b) return false;
  for (let j = close + 2; j < b - 1; j++) if (isSpaceCode(text.charCodeAt(j))) return false;
  return true;
}

/**
 * text[a, b) is a list item of one unbreakable word (`  12. https://…`: lynx's References list): like an unbreakable
 * line, it says nothing about a wrap width.
 */
function itemOfOneWord(text: string, a: number, b: number): boolean {
  if (!startsItem(text, a, b)) return false;
  let k = a;
  while (k < b && !isSpaceCode(text.charCodeAt(k))) k++;
  while (k < b && isSpaceCode(text.charCodeAt(k))) k++;
  while (k < b && !isSpaceCode(text.charCodeAt(k))) k++;
  return k >= b;
}

/** text[a, e) starts with a bracketed address, `[https://…]` or `[mailto:…]` (html-to-text writes it after a link's text). */
function addressAt(text: string, a: number, e: number): boolean {
  return text.charCodeAt(a) === 91 /* [ */ && (text.startsWith('[http', a) || text.startsWith('[mailto:', a)) && a + 8 < e;
}

/**
 * text[a, b) is a link of html-to-text's: a few words (after a bullet) and its bracketed address (`* Nation
 * [https://…/nation/]`): a menu item, as linkOnly.
 */
function hrefOnly(text: string, a: number, b: number): boolean {
  const open = lastIn(text, ' [', a, b);
  if (open < a || !addressAt(text, open + 1, b)) return false;
  for (let j = open + 2; j < b - 1; j++) if (isSpaceCode(text.charCodeAt(j))) return false;
  let words = 0;
  for (let j = a; j < open; j++) if (isSpaceCode(text.charCodeAt(j)) && !isSpaceCode(text.charCodeAt(j + 1))) words++;
  return words <= 6;
}

/**
 * A link the converter broke between the line text[s, b) and the next line, whose text starts at a (ends at e): in
 * Markdown, the line leaves a `[` open and the next line's first word holds `](` (`They will also [promote` /
 * `film,](https://…) fashion and`); in html-to-text's layout, the next line starts with the link's bracketed address.
 * The line before such a break can be short (the address made the next word too long to fit), so it is a forced break
 * whether or not the line is near-full.
 */
function linkBroken(text: string, s: number, b: number, a: number, e: number): boolean {
  if (addressAt(text, a, e)) return true; // html-to-text's `[https://…]` after the text ending the line
  const open = lastIn(text, '[', s, b);
  if (open < 0 || lastIn(text, ']', s, b) > open) return false;
  const close = linkCloseIn(text, a, e);
  if (close < 0 || close >= e) return false;
  for (let k = a; k < close; k++) if (isSpaceCode(text.charCodeAt(k))) return false;
  return true;
}

/**
 * findWraps' fast exit: false for most dumps (one paragraph per line), where more than 3% of the lines of at least
 * LONG characters are far longer than any wrap width (lengths as stored; the exact test trims trailing spaces and
 * lets unbreakable lines through, which only lowers these counts). `only(i)`, if given, restricts the count to those
 * lines (the kept lines of a cleaned text, without building their list).
 */
export function mayBeWrapped(raw: readonly RawLine[], only?: (i: number) => boolean): boolean {
  let rough = 0, far = 0;
  for (let i = 0; i < raw.length; i++) {
    if (only && !only(i)) continue;
    const len = raw[i].end - raw[i].start;
    if (len >= LONG) { rough++; if (len > FAR) far++; }
  }
  return rough >= MIN_BREAKS && far <= 0.03 * rough + 1;
}

/**
 * The wrapped paragraphs of a dump, or null when it does not look hard-wrapped. `blocked(i)`, if given, keeps
 * line i a line of its own (the user's keep lines and patterns apply to physical lines).
 */
export function findWraps(text: string, raw: readonly RawLine[], blocked?: (i: number) => boolean): Wraps | null {
  const n = raw.length;
  if (n < MIN_BREAKS + 1 || !mayBeWrapped(raw)) return null;
  // per line: first non-space offset (a), end without trailing spaces (b): length = b - raw.start (columns from the
  // line start, indentation included, as the converter counted them)
  const lenOf = new Int32Array(n);
  const firstAt = new Int32Array(n);
  // violations[L]: long lines that exceed L although they have a space at or before column L
  const viol = new Int32Array(MAX_WIDTH + 2);
  let long = 0;
  for (let i = 0; i < n; i++) {
    const s = raw[i].start;
    let b = raw[i].end;
    while (b > s && isSpaceCode(text.charCodeAt(b - 1))) b--;
    let a = s;
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    const len = a < b ? b - s : 0;
    lenOf[i] = len;
    firstAt[i] = a;
    if (len < LONG || linkOnly(text, a, b)) continue;
    // the first column a break was possible at: the first space after the first word
    let sp = a;
    while (sp < b && !isSpaceCode(text.charCodeAt(sp))) sp++;
    const firstBreak = sp - s; // columns before that space
    // one unbreakable word (an address, the end of a Markdown link the converter broke: `win](https://…)`) says
    // nothing about a wrap width: not a long line
    if (firstBreak >= len || itemOfOneWord(text, a, b)) continue;
    long++;
    if (len <= MIN_WIDTH) continue;
    // exceeds every width L in [max(firstBreak, MIN_WIDTH), len - 1]
    const from = Math.max(firstBreak, MIN_WIDTH);
    const to = Math.min(len - 1, MAX_WIDTH);
    if (from <= to) { viol[from]++; viol[to + 1]--; }
  }
  if (long < MIN_BREAKS) return null;
  const allowed = Math.floor(0.03 * long);
  let width = -1;
  let run = 0;
  for (let L = MIN_WIDTH; L <= MAX_WIDTH; L++) {
    run += viol[L];
    if (run <= allowed) { width = L; break; }
  }
  if (width < 0) return null;
  // forced breaks: a near-full line whose next line's first word would not have fitted
  const joins = new Uint8Array(n);
  let count = 0, lower = 0, addressed = 0;
  const minFull = Math.ceil(0.6 * width);
  for (let i = 0; i + 1 < n; i++) {
    const len = lenOf[i];
    if (len > width || lenOf[i + 1] === 0) continue;
    const a = firstAt[i + 1], e = raw[i + 1].start + lenOf[i + 1];
    if (len < minFull && !linkBroken(text, raw[i].start, raw[i].start + len, a, e)) continue;
    if (startsItem(text, a, e)) continue;
    let w = a;
    while (w < e && !isSpaceCode(text.charCodeAt(w))) w++;
    if (len + 1 + (w - a) <= width) continue; // the next word would have fitted: a break the page made
    // a sentence that ends at the line end, then one that starts with a capital: read as two paragraphs (a caption
    // or a paragraph with no blank line after it, whose last line happens to be long, is not glued to the next)
    if (endsSentence(text, raw[i].start + len) && startsUpper(text, a)) continue;
    if (blocked && (blocked(i) || blocked(i + 1))) continue;
    joins[i] = 1;
    count++;
    // a break before a bracketed address (html-to-text's `[https://…]`) is joined but says nothing about the
    // continuation in lower case: it is not counted in the share below
    if (addressAt(text, a, e)) addressed++;
    else if (lowerWord(text, a, w)) lower++;
  }
  const worded = count - addressed;
  if (count < MIN_BREAKS || count * 4 < long || (lower < 0.3 * worded && lower < MANY_LOWER)) return null;
  return { width, joins, count };
}

/**
 * The logical lines of a wrapped dump: each run of joined lines becomes one line. `text` is the input with the line
 * breaks inside those runs replaced by spaces (same length, same offsets), `raw` the logical lines, `of[i]` the
 * logical line of physical line i.
 */
export function logicalLines(text: string, raw: readonly RawLine[], wraps: Wraps): { text: string; raw: RawLine[]; of: Int32Array } {
  const n = raw.length;
  const out: RawLine[] = [];
  const of = new Int32Array(n);
  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const start = raw[i].start;
    let j = i;
    while (j + 1 < n && wraps.joins[j]) {
      // the line ending between j and j + 1 becomes spaces
      parts.push(text.slice(pos, raw[j].end), ' '.repeat(raw[j + 1].start - raw[j].end));
      pos = raw[j + 1].start;
      j++;
    }
    const k = out.length;
    for (let m = i; m <= j; m++) of[m] = k;
    out.push({ start, end: raw[j].end });
    i = j;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), raw: out, of };
}

/**
 * Type feedback for findWraps' rare branches: V8 optimises it after a few dozen dumps that leave at the fast exit
 * or soon after, and a branch not taken by then (the first dump that gets to the forced breaks, a list item, a
 * closing quote before a line end, a word with an accent) threw the optimised code away when a later dump took it
 * (three compiles per thread of the CLI). These small texts take those branches once, in the interpreter, before
 * the first document is classified (classifyLines calls this; not at load: the extension host loads the classifier
 * without classifying); the results are discarded. Pure.
 */
export function warmWraps(): void {
  const para = 'The council said on Monday that the new rules would apply from next year, and that ' +
    'residents who had already applied would not need to do so again. “We are glad,” said Mrs. Élodie ' +
    'Durand, who chairs the committee. Critics said the plan was “too little, too late.” The vote is ' +
    'expected in the spring; the mayor’s office did not comment. Read more at www.example.org/news today.';
  // list items right after near-full lines (a list item starts a logical line of its own)
  const items = ['* First item of the list', '1. numbered item', '12) another numbered item', '– a dash item', '- x'];
  const listed = wrapAt(para, 60).split('\n').flatMap((l, i) => (i < items.length ? [l, items[i]] : [l])).join('\n');
  const texts = [
    // wrapped at 60 and 72 columns (all branches up to the joins and logicalLines)
    wrapAt(para + ' ' + para, 60), listed, wrapAt(para + '\n\n' + para.toUpperCase(), 72),
    // long lines (the fast exit), and long lines of one unbreakable word
    para + '\n' + para + '\n' + para, 'x'.repeat(60) + '\n' + 'y'.repeat(70) + '\n' + 'z'.repeat(65) + '\n' + 'w'.repeat(50),
    // near-full lines of Title Case (no lower-case continuation)
    'Home News Sport Weather Business Culture Travel Future Worklife\nPolitics Europe Asia America Africa Middle East Health Science\nEducation Technology Entertainment Arts Reality Check Video',
    '',
  ];
  // the helpers V8 inlines into findWraps, on the characters the texts above may not bring to a line start or end
  const words = ['well-known', 'don’t', "isn't", 'été', 'Été', 'über', 'x1', 'word,', '...', 'Élodie', '1', 'école', 'end."', 'end.)', 'end?»', 'end…', 'win](https://example.com/a)', 'x](y)',
    '* [Home](https://example.com/)', '![logo](https://example.com/l.png)', '* Nation [https://example.com/nation/]', '[https://example.com/a]', 'also [promote', '[12]continued', '[3]', '  12. https://example.com/a', '* one'];
  for (let round = 0; round < 2; round++) {
    for (const s of words) {
      const w = s.split('').join('');
      lowerWord(w, 0, w.length);
      startsUpper(w, 0);
      endsSentence(w, w.length);
      startsItem(w, 0, w.length);
      linkOnly(w, 0, w.length);
      itemOfOneWord(w, 0, w.length);
      linkBroken(w, 0, w.length, 0, w.length);
    }
    for (const s of texts) {
      const t = s.split('').join(''); // a flat string (see the end of features.ts)
      const raw = splitLines(t);
      const w = findWraps(t, raw);
      if (w) logicalLines(t, raw, w);
      findWraps(t, raw, (i) => i === 1);
      mayBeWrapped(raw, (i) => i % 2 === 0);
    }
  }
  function wrapAt(s: string, width: number): string {
    const out: string[] = [];
    for (const p of s.split('\n')) {
      let line = '';
      for (const word of p.split(' ')) {
        if (line && line.length + 1 + word.length > width) { out.push(line); line = word; } else line = line ? line + ' ' + word : word;
      }
      out.push(line);
    }
    return out.join('\n');
  }
}
