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
 * Counts, for each line key, in how many of the added dumps it occurs: a template index built one dump at a
 * time (the CLI's threads each count their share; the shares' counts are summed).
 */
export class TemplateCounter {
  /** key -> slot in `counts` / `lastDoc` */
  private readonly slots = new Map<string, number>();
  private readonly keys: string[] = [];
  private counts = new Int32Array(1024);
  /** the last document (1-based) that counted the key: a line repeated within a dump counts once */
  private lastDoc = new Int32Array(1024);
  documents = 0;

  /** Count the lines of one dump (their keys: `lineKeyAt`, equal to the classifier's `LineFeatures.key`). */
  add(text: string): void {
    const doc = ++this.documents;
    for (const r of splitLines(text)) {
      const k = lineKeyAt(text, r.start, r.end);
      if (k === '' || k.length > MAX_TEMPLATE_LINE) continue; // blank, or a long line (its key is over 200 chars)
      const s = this.slot(k);
      if (this.lastDoc[s] === doc) continue; // a new slot has lastDoc 0, documents count from 1
      this.lastDoc[s] = doc;
      this.counts[s]++;
    }
  }

  /** Add the counts of another share of the dumps (keys with their counts, as `entries()` returns them). */
  addCounts(keys: readonly string[], counts: ArrayLike<number>, documents: number): void {
    if (keys.length !== counts.length) throw new Error('template index: keys and counts differ in length');
    this.documents += documents;
    for (let i = 0; i < keys.length; i++) {
      const s = this.slot(keys[i]); // first: slot() may replace this.counts (grow)
      this.counts[s] += counts[i];
    }
  }

  /** The slot of a key, a new one (count 0) if the key was not seen yet. */
  private slot(k: string): number {
    let s = this.slots.get(k);
    if (s === undefined) {
      s = this.keys.length;
      if (s === this.counts.length) this.grow();
      this.slots.set(k, s);
      this.keys.push(k);
    }
    return s;
  }

  private grow(): void {
    const c = new Int32Array(this.counts.length * 2);
    c.set(this.counts);
    this.counts = c;
    const l = new Int32Array(this.lastDoc.length * 2);
    l.set(this.lastDoc);
    this.lastDoc = l;
  }

  /** Keys in first-seen order and their counts (`min`: only the keys counted at least that often). */
  entries(min = 1): { keys: string[]; counts: Int32Array } {
    const keys: string[] = [];
    const counts: number[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      if (this.counts[i] < min) continue;
      keys.push(this.keys[i]);
      counts.push(this.counts[i]);
    }
    return { keys, counts: Int32Array.from(counts) };
  }

  /**
   * The index (`min`: only the keys found in at least that many dumps; the classifier reads `max(0, count - 1)`,
   * so min = 2 gives the same labels with a fraction of the keys).
   */
  index(min = 1): TemplateIndex {
    const counts = new Map<string, number>();
    for (let i = 0; i < this.keys.length; i++) if (this.counts[i] >= min) counts.set(this.keys[i], this.counts[i]);
    return { documents: this.documents, counts };
  }
}

/**
 * Count, for each normalised line, in how many of the given dumps it occurs (a plain sum over dumps: the CLI sums
 * the indices of its worker threads' shares, which must give the single-threaded index).
 */
export function buildTemplateIndex(texts: Iterable<string>): TemplateIndex {
  const c = new TemplateCounter();
  for (const text of texts) c.add(text);
  return c.index();
}
