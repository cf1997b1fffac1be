/**
 * Dumps that keep their links' addresses. Plain-text dumps carry a link as its text only; many converters also
 * write where it points:
 *  - Markdown (html2text, turndown, markdownify, pandoc, the "reader" services of LLM crawling pipelines):
 *    `* [Home](https://example.com/)`, images `![alt](src)`, headings `# Title`, bold `**text**`;
 *  - lynx -dump without -nolist: `[12]Home` before every link's text, and a "References" list of the addresses at
 *    the end (`  12. https://example.com/`);
 *  - node's html-to-text with its default options: `Home [https://example.com/]`.
 * The classifier reads a line's words, function words, sentence end and length: an address of 60 characters in a
 * menu item, or `#` in front of a headline, changes what a line looks like (the development corpora laid out as such
 * converters would, `npm run bench:converters -- --variants markdown,lynx,hrefs`, kept their menus: l3s-gn1 0.946 →
 * 0.924 / 0.914 / 0.909 before this view).
 *
 * `linkView` gives the classifier the lines as the page reads: a link as its text, an image as `[alt]` (the image
 * placeholder of text browsers), a heading or bold text without its marks, a numbered reference as its address (the
 * URL rule then takes it). One line of the view per input line (labels map back one to one); the input text itself
 * is never changed. Each style is read only when the dump holds it several times (MIN_LINKS): one `](` or `[3]` can
 * be a chance in plain text, and text browsers also start lines with `#` (lynx's bullet of a nested list) and plain
 * text has `#` comments and `__` rules, which stay as they are in a dump without Markdown links.
 */
import type { RawLine } from '../lines';

