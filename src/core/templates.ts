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

/** Count, for each normalised line, in how many of the given dumps it occurs. */
export function buildTemplateIndex(texts: Iterable<string>): TemplateIndex {
  const counts = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    const seen = new Set<string>();
    for (const r of splitLines(text)) {
      const k = lineKeyAt(text, r.start, r.end);
      if (k === '') continue; // blank
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return { documents, counts };
}
