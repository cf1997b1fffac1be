import type { CleanOptions } from './types';
import { cleanLabelled, type CleanInput } from './clean-lines';
import { analyzeWith } from './analyze-base';

export { cleanLabelled, cleanSummary, type CleanInput } from './clean-lines';

/**
 * The article text: boilerplate lines removed (and meta lines unless keepMeta), runs of blank lines
 * collapsed to one, leading/trailing blank lines dropped, trailing spaces trimmed, the input's dominant
 * line ending and BOM kept. Ends with a line ending when the input did. Pass an analysis made with the same
 * `keepMeta` (AnalyzeOptions.keepMeta) for clean(clean(x)) == clean(x) to hold with keepMeta.
 */
export function clean(text: string, analysis?: CleanInput, options: CleanOptions = {}): string {
  // analysed for the clean asked for (the classifier's settle step makes that clean idempotent)
  return cleanLabelled(text, analysis ?? analyzeWith(text, { entities: false, quotes: false, keepMeta: options.keepMeta === true }), options);
}
