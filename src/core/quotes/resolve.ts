/**
 * Speaker resolution for the hover: a pronoun (`he`) or a surname (`Ryabkov`, `Mr. Obama`) is shown with the fullest
 * description of the person named earlier in the document: `Sergey Ryabkov, Russian Deputy Foreign Minister`.
 * Cheap and lazy: only surnames that appear as speakers are looked up (indexOf over the article text).
 */
import type { Quote, Speaker } from '../types';

export interface NameIndex {
  text: string;
  /** Article paragraphs in document order: [start, end). */
  ranges: ReadonlyArray<[number, number]>;
  /** Per surname: mentions found so far and the paragraph scanned up to. */
  cache: Map<string, { scannedTo: number; mentions: Mention[]; seen: Set<number> }>;
}

/** How many paragraphs before the speaker are searched for the full name (long dumps hold many articles). */
const LOOKBACK = 40;

interface Mention {
  para: number;
  start: number;
  full: string;
  desc: string | null;
}

const TITLE_TAIL =
  /((?:(?:[A-Z][\w.-]*|former|deputy|vice|assistant|senior|chief|top|longtime|press|campaign|presidential|foreign|of|the)\s+){0,6}(?:President|Minister|Secretary|Ambassador|Senator|Representative|Governor|Mayor|Spokesman|Spokeswoman|spokesman|spokeswoman|spokesperson|Chairman|Chairwoman|chairman|Director|director|Adviser|adviser|Nominee|nominee|Leader|leader|Chief|Judge|Justice|General|Commissioner|secretary|minister|ambassador|pollster|strategist|host|anchor|economist|professor|analyst|official|candidate|journalist|activist))\s+$/;
const PRONOUN = /^(?:he|she|him|her|his)$/i;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Secretary|Minister|Ambassador|Judge|Justice|Mayor|Governor|Representative|Prof)\.?\s+/;
const NOT_FIRST = /^(?:The|A|An|In|On|At|But|And|If|When|As|This|That|It|He|She|They|We|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Said|Says|According|President|Senator|Secretary|Minister|Ambassador|Governor|Mayor|Representative|Judge|General|Deputy|Foreign|Former|Vice|Chief|Press|Russian|American|Republican|Democratic|Democrat|Former)$/;

export function collectNames(text: string, ranges: ReadonlyArray<[number, number]>): NameIndex {
  return { text, ranges, cache: new Map() };
}

/**
 * Mentions of a surname with first names in the LOOKBACK paragraphs up to paragraph `pi`, scanning each paragraph at
 * most once per surname (speakers are resolved in document order), so the cost stays linear in long dumps.
 */
function mentionsOf(idx: NameIndex, surname: string, pi: number): Mention[] {
  let st = idx.cache.get(surname);
  if (!st) {
    st = { scannedTo: 0, mentions: [], seen: new Set() };
    idx.cache.set(surname, st);
  }
  const text = idx.text;
  for (let q = Math.max(st.scannedTo, pi - LOOKBACK, 0); q <= pi && q < idx.ranges.length; q++) {
    const [a, b] = idx.ranges[q];
    const para = text.slice(a, b);
    let j = para.indexOf(surname);
    while (j >= 0) {
      const i = a + j;
      if (!st.seen.has(i)) {
        st.seen.add(i);
        const mention = mentionAt(text, i, surname, q, a, b);
        if (mention) st.mentions.push(mention);
      }
      j = para.indexOf(surname, j + surname.length);
    }
  }
  st.scannedTo = Math.max(st.scannedTo, pi);
  // mentions older than the look-back window are never needed again (queries come in document order)
  while (st.mentions.length && st.mentions[0].para < pi - LOOKBACK) st.mentions.shift();
  return st.mentions;
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
  return { para: q, start: nameStart, full, desc };
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
    // the subject of an earlier speech verb in the same paragraph (`Amira Haddad, who runs a bakery, said …`)
    if (antecedent) return resolveName(antecedent, names, pi) || antecedent.text;
    // otherwise the last named speaker, if quoted in this or the two previous paragraphs
    for (let i = earlier.length - 1; i >= 0 && i >= earlier.length - 40; i--) {
      const q = earlier[i];
      if (!q.speaker || q.speaker.start > sp.start) continue;
      if (q.start < window) break;
      if (PRONOUN.test(q.speaker.text.trim())) {
        if (q.speaker.resolved) return q.speaker.resolved;
        continue;
      }
      if (!/^[\p{Lu}]/u.test(q.speaker.text) || /^(?:The|A|An)\s/.test(q.speaker.text)) return undefined;
      return q.speaker.resolved || q.speaker.text;
    }
    return undefined;
  }
  return resolveName(sp, names, pi);
}

function resolveName(sp: Speaker, names: NameIndex, pi: number): string | undefined {
  const bare = sp.text.trim().replace(HONORIFIC, '').replace(/[’']s$/, '');
  if (!/^[\p{Lu}][\p{L}’'-]+$/u.test(bare)) return undefined;
  let best: Mention | null = null;
  for (const m of mentionsOf(names, bare, pi)) {
    if (m.start >= sp.start || m.para < pi - LOOKBACK) continue;
    if (!best || (m.desc && !best.desc) || (!!m.desc === !!best.desc && m.start < best.start)) best = m;
  }
  return best ? describe(best) : undefined;
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
