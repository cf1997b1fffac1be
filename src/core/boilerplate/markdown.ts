/**
 * Markdown dumps. Many scrapers convert HTML to Markdown instead of plain text (html2text, turndown, markdownify,
 * pandoc, the "reader" services of LLM crawling pipelines): every link keeps its address next to its text
 * (`* [Home](https://example.com/)`), images become `![alt](src)`, headings `# Title`, bold `**text**`. The
 * classifier reads a line's words, function words, sentence end and length: an address of 60 characters in a menu
 * item, or `#` in front of a headline, changes what a line looks like (on the development corpora laid out as such
 * a converter would, `npm run bench:converters -- --variants markdown`, menus were kept: l3s-gn1 0.946 → 0.919).
 *
 * `markdownView` gives the classifier the lines as the page reads: a link as its text, an image as `[alt]` (the
 * image placeholder of text browsers), a heading or bold text without its marks. One line of the view per input line
 * (labels map back one to one); the input text itself is never changed. A dump is read as Markdown when it holds at
 * least MIN_LINKS links or images (two: one `](` can be a chance pair in plain text): text browsers also start lines with `#` (lynx's bullet of a nested list) and
 * plain text has `#` comments and `__` rules, which stay as they are in a dump without links.
 */
import type { RawLine } from '../lines';

/** `![alt](destination "title")`: alt text up to 200 characters, a destination with one level of parentheses. */
const IMAGE = /!\[([^\]\n]{0,200})\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
/** `[text](destination "title")`; the text may hold one level of brackets (a linked image, after IMAGE: `[[alt]](…)`). */
const LINK = /\[((?:[^[\]\n]|\[[^[\]\n]*\]){0,300})\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
/** An ATX heading's marks: `## Title ##`. */
const HEADING = /^(\s{0,3})#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** Strong emphasis: `**text**`, `__text__`. */
const STRONG = /\*\*(?=\S)([^*\n]{1,300}?)\*\*|__(?=\S)([^_\n]{1,300}?)__/g;

/** Links or images (`](`) a dump holds at least, to be read as Markdown. */
const MIN_LINKS = 2;

/** At least MIN_LINKS `](` in the text. */
function readsAsMarkdown(text: string): boolean {
  for (let k = 0, at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 2)) if (++k >= MIN_LINKS) return true;
  return false;
}

/** The line as the page reads (see the file comment); the same string when it holds no Markdown construct. */
export function plainLine(line: string): string {
  let s = line;
  if (s.indexOf('](') >= 0) {
    if (s.indexOf('![') >= 0) s = s.replace(IMAGE, '[$1]');
    s = s.replace(LINK, '$1');
  }
  if (s.indexOf('**') >= 0 || s.indexOf('__') >= 0) s = s.replace(STRONG, (_m, a?: string, b?: string) => a ?? b ?? '');
  if (s.indexOf('#') >= 0) {
    const h = HEADING.exec(s);
    if (h) s = h[1] + h[2];
  }
  // a line of marks only (`##`, `[](…)`) stays as it is: the view never makes a blank line of a non-blank one
  return s === line || s.trim() !== '' ? s : line;
}

/**
 * The Markdown view of the lines `raw` of `text`: a text with one line per input line, each as `plainLine` reads
 * it, and its lines; null when the dump does not read as Markdown (fewer than MIN_LINKS `](`) or no line changes.
 * Lines for which `blocked(i)` holds stay as they are (the user's keep lines and patterns are matched on the input).
 */
export function markdownView(text: string, raw: readonly RawLine[], blocked?: (i: number) => boolean): { text: string; raw: RawLine[] } | null {
  if (!readsAsMarkdown(text)) return null;
  const n = raw.length;
  const parts: string[] = new Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const line = text.slice(raw[i].start, raw[i].end);
    const p = blocked && blocked(i) ? line : plainLine(line);
    if (p !== line) changed = true;
    parts[i] = p;
  }
  if (!changed) return null;
  const out: RawLine[] = new Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    out[i] = { start: pos, end: pos + parts[i].length };
    pos += parts[i].length + 1;
  }
  return { text: parts.join('\n'), raw: out };
}

/**
 * The text of a Markdown dump with its marks read as spaces, the same length (same offsets): a link's `[` and
 * `](address)`, an image's `![` and `](address)`, a heading's `#` marks, `**` and `__` around strong text. Quotes and
 * entities are looked for in it, so that `[Barack Obama](https://…)` is the name Barack Obama and a quote holding a
 * link is one quote; the spans' texts are the input's. Null when the dump does not read as Markdown (markdownView).
 */
export function markdownBlanked(text: string): string | null {
  if (!readsAsMarkdown(text)) return null;
  const spaces = (n: number) => ' '.repeat(n);
  // an image's alt text stays where it is; then a link's text (a linked image's alt text inside it)
  let s = text.replace(IMAGE, (m: string, alt: string) => spaces(2) + alt + spaces(m.length - 2 - alt.length));
  s = s.replace(LINK, (m: string, inner: string) => spaces(1) + inner + spaces(m.length - 1 - inner.length));
  s = s.replace(STRONG_G, (m: string) => spaces(2) + m.slice(2, -2) + spaces(2));
  s = s.replace(HEADING_MARKS, (m: string, pre: string, marks: string) => pre + spaces(marks.length));
  return s === text ? null : s;
}
/** `**text**` / `__text__` anywhere (markdownBlanked keeps the text, blanks the marks). */
const STRONG_G = /\*\*(?=\S)[^*\n]{1,300}?\*\*|__(?=\S)[^_\n]{1,300}?__/g;
/** The `#` marks of an ATX heading at a line start (up to 3 spaces before them). */
const HEADING_MARKS = /^([ \t]{0,3})(#{1,6})(?=[ \t])/gm;
