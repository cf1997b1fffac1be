/**
 * Word-wraps every line longer than `width` at spaces, as html2text, lynx or w3m lay a paragraph out (test helper
 * for the hard-wrapped-dump tests; bench/converters.mjs has the exact Python-textwrap version).
 */
export function wrapText(text: string, width: number): string {
  return text.split('\n').flatMap((line) => {
    if (line.length <= width) return [line];
    const out: string[] = [];
    let cur = '';
    for (const w of line.split(/ +/).filter(Boolean)) {
      if (cur && cur.length + 1 + w.length > width) { out.push(cur); cur = w; }
      else cur = cur ? `${cur} ${w}` : w;
    }
    return [...out, cur];
  }).join('\n');
}