/** A Markdown link's or image's address part: `](https://…)`, `](<a b>)`, `](url "title")` (one level of parentheses). */
const LINK_TAIL = String.raw`\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)`;
/** `![alt](destination "title")`: alt text up to 200 characters. */
const IMAGE = new RegExp(String.raw`!\[([^\]\n]{0,200})` + LINK_TAIL, 'g');
/** `[text](destination "title")`; the text may hold one level of brackets (a linked image, after IMAGE: `[[alt]](…)`). */
const LINK = new RegExp(String.raw`\[((?:[^[\]\n]|\[[^[\]\n]*\]){0,300})` + LINK_TAIL, 'g');
/** An ATX heading's marks: `## Title ##`. */
const HEADING = /^(\s{0,3})#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A pandoc fenced div's fence: `::: story-body`, `:::`. */
const FENCE = /^\s*:{3,}(?:\s.*)?$/;
/** A raw HTML tag alone on its line, as pandoc leaves a `<div>` it cannot write as Markdown. */
const RAW_TAG = /^\s*<\/?[a-z][\w-]*(?:\s[^<>]*)?>\s*$/;
/** A pandoc bracketed span: `[Advertisement]{.ad-label}`. */
const SPAN = /\[([^[\]\n]{1,300})\]\{(?:[#.]|[a-z][\w-]*=)[^{}\n]{0,200}\}/g;
/** pandoc's attributes after a heading or a link: ` {#title .big}`. */
const ATTRIBUTES = /\s*\{(?:[#.]|[a-z][\w-]*=)[^{}\n]{0,200}\}/g;
/** Strong emphasis: `**text**`, `__text__`. */
const STRONG = /\*\*(?=\S)([^*\n]{1,300}?)\*\*|__(?=\S)([^_\n]{1,300}?)__/g;
/**
 * lynx's link number in front of a link's text: `[12]Home` (not after a letter or digit: lynx also writes subscripts
 * in brackets, `C[6]H[6]`).
 */
const LYNX_REF = /(?<![\p{L}\p{N}\]])\[\d{1,5}\](?=[\p{L}\p{N}])/gu;
/** The heading of lynx's References list, on a line of its own. */
const LYNX_REFERENCES = /^References[ \t]*\r?$/m;
/** A line of lynx's References list: `  12. https://…` (read as the address alone). */
const LYNX_LIST = /^\s*\d{1,5}\.\s+((?:https?|ftp|file|mailto):\S+)\s*$/;
/** html-to-text's address after a link's text: ` [https://…]` (or alone, for a link without text). */
const HREF = /\s?\[(?:https?:\/\/|mailto:)[^\]\s]*\]/g;

/** Link styles of a dump (bits). */
export const MARKDOWN = 1, LYNX = 2, HREFS = 4;
/** Occurrences of a style a dump holds at least, to be read in that style. */
const MIN_LINKS = 2;
const MIN_LYNX = 3;
const MIN_LYNX_ALONE = 5;

/**
 * The link styles `text` holds (0: none): Markdown from two `](`; lynx from a "References" line and three `[N]Word`,
 * or five `[N]Word` numbered in rising order; html-to-text from two `text [https://…]`. One pass over the text's `[`
 * (found by indexOf: a text without links is read once, natively), and the last text's answer is kept (the classifier
 * and the quotes' view ask for the same text in one analysis).
 */
export function linkStyles(text: string): number {
  if (text === lastText) return lastStyles;
  const s = scanStyles(text);
  lastText = text;
  lastStyles = s;
  return s;
}
let lastText = '', lastStyles = 0;

function scanStyles(text: string): number {
  let md = 0, hrefs = 0, lynx = 0, rising = 0, last = 0, risingBroken = false, risingOk = false;
  const n = text.length;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
    const next = at + 1 < n ? text.charCodeAt(at + 1) : 0;
    if (next >= 48 && next <= 57) {
      // lynx's `[12]Word`, not after a letter, digit or `]` (subscripts: C[6]H[6])
      let k = at + 1;
      while (k < n && k - at <= 5 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
      if (text.charCodeAt(k) === 93 && k + 1 < n && WORD_CHAR.test(text[k + 1]) && !(at > 0 && (text.charCodeAt(at - 1) === 93 || WORD_CHAR.test(text[at - 1])))) {
        lynx++;
        const v = Number(text.slice(at + 1, k));
        if (v > last && !risingBroken) { if (++rising >= MIN_LYNX_ALONE) risingOk = true; } else risingBroken = true;
        last = v;
      }
    }
    // html-to-text's `text [https://…]`
    if ((next === 104 || next === 109) && at >= 2 && text.charCodeAt(at - 1) === 32 && !isSpace(text.charCodeAt(at - 2)) &&
      (text.startsWith('[http', at) || text.startsWith('[mailto:', at))) {
      const close = text.indexOf(']', at);
      if (close > at && !/\s/.test(text.slice(at, close))) hrefs++;
    }
    // Markdown's `[text](`: the `](` after it on the same line
    if (md < MIN_LINKS) {
      for (let k = at + 1; k < n && k - at <= 400; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13) break;
        if (c === 93) { if (text.charCodeAt(k + 1) === 40) md++; break; }
      }
    }
  }
  let s = 0;
  if (md >= MIN_LINKS) s |= MARKDOWN;
  if (hrefs >= MIN_LINKS) s |= HREFS;
  if ((lynx >= MIN_LYNX && text.indexOf('References') >= 0 && LYNX_REFERENCES.test(text)) || risingOk) s |= LYNX;
  return s;
}
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/**
 * The line as the page reads in the link styles `styles` (see the file comment; Markdown by default); the same string
 * when it holds none of their marks.
 */
export function plainLine(line: string, styles = MARKDOWN): string {
  let s = line;
  if (styles & MARKDOWN) {
    if (s.indexOf('](') >= 0) {
      if (s.indexOf('![') >= 0) s = s.replace(IMAGE, '[$1]');
      s = s.replace(LINK, '$1');
    }
    if (s.indexOf('**') >= 0 || s.indexOf('__') >= 0) s = s.replace(STRONG, (_m, a?: string, b?: string) => a ?? b ?? '');
    // pandoc's fenced divs, raw tags and attributes: "::: story-body" and "<div>" read as marks (a line without
    // letters), "# Title {#title .big}" as the title, "[Advertisement]{.ad-label}" as its text
    if ((s.indexOf(':::') >= 0 && FENCE.test(s)) || (s.indexOf('<') >= 0 && RAW_TAG.test(s))) s = ':::';
    if (s.indexOf(']{') >= 0) s = s.replace(SPAN, '$1');
    if (s.indexOf('{') >= 0) s = s.replace(ATTRIBUTES, '');
    if (s.indexOf('#') >= 0) {
      const h = HEADING.exec(s);
      if (h) s = h[1] + h[2];
    }
  }
  if (styles & LYNX) {
    const r = s.indexOf('. ') >= 0 ? LYNX_LIST.exec(s) : null;
    if (r) s = r[1];
    else if (s.indexOf('[') >= 0) s = s.replace(LYNX_REF, '');
  }
  if (styles & HREFS && s.indexOf('[') >= 0) s = s.replace(HREF, '');
  // a line of marks only (`##`, `[](…)`) stays as it is: the view never makes a blank line of a non-blank one
  return s === line || s.trim() !== '' ? s : line;
}

/** `of[i]` of a setext heading's underline left out of the view (lynx's References lines: -1). */
export const SETEXT_OUT = -2;

/** text[a..b) is a setext heading's underline: up to three spaces, then three or more "=" or "-" only, then spaces. */
function setextUnderline(text: string, a: number, b: number): boolean {
  let k = a;
  while (k < b && k - a < 3 && text.charCodeAt(k) === 32) k++;
  const c = text.charCodeAt(k);
  if (c !== 61 && c !== 45) return false; // = -
  let m = k;
  while (m < b && text.charCodeAt(m) === c) m++;
  if (m - k < 3) return false;
  while (m < b && (text.charCodeAt(m) === 32 || text.charCodeAt(m) === 9 || text.charCodeAt(m) === 13)) m++;
  return m === b;
}

/**
 * The link view of the lines `raw` of `text`: a text with one line per input line, each as `plainLine` reads it in
 * the dump's link styles, and its lines, except lynx's References lists (a "References" line followed by numbered
 * addresses, the addresses, and every numbered address after the last list), which are left out of the view: a list
 * of addresses is no part of the page, and dozens of such lines after the article would make the article read as the
 * middle of the page; and, in a Markdown dump, the underlines of setext headings. `of[i]`: the view line of input line
 * i, or -1 for a line of a References list left out, SETEXT_OUT for an underline left out. Null when the dump holds no
 * link style or no line changes. Lines for which `blocked(i)` holds stay as they are (the user's keep lines and
 * patterns are matched on the input).
 */
export function linkView(text: string, raw: readonly RawLine[], blocked?: (i: number) => boolean): { text: string; raw: RawLine[]; of: Int32Array } | null {
  const styles = linkStyles(text);
  if (styles === 0) return null;
  const n = raw.length;
  const lineAt = (i: number) => text.slice(raw[i].start, raw[i].end);
  // lynx's References lists: a "References" line that numbered addresses follow (after blank lines, if any), and
  // from there its addresses (blank lines between them stay); after the last list, every numbered address. A
  // "References" line without addresses after it is a line like any other: the cleaned text of a file read page by
  // page, whose pages' lists are gone, reads as one page, and leaving out only its last such line took one more of
  // them out in each settle round (a 14 MB concatenation of lynx dumps never settled, BENCHMARKS.md).
  const leftOut = new Uint8Array(n); // 1: left out of the view
  if (styles & LYNX) {
    const blank = (j: number) => lineAt(j).trim() === '';
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (text.charCodeAt(raw[i].start) !== 82 || !LYNX_REFERENCES.test(lineAt(i))) continue; // 82: R
      let j = i + 1;
      while (j < n && blank(j)) j++;
      if (j === n || !LYNX_LIST.test(lineAt(j))) continue;
      leftOut[i] = 1;
      last = i;
      for (; j < n; j++) {
        if (blank(j)) continue;
        if (!LYNX_LIST.test(lineAt(j))) break;
        leftOut[j] = 1;
      }
    }
    if (last >= 0) for (let i = last + 1; i < n; i++) if (!leftOut[i] && LYNX_LIST.test(lineAt(i))) leftOut[i] = 1;
  }
  // Markdown's setext underlines ("Title" / "=====", "Note from the author:" / "-----", as reader services write every
  // heading): marks of the line above, which would stand between a headline and the standfirst or byline below it
  if (styles & MARKDOWN) for (let i = 1; i < n; i++) if (!leftOut[i] && setextUnderline(text, raw[i].start, raw[i].end) && raw[i - 1].end > raw[i - 1].start && lineAt(i - 1).trim() !== '') leftOut[i] = 2;
  const parts: string[] = [];
  const of = new Int32Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const line = lineAt(i);
    const user = blocked !== undefined && blocked(i);
    if (leftOut[i] && !user) { of[i] = leftOut[i] === 2 ? SETEXT_OUT : -1; changed = true; continue; }
    const p = user ? line : plainLine(line, styles);
    if (p !== line) changed = true;
    of[i] = parts.length;
    parts.push(p);
  }
  if (!changed) return null;
  const out: RawLine[] = []; // packed, as splitLines makes (see classifyPages)
  let pos = 0;
  for (let k = 0; k < parts.length; k++) {
    out.push({ start: pos, end: pos + parts[k].length });
    pos += parts[k].length + 1;
  }
  return { text: parts.join('\n'), raw: out, of };
}

/**
 * The text of a dump with its link marks read as spaces, the same length (same offsets): a Markdown link's `[` and
 * `](address)`, an image's `![` and `](address)`, a heading's `#` marks, `**` and `__` around strong text, lynx's
 * `[12]`, html-to-text's ` [https://…]`. Quotes and entities are looked for in it, so that
 * `[Barack Obama](https://…)` is the name Barack Obama and a quote holding a link is one quote; the spans' texts are
 * the input's. Null when the dump holds no link style (linkStyles).
 */
export function linksBlanked(text: string): string | null {
  const styles = linkStyles(text);
  if (styles === 0) return null;
  const spaces = (n: number) => ' '.repeat(n);
  let s = text;
  if (styles & MARKDOWN) {
    // an image's alt text stays where it is; then a link's text (a linked image's alt text inside it)
    s = s.replace(IMAGE, (m: string, alt: string) => spaces(2) + alt + spaces(m.length - 2 - alt.length));
    s = s.replace(LINK, (m: string, inner: string) => spaces(1) + inner + spaces(m.length - 1 - inner.length));
    s = s.replace(STRONG_G, (m: string) => spaces(2) + m.slice(2, -2) + spaces(2));
    s = s.replace(HEADING_MARKS, (_m: string, pre: string, marks: string) => pre + spaces(marks.length));
  }
  if (styles & LYNX) s = s.replace(LYNX_REF, (m: string) => spaces(m.length));
  if (styles & HREFS) s = s.replace(HREF, (m: string) => spaces(m.length));
  return s === text ? null : s;
}
/** `**text**` / `__text__` anywhere (linksBlanked keeps the text, blanks the marks). */
const STRONG_G = /\*\*(?=\S)[^*\n]{1,300}?\*\*|__(?=\S)[^_\n]{1,300}?__/g;
/** The `#` marks of an ATX heading at a line start (up to 3 spaces before them). */
const HEADING_MARKS = /^([ \t]{0,3})(#{1,6})(?=[ \t])/gm;

const FULL_LINK = new RegExp(String.raw`!?\[([^[\]]*)` + LINK_TAIL, 'g');
const LEADING_TAIL = new RegExp(String.raw`^([^[\]]*)` + LINK_TAIL);
const TRAILING_OPEN = /!?\[([^[\]]*)$/;

/**
 * A span's text as the page reads it, for display (hovers, the outline, Copy Quotes): the line breaks of a
 * hard-wrapped dump read as spaces, and the marks of links left out — Markdown's, also those of a link the span
 * starts or ends inside (`Jane Smith](https://…), the mayor of [Springfield`), lynx's `[12]` and html-to-text's
 * ` [https://…]`. Span texts themselves are slices of the input and keep them.
 */
export function readableSpan(s: string): string {
  let t = s.includes('\n') || s.includes('\r') ? s.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ') : s;
  // only a span that holds a link's address part is read as Markdown (a lone "[" may be the text's own)
  if (t.includes('](')) t = t.replace(FULL_LINK, '$1').replace(LEADING_TAIL, '$1').replace(TRAILING_OPEN, '$1');
  if (t.includes('[')) t = t.replace(LYNX_REF, '').replace(HREF, '');
  return t;
}
