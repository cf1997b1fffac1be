/**
 * User boilerplate patterns (setting scrapedNews.boilerplatePatterns): validated once, bad ones reported,
 * never thrown on every keystroke. The reliability issue hardens matching against catastrophic backtracking.
 */
export interface CompiledPatterns {
  matchers: RegExp[];
  errors: { pattern: string; message: string }[];
}

const cache = new Map<string, CompiledPatterns>();

export function compileUserPatterns(patterns: readonly string[]): CompiledPatterns {
  const key = JSON.stringify(patterns);
  const hit = cache.get(key);
  if (hit) return hit;
  const res: CompiledPatterns = { matchers: [], errors: [] };
  for (const p of patterns) {
    if (typeof p !== 'string' || p.length === 0) {
      res.errors.push({ pattern: String(p), message: 'empty or not a string' });
      continue;
    }
    try {
      res.matchers.push(new RegExp(p, 'iu'));
    } catch (e) {
      res.errors.push({ pattern: p, message: (e as Error).message });
    }
  }
  if (cache.size > 32) cache.clear();
  cache.set(key, res);
  return res;
}

/** Escape a literal line so it can be stored as a pattern matching exactly that line (trimmed). */
export function literalLinePattern(line: string): string {
  return '^' + line.trim().replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&') + '$';
}
