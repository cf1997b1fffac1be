/**
 * Entities (person | place | organization) in article lines.
 *
 * Two stages, for incremental analysis:
 *  1. per paragraph (line), a pure function of the line's text, memoisable in `options.memo`:
 *     tokenize, compute features (compromise's lexicon + word shape + context), tag tokens with a
 *     perceptron fitted on CoNLL-2003 train (model.ts), read off BIO spans;
 *  2. a cheap document-level pass: one type per name per document (majority vote), a person's surname
 *     alone is the same person, and names already found are also found where the tagger missed them
 *     (e.g. in ALL-CAPS headlines).
 * `meta` lines (datelines, bylines) contribute places only; boilerplate lines nothing.
 */
import type { Entity, EntityType, LineInfo } from '../types';
import { tokenize, type Token } from './tokenize';
import { lineFeatures, isCapsLine } from './features';
import { getModel, tagTokens } from './model';

export { tokenize } from './tokenize';
export { lineFeatures, getLexicon } from './features';
export { getModel, buildModel, tagTokens, dynamicFeatures, allowed } from './model';

/** Tagger-internal span type; MISC is tagged (so that it is not confused with the others) but not reported. */
type Tag = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface LineSpan {
  /** Token range [ts, te). */
  ts: number;
  te: number;
  tag: Tag;
}

/** Result of the per-paragraph stage (what the memo stores). */
export interface LineEntities {
  tokens: Token[];
  spans: LineSpan[];
  caps: boolean;
}

export interface EntityOptions {
  /** Per-paragraph results keyed by paragraph text; reused across calls (incremental analysis). */
  memo?: Map<string, LineEntities>;
  /** Look for places in `meta` lines (datelines). Default true. */
  metaPlaces?: boolean;
}

const TYPE_OF: Record<string, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** Per-paragraph stage: pure function of the paragraph text. */
export function tagParagraph(para: string): LineEntities {
  const tokens = tokenize(para);
  if (tokens.length === 0) return { tokens, spans: [], caps: false };
  const m = getModel();
  const feats = lineFeatures(tokens);
  const labels = tagTokens(m, tokens, feats);
  const spans: LineSpan[] = [];
  let cur: LineSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const t = m.type[labels[i]];
    if (t && (!m.begin[labels[i]]) && cur && cur.tag === t) { cur.te = i + 1; continue; }
    if (cur) { spans.push(cur); cur = null; }
    if (t) cur = { ts: i, te: i + 1, tag: t as Tag };
  }
  if (cur) spans.push(cur);
  return { tokens, spans: spans.filter((s) => trimSpan(tokens, s)), caps: isCapsLine(tokens) };
}

/** Drop punctuation at the edges of a span; false when nothing is left. */
function trimSpan(tokens: Token[], s: LineSpan): boolean {
  while (s.ts < s.te && !/[\p{L}\p{N}]/u.test(tokens[s.ts].w)) s.ts++;
  while (s.te > s.ts && !/[\p{L}\p{N}]/u.test(tokens[s.te - 1].w)) s.te--;
  return s.te > s.ts;
}

function isCapitalised(w: string): boolean {
  const c = w[0];
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

interface DocLine {
  start: number;
  para: string;
  res: LineEntities;
  spans: LineSpan[];
  meta: boolean;
}

function spanKey(d: DocLine, ts: number, te: number): string {
  const t = d.res.tokens;
  return d.para.slice(t[ts].s, t[te - 1].e).toLowerCase();
}

/**
 * Document-level pass: majority type per name, surnames of people, and mentions the tagger missed.
 * Linear in the number of tokens of the document.
 */
function documentPass(docLines: DocLine[]): void {
  // 1. votes per name (mixed-case lines count double: case is informative there)
  const votes = new Map<string, Record<Tag, number>>();
  for (const d of docLines) {
    for (const s of d.spans) {
      const k = spanKey(d, s.ts, s.te);
      let v = votes.get(k);
      if (!v) { v = { PER: 0, LOC: 0, ORG: 0, MISC: 0 }; votes.set(k, v); }
      v[s.tag] += d.res.caps ? 1 : 2;
    }
  }
  const typeOf = new Map<string, Tag>();
  for (const [k, v] of votes) {
    let best: Tag = 'PER';
    for (const t of ['LOC', 'ORG', 'MISC'] as Tag[]) if (v[t] > v[best]) best = t;
    typeOf.set(k, best);
  }
  // 2. surnames (and full names) of people named with two or more words
  const surname = new Set<string>();
  for (const d of docLines) {
    for (const s of d.spans) {
      if (s.te - s.ts < 2) continue;
      const k = spanKey(d, s.ts, s.te);
      if (typeOf.get(k) !== 'PER') continue;
      const last = d.res.tokens[s.te - 1].w;
      if (isCapitalised(last) && last.length > 1 && !last.endsWith('.')) surname.add(last.toLowerCase());
    }
  }
  for (const k of surname) typeOf.set(k, 'PER');
  // 3. relabel, and add missed mentions of known names (longest first, up to 5 tokens)
  for (const d of docLines) {
    const toks = d.res.tokens;
    const covered = new Int8Array(toks.length);
    const spans: LineSpan[] = [];
    for (const s of d.spans) {
      const t = typeOf.get(spanKey(d, s.ts, s.te)) || s.tag;
      spans.push({ ts: s.ts, te: s.te, tag: t });
      for (let i = s.ts; i < s.te; i++) covered[i] = 1;
    }
    for (let i = 0; i < toks.length; i++) {
      if (covered[i] || !(d.res.caps || isCapitalised(toks[i].w))) continue;
      for (let len = Math.min(5, toks.length - i); len >= 1; len--) {
        let free = true;
        for (let k = i; k < i + len; k++) if (covered[k]) { free = false; break; }
        if (!free || !(d.res.caps || isCapitalised(toks[i + len - 1].w))) continue;
        const t = typeOf.get(spanKey(d, i, i + len));
        if (!t) continue;
        spans.push({ ts: i, te: i + len, tag: t });
        for (let k = i; k < i + len; k++) covered[k] = 1;
        i += len - 1;
        break;
      }
    }
    spans.sort((a, b) => a.ts - b.ts);
    d.spans = spans;
  }
}

export function findEntities(text: string, lines: readonly LineInfo[], options: EntityOptions = {}): Entity[] {
  const memo = options.memo;
  const metaPlaces = options.metaPlaces !== false;
  const docLines: DocLine[] = [];
  for (const l of lines) {
    const meta = l.label === 'meta';
    if (l.label !== 'article' && !(meta && metaPlaces)) continue;
    const para = text.slice(l.start, l.end);
    if (para.trim().length === 0) continue;
    let res = memo ? memo.get(para) : undefined;
    if (!res) {
      res = tagParagraph(para);
      if (memo) memo.set(para, res);
    }
    docLines.push({ start: l.start, para, res, spans: res.spans, meta });
  }
  documentPass(docLines);
  const out: Entity[] = [];
  for (const d of docLines) {
    for (const s of d.spans) {
      const type = TYPE_OF[s.tag];
      if (!type) continue;
      if (d.meta && type !== 'place') continue;
      const start = d.start + d.res.tokens[s.ts].s;
      const end = d.start + d.res.tokens[s.te - 1].e;
      out.push({ start, end, type, text: text.slice(start, end) });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
