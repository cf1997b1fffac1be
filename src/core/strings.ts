/**
 * A copy of `s` that does not keep its parent string alive. V8 represents `text.slice(a, b)` as a view into `text`,
 * so a memo keyed by (or holding) slices of a document keeps every version of that document in memory. Memos that
 * outlive one analysis must store detached copies (short strings are copied by V8 anyway).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** A Markdown link's or image's address part: `](https://…)`, `](<a b>)`, `](url "title")`. */
const LINK_TAIL = String.raw`\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)`;
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
  // lynx's link numbers (`[12]Jane Smith`, not a subscript after a letter) and html-to-text's ` [https://…]`
  if (t.includes('[')) t = t.replace(LYNX_NUMBER, '').replace(BRACKETED_ADDRESS, '');
  return t;
}
const LYNX_NUMBER = /(?<![\p{L}\p{N}\]])\[\d{1,5}\](?=[\p{L}\p{N}])/gu;
const BRACKETED_ADDRESS = /\s?\[(?:https?:\/\/|mailto:)[^\]\s]*\]/g;
