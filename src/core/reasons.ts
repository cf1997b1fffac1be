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
  'source-link': 'A "Source link" / "Read more" style link left by the scraper or blog.',
  'short-fragment': 'Short line without sentence punctuation outside the article body: menu or label.',
  'outside-body': 'Outside the contiguous block of article text.',
  'user-pattern': 'Matches a pattern in the setting scrapedNews.boilerplatePatterns.',
  template: 'Repeats across many dumps of this folder: part of the site template.',
  duplicate: 'Repeats a line already seen in this dump (e.g. the headline echoed by a comment form).',
  byline: 'Byline, dateline, photo credit or caption (meta).',
  dateline: 'A date or time line (dateline, "Updated …"): meta, not article text.',
  'photo-credit': 'Photo or video credit / caption credit (meta).',
  'image-placeholder': 'Image placeholder left by the converter, such as [logo.gif].',
  copyright: 'Copyright or "all rights reserved" footer.',
  'separator-line': 'A line of symbols only (rule, bullets, separators).',
  'low-prose': 'Does not read like article prose in its context (boilerplate model).',
  'article-rescue': 'Kept because the page would otherwise lose all its text: the most article-like block.',
  'settled-out': 'Outside the article once the noise around it is removed (cleaning the cleaned text would drop it).',
};

export function describeReason(code: string, detail?: string): string {
  const base = REASONS[code] ?? code;
  return detail ? `${base} (${detail})` : base;
}

/** Reasons whose detail may end with the model's score and the page's cut-off (scoreBelow in boilerplate/index.ts). */
const SCORED = new Set(['low-prose', 'short-fragment', 'outside-body', 'settled-out']);
const SCORE_TAIL = /(?:^|; )article score \d\.\d{3} < (?:this page's )?cut-off \d\.\d+$/;

/**
 * A line's detail without the model's score and the page's cut-off: what the diagnostics show and compare. The hover
 * shows the score; a diagnostic does not, because typing anywhere in the page moves every score a little. Without
 * this, about one keystroke in eight in an article line would publish the page's diagnostics again.
 */
export function withoutScore(reason: string, detail: string | undefined): string | undefined {
  if (detail === undefined || !SCORED.has(reason)) return detail;
  const m = SCORE_TAIL.exec(detail);
  if (!m) return detail;
  return m.index === 0 ? undefined : detail.slice(0, m.index);
}
