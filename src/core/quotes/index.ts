/**
 * Quotes and speakers. First version (foundation issue): pairs double quotation marks within an article
 * line and looks for a said/says/told cue next to the quote. The quotes issue makes it excellent.
 */
import type { LineInfo, Quote, Speaker } from '../types';

const OPEN = new Set(['“', '"', '„', '«']);
const CLOSE_FOR: Record<string, string[]> = { '“': ['”', '“', '"'], '"': ['"', '”'], '„': ['“', '”'], '«': ['»'] };
const CUE = /\b(said|says|told|added|according to|noted|stated|announced)\b/i;

export function findQuotes(text: string, lines: readonly LineInfo[], opts: { scareQuotes?: boolean } = {}): Quote[] {
  const out: Quote[] = [];
  for (const l of lines) {
    if (l.label !== 'article') continue;
    const para = text.slice(l.start, l.end);
    for (let i = 0; i < para.length; i++) {
      const c = para[i];
      if (!OPEN.has(c)) continue;
      const closers = CLOSE_FOR[c];
      let j = i + 1;
      while (j < para.length && !closers.includes(para[j])) j++;
      if (j >= para.length) break;
      const qs = l.start + i;
      const qe = l.start + j + 1;
      const inner = para.slice(i + 1, j);
      const words = inner.trim().split(/\s+/).filter(Boolean).length;
      const speaker = findSpeaker(para, l.start, i, j + 1);
      const kind: Quote['kind'] = words <= 2 && !speaker ? 'scare' : 'quote';
      if (kind === 'scare' && opts.scareQuotes === false) { i = j; continue; }
      out.push({ start: qs, end: qe, text: text.slice(qs, qe), kind, speaker, cue: null });
      i = j;
    }
  }
  return out;
}

function findSpeaker(para: string, base: number, qs: number, qe: number): Speaker | null {
  // After: `…,” the embassy said.` / `…,” said Peskov`
  const after = para.slice(qe, qe + 80);
  let m = /^[\s,]*((?:the |a )?[\p{L}][\p{L}\-'’. ]{0,50}?)\s+(said|says|added|noted|told)\b/u.exec(after);
  if (m) {
    const s = base + qe + m.index + m[0].indexOf(m[1]);
    return { start: s, end: s + m[1].length, text: m[1] };
  }
  m = /^[\s,]*(?:said|says|added|noted)\s+([\p{Lu}][\p{L}\-'’.]*(?:\s+[\p{Lu}][\p{L}\-'’.]*){0,3})/u.exec(after);
  if (m) {
    const s = base + qe + m.index + m[0].lastIndexOf(m[1]);
    return { start: s, end: s + m[1].length, text: m[1] };
  }
  const before = para.slice(Math.max(0, qs - 120), qs);
  m = /([\p{Lu}][\p{L}\-'’.]*(?:\s+[\p{Lu}][\p{L}\-'’.]*){0,3})\s+(?:said|says|told \w+|added)[\s,:]*$/u.exec(before);
  if (m) {
    const s = base + Math.max(0, qs - 120) + m.index;
    return { start: s, end: s + m[1].length, text: m[1] };
  }
  void CUE;
  return null;
}
