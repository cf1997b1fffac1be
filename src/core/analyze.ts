import type { Analysis, AnalyzeOptions } from './types';
import { splitLines, detectEol } from './lines';
import { classifyLines } from './boilerplate';
import { findQuotes } from './quotes';
import { findEntities } from './entities';

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Analyse one document version: line labels with reasons, quotes with speakers, entities, statistics.
 * Pure and deterministic: the same text and options give the same result.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const t0 = now();
  const raw = splitLines(text);
  const lines = classifyLines(text, raw, options);
  const t1 = now();
  const quotes = options.quotes === false ? [] : findQuotes(text, lines, { scareQuotes: options.scareQuotes });
  const t2 = now();
  const entities = options.entities === false ? [] : findEntities(text, lines);
  const t3 = now();

  let articleLines = 0, boilerplateLines = 0, metaLines = 0, blankLines = 0, articleChars = 0;
  for (const l of lines) {
    if (l.label === 'article') { articleLines++; articleChars += l.end - l.start; }
    else if (l.label === 'boilerplate') boilerplateLines++;
    else if (l.label === 'meta') metaLines++;
    else blankLines++;
  }
  const names = new Set(entities.map((e) => e.type + ':' + e.text.toLowerCase()));
  return {
    length: text.length,
    eol: detectEol(text),
    bom: text.charCodeAt(0) === 0xfeff,
    lines,
    quotes,
    entities,
    stats: {
      lines: lines.length,
      articleLines,
      boilerplateLines,
      metaLines,
      blankLines,
      quotes: quotes.length,
      entities: entities.length,
      entityNames: names.size,
      articleChars,
      timings: { lines: t1 - t0, quotes: t2 - t1, entities: t3 - t2, total: t3 - t0 },
    },
  };
}
