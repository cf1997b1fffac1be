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
import { isFirstName } from '../entities/features';

export type ScareReason = 'title' | 'nickname' | 'modifier' | 'mention' | 'subhead' | null;

const SMALL = /^(?:of|the|and|with|on|in|a|an|to|for|at|by|or|is|it|my|our|de|la|vs\.?|&|-)$/;
export const TITLE_NOUN =
  /(?:^|\s|\bcode-)(?:titled|entitled|show|shows|program|programme|series|book|novel|memoir|film|movie|documentary|song|single|track|album|anthem|poem|opera|sitcom|drama|thriller|comedy|newspaper|magazine|column|podcast|episode|segment|broadcast|play|musical|painting|exhibition|exhibit|festival|conference|campaign|initiative|operation|tour|game|app|website|blog|called|dubbed|named|nicknamed|nickname|hashtag|slogan|headline|titled,|documentary,|show,|on|with|hosts?|anchors?)\s*,?\s*$/i;
export const POSSESSIVE = /(?:[\p{L}.]+[’']s?|\b(?:his|her|their|its|our|my))\s+$/u;
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

/**
 * The piece without its marks, trimmed (= `p.slice(pc.start, pc.end).replace(/^["“”'‘’„«]+|["“”'‘’»]+$/g, '').trim()`:
 * the leading run of opening-type marks, then the trailing run of closing-type marks that is left).
 */
export function interior(p: string, pc: Piece): string {
  let a = pc.start;
  let b = pc.end;
  while (a < b && isLeadMark(p.charCodeAt(a))) a++;
  while (b > a && isTrailMark(p.charCodeAt(b - 1))) b--;
  return p.slice(a, b).trim();
}

/** Is p[0,pos) all whitespace (as `trim` sees it)? Scans back from pos: stops at the first character before the piece. */
function blankBefore(p: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) if (!isJsSpace(p.charCodeAt(i))) return false;
  return true;
}

/** Is p[pos,end) all whitespace? Scans forward from pos. */
function blankAfter(p: string, pos: number): boolean {
  for (let i = pos; i < p.length; i++) if (!isJsSpace(p.charCodeAt(i))) return false;
  return true;
}

/** Start of the run of `\s` characters and commas ending s (s.length when s does not end with one). */
function trailingBlank(s: string, commas: boolean): number {
  let t = s.length;
  while (t > 0 && (isJsSpace(s.charCodeAt(t - 1)) || (commas && s.charCodeAt(t - 1) === 44))) t--;
  return t;
}

/**
 * A necessary condition for POSSESSIVE.test(before): whitespace at the end, after `’`, `'`, or the last letter of
 * `’s` / his / her / their / its / our / my.
 */
export function mayBePossessive(before: string): boolean {
  const t = trailingBlank(before, false);
  if (t === before.length || t === 0) return false;
  const c = before.charCodeAt(t - 1);
  return c === 0x2019 || c === 39 || c === 115 || c === 114 || c === 121;
}

/** The words TITLE_NOUN ends with (lowercase, without their comma). */
const TITLE_NOUN_WORDS = new Set(
  ('titled entitled show shows program programme series book novel memoir film movie documentary song single track album anthem ' +
    'poem opera sitcom drama thriller comedy ' +
    'newspaper magazine column podcast episode segment broadcast play musical painting exhibition exhibit festival ' +
    'conference campaign initiative operation tour game app website blog called dubbed named nicknamed nickname hashtag ' +
    'slogan headline on with host hosts anchor anchors').split(' '),
);

/**
 * A necessary condition for TITLE_NOUN.test(before): without the final whitespace and commas, `before` ends with a
 * run of ASCII letters that is one of its words in any case (the regex is case-insensitive without the u flag, so
 * only ASCII letters fold onto its ASCII words).
 */
export function mayBeTitleNoun(before: string): boolean {
  const t = trailingBlank(before, true);
  let a = t;
  while (a > 0) {
    const c = before.charCodeAt(a - 1) | 32;
    if (c < 97 || c > 122) break;
    a--;
  }
  return a < t && t - a <= 11 && TITLE_NOUN_WORDS.has(before.slice(a, t).toLowerCase());
}

/** A character of the regex class `\s` (= what `trim` removes and what `split(/\s+/)` splits on). */
function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Leading marks `interior` strips: " “ ” ' ‘ ’ „ «. */
function isLeadMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x201e || c === 0xab;
}
/** Trailing marks `interior` strips: " “ ” ' ‘ ’ ». */
function isTrailMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xbb;
}

/**
 * The number of words of `interior(p, pc)` (= `interior(p, pc).split(/\s+/).filter(Boolean).length`), counted
 * without making the strings; stops counting at `max + 1`.
 */
export function interiorWords(p: string, pc: Piece, max: number): number {
  let a = pc.start;
  let b = pc.end;
  while (a < b && isLeadMark(p.charCodeAt(a))) a++;
  while (b > a && isTrailMark(p.charCodeAt(b - 1))) b--;
  let n = 0;
  let inWord = false;
  for (let i = a; i < b; i++) {
    if (isJsSpace(p.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++n > max) break;
    }
  }
  return n;
}

