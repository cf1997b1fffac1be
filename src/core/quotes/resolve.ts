/**
 * Speaker resolution for the hover: a pronoun (`he`) or a surname (`Ryabkov`, `Mr. Obama`) is shown with the fullest
 * description of the person named earlier in the document: `Sergey Ryabkov, Russian Deputy Foreign Minister`.
 * Cheap and lazy: only surnames that appear as speakers are looked up, in a per-paragraph index of the capitalised
 * words (built once per paragraph when first needed), so a long paragraph with many distinct speakers stays linear.
 */
import type { Quote, Speaker } from '../types';
import { firstNameGender, isFirstName } from '../entities/features';

export interface NameIndex {
  text: string;
  /** Article paragraphs in document order: [start, end) (the article lines themselves: no copy of the offsets). */
  ranges: ReadonlyArray<ParagraphRange>;
  /** Per surname: mentions found so far (in text order) and how far the text has been scanned. */
  cache: Map<string, MentionState>;
  /** Per paragraph (index into ranges): candidate surname → ascending absolute offsets (see `wordStarts`). */
  words: Map<number, Map<string, number[]>>;
  /** Per capitalised word: does the text have it in lowercase too (see `lowercaseIn`)? */
  lower: Map<string, boolean>;
  /** Per first name: the full names starting with it found so far (see `fullNameOf`). */
  firsts: Map<string, { pos: number; hits: { at: number; para: number; res: string }[] }>;
}

interface MentionState {
  /** Last paragraph scanned (index into ranges) and the absolute offset scanned up to (occurrences before it done). */
  para: number;
  pos: number;
  /** Mentions in text order; entries before `head` are out of the look-back window. */
  all: Mention[];
  head: number;
  /** The subset with a description, same order. */
  desc: Mention[];
  dhead: number;
}

/** How many paragraphs before the speaker are searched for the full name (long dumps hold many articles). */
const LOOKBACK = 40;

interface Mention {
  para: number;
  start: number;
  /** The end of its surname. */
  end: number;
  full: string;
  desc: string | null;
}

const TITLE_TAIL =
  /((?:(?:[A-Z][\w.-]*|former|deputy|vice|assistant|senior|chief|top|longtime|press|campaign|presidential|foreign|of|the)\s+){0,6}(?:President|Minister|Secretary|Ambassador|Senator|Representative|Governor|Mayor|Spokesman|Spokeswoman|spokesman|spokeswoman|spokesperson|Chairman|Chairwoman|chairman|Director|director|Adviser|adviser|Nominee|nominee|Leader|leader|Chief|Judge|Justice|General|Commissioner|secretary|minister|ambassador|pollster|strategist|host|anchor|economist|professor|analyst|official|candidate|journalist|activist))\s+$/;
const PRONOUN = /^(?:he|she|him|her|his)$/i;
const HONORIFIC = /^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Secretary|Minister|Ambassador|Judge|Justice|Mayor|Governor|Representative|Prof|Const|Cst|Det|Insp|Sgt|Supt|Cpl|PC|DC|DS)\.?\s+)+/;
const NOT_FIRST = /^(?:The|A|An|In|On|At|But|And|If|When|As|This|That|It|He|She|They|We|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Said|Says|According|President|Senator|Secretary|Minister|Ambassador|Governor|Mayor|Representative|Judge|General|Deputy|Foreign|Former|Vice|Chief|Press|Russian|American|Republican|Democratic|Democrat|Former|While|Although|Though|Because|Since|After|Before|Until|Unless|Whereas|Whether|Once|Then|So|Yet|Or|Nor|For|From|By|With|Of|To|Is|Was|Are|Were|Has|Had|Have|Will|Would|Can|Could|Should|Did|Does|Do|Even|Only|Also|Now|Here|There|Where|What|Who|How|Why|Am|My|His|Her|Their|Our|Its|Maybe|Perhaps|Yes|No|Oh|Well)$/;

