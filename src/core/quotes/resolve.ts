/**
 * Speaker resolution for the hover: a pronoun (`he`) or a surname (`Ryabkov`, `Mr. Obama`) is shown with the fullest
 * description of the person named earlier in the document: `Sergey Ryabkov, Russian Deputy Foreign Minister`.
 * Cheap and lazy: only surnames that appear as speakers are looked up (indexOf over the article text).
 */
import type { Quote, Speaker } from '../types';

export interface NameIndex {
  text: string;
  ranges: ReadonlyArray<[number, number]>;
  cache: Map<string, Mention[]>;
}

interface Mention {
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
 * Mentions of a surname with first names, in text order, up to and including the first one that carries a
 * description (that is the one shown; later mentions are not needed).
 */
function mentionsOf(idx: NameIndex, surname: string): Mention[] {
  const hit = idx.cache.get(surname);
  if (hit) return hit;
  const out: Mention[] = [];
  const text = idx.text;
  let i = text.indexOf(surname);
  while (i >= 0) {
    const after = text.charCodeAt(i + surname.length);
    const beforeOk = i === 0 || !isLetterCode(text.charCodeAt(i - 1));
    if (beforeOk && !(after >= 97 && after <= 122) && i > 1 && text.charCodeAt(i - 1) === 32 && isUpperCode(lastWordStart(text, i - 1))) {
      const lead = text.slice(Math.max(0, i - 60), i);
      const firsts = firstNamesBefore(lead);
      if (firsts.length) {
        const full = firsts.join(' ') + ' ' + surname;
        const nameStart = i - (lead.length - lead.lastIndexOf(firsts[0]));
        let desc: string | null = null;
        const pre = text.slice(Math.max(0, nameStart - 90), nameStart);
        const tb = TITLE_TAIL.exec(pre);
        if (tb) desc = tb[1].replace(/^(?:the|of)\s+/i, '').trim();
        else {
          const ap = /^,\s+((?:a|an|the|who)\s[^,.;“”"\n]{3,80}?)[,.;]/.exec(text.slice(i + surname.length, i + surname.length + 100));
          if (ap) desc = tidyDesc(ap[1]);
        }
        out.push({ start: nameStart, full, desc });
        if (desc) break;
      }
    }
    i = text.indexOf(surname, i + surname.length);
  }
  idx.cache.set(surname, out);
  return out;
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
export function resolveSpeaker(sp: Speaker, names: NameIndex, earlier: readonly Quote[], antecedent?: Speaker | null, window = 0): string | undefined {
  const t = sp.text.trim();
  if (PRONOUN.test(t)) {
    // the subject of an earlier speech verb in the same paragraph (`Amira Haddad, who runs a bakery, said …`)
    if (antecedent) return resolveName(antecedent, names) || antecedent.text;
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
  return resolveName(sp, names);
}

function resolveName(sp: Speaker, names: NameIndex): string | undefined {
  const bare = sp.text.trim().replace(HONORIFIC, '').replace(/[’']s$/, '');
  if (!/^[\p{Lu}][\p{L}’'-]+$/u.test(bare)) return undefined;
  let best: Mention | null = null;
  for (const m of mentionsOf(names, bare)) {
    if (m.start >= sp.start) break;
    if (!best || (m.desc && !best.desc)) best = m;
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
