/**
 * Token features for the entity tagger. Shared by the runtime tagger and the fitting script
 * (bench/fit-entities.mjs, through dist/core.js), so training and use see exactly the same features.
 * Word-class knowledge comes from compromise's lexicon (first names, surnames, countries, cities,
 * organisation words, honorifics, demonyms, verbs ...), looked up by lower-cased word.
 */
import nlp from 'compromise';
import type { Token } from './tokenize';

type LexEntry = string | string[];

interface Lexicon {
  single: Map<string, string>;
  /** First word -> multi-word names (lower-cased word lists) with a coarse class. */
  multi: Map<string, { words: string[]; cls: string }[]>;
  /** Multi-word name (lower-cased, space-separated) -> coarse class. */
  multiKey: Map<string, string>;
}

const CLASS_OF: Record<string, string> = {
  FirstName: 'first', MaleName: 'first', FemaleName: 'first', LastName: 'last', Person: 'person', Honorific: 'hon',
  Country: 'country', City: 'city', Region: 'region', Place: 'place', Organization: 'org', SportsTeam: 'team',
  Demonym: 'demonym', Month: 'date', WeekDay: 'date', Date: 'date', Duration: 'date',
  Preposition: 'prep', Determiner: 'det', Conjunction: 'conj', Pronoun: 'pron', Copula: 'verb', Modal: 'verb',
  PastTense: 'verb', PresentTense: 'verb', Infinitive: 'verb', Gerund: 'verb', Participle: 'verb', PhrasalVerb: 'verb',
  Verb: 'verb', Imperative: 'verb', Adjective: 'adj', Comparative: 'adj', Superlative: 'adj', Adverb: 'adv',
  Singular: 'noun', Plural: 'noun', Noun: 'noun', Uncountable: 'noun', Actor: 'actor', Unit: 'unit',
  Currency: 'unit', Abbreviation: 'abbr', ProperNoun: 'proper', Expression: 'expr', TextValue: 'num',
  Ordinal: 'num', Cardinal: 'num', Multiple: 'num', Fraction: 'num', Value: 'num', QuestionWord: 'pron',
  Reflexive: 'pron', Possessive: 'pron', Negative: 'adv', Condition: 'conj', Emoticon: 'expr',
};
// Named-entity classes win over part-of-speech classes when a word has several tags.
const PRIORITY = ['org', 'team', 'country', 'city', 'region', 'place', 'person', 'last', 'first', 'hon', 'demonym', 'date'];

let lexicon: Lexicon | null = null;

function classOf(tags: LexEntry): string {
  const list = Array.isArray(tags) ? tags : [tags];
  let best = '';
  let bestRank = 1e9;
  for (const t of list) {
    const c = CLASS_OF[t];
    if (!c) continue;
    const r = PRIORITY.indexOf(c);
    const rank = r < 0 ? 100 : r;
    if (rank < bestRank) { bestRank = rank; best = c; }
  }
  return best;
}

/** Build (once) the word-class tables from compromise's lexicon. */
export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const world = (nlp as unknown as { world: () => any }).world();
  const lex = world.model.one.lexicon as Record<string, LexEntry>;
  const single = new Map<string, string>();
  const multi = new Map<string, { words: string[]; cls: string }[]>();
  const multiKey = new Map<string, string>();
  for (const k in lex) {
    const cls = classOf(lex[k]);
    if (!cls) continue;
    if (k.includes(' ')) {
      if (PRIORITY.indexOf(cls) < 0 || cls === 'date') continue;
      const words = k.split(' ');
      multiKey.set(k, cls);
      const list = multi.get(words[0]);
      if (list) list.push({ words, cls }); else multi.set(words[0], [{ words, cls }]);
    } else single.set(k, cls);
  }
  const two = world.model.two || {};
  for (const w in two.orgWords || {}) if (!single.has(w) || single.get(w) === 'noun') single.set(w, 'orgword');
  for (const w in two.placeWords || {}) if (!single.has(w) || single.get(w) === 'noun') single.set(w, 'placeword');
  lexicon = { single, multi, multiKey };
  return lexicon;
}

