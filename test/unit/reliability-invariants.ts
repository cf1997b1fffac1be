/**
 * Invariants every analysis and every clean must satisfy, shared by the reliability catalogue, the fast-check
 * properties and (re-implemented in plain JS) bench/properties-corpus.mjs. Each returns a list of violations
 * (empty = fine) so a property can report the first one with its input.
 */
import { findWraps, splitLines, type Analysis } from '../../src/core';

/** True when offset o splits a surrogate pair (falls between a high and a low surrogate). */
export function splitsPair(text: string, o: number): boolean {
  if (o <= 0 || o >= text.length) return false;
  const a = text.charCodeAt(o - 1);
  const b = text.charCodeAt(o);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

/** Physical lines of a text (split at \r\n, \n, lone \r), like the core. */
export function physicalLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const trimEnd = (s: string) => s.replace(/[ \t\u00a0]+$/u, '');

/** Structure of the analysis: lines tile the text, offsets inside it on code-point boundaries, spans in article lines (or wrapped paragraphs). */
export function analysisViolations(text: string, a: Analysis): string[] {
  const v: string[] = [];
  if (a.length !== text.length) v.push(`analysis.length ${a.length} != text.length ${text.length}`);
  const phys = physicalLines(text);
  if (a.lines.length !== phys.length) v.push(`lines ${a.lines.length} != physical lines ${phys.length}`);
  let expectStart = 0;
  for (let i = 0; i < a.lines.length; i++) {
    const l = a.lines[i];
    if (l.line !== i) v.push(`line ${i} numbered ${l.line}`);
    if (l.start !== expectStart) v.push(`line ${i} starts at ${l.start}, expected ${expectStart}`);
    if (l.end < l.start || l.end > text.length) v.push(`line ${i} end ${l.end} out of range`);
    const body = text.slice(l.start, l.end);
    if (/[\r\n]/.test(body)) v.push(`line ${i} contains a line break`);
    if (phys[i] !== undefined && body !== phys[i]) v.push(`line ${i} text differs from the physical line`);
    if (!['article', 'boilerplate', 'meta', 'blank'].includes(l.label)) v.push(`line ${i} label ${l.label}`);
    if (typeof l.reason !== 'string' || l.reason.length === 0) v.push(`line ${i} has no reason`);
    const brk = text.startsWith('\r\n', l.end) ? 2 : l.end < text.length ? 1 : 0;
    expectStart = l.end + brk;
    if (v.length > 5) return v;
  }
  if (a.lines.length && a.lines[a.lines.length - 1].end !== text.length) v.push('last line does not end at the end of the text');
  // the article paragraphs: an article line, or in a hard-wrapped dump a run of article lines the unwrap step joins
  // (src/core/boilerplate/unwrap.ts; joins without the user's blocked lines: a superset of the ones used)
  const wraps = findWraps(text, splitLines(text));
  const article: { start: number; end: number }[] = [];
  for (let i = 0; i < a.lines.length; i++) {
    if (a.lines[i].label !== 'article') continue;
    let j = i;
    while (wraps && wraps.joins[j] && j + 1 < a.lines.length && a.lines[j + 1].label === 'article') j++;
    article.push({ start: a.lines[i].start, end: a.lines[j].end });
    i = j;
  }
  const inArticle = (s: number, e: number) => {
    // binary search the article paragraph containing [s, e)
    let lo = 0, hi = article.length - 1;
    while (lo <= hi) {
      const m = (lo + hi) >> 1;
      const l = article[m];
      if (s < l.start) hi = m - 1;
      else if (s > l.end) lo = m + 1;
      else return e <= l.end;
    }
    return false;
  };
  const span = (kind: string, s: number, e: number, t: string) => {
    if (!(0 <= s && s < e && e <= text.length)) v.push(`${kind} [${s},${e}) outside the text`);
    else {
      if (text.slice(s, e) !== t) v.push(`${kind} [${s},${e}) text mismatch`);
      if (splitsPair(text, s) || splitsPair(text, e)) v.push(`${kind} [${s},${e}) splits a surrogate pair`);
      if (!inArticle(s, e)) v.push(`${kind} [${s},${e}) not inside one article line (or wrapped paragraph)`);
    }
  };
  for (const q of a.quotes) {
    span('quote', q.start, q.end, q.text);
    if (q.speaker) {
      const sp = q.speaker;
      if (!(0 <= sp.start && sp.start < sp.end && sp.end <= text.length)) v.push(`speaker [${sp.start},${sp.end}) outside the text`);
      else if (splitsPair(text, sp.start) || splitsPair(text, sp.end)) v.push(`speaker [${sp.start},${sp.end}) splits a surrogate pair`);
      else if (text.slice(sp.start, sp.end) !== sp.text) v.push(`speaker [${sp.start},${sp.end}) text mismatch`);
    }
  }
  for (const e of a.entities) span('entity ' + e.type, e.start, e.end, e.text);
  return v;
}

/**
 * What clean may do: keep the article lines (right-trimmed) in order and nothing else, separate runs of
 * blank lines with at most one blank line, keep the BOM and use only the analysis' line ending.
 * Returns violations plus the number of article lines lost (article lines missing from the output).
 */
export function cleanViolations(text: string, a: Analysis, out: string): { violations: string[]; lost: number } {
  const v: string[] = [];
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom && out.charCodeAt(0) !== 0xfeff) v.push('BOM dropped');
  if (!bom && out.charCodeAt(0) === 0xfeff && a.lines.length && text.charCodeAt(0) !== 0xfeff) v.push('BOM added');
  const body = bom && out.charCodeAt(0) === 0xfeff ? out.slice(1) : out;
  // line endings: only the dominant one
  const eols = body.match(/\r\n|\r|\n/g) ?? [];
  if (eols.some((e) => e !== a.eol)) v.push(`output mixes line endings (expected ${JSON.stringify(a.eol)})`);
  const outLines = body.length === 0 ? [] : body.split(a.eol);
  if (outLines.length && outLines[outLines.length - 1] === '' && /[\r\n]$/.test(body)) outLines.pop();
  for (let i = 1; i < outLines.length; i++) {
    if (outLines[i] === '' && outLines[i - 1] === '') { v.push('two blank lines in a row'); break; }
  }
  if (outLines[0] === '') v.push('output starts with a blank line');
  // expected: article lines, right-trimmed, BOM removed from the first
  const expected = a.lines
    .filter((l) => l.label === 'article')
    .map((l) => {
      let s = text.slice(l.start, l.end);
      if (l.start === 0 && bom) s = s.slice(1);
      return trimEnd(s);
    });
  const got = outLines.filter((s) => s !== '');
  // subsequence of the input's lines (right-trimmed)
  const inputLines = physicalLines(bom ? text.slice(1) : text).map(trimEnd);
  let j = 0;
  for (const g of got) {
    while (j < inputLines.length && inputLines[j] !== g) j++;
    if (j >= inputLines.length) { v.push(`output line not a subsequence of the input: ${JSON.stringify(g.slice(0, 80))}`); break; }
    j++;
  }
  // lost article lines: expected lines missing from the output, in order
  let lost = 0;
  let k = 0;
  for (const e of expected) {
    let m = k;
    while (m < got.length && got[m] !== e) m++;
    if (m < got.length) k = m + 1;
    else lost++;
  }
  if (lost > 0) v.push(`${lost} article line(s) lost`);
  if (got.length !== expected.length) v.push(`output has ${got.length} non-blank lines, analysis has ${expected.length} article lines`);
  return { violations: v, lost };
}
