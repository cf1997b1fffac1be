/**
 * Reason codes: the rule that labelled a line. Each has a short human sentence used by hovers and
 * diagnostics. Classifier modules may add codes here; never rename an existing one (users' settings
 * and scripts may refer to them).
 */
export const REASONS: Record<string, string> = {
  blank: 'Empty line.',
  'article-prose': 'Reads like article prose (long, punctuated, many function words).',
  'article-context': 'Short line between article lines: kept as part of the article.',
  'article-headline': 'The headline of the page.',
  'user-keep': 'You chose to keep this line.',
  'ad-marker': 'Advertising marker or shortcode such as [ad_1].',
  url: 'A bare URL or image address, not article text.',
  'link-list': 'The list of link addresses a text browser appends to a page (lynx\'s "References").',
  'widget-phrase': 'A known page-widget phrase (share, login, comments, cookies, subscribe…).',
  'related-link': 'A linked headline under a "Related" / "Read more" label inside the article: a link to another story.',
  'source-link': 'A "Source link" / "Read more" style link left by the scraper or blog.',
  'short-fragment': 'Short line without sentence punctuation outside the article body: menu or label.',
  'outside-body': 'Outside the contiguous block of article text.',
  'user-pattern': 'Matches a pattern in the setting scrapedNews.boilerplatePatterns.',
  template: 'Repeats across many dumps of this folder: part of the site template.',
  duplicate: 'Repeats another line of this dump (e.g. the headline echoed by a comment form, or the page\'s title above the headline).',
  byline: 'Byline, dateline, photo credit or caption (meta).',
  dateline: 'A date or time line (dateline, "Updated …"): meta, not article text.',
  'photo-credit': 'Photo or video credit / caption credit (meta).',
  'image-placeholder': 'Image placeholder left by the converter, such as [logo.gif].',
  copyright: 'Copyright or "all rights reserved" footer.',
  'separator-line': 'A line of symbols only (rule, bullets, separators).',
  code: 'Program code, style or data the converter took from a script or style element (JSON-LD, tracking calls, CSS).',
  'low-prose': 'Does not read like article prose in its context (boilerplate model).',
  'article-rescue': 'Kept because the page would otherwise lose all its text: the most article-like block.',
  'settled-out': 'Outside the article once the noise around it is removed (cleaning the cleaned text would drop it).',
};

export function describeReason(code: string, detail?: string): string {
  const base = REASONS[code] ?? code;
  return detail ? `${base} (${detail})` : base;
}

/**
 * The model's score and the cut-off, at the end of the detail of a line the model dropped: "article score 0.312 <
 * this page's cut-off 0.45" (labelLines in boilerplate/index.ts; `perPage`: the threshold is the page's own). The score
 * is rounded down and the cut-off rounded to 3 decimals (the page thresholds are steps of 0.025), so the shown score is
 * below the shown cut-off as it is below the real one. Made for every such line of every analysis (the editor's), so
 * without toFixed or regular expressions: the cut-off's text is made once per value. withoutScore below takes it off.
 */
export function scoreBelow(p: number, threshold: number, perPage: boolean): string {
  const t = Math.round(threshold * 1000); // thousandths
  let k = Math.floor(p * 1000);
  if (k >= t) k = t - 1;
  if (k < 0) k = 0;
  const key = perPage ? t : -1 - t;
  let tail = cutOffTexts.get(key);
  if (tail === undefined) {
    tail = ` < ${perPage ? "this page's cut-off" : 'cut-off'} ${(t / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '.0')}`;
    cutOffTexts.set(key, tail);
  }
  return (k < 10 ? 'article score 0.00' : k < 100 ? 'article score 0.0' : 'article score 0.') + k + tail;
}
/** scoreBelow's texts of the cut-offs met so far (a few dozen values: the page thresholds' grid and the fixed one). */
const cutOffTexts = new Map<number, string>();

/** Reasons whose detail may end with scoreBelow's text (the model's; `settled-out` carries its second pass's detail). */
const SCORED = new Set(['low-prose', 'short-fragment', 'outside-body', 'settled-out']);
/** scoreBelow's text at the end of a detail, alone or after "; ". */
const SCORE_TAIL = /(?:^|; )article score \d\.\d{3} < (?:this page's )?cut-off \d\.\d+$/;

/**
 * A line's detail without scoreBelow's text: what the diagnostics show and compare. The hover shows the score; a
 * diagnostic does not, because typing anywhere in the page moves every score a little. Without this, about one
 * keystroke in ten in an article line would publish the page's diagnostics again (bench/diagnostic-churn.mjs).
 */
export function withoutScore(reason: string, detail: string | undefined): string | undefined {
  if (detail === undefined || !SCORED.has(reason)) return detail;
  const m = SCORE_TAIL.exec(detail);
  if (!m) return detail;
  return m.index === 0 ? undefined : detail.slice(0, m.index);
}
