/**
 * Line labels only, for `scraped-news clean`: the core's `analyzeWith(text, { entities: false, quotes: false })`
 * minus the parts cleaning never reads (quotes module, statistics), and the core's `cleanLabelled()`/`cleanSummary()`
 * (src/core/clean-lines.ts, which does not load the analyser) over those labels. The model's explanations of its noise
 * lines (`detail`, for hovers) are not computed: cleaning shows no reasons. test/unit/cli-labels.test.ts checks both
 * against the core on fixtures and random texts.
 */
import { splitLines, detectEol } from '../core/lines';
import { classifyLines } from '../core/boilerplate';
import { cleanLabelled as coreCleanLabelled, cleanSummary } from '../core/clean-lines';
import type { LineEnding, LineInfo, TemplateIndex } from '../core/types';

export interface Labels {
  lines: LineInfo[];
  eol: LineEnding;
  bom: boolean;
  length: number;
}

export interface LabelOptions {
  boilerplatePatterns?: string[];
  templates?: TemplateIndex | null;
  /** Analyse for a clean that keeps meta lines (the classifier's settle step then keeps them too). */
  keepMeta?: boolean;
  /** Each line's count in `templates`, when known (see AnalyzeOptions.templateLineCounts). */
  templateLineCounts?: ArrayLike<number>;
  /** Judge the paragraphs of a hard-wrapped dump whole (default true; AnalyzeOptions.unwrap). */
  unwrap?: boolean;
}

export function labelLines(text: string, options: LabelOptions = {}): Labels {
  const lines = classifyLines(text, splitLines(text), { entities: false, quotes: false, boilerplatePatterns: options.boilerplatePatterns, templates: options.templates, templateLineCounts: options.templates ? options.templateLineCounts : undefined, keepMeta: options.keepMeta === true, unwrap: options.unwrap !== false, details: false });
  return { lines, eol: detectEol(text), bom: text.charCodeAt(0) === 0xfeff, length: text.length };
}

/** The core's `clean(text, analysis, { keepMeta })` over labels-only results. */
export function cleanLabelled(text: string, labels: Labels, keepMeta = false): string {
  return coreCleanLabelled(text, labels, { keepMeta });
}

/** The core's `cleanSummary(analysis, { keepMeta }).removed`. */
export function removedLines(lines: readonly LineInfo[], keepMeta = false): number {
  return cleanSummary({ lines: lines as LineInfo[] }, { keepMeta }).removed;
}
