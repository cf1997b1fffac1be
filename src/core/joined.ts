import type { AnalysisStats, LineInfo } from './types';
import { detectMarkup } from './markup';
import { keptByClean } from './clean-lines';

/** A page joined into one line as a clean reports it: `stats.joined` and whether the clean keeps that line whole. */
export type JoinedPage = NonNullable<AnalysisStats['joined']> & { kept: boolean };

/** `j` with whether cleaning (with or without the meta lines) keeps its line: the page's noise stays, or its article goes. */
export function joinedKept(j: NonNullable<AnalysisStats['joined']>, lines: readonly LineInfo[], keepMeta: boolean): JoinedPage {
  return { ...j, kept: keptByClean(lines[j.line].label, keepMeta) };
}

/** Why such a line happens, and how to mend it: the same words in the editor's diagnostic, the CLI's warning and the folder command's summary. */
export const JOINED_CAUSE = "the converter joined the page's blocks into one line (jsoup's text(), get_text() without a separator, textContent of minified HTML)";
export const JOINED_FIX = 'Convert the page again with line breaks (innerText, get_text("\\n"), jsoup\'s wholeText())';

/** A line at least this long may be a whole page joined into one line. */
export const JOINED_MIN = 3000;
/** Page furniture's words: a long line holding three kinds of them is a page, not a paragraph. */
const FURNITURE = [
  ['cookie'], ['privacy policy', 'privacy notice'], ['sign in', 'log in', 'login', 'register'], ['subscribe', 'newsletter'],
  ['share on', 'facebook', 'twitter', 'whatsapp'], ['comments', 'leave a reply', 'leave a comment'], ['©', 'copyright', 'all rights reserved'],
  ['advertisement', 'sponsored'], ['related articles', 'related stories', 'read more', 'most read', 'trending'], ['terms of use', 'terms of service', 'terms and conditions'],
];

/**
 * The longest line of 3,000 characters or more (its first 200,000 looked at) holding at least three kinds of page
 * furniture (FURNITURE), or undefined. Only the longest few lines are read, so the cost does not grow with the dump.
 * The analysis (`stats.joined`) asks this only of a dump that is not HTML markup; see `joinedPageOf`.
 */
export function joinedPage(text: string, lines: readonly LineInfo[]): AnalysisStats['joined'] {
  let best: AnalysisStats['joined'];
  let looked = 0;
  for (const l of lines) {
    const n = l.end - l.start;
    if (n < JOINED_MIN || (best && n <= best.chars)) continue;
    if (++looked > 8) break;
    const lower = text.slice(l.start, Math.min(l.end, l.start + 200_000)).toLowerCase();
    let widgets = 0;
    for (const words of FURNITURE) if (words.some((w) => lower.includes(w))) widgets++;
    if (widgets >= 3) best = { line: l.line, chars: n, widgets };
  }
  return best;
}

/**
 * `stats.joined` as the analysis sets it, for callers that have the line labels but not the analysis (the CLI's
 * clean): `joinedPage`, unless the dump is HTML markup (then `stats.markup` is set instead). The markup check runs
 * only when a line was found, so a dump without a line of 3,000 characters costs one pass over its line lengths.
 */
export function joinedPageOf(text: string, lines: readonly LineInfo[]): AnalysisStats['joined'] {
  const j = joinedPage(text, lines);
  return j && !detectMarkup(text) ? j : undefined;
}
