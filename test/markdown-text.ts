/**
 * A plain-text dump laid out as an HTML-to-Markdown converter (html2text, turndown, markdownify, reader services)
 * would write it (test helper for the Markdown-dump tests; the same rules as bench/converters.mjs's `markdown`
 * variant): the first line a `# ` heading; a line of 1-8 words without a sentence end a link (`* ` in front when a
 * neighbouring line is one too); every other line of 8+ words has a link around two of its words, one line in two
 * (chosen by a hash of the line).
 */
export function toMarkdown(text: string): string {
  const lines = text.split('\n');
  const words = (l: string) => l.match(/[\p{L}\p{N}]+/gu) ?? [];
  const isNav = (l: string) => { const w = words(l).length; return w > 0 && w <= 8 && !/[.!?:"”]$/.test(l.trim()); };
  const slug = (l: string) => words(l).slice(0, 6).join('-').toLowerCase();
  let first = true;
  return lines.map((l, i) => {
    const t = l.trim();
    if (!t) return l;
    if (first) { first = false; return `# ${t}`; }
    if (isNav(l)) {
      const run = (i > 0 && isNav(lines[i - 1])) || (i + 1 < lines.length && isNav(lines[i + 1]));
      return `${run ? '* ' : ''}[${t}](https://www.example.com/section/${slug(t)}/)`;
    }
    const ws = t.split(' ');
    let h = 0;
    for (let k = 0; k < t.length; k++) h = (Math.imul(h, 31) + t.charCodeAt(k)) | 0;
    if (ws.length < 8 || (h & 1) === 0) return l;
    const a = 1 + ((h >>> 1) % (ws.length - 3));
    ws[a] = '[' + ws[a];
    ws[a + 1] = `${ws[a + 1]}](https://www.example.com/2008/01/10/${slug(ws[a] + ' ' + ws[a + 1])}.html)`;
    return ws.join(' ');
  }).join('\n');
}
