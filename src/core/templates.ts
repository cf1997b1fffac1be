import type { TemplateIndex } from './types';
import { splitLines, isBlank } from './lines';
import { lineKey } from './boilerplate/features';

/**
 * Key used to compare lines across dumps: trimmed, lower-cased, digits folded, spaces collapsed. The same key
 * as the classifier's `LineFeatures.key`, so a TemplateIndex built here is looked up with it directly.
 */
export function normalizeLineKey(line: string): string {
  return lineKey(line.trim());
}

/** Count, for each normalised line, in how many of the given dumps it occurs. */
export function buildTemplateIndex(texts: Iterable<string>): TemplateIndex {
  const counts = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    const seen = new Set<string>();
    for (const r of splitLines(text)) {
      const t = text.slice(r.start, r.end);
      if (isBlank(t)) continue;
      const k = normalizeLineKey(t);
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return { documents, counts };
}
