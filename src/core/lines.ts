import type { LineEnding } from './types';

/** A physical line of the input: offsets exclude the line ending. */
export interface RawLine {
  start: number;
  end: number;
}

/**
 * Split text into lines at \r\n, \n or lone \r. An empty text has one empty line. The breaks are found with
 * `indexOf` (a fast native search) instead of a loop over every character.
 */
export function splitLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  const n = text.length;
  let start = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      out.push({ start, end: lf });
      start = lf + 1;
      lf = text.indexOf('\n', start);
    } else {
      out.push({ start, end: cr });
      // \r\n is one line break
      start = cr + 1 < n && text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      cr = text.indexOf('\r', start);
    }
  }
  out.push({ start, end: n });
  return out;
}

/** The most frequent line ending of the text ('\n' when there is none). */
export function detectEol(text: string): LineEnding {
  // counted with indexOf (native search); a text without \r is '\n' (also when it has no line break at all)
  let r = text.indexOf('\r');
  if (r < 0) return '\n';
  let all = 0; // every \n, including those of \r\n pairs
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) all++;
  let crlf = 0;
  let cr = 0;
  for (; r >= 0; r = text.indexOf('\r', r + 1)) {
    if (text.charCodeAt(r + 1) === 10) crlf++;
    else cr++;
  }
  const lf = all - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** Whitespace test that also covers no-break and other Unicode spaces. */
export function isBlank(s: string): boolean {
  return /^[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]*$/.test(s);
}