/** A paragraph's offsets (a LineInfo is one). */
export interface ParagraphRange {
  readonly start: number;
  readonly end: number;
}

export function collectNames(text: string, ranges: ReadonlyArray<ParagraphRange>): NameIndex {
  return { text, ranges, cache: new Map(), words: new Map(), lower: new Map(), firsts: new Map() };
}

/** A mention's name can start at most this many characters before the surname (see `mentionAt`). */
const LEAD = 60;

/**
 * Mentions of a surname with first names in the LOOKBACK paragraphs up to paragraph `pi` that can start before
 * offset `before`. The text is scanned forward only, at most once per surname (speakers are resolved in document
 * order), and within the speaker's paragraph only up to `before` + LEAD, so the cost stays linear even with many
 * quotes in one long paragraph. Mentions are kept in text order.
 */
function mentionsOf(idx: NameIndex, surname: string, pi: number, before: number): MentionState {
  let st = idx.cache.get(surname);
  if (!st) {
    st = { para: 0, pos: 0, all: [], head: 0, desc: [], dhead: 0 };
    idx.cache.set(surname, st);
  }
  const text = idx.text;
  for (let q = Math.max(st.para, pi - LOOKBACK, 0); q <= pi && q < idx.ranges.length; q++) {
    const a = idx.ranges[q].start;
    const b = idx.ranges[q].end;
    const from = Math.max(st.pos, a);
    // occurrences starting before `to` (a mention starts at most LEAD characters before its surname)
    const to = q < pi ? b : Math.min(b, before + LEAD);
    if (from >= to) continue;
    if (b - a <= SHORT_PARA) {
      // a short paragraph: search the stretch directly (cheaper than indexing it)
      const win = text.slice(from, Math.min(b, to + surname.length - 1));
      for (let j = win.indexOf(surname); j >= 0; j = win.indexOf(surname, j + surname.length)) {
        const mention = mentionAt(text, from + j, surname, q, a, b);
        if (mention) {
          st.all.push(mention);
          if (mention.desc) st.desc.push(mention);
        }
      }
      st.pos = to;
      continue;
    }
    const at = wordStarts(idx, q).get(surname);
    if (at) {
      // first occurrence at or after `from` (binary search), then those before `to`
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid] < from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < at.length && at[k] < to; k++) {
        const mention = mentionAt(text, at[k], surname, q, a, b);
        if (mention) {
          st.all.push(mention);
          if (mention.desc) st.desc.push(mention);
        }
      }
    }
    st.pos = to;
  }
  st.para = Math.max(st.para, pi);
  // mentions older than the look-back window are never needed again (queries come in document order)
  while (st.head < st.all.length && st.all[st.head].para < pi - LOOKBACK) st.head++;
  while (st.dhead < st.desc.length && st.desc[st.dhead].para < pi - LOOKBACK) st.dhead++;
  if (st.head > 1024 && st.head * 2 > st.all.length) {
    st.all = st.all.slice(st.head);
    st.head = 0;
  }
  if (st.dhead > 1024 && st.dhead * 2 > st.desc.length) {
    st.desc = st.desc.slice(st.dhead);
    st.dhead = 0;
  }
  return st;
}

/** Paragraphs up to this length are searched with indexOf; longer ones through a word index (`wordStarts`). */
const SHORT_PARA = 2000;

