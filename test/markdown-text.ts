/**
 * A plain-text dump laid out as a converter that keeps its links' addresses would write it (test helpers for the
 * link-view tests; the same rules as bench/converters.mjs's `markdown`, `lynx` and `hrefs` variants). The links are
 * made up from the text alone: the first line is the heading; a line of 1-8 words without a sentence end is a link (in
 * a list when a neighbouring line is one too); every other line of 8+ words has a link around two of its words, one
 * line in two (chosen by a hash of the line).
 */
interface LinkFormat {
  heading: (line: string) => string;
  menu: (line: string, url: string, inList: boolean) => string;
  inline: (words: string, url: string) => string;
}

function linked(text: string, fmt: LinkFormat): string {
  const lines = text.split('\n');
  const words = (l: string) => l.match(/[\p{L}\p{N}]+/gu) ?? [];
  const isNav = (l: string) => { const w = words(l).length; return w > 0 && w <= 8 && !/[.!?:"”]$/.test(l.trim()); };
  const slug = (l: string) => words(l).slice(0, 6).join('-').toLowerCase();
  let first = true;
  return lines.map((l, i) => {
    const t = l.trim();
    if (!t || t.length > 2000) return l;
    if (first) { first = false; return fmt.heading(t); }
    if (isNav(l)) {
      const run = (i > 0 && isNav(lines[i - 1])) || (i + 1 < lines.length && isNav(lines[i + 1]));
      return fmt.menu(t, `https://www.example.com/section/${slug(t)}/`, run);
    }
    const ws = t.split(' ');
    let h = 0;
    for (let k = 0; k < t.length; k++) h = (Math.imul(h, 31) + t.charCodeAt(k)) | 0;
    if (ws.length < 8 || (h & 1) === 0) return l;
    const a = 1 + ((h >>> 1) % (ws.length - 3));
    const pair = ws[a] + ' ' + ws[a + 1];
    ws.splice(a, 2, fmt.inline(pair, `https://www.example.com/2008/01/10/${slug(pair)}.html`));
    return ws.join(' ');
  }).join('\n');
}

/** As an HTML-to-Markdown converter (html2text, turndown, markdownify, reader services) would write it. */
export function toMarkdown(text: string): string {
  return linked(text, { heading: (l) => `# ${l}`, menu: (l, url, run) => `${run ? '* ' : ''}[${l}](${url})`, inline: (w, url) => `[${w}](${url})` });
}

/** As lynx -dump writes it by default: `[N]` before each link, a "References" list of the addresses at the end. */
export function toLynx(text: string): string {
  const refs: string[] = [];
  const ref = (url: string) => { refs.push(url); return `[${refs.length}]`; };
  const body = linked(text, { heading: (l) => l, menu: (l, url, run) => `${run ? '   * ' : ''}${ref(url)}${l}`, inline: (w, url) => `${ref(url)}${w}` });
  return refs.length ? `${body}\n\nReferences\n\n${refs.map((u, i) => `${String(i + 1).padStart(4)}. ${u}`).join('\n')}\n` : body;
}

/** As node's html-to-text writes it with its default options: `text [https://…]`, the heading in capitals. */
export function toHrefs(text: string): string {
  return linked(text, { heading: (l) => l.toUpperCase(), menu: (l, url, run) => `${run ? ' * ' : ''}${l} [${url}]`, inline: (w, url) => `${w} [${url}]` });
}

/** A short news page in Markdown whose quote's speaker and several names are links (the quote and entity tests). */
export const LINKED_PAGE = [
  '# Council approves budget', '', '* [Home](https://example.com/)', '* [News](https://example.com/news/)', '',
  'The city council approved the budget on Tuesday after a long debate, officials said.', '',
  '\u201cWe are very glad that the council agreed,\u201d said [Jane Smith](https://example.com/people/jane-smith), the mayor of [Springfield](https://example.com/springfield).', '',
  'She thanked [Mark Jones](https://example.com/mark) and the [Springfield Chamber of Commerce](https://example.com/chamber) for their support of the plan.', '',
].join('\n');
