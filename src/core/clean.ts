import type { Analysis, CleanOptions } from './types';
import { analyzeWith } from './analyze-base';

/**
 * The article text: boilerplate lines removed (and meta lines unless keepMeta), runs of blank lines
 * collapsed to one, leading/trailing blank lines dropped, trailing spaces trimmed, the input's dominant
 * line ending and BOM kept. Ends with a line ending when the input did. Pass an analysis made with the same
 * `keepMeta` (AnalyzeOptions.keepMeta) for clean(clean(x)) == clean(x) to hold with keepMeta.
 */
export function clean(text: string, analysis?: Analysis, options: CleanOptions = {}): string {
  // analysed for the clean asked for (the classifier's settle step makes that clean idempotent)
  if (!analysis) analysis = analyzeWith(text, { entities: false, quotes: false, keepMeta: options.keepMeta === true });
  if (analysis.length !== text.length) throw new Error('clean(): analysis does not belong to this text (length differs)');
  const eol = analysis.eol;
  const kept: string[] = [];
  let pendingBlank = false;
  for (const l of analysis.lines) {
    const keep = l.label === 'article' || (l.label === 'meta' && options.keepMeta === true);
    if (l.label === 'blank') {
      if (kept.length > 0) pendingBlank = true;
      continue;
    }
    if (!keep) continue;
    if (pendingBlank) kept.push('');
    pendingBlank = false;
    let s = text.slice(l.start, l.end);
    if (kept.length === 0 && analysis.bom && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    kept.push(s.replace(/[ \t\u00a0]+$/u, ''));
  }
  if (kept.length === 0) return analysis.bom ? '\ufeff' : '';
  const endsWithEol = /[\r\n]$/.test(text);
  return (analysis.bom ? '\ufeff' : '') + kept.join(eol) + (endsWithEol ? eol : '');
}

/** Numbers behind a clean: how many lines would be removed. */
export function cleanSummary(analysis: Analysis, options: CleanOptions = {}): { removed: number; kept: number } {
  let removed = 0, kept = 0;
  for (const l of analysis.lines) {
    if (l.label === 'blank') continue;
    if (l.label === 'article' || (l.label === 'meta' && options.keepMeta)) kept++;
    else removed++;
  }
  return { removed, kept };
}