const CAP_RUN = / ([\p{Lu}][\p{L}’'-]*)/gu;

/**
 * Every place in paragraph q where a surname (`[\p{Lu}][\p{L}’'-]+`) can start a mention: right after a space, and
 * not followed by a lowercase ASCII letter (`mentionAt` rejects the rest). A surname found there is the whole
 * capitalised run or a prefix of it cut before a character other than a-z (`Lee` in `Lee-Smith`, `Trump` in
 * `Trump’s`). Built once per paragraph; paragraphs out of the look-back window are dropped.
 */
function wordStarts(idx: NameIndex, q: number): Map<string, number[]> {
  let map = idx.words.get(q);
  if (map) return map;
  map = new Map();
  const a = idx.ranges[q].start;
  const b = idx.ranges[q].end;
  const para = idx.text.slice(a, b);
  const add = (key: string, at: number) => {
    const list = map!.get(key);
    if (list) list.push(at);
    else map!.set(key, [at]);
  };
  CAP_RUN.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = CAP_RUN.exec(para))) {
    const run = r[1];
    const at = a + r.index + 1;
    for (let k = 2; k < run.length; k++) {
      const c = run.charCodeAt(k);
      if (c < 97 || c > 122) add(run.slice(0, k), at);
    }
    if (run.length >= 2) add(run, at);
  }
  idx.words.set(q, map);
  for (const old of idx.words.keys()) if (old < q - LOOKBACK) idx.words.delete(old);
  return map;
}

