import type { TemplateIndex } from './types';
import { splitLines } from './lines';
import { lineKey, lineKeyAt } from './boilerplate/features';

/**
 * Key used to compare lines across dumps: trimmed, lower-cased, digits folded, spaces collapsed. It is the
 * classifier's `LineFeatures.key` (one function, `lineKeyAt` in boilerplate/features.ts), so a TemplateIndex built
 * here is looked up with it directly. Blank lines have the key ''.
 */
export function normalizeLineKey(line: string): string {
  return lineKey(line);
}

/**
 * Lines over this many characters are not counted: their keys (first 200 characters + '#' + length) would now
 * match across dumps, and a folder holding copies of one story (syndicated, re-scraped) then sees every paragraph
 * of it as a site template; the classifier has no guard against that yet (see BENCHMARKS.md, Speed and scale).
 */
const MAX_TEMPLATE_LINE = 200;

/**
 * Count, for each normalised line, in how many of the given dumps it occurs (a plain sum over dumps: the CLI sums
 * the indices of its worker threads' shares, which must give the single-threaded index).
 */
export function buildTemplateIndex(texts: Iterable<string>): TemplateIndex {
  const counts = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    const seen = new Set<string>();
    for (const r of splitLines(text)) {
      const k = lineKeyAt(text, r.start, r.end);
      if (k === '' || k.length > MAX_TEMPLATE_LINE) continue; // blank, or a long line (its key is over 200 chars)
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return { documents, counts };
}
