import type { Analysis, AnalyzeOptions, Entity, LineEnding, LineInfo, Quote } from './types';
import { splitLines, detectEol } from './lines';
import { classifyLines, paragraphView } from './boilerplate';
import { findQuotes } from './quotes';
import { detectMarkup, type MarkupShare } from './markup';
import { joinedPage } from './joined';

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** Finds entities in the article lines; injected so that this module does not load the entity model. */
export type EntityFinder = (text: string, lines: LineInfo[]) => Entity[];

/**
 * The analysis without the entity tagger's module: line labels, quotes (unless `quotes: false`), statistics, and
 * entities only when a finder is given. `clean()` and the CLI's batch cleaning use this, so they never load
 * compromise and the entity model (about 0.8 s per worker thread). `analyze()` is this plus the entity tagger.
 */
export function analyzeWith(text: string, options: AnalyzeOptions = {}, findEntities?: EntityFinder): Analysis {
  const t0 = now();
  const raw = splitLines(text);
  const lines = classifyLines(text, raw, options);
  const t1 = now();
  const view = paragraphView(text, raw, lines, options);
  const quotes = options.quotes === false ? [] : findQuotes(view.text, view.lines, { scareQuotes: options.scareQuotes });
  const t2 = now();
  const entities = options.entities === false || !findEntities ? [] : findEntities(view.text, view.lines);
  const t3 = now();
  if (view.text !== text) spanTextsOf(text, quotes, entities);

  return assemble(text, detectEol(text), lines, quotes, entities, { lines: t1 - t0, quotes: t2 - t1, entities: t3 - t2, total: t3 - t0 });
}

/**
 * The span texts as they are in `text` (quotes and entities found in a paragraph view whose line breaks read as
 * spaces: the same offsets, a span's text taken from the input, line breaks included).
 */
export function spanTextsOf(text: string, quotes: Quote[], entities: Entity[]): void {
  for (const q of quotes) {
    q.text = text.slice(q.start, q.end);
    if (q.speaker) q.speaker.text = text.slice(q.speaker.start, q.speaker.end);
    if (q.cue) q.cue.text = text.slice(q.cue.start, q.cue.end);
  }
  for (const e of entities) e.text = text.slice(e.start, e.end);
}

/**
 * The Analysis object with its statistics, from the stage results (shared with the incremental analyser); `markup`:
 * `detectMarkup(text)`, when the caller has it already (the incremental analyser).
 */
export function assemble(text: string, eol: LineEnding, lines: LineInfo[], quotes: Quote[], entities: Entity[], timings: Analysis['stats']['timings'], markup: MarkupShare | null = detectMarkup(text)): Analysis {
  let articleLines = 0, boilerplateLines = 0, metaLines = 0, blankLines = 0, articleChars = 0;
  for (const l of lines) {
    if (l.label === 'article') { articleLines++; articleChars += l.end - l.start; }
    else if (l.label === 'boilerplate') boilerplateLines++;
    else if (l.label === 'meta') metaLines++;
    else blankLines++;
  }
  const names = new Set(entities.map((e) => e.type + ':' + e.text.toLowerCase().replace(/\s+/g, ' ')));
  const a: Analysis = {
    length: text.length,
    eol,
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
      timings,
    },
  };
  if (markup) a.stats.markup = markup;
  else {
    const joined = joinedPage(text, lines);
    if (joined) a.stats.joined = joined;
  }
  return a;
}