function mentionAt(text: string, i: number, surname: string, q: number, a: number, b: number): Mention | null {
  const after = text.charCodeAt(i + surname.length);
  const beforeOk = i === a || !isLetterCode(text.charCodeAt(i - 1));
  if (!beforeOk || (after >= 97 && after <= 122) || i < a + 2 || text.charCodeAt(i - 1) !== 32 || !isUpperCode(lastWordStart(text, i - 1))) return null;
  const lead = text.slice(Math.max(a, i - 60), i);
  const firsts = firstNamesBefore(lead);
  if (!firsts.length) return null;
  const full = firsts.join(' ') + ' ' + surname;
  const nameStart = i - (lead.length - lead.lastIndexOf(firsts[0]));
  let desc: string | null = null;
  const pre = text.slice(Math.max(a, nameStart - 90), nameStart);
  const tb = TITLE_TAIL.exec(pre);
  if (tb) desc = tb[1].replace(/^(?:the|of)\s+/i, '').trim();
  else {
    const ap = /^,\s+((?:a|an|the|who)\s[^,.;“”"\n]{3,80}?)[,.;]/.exec(text.slice(i + surname.length, Math.min(b, i + surname.length + 100)));
    if (ap) desc = tidyDesc(ap[1]);
  }
  return { para: q, start: nameStart, end: i + surname.length, full, desc };
}

/** Char code of the first letter of the word that ends right before position `end` (a space). */
function lastWordStart(text: string, end: number): number {
  let k = end - 1;
  while (k > 0 && text.charCodeAt(k - 1) !== 32 && text.charCodeAt(k - 1) !== 10) k--;
  return text.charCodeAt(k);
}

function isUpperCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

function describe(m: Mention): string {
  return m.desc ? `${m.full}, ${m.desc}` : m.full;
}

/**
 * The full name (and description) the speaker phrase refers to, when it is a pronoun or a bare surname and the person
 * is named in full earlier in the document; otherwise undefined.
 */
export function resolveSpeaker(sp: Speaker, names: NameIndex, earlier: readonly Quote[], antecedent: Speaker | null, window: number, pi: number): string | undefined {
  const t = sp.text.trim();
  if (PRONOUN.test(t)) {
    const want = /^(?:he|him|his)$/i.test(t) ? 'm' : 'f';
    // the candidates, nearest first: the subject of an earlier speech verb in the same paragraph (`Amira Haddad, who
    // runs a bakery, said …`) or of the sentence before (`Local MP David Kettering disagreed. “…,” he said`), then
    // the named speakers quoted in this or the two previous paragraphs. The first whose gender does not contradict
    // the pronoun's (`Mary Collins`, `the spokeswoman` for `he`) wins; if every one does, the nearest.
    let first: string | undefined;
    if (antecedent) {
      // (`Fenton, editor of …`: the surname before the description resolves too)
      const comma = antecedent.text.indexOf(',');
      const rn = resolveName(comma > 0 ? { ...antecedent, text: antecedent.text.slice(0, comma) } : antecedent, names, pi);
      // (a single word is an antecedent only as the surname of a person named in full before, `Lindqvist`, or as a
      // first name, `Rosie`: not `Officials`, `time`)
      if (rn || /\s/.test(antecedent.text) || isFirstName(antecedent.text.toLowerCase())) {
        const r = rn || antecedent.text;
        if (genderOf(r) !== other(want)) return r;
        first = r;
      }
    }
    for (let i = earlier.length - 1; i >= 0 && i >= earlier.length - 40; i--) {
      const q = earlier[i];
      if (!q.speaker || q.speaker.start > sp.start) continue;
      if (q.start < window) break;
      const st = q.speaker.text.trim();
      // (a first- or second-person speaker is nobody's antecedent, and ends the search: `"…" I whispered. "…!" she
      // replied.` is a narrator's story, whose people are rarely the speakers quoted before the narrator)
      if (st.length <= 4 && FIRST_SECOND.test(st)) break;
      let r: string | undefined;
      if (PRONOUN.test(st)) {
        if (!q.speaker.resolved) continue;
        // a pronoun resolved earlier: its own gender decides
        if ((/^(?:he|him|his)$/i.test(st) ? 'm' : 'f') !== want) continue;
        r = q.speaker.resolved;
      } else if (!/^[\p{Lu}]/u.test(st)) {
        // `council leader Tom Baker`: lowercase role words and a name (other lowercase speakers end the search)
        if (!LOWER_TITLED_NAME.test(st)) break;
        r = q.speaker.resolved || q.speaker.text;
        if (genderOf(r) === other(want)) continue;
      } else if (/^(?:The|A|An)\s/.test(st) && !APPOSITIVE_NAME.test(st) && !personNoun(st)) break;
      else r = q.speaker.resolved || q.speaker.text;
      if (genderOf(r) !== other(want)) return r;
      first ??= r;
    }
    return first;
  }
  const r = resolveName(sp, names, pi);
  if (r) return r;
  // `Federer, who has never won the French Open`, `Pratt, a former world No 1`: the name before the description
  const comma = t.indexOf(',');
  return comma > 0 ? resolveName({ ...sp, text: t.slice(0, comma) }, names, pi) : undefined;
}

const FIRST_SECOND = /^(?:I|we|you|We|You|WE|YOU)$/;

/** `council leader Tom Baker`, `opposition member Ann Lee, who …`: lowercase role words, then a name. */
const LOWER_TITLED_NAME = /^(?!(?:the|a|an)\s)(?:[\p{Ll}][\p{L}-]*\s+){1,3}[\p{Lu}][\p{L}’'.-]*\s+[\p{Lu}][\p{L}’'-]+(?:,|$)/u;
/** `The mayor, John Smith`: a description and the person's name after a comma. */
const APPOSITIVE_NAME = /,\s+[\p{Lu}][\p{L}’'.-]*(?:\s+[\p{Lu}][\p{L}’'.-]*)+$/u;
const MALE_WORDS =
  /\b(?:Mr|Sir|Lord|King|Prince|Duke|Father|Brother|spokesman|chairman|congressman|councilman|businessman|policeman|father|husband|son|brother|widower|actor|king|prince|boyfriend|grandfather|uncle|nephew|man)\b/;
const FEMALE_WORDS =
  /\b(?:Mrs|Ms|Miss|Lady|Dame|Queen|Princess|Duchess|Sister|spokeswoman|chairwoman|congresswoman|councilwoman|businesswoman|policewoman|mother|wife|daughter|sister|widow|actress|queen|princess|girlfriend|grandmother|aunt|niece|woman)\b/;
const PERSON_NOUN =
  /\b(?:spokes(?:man|woman|person)|chair(?:man|woman|person)?|mayor|leader|minister|secretary|director|executive|chief|president|governor|senator|lawyer|attorney|judge|coach|manager|officer|official|owner|founder|neighbou?r|resident|mother|father|wife|husband|son|daughter|sister|brother|friend|widow|teacher|doctor|nurse|professor|analyst|economist|expert|boss|captain|striker|player|MP|councillor|councilor|barrister|solicitor|prosecutor|sheriff|man|woman)\b/i;

function personNoun(t: string): boolean {
  return PERSON_NOUN.test(t);
}

function other(g: 'm' | 'f'): 'm' | 'f' {
  return g === 'm' ? 'f' : 'm';
}

/**
 * What a speaker's description tells of its gender: a gendered title or noun (`Mr`, `spokeswoman`, `mother`), else
 * the first name's gender in the lexicon (`Denise Hartung`), else undefined. Only a first name of a name of two or
 * three words counts, and a name of the lexicon's both genders or none says nothing.
 */
export function genderOf(desc: string): 'm' | 'f' | undefined {
  const m = MALE_WORDS.test(desc);
  const f = FEMALE_WORDS.test(desc);
  if (m !== f) return m ? 'm' : 'f';
  if (m) return undefined;
  // the person's name: after the last comma of `The mayor, Denise Hartung`, else the capitalised run at the start
  // (`Local MP David Kettering`): its first word that the lexicon knows as a first name, not the last word
  const comma = desc.lastIndexOf(', ');
  const words = (comma >= 0 ? desc.slice(comma + 2) : desc).split(/\s+/);
  for (let i = 0; i < words.length - 1 && i < 4; i++) {
    const w = words[i];
    if (!/^[\p{Lu}][\p{Ll}’'-]+$/u.test(w)) {
      if (/^[\p{Lu}]/u.test(w)) continue;
      break;
    }
    const g = firstNameGender(w.toLowerCase());
    if (g) return g;
  }
  return undefined;
}

function resolveName(sp: Speaker, names: NameIndex, pi: number): string | undefined {
  const bare = sp.text.trim().replace(HONORIFIC, '').replace(/[’']s$/, '');
  if (!/^[\p{Lu}][\p{L}’'-]+$/u.test(bare)) return undefined;
  // the earliest mention with a description before the speaker, else the earliest mention before it (text order)
  const st = mentionsOf(names, bare, pi, sp.start);
  const d = st.desc[st.dhead];
  const m = d && d.start < sp.start ? d : st.all[st.head];
  const found = m && m.start < sp.start ? m : undefined;
  const alone = sp.text.trim() === bare;
  // a first name alone (`Maria said` after `Maria Reyes, the mayor, …`), when no mention has it as a surname, or only
  // one that a capitalised word follows (`Farmer John Pryce` … `John said` is not a Mr John): the nearest earlier
  // full name starting with it
  if (alone) {
    const known = isFirstName(bare.toLowerCase());
    if (!found || (known && isUpperCode(names.text.charCodeAt(found.end + 1)) && names.text.charCodeAt(found.end) === 32)) {
      const f = fullNameOf(names, bare, pi, sp.start, !found && !known);
      if (f) return f;
    }
  }
  return found ? describe(found) : undefined;
}

/** The capitalised words of a surname after a first name: one or two (`Reyes`, `Ellen Barrett`), not a third. */
const SURNAME_AFTER = /^ ([\p{Lu}][\p{Ll}’'-]+)(?: ([\p{Lu}][\p{Ll}’'-]+))?(?![\p{L}]| [\p{Lu}])/u;

/** How many paragraphs before the speaker are searched for a full name starting with a first name alone. */
const FIRST_LOOKBACK = 15;

/**
 * The nearest mention before offset `before` (FIRST_LOOKBACK paragraphs up to paragraph pi) of a full name that starts with
 * the first name `first` (`Maria Reyes`), with its description; undefined if none. The first name must open the name:
 * not after another capitalised word inside a sentence (`on Piers Morgan Uncensored` for `Morgan`), except an
 * abbreviation or a word in capitals (`Const. Jane Doe`, `MP Rosie Duffield`), and not in a title-case headline
 * (`Bush Rejects Talk`). A word the document also has in lowercase is a common word, not a surname (`the Mitchell
 * Report`); with `checkFirst`, the same holds for the first name (`Students`: words the lexicon does not know as first
 * names). Each first name's text is scanned forward once (speakers are resolved in document order).
 */
function fullNameOf(idx: NameIndex, first: string, pi: number, before: number, checkFirst: boolean): string | undefined {
  // (not a word in capitals or with an apostrophe: `UNIX`, `I've`; a common word first: `You`, `These`, `Others`)
  if (NOT_FIRST.test(first) || first === first.toUpperCase() || first.includes('’') || first.includes("'")) return undefined;
  let st = idx.firsts.get(first);
  if (!st) {
    st = { pos: 0, hits: [] };
    idx.firsts.set(first, st);
  }
  const text = idx.text;
  const last = Math.min(pi, idx.ranges.length - 1);
  const to = Math.min(idx.ranges[last].end, before);
  // scan forward once per first name (speakers are resolved in document order): the valid full names, in text order
  const from = Math.max(st.pos, idx.ranges[Math.max(0, pi - FIRST_LOOKBACK)].start);
  if (to - from >= first.length) {
    const win = text.slice(from, to);
    let q = Math.max(0, pi - FIRST_LOOKBACK);
    for (let j = win.indexOf(first); j >= 0; j = win.indexOf(first, j + 1)) {
      const i = from + j;
      if (text.charCodeAt(i + first.length) !== 32) continue;
      while (q < last && idx.ranges[q].end <= i) q++;
      const res = fullNameAt(idx, first, i, q);
      if (res !== undefined) st.hits.push({ at: i, para: q, res });
    }
    st.pos = to;
  }
  // the nearest one before the speaker, in the look-back window
  for (let k = st.hits.length - 1; k >= 0; k--) {
    const h = st.hits[k];
    if (h.para < pi - FIRST_LOOKBACK) break;
    if (h.at >= before) continue;
    return checkFirst && lowercaseIn(idx, first) ? undefined : h.res;
  }
  return undefined;
}

/** The full name (with its description) starting with the first name at offset i of paragraph q, if it is one. */
function fullNameAt(idx: NameIndex, first: string, i: number, q: number): string | undefined {
  const text = idx.text;
  const a = idx.ranges[q].start;
  const b = idx.ranges[q].end;
  if (i < a || i + first.length >= b || (i > a && isLetterCode(text.charCodeAt(i - 1)))) return undefined;
  const r = SURNAME_AFTER.exec(text.slice(i + first.length, Math.min(b, i + first.length + 60)));
  if (!r || NOT_FIRST.test(r[1]) || (r[2] !== undefined && NOT_FIRST.test(r[2]))) return undefined;
  // (`Conservative Norman Lamont`: a word before a first name is no first name; `the Bush Administration` is no
  // person)
  if ((r[2] !== undefined && isFirstName(r[1].toLowerCase())) || ORG_HEAD.test(r[2] ?? r[1])) return undefined;
  if (!opensName(text, a, i) || headlineAt(text, a, b)) return undefined;
  const w1 = r[1].replace(/[’']s$/, '');
  const w2 = r[2]?.replace(/[’']s$/, '');
  if (lowercaseIn(idx, w1) || (w2 !== undefined && lowercaseIn(idx, w2))) return undefined;
  const surname = r[2] ?? r[1];
  const at = i + first.length + r[0].length - surname.length;
  const m = mentionAt(text, at, surname, q, a, b);
  // (the name from the first name on: `Farmer John Pryce` is John Pryce)
  return m && m.full.includes(first) ? describe({ ...m, full: w2 !== undefined ? `${first} ${r[1]} ${w2}` : `${first} ${w1}` }) : undefined;
}

/**
 * Is text[a,b) a headline in title case (`Bush Rejects Talk of …`, `Choi Continues Streak`): at most 160 characters
 * without a final full stop, whose words of four letters or more are mostly capitalised?
 */
function headlineAt(text: string, a: number, b: number): boolean {
  if (b - a > 160 || /[."”]\s*$/.test(text.slice(Math.max(a, b - 4), b))) return false;
  let cap = 0;
  let long = 0;
  for (const w of text.slice(a, b).split(/\s+/)) {
    if (w.length < 4) continue;
    long++;
    if (isUpperCode(w.charCodeAt(0))) cap++;
  }
  return long > 0 && cap * 3 >= long * 2;
}

/** Head nouns of organisations and things named after a person (`the Bush Administration`, `the Kermit Project`). */
const ORG_HEAD = /^(?:Administration|Project|Technique|Report|Council|Company|Group|Foundation|Institute|House|Street|Road|Avenue|Square|Park|Party|Museum|University|College|School|Center|Centre|Award|Prize|Act|Bill|Plan|Doctrine|Rule|Law|Trust|Fund|Library|Hall|Stadium|Arena|Airport|Hospital|Bridge|Tower|Building|Club|Cup|Trophy|Show|Hotel|Station|Corporation|Inc|Ltd)$/;

/** Does the document have the capitalised word w in lowercase, as a word of its own? (Once per word.) */
function lowercaseIn(idx: NameIndex, w: string): boolean {
  let r = idx.lower.get(w);
  if (r !== undefined) return r;
  const text = idx.text;
  const lw = w.toLowerCase();
  r = false;
  if (lw !== w)
    for (let i = text.indexOf(lw); i >= 0; i = text.indexOf(lw, i + 1))
      if ((i === 0 || !isLetterCode(text.charCodeAt(i - 1))) && !isLetterCode(text.charCodeAt(i + lw.length))) {
        r = true;
        break;
      }
  idx.lower.set(w, r);
  return r;
}

/** Can a name start at offset i of the paragraph starting at a (see `fullNameOf`)? */
function opensName(text: string, a: number, i: number): boolean {
  let k = i;
  while (k > a && text.charCodeAt(k - 1) === 32) k--;
  if (k === i && k > a) return true; // after punctuation or a bracket
  if (k === a) return true;
  let w = k;
  while (w > a && text.charCodeAt(w - 1) !== 32 && text.charCodeAt(w - 1) !== 10) w--;
  const word = text.slice(w, k);
  if (!isUpperCode(word.charCodeAt(0))) return true;
  // a capitalised word: an abbreviation, a word in capitals, or the first word of a sentence
  if (word.endsWith('.') || word === word.toUpperCase()) return true;
  let j = w;
  while (j > a && text.charCodeAt(j - 1) === 32) j--;
  return j === a || /[.!?:"“”]/.test(text[j - 1]);
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0xbf && c < 0x2000);
}

/** The run of first names / initials right before a surname (`Sergey `, `Jim `, `Robert C. `), in order. */
function firstNamesBefore(lead: string): string[] {
  const toks = lead.split(/\s+/);
  if (toks.length < 2 || toks[toks.length - 1] !== '') return [];
  const out: string[] = [];
  for (let k = toks.length - 2; k >= 0 && out.length < 3; k--) {
    const w = toks[k];
    if (!/^(?:[\p{Lu}][\p{Ll}’'-]+|[\p{Lu}]\.)$/u.test(w) || NOT_FIRST.test(w.replace(/\.$/, ''))) break;
    out.unshift(w);
  }
  return out;
}

/** Drop a clause cut off at an abbreviation (`…, a chief of staff whom Mr`) from an appositive description. */
function tidyDesc(d: string): string {
  d = d.trim();
  if (/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|St|Jr|Gen|Lt|U\.S|[A-Z])$/.test(d)) {
    const cut = d.search(/\s(?:who|whom|which|that|when|where)\s[^]*$/);
    d = cut > 0 ? d.slice(0, cut) : d.replace(/\s+\S+$/, '');
  }
  return d;
}
