/**
 * Scare quotes, titles, nicknames and words-as-words: short quoted stretches that are not reported speech.
 *
 * Evidence (polnear-quotes-dev, 309 pieces of at most four words): one- or two-word quotes without an attribution cue
 * are as often partial quotes of speech (`calls people "losers"`, `as a “con artist”`) as scare quotes (28 vs 27), so
 * shortness alone does not decide. What separates them is the use of the quoted words:
 * - a title: capitalised words after a possessive or a title noun (`CBS's "Face the Nation,"`, `documentary “13th”`);
 * - a nickname inside a name (`Robert C. "Bobby" Scott`);
 * - a modifier of the next noun (`“quack” medical cures`, `the “sex tape” reference`);
 * - a word mentioned as a word (`"she" is a "he"`);
 * - a stage direction or subhead making up the whole paragraph (`"(CROSSTALK.)`, `'All Bets Are Off.'`).
 * This module computes these per piece (pure function of the paragraph); the document pass (index.ts) turns a
 * candidate into `kind: 'scare'`.
 */
import type { Piece } from './marks';

export type ScareReason = 'title' | 'nickname' | 'modifier' | 'mention' | 'subhead' | null;

const SMALL = /^(?:of|the|and|with|on|in|a|an|to|for|at|by|or|is|it|my|our|de|la|vs\.?|&|-)$/;
const TITLE_NOUN =
  /(?:^|\s)(?:titled|entitled|show|shows|program|programme|series|book|novel|memoir|film|movie|documentary|song|album|anthem|newspaper|magazine|column|podcast|episode|segment|broadcast|play|musical|painting|exhibition|exhibit|festival|conference|campaign|initiative|operation|tour|game|app|website|blog|called|dubbed|named|nicknamed|nickname|hashtag|slogan|headline|titled,|documentary,|show,|on|with|hosts?|anchors?)\s*,?\s*$/i;
const POSSESSIVE = /(?:[\p{L}.]+[’']s?|\b(?:his|her|their|its|our|my))\s+$/u;
const NOUN_AFTER_STOP = new Set([
  'in', 'on', 'at', 'to', 'for', 'of', 'from', 'with', 'by', 'about', 'and', 'or', 'but', 'as', 'that', 'which', 'who',
  'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'if', 'when', 'while', 'because', 'so', 'than', 'then', 'into', 'over', 'under', 'after', 'before',
  'during', 'against', 'between', 'through', 'since', 'until', 'like', 'said', 'says', 'told', 'he', 'she', 'they',
  'it', 'we', 'i', 'you', 'this', 'these', 'those', 'there', 'here', 'not', 'only', 'also', 'just', 'even', 'often',
  'now', 'again', 'anymore', 'too', 'very', 'yet', 'still', 'either', 'neither', 'nor', 'all', 'both', 'each',
  'every', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'a', 'an', 'the', 'do', 'does', 'did', 'where', 'how',
  'what', 'why', 'whether', 'per', 'via', 'upon', 'within', 'without', 'toward', 'towards', 'across', 'around', 'among',
  'instead', 'rather', 'though', 'although', 'unless', 'whose', 'whom', 'one', 'once', 'ever', 'never', 'always',
  'first', 'last', 'next', 'back', 'out', 'up', 'down', 'off', 'away', 'later', 'earlier', 'below', 'above',
]);

function interior(p: string, pc: Piece): string {
  return p.slice(pc.start, pc.end).replace(/^["“”'‘’„«]+|["“”'‘’»]+$/g, '').trim();
}

const WS = /\s/;

/** Is p[0,pos) all whitespace (as `trim` sees it)? Scans back from pos: stops at the first character before the piece. */
function blankBefore(p: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) if (!WS.test(p[i])) return false;
  return true;
}

/** Is p[pos,end) all whitespace? Scans forward from pos. */
function blankAfter(p: string, pos: number): boolean {
  for (let i = pos; i < p.length; i++) if (!WS.test(p[i])) return false;
  return true;
}

export function scareReason(p: string, pc: Piece): ScareReason {
  if (pc.end - pc.start > 80) return null;
  const inner = interior(p, pc);
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const before = p.slice(Math.max(0, pc.start - 40), pc.start);
  const after = p.slice(pc.end, pc.end + 40);
  const wholePara = blankBefore(p, pc.start) && blankAfter(p, pc.end);
  // stage direction / subhead
  if (/^\(.*\)?[.]?$/.test(inner) && words.length <= 3) return 'subhead';
  if (wholePara && pc.single && words.length <= 8) return 'subhead';
  if (words.length > 6) return null;
  const clean = words.map((w) => w.replace(/^[(\[]+|[,.;:!?)\]]+$/g, ''));
  // word mentioned as a word: `"she" is a "he"`
  if (words.length === 1 && /^(?:he|she|they|him|her|it|we|i|you)$/i.test(clean[0])) return 'mention';
  // nickname: Robert C. "Bobby" Scott
  if (!pc.single && words.length === 1 && /^[\p{Lu}]/u.test(clean[0]) && /[\p{Lu}][\p{L}.]*\s+$/u.test(before) && /^\s+[\p{Lu}]/u.test(after)) return 'nickname';
  const titleCase = clean.every((w, i) => (i > 0 && SMALL.test(w)) || /^[\p{Lu}\d]/u.test(w));
  if (titleCase && !pc.single) {
    if (POSSESSIVE.test(before) || TITLE_NOUN.test(before)) return 'title';
  }
  if (titleCase && pc.single && /[’']s\s+$/.test(before)) return 'title';
  // modifier of the following noun: `“quack” medical cures`, `the “sex tape” reference`
  if (words.length <= 2 && !/[,.;:!?]$/.test(inner)) {
    const nx = /^\s+([\p{Ll}][\p{L}-]*)/u.exec(after);
    if (nx && !NOUN_AFTER_STOP.has(nx[1]) && !/(?:ed|ly|ing)$/.test(nx[1]) && !/^["“”'‘’]/.test(after.trim())) return 'modifier';
  }
  return null;
}

/** Piece of one or two words (the `scare` size in the issue). */
export function isShort(p: string, pc: Piece): boolean {
  if (pc.open) return false;
  return interior(p, pc).split(/\s+/).filter(Boolean).length <= 2;
}
