import type { LineEnding } from './types';

/** A physical line of the input: offsets exclude the line ending. */
export interface RawLine {
  start: number;
  end: number;
}

/** Split text into lines at \r\n, \n or lone \r. An empty text has one empty line. */
export function splitLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      out.push({ start, end: i });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      out.push({ start, end: i });
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push({ start, end: n });
  return out;
}

/** The most frequent line ending of the text ('\n' when there is none). */
export function detectEol(text: string): LineEnding {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** Whitespace test that also covers no-break and other Unicode spaces. */
export function isBlank(s: string): boolean {
  return /^[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]*$/.test(s);
}
