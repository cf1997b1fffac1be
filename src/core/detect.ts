/**
 * Scored detector: does this plain text look like a scraped news dump? Used to switch `.txt` files to
 * the scraped-news language. Looks only at the first 64 KB so it is cheap on huge files.
 */
import { lineFeatures } from './boilerplate/features';

export interface DumpScore {
  score: number; // 0..1
  isDump: boolean;
  signals: string[];
}

const SIGNALS: [RegExp, number, string][] = [
  [/^\s*\[\/?ad_?\d*\]\s*$/im, 0.35, 'ad marker'],
  [/^\s*(source link|read more|continue reading)\s*$/im, 0.25, 'source link'],
  [/^\s*(share|tweet|share on facebook|share on twitter|email|print)\s*$/im, 0.15, 'share buttons'],
  [/^\s*(leave a (reply|comment)|\d+ comments?|post a comment)\s*$/im, 0.2, 'comment widget'],
  [/^\s*(log ?in|sign ?in|forgot (your )?password\??|subscribe)\s*$/im, 0.15, 'login/subscribe widget'],
  [/(privacy policy|terms of (use|service)|cookie)/i, 0.1, 'legal/cookie footer'],
  [/^\s*https?:\/\/\S+\s*$/im, 0.1, 'bare URL line'],
  [/(copyright|©|all rights reserved)/i, 0.1, 'copyright footer'],
  [/\b(said|told|according to|reported)\b/i, 0.1, 'news reporting verbs'],
];

export function scoreDump(text: string): DumpScore {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  let score = 0;
  const signals: string[] = [];
  for (const [re, w, name] of SIGNALS) {
    if (re.test(head)) {
      score += w;
      signals.push(name);
    }
  }
  // Mix of many short lines and some long prose lines is typical of a dump.
  const lines = head.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0);
  // Page furniture recognised by the classifier's own line rules, in any of its languages (share, login,
  // cookies, comments, ads, source links, image placeholders…), among the first 400 lines.
  let widgets = 0;
  for (let i = 0; i < lines.length && i < 400; i++) if (lineFeatures(lines[i]).rule) widgets++;
  if (widgets >= 3) {
    score += 0.3;
    signals.push(`${widgets} page-widget lines`);
  } else if (widgets >= 1) score += 0.05;
  if (lines.length >= 8) {
    const short = lines.filter((l) => l.trim().split(/\s+/).length <= 4).length / lines.length;
    const long = lines.filter((l) => l.trim().split(/\s+/).length >= 25).length;
    if (short >= 0.3 && long >= 2) {
      score += 0.2;
      signals.push('menus around prose');
    }
  }
  score = Math.min(1, score);
  return { score, isDump: score >= 0.45, signals };
}