/** Folded forms of words with diacritics (`nicolás` → `nicolas`), or '' when folding changes nothing. */
const folded = new Map<string, string>();
const MARKS = /\p{M}+/gu;

/**
 * The lexicon class of a lower-cased word; a word with diacritics the lexicon lacks is looked up without them
 * ("nicolás", "maría", "andrés" are the first names "nicolas", "maria", "andres"): news in English writes Spanish,
 * Portuguese, Turkish or Polish names with their accents, compromise's lexicon has them without.
 */
export function wordClass(lower: string): string {
  const c = getLexicon().single.get(lower);
  if (c !== undefined) return c;
  let i = 0;
  while (i < lower.length && lower.charCodeAt(i) < 0xc0) i++;
  if (i === lower.length) return '';
  let f = folded.get(lower);
  if (f === undefined) {
    f = lower.normalize('NFD').replace(MARKS, '');
    if (f === lower) f = '';
    if (folded.size < 50000) folded.set(lower, f);
  }
  return f ? getLexicon().single.get(f) || '' : '';
}

/** First names of compromise's lexicon (lower-cased) → 'm', 'f' or '' (both or no gender); built on first use. */
let firstNames: Map<string, 'm' | 'f' | ''> | null = null;

function firstNameTable(): Map<string, 'm' | 'f' | ''> {
  if (firstNames) return firstNames;
  firstNames = new Map();
  const lex = (nlp as unknown as { world: () => any }).world().model.one.lexicon as Record<string, LexEntry>;
  for (const k in lex) {
    const tags = lex[k];
    const list = Array.isArray(tags) ? tags : [tags];
    const male = list.includes('MaleName');
    const female = list.includes('FemaleName');
    if ((male || female || list.includes('FirstName')) && !k.includes(' ')) firstNames.set(k, male === female ? '' : male ? 'm' : 'f');
  }
  return firstNames;
}

/**
 * The gender a first name is given in compromise's lexicon (`denise` → f, `david` → m), or undefined for a name it
 * gives both or neither. Lower-cased look-up (pronoun resolution of quotes' speakers).
 */
export function firstNameGender(lower: string): 'm' | 'f' | undefined {
  return firstNameTable().get(lower) || undefined;
}

/** Is the lower-cased word a first name of compromise's lexicon (`helen`, `jennifer`)? */
export function isFirstName(lower: string): boolean {
  return firstNameTable().has(lower);
}

function shapeOf(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length && out.length < 12; i++) {
    const ch = w[i];
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toUpperCase() ? 'X' : 'x';
    else c = ch;
    if (c === last) { run++; if (run > 2) continue; } else { run = 1; last = c; }
    out += c;
  }
  return out;
}

/** Coarse capitalisation class. */
export function capClass(w: string): string {
  const f = w[0];
  const hasLetter = w.toLowerCase() !== w.toUpperCase();
  if (!hasLetter) return /[0-9]/.test(w) ? 'd' : 'p';
  if (w === w.toUpperCase()) return w.length === 1 ? 'X' : 'A';
  if (f === f.toUpperCase() && f !== f.toLowerCase()) return 'X';
  if (w === w.toLowerCase()) return 'l';
  return 'm';
}

/** True when the paragraph is written in capitals (headline, dateline): case tells little there. */
export function isCapsLine(tokens: readonly Token[]): boolean {
  let up = 0, letters = 0;
  for (const t of tokens) {
    const w = t.w;
    for (let i = 0; i < w.length; i++) {
      const ch = w[i];
      if (ch.toLowerCase() === ch.toUpperCase()) continue;
      letters++;
      if (ch === ch.toUpperCase()) up++;
    }
  }
  return letters >= 4 && up / letters > 0.85;
}

