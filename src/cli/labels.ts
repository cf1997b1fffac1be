/**
 * Line labels only, for `scraped-news clean`: the core's `analyzeWith(text, { entities: false, quotes: false })`
 * minus the parts cleaning never reads (quotes module, statistics), and the core's `clean()`/`cleanSummary()`
 * over those labels. Thin wrappers: the labels come from the core's `splitLines` + `classifyLines`, exactly as
 * `analyzeWith` computes them; `cleanLabelled` is `clean()` line for line, except that trailing blanks are
 * trimmed with a loop instead of `/[ \t\u00a0]+$/u` (that regex, run on every kept line, cost more than the whole
 * classification on corpus dumps: ~1 s of CPU per 13.6 MB). test/unit/cli-labels.test.ts checks both against
 * the core on fixtures and random texts.
 */
import { splitLines, detectEol } from '../core/lines';
import { classifyLines } from '../core/boilerplate';
import type { LineEnding, LineInfo, TemplateIndex } from '../core/types';

export interface Labels {
  lines: LineInfo[];
  eol: LineEnding;
  bom: boolean;
  length: number;
}

export interface LabelOptions {
  boilerplatePatterns?: string[];
  templates?: TemplateIndex | null;
}

export function labelLines(text: string, options: LabelOptions = {}): Labels {
  const lines = classifyLines(text, splitLines(text), { entities: false, quotes: false, boilerplatePatterns: options.boilerplatePatterns, templates: options.templates });
  return { lines, eol: detectEol(text), bom: text.charCodeAt(0) === 0xfeff, length: text.length };
}

/** Same as the core's `clean(text, analysis, { keepMeta })`. */
export function cleanLabelled(text: string, labels: Labels, keepMeta = false): string {
  if (labels.length !== text.length) throw new Error('clean(): analysis does not belong to this text (length differs)');
  const eol = labels.eol;
  const kept: string[] = [];
  let pendingBlank = false;
  for (const l of labels.lines) {
    if (l.label === 'blank') {
      if (kept.length > 0) pendingBlank = true;
      continue;
    }
    if (!(l.label === 'article' || (l.label === 'meta' && keepMeta))) continue;
    if (pendingBlank) kept.push('');
    pendingBlank = false;
    let start = l.start;
    let end = l.end;
    if (kept.length === 0 && labels.bom && start < end && text.charCodeAt(start) === 0xfeff) start++;
    while (end > start) {
      const c = text.charCodeAt(end - 1);
      if (c === 32 || c === 9 || c === 0xa0) end--;
      else break;
    }
    kept.push(text.slice(start, end));
  }
  if (kept.length === 0) return labels.bom ? '\ufeff' : '';
  const last = text.length > 0 ? text.charCodeAt(text.length - 1) : 0;
  const endsWithEol = last === 10 || last === 13;
  return (labels.bom ? '\ufeff' : '') + kept.join(eol) + (endsWithEol ? eol : '');
}

/** Same as the core's `cleanSummary(analysis, { keepMeta }).removed`. */
export function removedLines(lines: readonly LineInfo[], keepMeta = false): number {
  let removed = 0;
  for (const l of lines) {
    if (l.label === 'blank') continue;
    if (!(l.label === 'article' || (l.label === 'meta' && keepMeta))) removed++;
  }
  return removed;
}
