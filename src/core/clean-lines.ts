/**
 * clean() over labels that are already computed, without loading the analyser: the CLI's workers use this with
 * a labels-only result, clean.ts with a full analysis. See clean() for what it keeps.
 */
import type { Analysis, CleanOptions, LineLabel } from './types';

/** Whether clean() keeps a line with this label (article, and meta when keepMeta). */
export function keptByClean(label: LineLabel, keepMeta: boolean | undefined): boolean {
  return label === 'article' || (label === 'meta' && keepMeta === true);
}

/** What clean() reads of an analysis (the CLI passes a labels-only result of this shape). */
export type CleanInput = Pick<Analysis, 'length' | 'eol' | 'bom' | 'lines'>;

export function cleanLabelled(text: string, analysis: CleanInput, options: CleanOptions = {}): string {
  if (analysis.length !== text.length) throw new Error('clean(): analysis does not belong to this text (length differs)');
  const eol = analysis.eol;
  const kept: string[] = [];
  let pendingBlank = false;
  for (const l of analysis.lines) {
    const keep = keptByClean(l.label, options.keepMeta);
    if (l.label === 'blank') {
      if (kept.length > 0) pendingBlank = true;
      continue;
    }
    if (!keep) continue;
    if (pendingBlank) kept.push('');
    pendingBlank = false;
    let start = l.start;
    let end = l.end;
    if (kept.length === 0 && analysis.bom && start < end && text.charCodeAt(start) === 0xfeff) start++;
    // trailing spaces, tabs and NBSPs: a loop (a /[ \t\u00a0]+$/u per kept line cost more than the classifier)
    while (end > start) {
      const c = text.charCodeAt(end - 1);
      if (c === 32 || c === 9 || c === 0xa0) end--;
      else break;
    }
    kept.push(text.slice(start, end));
  }
  if (kept.length === 0) return analysis.bom ? '\ufeff' : '';
  const last = text.length > 0 ? text.charCodeAt(text.length - 1) : 0;
  const endsWithEol = last === 10 || last === 13;
  return (analysis.bom ? '\ufeff' : '') + kept.join(eol) + (endsWithEol ? eol : '');
}

/** Numbers behind a clean: how many lines would be removed. */
export function cleanSummary(analysis: Pick<Analysis, 'lines'>, options: CleanOptions = {}): { removed: number; kept: number } {
  let removed = 0, kept = 0;
  for (const l of analysis.lines) {
    if (l.label === 'blank') continue;
    if (keptByClean(l.label, options.keepMeta)) kept++;
    else removed++;
  }
  return { removed, kept };
}
