import type { Analysis, AnalyzeOptions } from './types';
import { analyzeWith } from './analyze-base';
import { findEntities } from './entities';

/**
 * Analyse one document version: line labels with reasons, quotes with speakers, entities, statistics.
 * Pure and deterministic: the same text and options give the same result.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeWith(text, options, (t, lines) => findEntities(t, lines));
}