export function scareReason(p: string, pc: Piece): ScareReason {
  if (pc.end - pc.start > 80) return null;
  // more than 8 words: no rule below applies (subheads have at most 8, everything else at most 6); 7–8 words: only
  // the whole-paragraph single-mark subhead
  const count = interiorWords(p, pc, 8);
  if (count === 0 || count > 8) return null;
  if (count > 6) return pc.single && blankBefore(p, pc.start) && blankAfter(p, pc.end) ? 'subhead' : null;
  const inner = interior(p, pc);
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const before = p.slice(Math.max(0, pc.start - 40), pc.start);
  const after = p.slice(pc.end, pc.end + 40);
  // stage direction / subhead (the cheap tests first: the regex needs a `(` first, the whole-paragraph test a single)
  if (words.length <= 3 && inner.charCodeAt(0) === 40 && /^\(.*\)?[.]?$/.test(inner)) return 'subhead';
  if (pc.single && words.length <= 8 && blankBefore(p, pc.start) && blankAfter(p, pc.end)) return 'subhead';
  if (words.length > 6) return null;
  const clean = words.map(cleanWord);
  // word mentioned as a word: `"she" is a "he"`
  if (words.length === 1 && /^(?:he|she|they|him|her|it|we|i|you)$/i.test(clean[0])) return 'mention';
  // `The word "unprecedented"`, `the term "net zero"`, `the phrase "level playing field"`
  if (words.length <= 3 && endsWithWordNoun(before)) return 'mention';
  // nickname: Robert C. "Bobby" Scott
  if (!pc.single && words.length === 1 && /^[\p{Lu}]/u.test(clean[0]) && /[\p{Lu}][\p{L}.]*\s+$/u.test(before) && /^\s+[\p{Lu}]/u.test(after)) return 'nickname';
  const titleCase = clean.every((w, i) => (i > 0 && SMALL.test(w)) || /^[\p{Lu}\d]/u.test(w));
  if (titleCase && !pc.single) {
    // a nickname with an article inside a name: Marvin "The Hammer" Jones
    if (words.length <= 3 && clean[0] === 'The' && /[\p{Lu}][\p{L}.]*\s+$/u.test(before) && /^\s+[\p{Lu}]/u.test(after)) return 'nickname';
    // a nickname of two or three words between a first name and a surname: Jamie "Mad Dog" Ellis
    if (words.length <= 3 && /^\s+[\p{Lu}]/u.test(after)) {
      const fn = /(?:^|\s)([\p{Lu}][\p{Ll}]+)\s+$/u.exec(before);
      if (fn && isFirstName(fn[1].toLowerCase())) return 'nickname';
    }
    // `known to fans as "The Bullet"`, `better known as "Magic"`
    if (endsWithAs(before) && KNOWN_AS.test(before)) return 'nickname';
    // a name before the noun it names: `the "Fair Pay Now" campaign`, `her "Eras" tour`, `the "Strictly" series`
    if (after.charCodeAt(0) === 32 && TITLE_AFTER.test(after)) return 'title';
  }
  if (titleCase && !pc.single) {
    // (the regexes only behind cheap necessary conditions: both are anchored at the end and tried at every offset)
    if ((mayBePossessive(before) && POSSESSIVE.test(before)) || (mayBeTitleNoun(before) && TITLE_NOUN.test(before))) return 'title';
  }
  // a title after a verb of performing or watching, or a noun of a work's version (`Crowds sang "Sweet Caroline"`,
  // `will perform "Be Thou My Vision"`, `her rendition of ‘Jolene’`, `our review of "Wicked"`)
  if (titleCase && performedBefore(before)) return 'title';
  // a single-mark title after a possessive or a title noun (`whose documentary ‘Rent Day’`; not after `on`/`with`,
  // which a single-mark quote of speech follows as often)
  if (titleCase && pc.single && (/[’']s\s+$/.test(before) || (mayBeTitleNoun(before) && !/\b(?:on|with)\s*$/i.test(before) && TITLE_NOUN.test(before)))) return 'title';
  // `The so-called "bathroom bill" has stalled`: a term, not speech; as a modifier, it stays a quote with a cue
  // (`called for taxing so-called ''pass through'' income` is a partial quote of the caller)
  if (/\bso[- ]called\s*$/i.test(before)) return 'modifier';
  // modifier of the following noun: `“quack” medical cures`, `the “sex tape” reference`
  if (words.length <= 2 && !/[,.;:!?]$/.test(inner)) {
    const nx = /^\s+([\p{Ll}][\p{L}-]*)/u.exec(after);
    if (nx && !NOUN_AFTER_STOP.has(nx[1]) && !/(?:ed|ly|ing)$/.test(nx[1]) && !/^["“”'‘’]/.test(after.trim())) return 'modifier';
  }
  return null;
}

/**
 * Verbs after which a title-case quote names a work (`sang "Sweet Caroline"`); `starred in`, `<noun> of` (OF_WORK).
 * Not `singing`: `the band leader called …, singing "It's Our Time."` is speech in PolNeAR.
 */
const PERFORM_VERBS = new Set(['sang', 'sing', 'sings', 'perform', 'performed', 'performs', 'performing', 'played', 'plays', 'playing', 'recorded', 'covered', 'watched', 'watching', 'in', 'of']);
const OF_WORK = /(?:^|\s)(?:starred\s+in|(?:review|reviews|trailer|sequel|premiere|screening|remake|adaptation|production|version|rendition|finale|cast|revival|lyrics|chorus)\s+of)\s*$/i;

/** Does the text before a quote end with a verb of performing or a `<work noun> of` (see PERFORM_VERBS)? */
function performedBefore(before: string): boolean {
  const t = trailingBlank(before, false);
  if (t === before.length) return false;
  let a = t;
  while (a > 0) {
    const c = before.charCodeAt(a - 1) | 32;
    if (c < 97 || c > 122) break;
    a--;
  }
  if (t - a < 2 || t - a > 10 || (a > 0 && !isJsSpace(before.charCodeAt(a - 1)))) return false;
  const w = before.slice(a, t).toLowerCase();
  if (!PERFORM_VERBS.has(w)) return false;
  return w === 'in' || w === 'of' ? OF_WORK.test(before) : true;
}

/** A noun right after a title-case quote that makes it a name (`the "Fair Pay Now" campaign`). */
const TITLE_AFTER = /^\s+(?:campaign|tour|show|series|programme|program|podcast|album|film|movie|song|single|documentary|slogan|hashtag|initiative|scheme|festival|exhibition|franchise|brand|app|newsletter)\b/;

/** Does the text before a quote end with `word`, `term`, `phrase` or `expression` (singular: `his words "…"` is speech)? */
function endsWithWordNoun(s: string): boolean {
  const t = trailingBlank(s, false);
  if (t === s.length) return false;
  let a = t;
  while (a > 0 && s.charCodeAt(a - 1) >= 97 && s.charCodeAt(a - 1) <= 122) a--;
  const n = t - a;
  if (a > 0 && !isJsSpace(s.charCodeAt(a - 1))) return false;
  if (!(n === 4 ? s.startsWith('word', a) || s.startsWith('term', a) : n === 6 ? s.startsWith('phrase', a) : n === 10 && s.startsWith('expression', a))) return false;
  // `the word` / `The term`, not after a verb of speech (`Trump has used the phrase “Islamic terrorism”` quotes him)
  const r = USE_THE.exec(s.slice(0, a));
  return r !== null && (r[1] === undefined || !SPEECH_USE.has(r[1]));
}
/** `the`/`The` at the end, and the word before it. */
const USE_THE = /(?:^|(?:^|\s)([a-z]+)\s+)[Tt]he\s+$/;
/** Verbs with which a person says the word (`used the word`, `coined the term`). */
const SPEECH_USE = new Set(['used', 'uses', 'use', 'using', 'uttered', 'utters', 'utter', 'uttering', 'invoked', 'invokes', 'invoking', 'repeated', 'repeats', 'said', 'says', 'shouted', 'chanted', 'coined', 'coins', 'employed', 'employs', 'chose', 'dropped', 'called', 'calling', 'yelled', 'wrote', 'writes', 'tweeted', 'adopted', 'embraced', 'popularised', 'popularized']);

/** `known as`, `known to fans as`, `better known as` at the end of the text before a quote. */
const KNOWN_AS = /\bknown\b[^.,;:!?"“”]{0,25}\bas\s*$/;

/** Does s end with the word `as` and whitespace (a necessary condition for KNOWN_AS)? */
function endsWithAs(s: string): boolean {
  const t = trailingBlank(s, false);
  return t >= 3 && t < s.length && s.charCodeAt(t - 1) === 115 && s.charCodeAt(t - 2) === 97 && isJsSpace(s.charCodeAt(t - 3));
}

/** = w.replace(/^[(\[]+|[,.;:!?)\]]+$/g, ''): a word without brackets and punctuation around it. */
export function cleanWord(w: string): string {
  const a = w.charCodeAt(0);
  const z = w.charCodeAt(w.length - 1);
  // nothing to strip unless it starts with ( [ or ends with , . ; : ! ? ) ]
  if (a !== 40 && a !== 91 && z !== 44 && z !== 46 && z !== 59 && z !== 58 && z !== 33 && z !== 63 && z !== 41 && z !== 93) return w;
  return w.replace(/^[(\[]+|[,.;:!?)\]]+$/g, '');
}

/** Piece of one or two words (the `scare` size in the issue). */
export function isShort(p: string, pc: Piece): boolean {
  if (pc.open) return false;
  return interior(p, pc).split(/\s+/).filter(Boolean).length <= 2;
}
