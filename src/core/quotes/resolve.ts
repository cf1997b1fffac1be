/**
 * Speaker resolution for the hover: a pronoun (`he`) or a surname (`Ryabkov`, `Mr. Obama`) is shown with the fullest
 * description of the person named earlier in the document: `Sergey Ryabkov, Russian Deputy Foreign Minister`.
 * Cheap: one regex pass over the article lines, only when a speaker needs resolving.
 */
import type { Quote, Speaker } from '../types';

export interface NameIndex {
  /** Lazily built: surname → mentions in text order. */
  get(): Map<string, Mention[]>;
}

interface Mention {
  start: number;
  full: string;
  desc: string | null;
}

const TITLE_HEAD =
  /(?:(?:[A-Z][\w.-]*|former|deputy|vice|assistant|senior|chief|top|longtime|then-|press|campaign)\s+){0,6}?(?:President|Minister|Secretary|Ambassador|Senator|Sen\.|Rep\.|Representative|Gov\.|Governor|Mayor|Spokesman|Spokeswoman|spokesman|spokeswoman|spokesperson|Chairman|Chairwoman|chairman|Director|director|Adviser|adviser|Nominee|nominee|Leader|leader|Chief|Judge|Justice|General|Gen\.|Commissioner|secretary|minister|ambassador|pollster|strategist|host|anchor|economist|professor|analyst|official|candidate|journalist|activist)/;

const NAME_RE = /((?:[\p{Lu}][\p{Ll}’'-]+|[\p{Lu}]\.)(?:\s+(?:[\p{Lu}][\p{Ll}’'-]+|[\p{Lu}]\.|de|van|von|bin|al|da|del|la|le)){1,3})/gu;
const PRONOUN = /^(?:he|she|him|her|his)$/i;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Secretary|Minister|Ambassador|Judge|Justice|Mayor|Governor|Representative|Prof)\.?\s+/;

export function collectNames(text: string, ranges: ReadonlyArray<[number, number]>): NameIndex {
  let cache: Map<string, Mention[]> | null = null;
  return {
    get() {
      if (cache) return cache;
      cache = new Map();
      for (const [a, b] of ranges) {
        const line = text.slice(a, b);
        NAME_RE.lastIndex = 0;
        let r: RegExpExecArray | null;
        while ((r = NAME_RE.exec(line))) {
          const full = r[1].replace(HONORIFIC, '');
          const parts = full.split(/\s+/);
          if (parts.length < 2) continue;
          if (/^(?:The|A|An|In|On|At|But|And|If|When|As|This|That|It|He|She|They|We|Mr|Mrs|Ms)$/.test(parts[0])) continue;
          const surname = parts[parts.length - 1].replace(/[’']s$/, '');
          // description: a title before the name (`Russian Deputy Foreign Minister Sergey Ryabkov`) or an appositive after it
          let desc: string | null = null;
          const before = line.slice(Math.max(0, r.index - 80), r.index);
          const tb = new RegExp('(' + TITLE_HEAD.source + ')\\s*$').exec(before);
          if (tb) desc = tb[1].trim();
          else {
            const after = /^,\s+((?:a|an|the|who)\s[^,.;“”"]{3,80}?)[,.;]/.exec(line.slice(r.index + r[0].length));
            if (after) desc = after[1].trim();
          }
          const m: Mention = { start: a + r.index, full: parts.join(' ').replace(/[’']s$/, ''), desc };
          const list = cache.get(surname);
          if (list) list.push(m);
          else cache.set(surname, [m]);
        }
      }
      return cache;
    },
  };
}

function describe(m: Mention): string {
  return m.desc ? `${m.full}, ${m.desc}` : m.full;
}

/**
 * The full name (and description) the speaker phrase refers to, when it is a pronoun or a bare surname and the person
 * is named in full earlier in the document; otherwise undefined.
 */
export function resolveSpeaker(text: string, sp: Speaker, names: NameIndex, earlier: readonly Quote[]): string | undefined {
  const t = sp.text.trim();
  if (PRONOUN.test(t)) {
    for (let i = earlier.length - 1; i >= 0; i--) {
      const q = earlier[i];
      if (!q.speaker || q.speaker.start > sp.start) continue;
      if (PRONOUN.test(q.speaker.text.trim())) {
        if (q.speaker.resolved) return q.speaker.resolved;
        continue;
      }
      if (!/^[\p{Lu}]/u.test(q.speaker.text) || /^(?:The|A|An)\s/.test(q.speaker.text)) continue;
      return q.speaker.resolved || q.speaker.text;
    }
    return undefined;
  }
  const bare = t.replace(HONORIFIC, '').replace(/[’']s$/, '');
  if (!/^[\p{Lu}][\p{L}’'-]+$/u.test(bare)) return undefined;
  const list = names.get().get(bare);
  if (!list) return undefined;
  let best: Mention | null = null;
  for (const m of list) {
    if (m.start >= sp.start) break;
    if (!best || (m.desc && !best.desc)) best = m;
  }
  if (!best) return undefined;
  void text;
  return describe(best);
}