const BOUNDARY = new Set(['"', '“', '‘', "'", '(', '[', ':', '-', '--', '—', '–']);

/** Static (tag-independent) features of every token of a paragraph. */
export function lineFeatures(tokens: readonly Token[]): string[][] {
  const lex = getLexicon();
  const n = tokens.length;
  const caps = isCapsLine(tokens);
  const lw: string[] = new Array(n);
  const sh: string[] = new Array(n);
  const cc: string[] = new Array(n);
  const lc: string[] = new Array(n);
  const mw: string[] = new Array(n).fill('');
  for (let i = 0; i < n; i++) {
    const w = tokens[i].w;
    lw[i] = w.toLowerCase();
    sh[i] = shapeOf(w);
    cc[i] = caps && w.toLowerCase() !== w.toUpperCase() ? 'C' : capClass(w);
    const key = lw[i].endsWith('.') && lw[i].length > 2 && !lw[i].slice(0, -1).includes('.') ? lw[i].slice(0, -1) : lw[i];
    lc[i] = wordClass(key);
  }
  // multi-word lexicon names (B/I marks)
  for (let i = 0; i < n; i++) {
    const cands = lex.multi.get(lw[i]);
    if (!cands) continue;
    let best: { words: string[]; cls: string } | null = null;
    for (const c of cands) {
      if (i + c.words.length > n) continue;
      let ok = true;
      for (let k = 1; k < c.words.length; k++) if (lw[i + k] !== c.words[k]) { ok = false; break; }
      if (ok && (!best || c.words.length > best.words.length)) best = c;
    }
    if (best) {
      mw[i] = 'B' + best.cls;
      for (let k = 1; k < best.words.length; k++) mw[i + k] = 'I' + best.cls;
    }
  }
  const at = (arr: string[], i: number, pad: string) => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i] || pad);
  const out: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w = tokens[i].w;
    const l = lw[i];
    const first = i === 0 || BOUNDARY.has(tokens[i - 1].w) || tokens[i - 1].w === '.';
    const f: string[] = [
      'b',
      'w=' + l,
      'sh=' + sh[i],
      'cc=' + cc[i] + (first ? '^' : ''),
      'p3=' + l.slice(0, 3),
      's3=' + l.slice(-3),
      's4=' + l.slice(-4),
      'lx=' + lc[i] + '|' + cc[i],
      'lx-1=' + at(lc, i - 1, '_'),
      'lx+1=' + at(lc, i + 1, '_'),
      'w-1=' + at(lw, i - 1, '_'),
      'w+1=' + at(lw, i + 1, '_'),
      'w-2=' + at(lw, i - 2, '_'),
      'w+2=' + at(lw, i + 2, '_'),
      'ww-=' + at(lw, i - 1, '_') + '|' + l,
      'ww+=' + l + '|' + at(lw, i + 1, '_'),
      'cc3=' + at(cc, i - 1, '_') + cc[i] + at(cc, i + 1, '_'),
      'sh-1=' + at(sh, i - 1, '_') + '|' + sh[i],
      'sh+1=' + sh[i] + '|' + at(sh, i + 1, '_'),
      'lx3=' + at(lc, i - 1, '_') + '|' + lc[i] + '|' + at(lc, i + 1, '_'),
    ];
    if (caps) f.push('caps|' + l, 'caps|lx=' + lc[i]);
    else if (cc[i] !== 'l') f.push('W=' + w);
    f.push('p4=' + l.slice(0, 4), 's2=' + l.slice(-2), 'w-1cc=' + at(lw, i - 1, '_') + '|' + cc[i], 'ccw+1=' + cc[i] + '|' + at(lw, i + 1, '_'));
    if (mw[i]) f.push('mw=' + mw[i]);
    if (w.includes('-')) f.push('hy=' + l.slice(l.lastIndexOf('-')));
    if (w.length > 1 && w.endsWith('.')) f.push('dot');
    out[i] = f;
  }
  return out;
}
