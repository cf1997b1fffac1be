/**
 * Quotes and speakers.
 *
 * Stage 1 (per paragraph = per article line, memoisable by the paragraph text): pair quotation marks (marks.ts) and
 * attribute each piece from its own paragraph (speaker.ts).
 * Stage 2 (document pass, cheap): the nested-mark reread rule for paragraphs left open, multi-paragraph quotes (one
 * piece per paragraph, one speaker for the chain), quotes without a local cue (inherit from the neighbouring piece
 * or from a `X said:` paragraph before), scare-quote decision, and resolution of pronoun/surname speakers to the
 * fullest name mentioned earlier (`Ryabkov` → `Sergey Ryabkov, Russian Deputy Foreign Minister`).
 */
import { detach } from '../strings';
import type { LineInfo, Quote, Speaker, Span } from '../types';
import { scanParagraph, isSpaceCode, isWordCodeFast, spacedGuillemetClose, type MarkScan, type Piece } from './marks';
import { attributeParagraph, reportingSpeaker, paragraphPerson, type LocalAttribution, type ParagraphAttribution } from './speaker';
import { resolveSpeaker, collectNames, genderOf, type NameIndex } from './resolve';
import { scareReason, type ScareReason } from './scare';

export interface ParagraphQuotes {
  scan: MarkScan;
  attr: ParagraphAttribution;
  /** Attribution and scare reasons of the alternative reading (`scan.alt`; lazily computed). */
  altRead?: Reading;
  /** Attribution and scare reasons of the reading with an open single-mark tail (`scan.singleTail`; lazily computed). */
  tailRead?: Reading;
  /** Per piece: why it looks like a scare quote / title (see scare.ts), or null. */
  scare: ScareReason[];
}

/** A paragraph's pieces read another way: their attribution and scare reasons. */
interface Reading {
  attr: ParagraphAttribution;
  scare: ScareReason[];
}

function readPieces(ptext: string, pieces: readonly Piece[]): Reading {
  return { attr: attributeParagraph(ptext, pieces), scare: pieces.map((pc) => scareReason(ptext, pc)) };
}

export interface QuoteMemo {
  paragraphs: Map<string, ParagraphQuotes>;
}

/** A cache for `findQuotes` across versions of a document (keyed by paragraph text). */
export function createQuoteMemo(): QuoteMemo {
  return { paragraphs: new Map() };
}

export interface FindQuotesOptions {
  /** Return scare quotes (kind 'scare'); default true. When false they are left out. */
  scareQuotes?: boolean;
  /** Cache of per-paragraph results, keyed by paragraph text. Reuse across versions of a document. */
  memo?: QuoteMemo;
}

const MEMO_LIMIT = 20000;
const EMPTY: ParagraphQuotes = {
  scan: { pieces: [], alt: null, startsWithOpen: false, singleTail: null, startsWithOpenSingle: false },
  attr: { pieces: [], intro: null },
  scare: [],
};

/**
 * Could `tokenize` (marks.ts) find a quotation mark in text[start,end) (= the paragraph text.slice(start, end))?
 * False only when every quote-like character is one that `tokenize` skips by its local rules: an apostrophe inside a
 * word (don’t, Trump’s), a `«` before a space (unless a spaced `»` closes it: spacedGuillemetClose) or at the end, a `»`
 * after a space or at the start. `<` never makes a
 * mark itself (markup is blanked), so it does not make the answer true, but the first one is remembered for
 * `markHint`; a tag hiding a quote character only makes this answer true where `tokenize` finds nothing, which costs
 * time, never a different result.
 */
const MARK_CHAR = /["'<\u201c\u201d\u2018\u2019\u201e\xab\xbb]/g;
/**
 * The scan state of `mayHaveMarks` over one text: the position of the next quote-like character at or after
 * `markFrom` (Infinity = none). Paragraphs come in text order, so one regex pass over the text serves them all.
 */
let markAt = -1;
let markFrom = 0;
export function resetMarks(): void {
  markAt = -1;
  markFrom = 0;
}
function nextMarkFrom(text: string, from: number): number {
  if (markAt >= from && markFrom <= from) return markAt;
  MARK_CHAR.lastIndex = from;
  markFrom = from;
  // test() instead of exec(): no match array per hit (the pattern matches one character, so it ends at lastIndex)
  markAt = MARK_CHAR.test(text) ? MARK_CHAR.lastIndex - 1 : Infinity;
  return markAt;
}
export function mayHaveMarks(text: string, start: number, end: number): boolean {
  let lt = -1;
  for (let i = nextMarkFrom(text, start); i < end; i = nextMarkFrom(text, i + 1)) {
    const c = text.charCodeAt(i);
    if (c === 60) {
      if (lt < 0) lt = i;
      continue;
    }
    if (c === 39 || c === 0x2019) {
      // an apostrophe inside a word is skipped (the neighbours inside the paragraph; none = not a word character)
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      if (next !== c && i > start && text.charCodeAt(i - 1) !== c && isWordCodeFast(text.charCodeAt(i - 1)) && isWordCodeFast(next)) continue;
    } else if (c === 0xab) {
      if (i + 1 >= end || (isSpaceCode(text.charCodeAt(i + 1)) && spacedGuillemetClose(text, i, end) < 0)) continue;
    } else if (c === 0xbb) {
      if (!(i > start && !isSpaceCode(text.charCodeAt(i - 1)))) continue;
    }
    hint = (lt >= 0 ? lt : i) - start;
    return true;
  }
  return false;
}

/**
 * After `mayHaveMarks` returned true: the paragraph offset before which the mark scan finds nothing (every quote-like
 * character before it is one `tokenize` skips, and there is no `<` before it), so it may start there.
 */
let hint = 0;
export function markHint(): number {
  return hint;
}

/** Is the last character of text[start,end) that `trimEnd` keeps a colon? */
function endsWithColon(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isTrimmedSpace(text.charCodeAt(i))) i--;
  return i >= start && text.charCodeAt(i) === 58;
}

/** Is there no letter or digit in paragraph p outside its pieces? */
function quotesOnly(p: string, pieces: readonly Piece[]): boolean {
  let at = 0;
  for (const pc of pieces) {
    for (let i = at; i < pc.start; i++) if (isWordCodeFast(p.charCodeAt(i))) return false;
    at = pc.end;
  }
  for (let i = at; i < p.length; i++) if (isWordCodeFast(p.charCodeAt(i))) return false;
  return true;
}

/** = s.search(/\S/): the offset of the first character that is not `\s`, or -1. */
function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!isTrimmedSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** The characters `String.prototype.trim` removes (WhiteSpace and LineTerminator). */
function isTrimmedSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `from`: where the mark scan may start (see `markHint`); the result does not depend on it. */
export function analyzeParagraph(pt: string, from = 0): ParagraphQuotes {
  const scan = scanParagraph(pt, from);
  if (scan.pieces.length === 0 && !scan.alt) {
    if (scan.singleTail) return { scan, attr: EMPTY.attr, scare: [] };
    if (!pt.trimEnd().endsWith(':')) return EMPTY;
    return { scan, attr: attributeParagraph(pt, scan.pieces), scare: [] };
  }
  return { scan, attr: attributeParagraph(pt, scan.pieces), scare: scan.pieces.map((pc) => scareReason(pt, pc)) };
}

interface Item {
  para: number;
  piece: Piece;
  local: LocalAttribution;
  scare: ScareReason;
  speaker: [number, number] | null; // absolute offsets
  antecedent: [number, number] | null;
  cue: [number, number] | null;
  how: LocalAttribution['how'] | 'chain' | 'inherit' | 'intro';
  chainId: number;
}

const RANK: Record<string, number> = { label: 6, adjacent: 5, before: 4, after: 3, intro: 3, chain: 2, subject: 2, paraphrase: 2, inherit: 1, none: 0 };

/** A dateline before a speaker: `BERLIN - `, `WASHINGTON -- `. */
const DATELINE = /^[A-Z][A-Z .,']+\s(?:-|--|—|–)\s+/;

/** Reasons of the boilerplate pass that a subhead inside the article can get (not furniture such as ads or widgets). */
const HEADING_REASONS = new Set(['short-fragment', 'low-prose', 'outside-body', 'settled-out']);
const HEADING_SHAPE = /^\s*[\p{Lu}\d][^.!?:;|"“”«»]*[\p{L}\d)’']\s*$/u;

/**
 * Is text[start,end) shaped like a subhead: 2 to 12 words, at most 100 characters, starting with a capital or digit,
 * without sentence punctuation, colon, bar or quotation mark (`The manifesto`, `Money worries`)?
 */
function headingLike(text: string, start: number, end: number): boolean {
  if (end - start > 100 || end - start < 5) return false;
  const t = text.slice(start, end);
  if (!HEADING_SHAPE.test(t)) return false;
  const words = t.trim().split(/\s+/).length;
  return words >= 2 && words <= 12;
}

export function findQuotes(text: string, lines: readonly LineInfo[], opts: FindQuotesOptions = {}): Quote[] {
  const memo = opts.memo;
  if (memo && memo.paragraphs.size > MEMO_LIMIT) memo.paragraphs.clear();
  // the article paragraphs, as parallel arrays (no object per paragraph: most of them have nothing to report)
  const pLine: LineInfo[] = [];
  const pText: string[] = [];
  const pPq: ParagraphQuotes[] = [];
  const pLead: number[] = [];
  // pre-scan: a paragraph in which `tokenize` finds no quotation mark and without a final colon has nothing to
  // analyse (= analyzeParagraph's EMPTY)
  // a page heading the boilerplate pass dropped between two article paragraphs (`The manifesto`) still ends a
  // multi-paragraph quote and the passing on of a speaker: it stands in as an empty paragraph (pSep)
  const pSep: boolean[] = [];
  // (the candidates since the last article paragraph, tested only when another one follows: most boilerplate lines
  // come after the article)
  let gap: LineInfo | null = null;
  let gap2: LineInfo | null = null;
  resetMarks();
  for (const l of lines) {
    if (l.label !== 'article') {
      if (l.label === 'boilerplate' && HEADING_REASONS.has(l.reason) && l.end - l.start <= 100) {
        if (gap === null) gap = l;
        else if (gap2 === null) gap2 = l;
      }
      continue;
    }
    if (l.end - l.start === 0) continue;
    if (gap !== null) {
      const h = headingLike(text, gap.start, gap.end) ? gap : gap2 !== null && headingLike(text, gap2.start, gap2.end) ? gap2 : null;
      if (h !== null && pLine.length > 0 && !pSep[pLine.length - 1]) {
        pLine.push(h);
        pText.push('');
        pPq.push(EMPTY);
        pLead.push(0);
        pSep[pLine.length - 1] = true;
      }
      gap = gap2 = null;
    }
    const has = mayHaveMarks(text, l.start, l.end);
    const nextMark = has ? hint : -1;
    if (!has && !endsWithColon(text, l.start, l.end)) {
      pLine.push(l);
      pText.push('');
      pPq.push(EMPTY);
      pLead.push(0);
      continue;
    }
    let pt = text.slice(l.start, l.end);
    let pq = memo?.paragraphs.get(pt);
    if (!pq) {
      // a memo outlives this version of the text: key and results must not be views into the whole document
      if (memo) pt = detach(pt);
      pq = analyzeParagraph(pt, nextMark >= 0 ? nextMark : 0);
      memo?.paragraphs.set(pt, pq);
    }
    if (pq.scan.pieces.length === 0 && !pq.attr.intro && !pq.scan.singleTail) {
      // nothing to report, but it still separates multi-paragraph chains
      pLine.push(l);
      pText.push(pt);
      pPq.push(pq);
      pLead.push(0);
      continue;
    }
    pLine.push(l);
    pText.push(pt);
    pPq.push(pq);
    pLead.push(firstNonSpace(pt));
  }

  // Stage 2a: choose the reading per paragraph and build items.
  const items: Item[] = [];
  let chain = 0;
  let prevOpen = false;
  let prevSingle = false;
  let prevChain = -1;
  for (let i = 0; i < pPq.length; i++) {
    const pq = pPq[i];
    if (pq.scan.pieces.length === 0 && !pq.scan.alt && !(pq.scan.singleTail && i + 1 < pPq.length && pPq[i + 1].scan.startsWithOpenSingle)) {
      // no pieces (most paragraphs): it only ends a multi-paragraph chain
      prevOpen = false;
      prevSingle = false;
      prevChain = -1;
      continue;
    }
    const base = pLine[i].start;
    const ptext = pText[i];
    let pieces = pq.scan.pieces;
    let attr = pq.attr;
    let scare = pq.scare;
    if (pq.scan.alt) {
      const next = i + 1 < pPq.length ? pPq[i + 1] : undefined;
      if (!next || !next.scan.startsWithOpen) {
        pieces = pq.scan.alt;
        pq.altRead ??= readPieces(ptext, pieces);
        attr = pq.altRead.attr;
        scare = pq.altRead.scare;
      }
    } else if (pq.scan.singleTail) {
      // a single-mark quote left open continues in the next paragraph when that one opens with a single mark
      const next = i + 1 < pPq.length ? pPq[i + 1] : undefined;
      if (next && next.scan.startsWithOpenSingle) {
        pieces = pq.scan.singleTail;
        pq.tailRead ??= readPieces(ptext, pieces);
        attr = pq.tailRead.attr;
        scare = pq.tailRead.scare;
      }
    }
    for (let k = 0; k < pieces.length; k++) {
      const pc = pieces[k];
      const local = attr.pieces[k];
      let chainId = ++chain;
      // continuation of a multi-paragraph quote: first piece of a paragraph starting with an opening mark
      // (a transcript label inside it, `"PENCE: …`, is a new speaker: a new chain)
      // (a single-mark quote continues with a single mark, a double-mark one with a double mark)
      const continues = prevSingle ? pq.scan.startsWithOpenSingle : pq.scan.startsWithOpen;
      if (k === 0 && prevOpen && continues && pc.start === pLead[i] && local.how !== 'label') chainId = prevChain;
      items.push({
        para: i,
        piece: pc,
        local,
        scare: scare[k],
        speaker: local.speaker ? [base + local.speaker[0], base + local.speaker[1]] : null,
        antecedent: local.antecedent ? [base + local.antecedent[0], base + local.antecedent[1]] : null,
        cue: local.cue ? [base + local.cue[0], base + local.cue[1]] : null,
        how: local.how,
        chainId,
      });
    }
    const last = pieces[pieces.length - 1];
    prevOpen = !!last && last.open;
    prevSingle = !!last && last.single;
    // the chain of the last piece (a continued chain keeps its id: a quote of four paragraphs is one chain)
    prevChain = prevOpen ? items[items.length - 1].chainId : -1;
  }

  // Stage 2b0: a bare quote opening a paragraph after `X said:` / `The New York Times reports:`.
  for (const it of items) {
    if (it.speaker) continue;
    if (it.piece.start !== pLead[it.para] || it.para === 0) continue;
    const intro = pPq[it.para - 1].attr.intro;
    const prevStart = pLine[it.para - 1].start;
    if (!intro) continue;
    it.speaker = [prevStart + intro.speaker[0], prevStart + intro.speaker[1]];
    it.cue = [prevStart + intro.cue[0], prevStart + intro.cue[1]];
    it.how = 'intro';
  }

  // Stage 2b: one speaker per multi-paragraph chain (the best-ranked attribution of its pieces).
  const best = new Map<number, Item>();
  for (const it of items) {
    const b = best.get(it.chainId);
    if (!b || RANK[it.how] > RANK[b.how]) best.set(it.chainId, it);
  }
  for (const it of items) {
    const b = best.get(it.chainId)!;
    if (b !== it && RANK[b.how] > RANK[it.how] && b.speaker) {
      it.speaker = b.speaker;
      it.cue = b.cue;
      it.antecedent = b.antecedent;
      it.how = 'chain';
    }
  }

  // Stage 2c: pieces without a local cue inherit from the neighbouring piece in the same paragraph, or from a
  // `X said:` intro / the previous paragraph's quote when the paragraph is a bare quote.
  for (let n = 0; n < items.length; n++) {
    const it = items[n];
    if (it.speaker && it.how !== 'subject') continue;
    // a later paragraph of a multi-paragraph quote whose opening paragraph got its speaker below
    if (!it.speaker && n > 0 && items[n - 1].chainId === it.chainId && items[n - 1].speaker) {
      const src = items[n - 1];
      it.speaker = src.speaker;
      it.cue = src.cue;
      it.antecedent = src.antecedent;
      it.how = 'chain';
      continue;
    }
    // a quoted subhead (`'A disaster waiting to happen'` alone on its line) takes no speaker, so it passes none on
    if (it.scare === 'subhead' && !it.speaker) continue;
    let src: Item | null = null;
    for (let k = n - 1; k >= 0 && k >= n - 8 && items[k].para === it.para; k--)
      if (items[k].speaker && RANK[items[k].how] >= 3) {
        src = items[k];
        break;
      }
    if (!src)
      for (let k = n + 1; k < items.length && k <= n + 8 && items[k].para === it.para; k++)
        if (items[k].speaker && RANK[items[k].how] >= 3) {
          src = items[k];
          break;
        }
    if (src && !(it.how === 'subject' && src.para === it.para && src.piece.start > it.piece.start)) {
      it.speaker = src.speaker;
      it.cue = src.cue;
      it.antecedent = src.antecedent;
      it.how = 'inherit';
      continue;
    }
    if (it.speaker) continue;
    // a bare quote paragraph right after a paragraph whose last quote is attributed: same speaker
    if (it.piece.start !== pLead[it.para] || it.para === 0) continue;
    // a paragraph without quotes right before, whose last sentence reports speech: `Mayor Ellen Park said the
    // decision was final.` + `"We will not change our minds."`
    // (the quote paragraph is quotes only: `"…," eyewitness Rehman Malik sid.` has its own attribution)
    if ((n === 0 || items[n - 1].para < it.para - 1) && !pSep[it.para - 1] && pPq[it.para - 1].scan.pieces.length === 0 && !pPq[it.para - 1].attr.intro && quotesOnly(pText[it.para], pPq[it.para].scan.pieces)) {
      const l = pLine[it.para - 1];
      const r = reportingSpeaker(text.slice(l.start, l.end));
      if (r) {
        it.speaker = [l.start + r.speaker[0], l.start + r.speaker[1]];
        it.cue = [l.start + r.cue[0], l.start + r.cue[1]];
        it.how = 'inherit';
      }
      continue;
    }
    if (n === 0) continue;
    const prevIt = items[n - 1];
    // (or when that one is itself a bare quote paragraph with the speaker of the paragraph before it or of its
    // chain: a run of quote paragraphs passes the speaker on to its end)
    const passed = (prevIt.how === 'inherit' || prevIt.how === 'chain') && prevIt.piece.start === pLead[prevIt.para];
    if (prevIt.para !== it.para - 1 || !prevIt.speaker || (RANK[prevIt.how] < 3 && !passed)) continue;
    // (what follows the quote there, besides its own attribution when the quote opens that paragraph: `"…," said
    // council leader Tom Baker, who has …`)
    const pStart = pLine[prevIt.para].start;
    const own = prevIt.piece.start === pLead[prevIt.para] && prevIt.speaker[0] >= pStart + prevIt.piece.end && prevIt.speaker[1] <= pLine[prevIt.para].end && (prevIt.how === 'adjacent' || prevIt.how === 'after');
    if (pText[prevIt.para].slice(own ? prevIt.speaker[1] - pStart : prevIt.piece.end).trim().length > 60) continue;
    it.speaker = prevIt.speaker;
    it.cue = prevIt.cue;
    it.antecedent = prevIt.antecedent;
    it.how = 'inherit';
  }

  // Stage 2d: output with scare decision and speaker resolution.
  // the name index (paragraph ranges) only when a speaker is resolved
  let names: NameIndex | null = null;
  /** paragraphPerson per paragraph index (computed at most once). */
  const persons = new Map<number, [number, number] | null>();
  const out: Quote[] = [];
  const showScare = opts.scareQuotes !== false;
  for (let n = 0; n < items.length; n++) {
    const it = items[n];
    // a paragraph of a multi-paragraph single-mark quote is speech, not a subhead (`‘And still they’re being priced
    // out.’`; a double-mark `"(CROSSTALK.)` in a transcript stays a stage direction)
    if (it.scare && it.piece.single && ((n > 0 && items[n - 1].chainId === it.chainId) || (n + 1 < items.length && items[n + 1].chainId === it.chainId))) it.scare = null;
    const lineStart = pLine[it.para].start;
    const s = lineStart + it.piece.start;
    const e = lineStart + it.piece.end;
    const attributed = it.how === 'adjacent' || it.how === 'before' || it.how === 'label' || it.how === 'intro';
    // titles, nicknames, words-as-words and subheads are never speech; a modifier use only without a cue
    const kind: Quote['kind'] = it.scare && (it.scare !== 'modifier' || !attributed) ? 'scare' : 'quote';
    if (kind === 'scare' && !showScare) continue;
    let speaker: Speaker | null = null;
    if (it.speaker && kind === 'quote') {
      const [a, b] = it.speaker;
      speaker = { start: a, end: b, text: text.slice(a, b) };
      let ant = it.antecedent ? { start: it.antecedent[0], end: it.antecedent[1], text: text.slice(it.antecedent[0], it.antecedent[1]) } : null;
      // a pronoun attributed in its own paragraph, nobody named before it there: the person the paragraph before
      // (without quotes) is about
      if (!ant && b - a <= 3 && a >= lineStart && it.para > 0 && !pSep[it.para - 1] && pPq[it.para - 1].scan.pieces.length === 0 && /^(?:he|she)$/i.test(speaker.text)) {
        const l = pLine[it.para - 1];
        // (one who reports speech there first: `Jordan said he knew of no plans.` + `"…," he said.`; once per paragraph)
        let r = persons.get(it.para - 1);
        if (r === undefined) {
          r = paragraphPerson(text.slice(l.start, l.end));
          persons.set(it.para - 1, r);
        }
        const pt = r ? text.slice(l.start, l.end) : '';
        if (r) {
          // (without a dateline before it: `BERLIN - Secretary of State Condoleezza Rice`)
          const dl = DATELINE.exec(pt.slice(r[0], r[1]));
          const a0 = l.start + r[0] + (dl ? dl[0].length : 0);
          const cand = { start: a0, end: l.start + r[1], text: text.slice(a0, l.start + r[1]) };
          // (only a person of the pronoun's gender, or of none known: `Paul Dhaliwal told …` is not `she`)
          const comma = cand.text.indexOf(',');
          if (genderOf(comma > 0 ? cand.text.slice(0, comma) : cand.text) !== (/^he$/i.test(speaker.text) ? 'f' : 'm')) ant = cand;
        }
      }
      names ??= collectNames(text, pLine);
      const r = resolveSpeaker(speaker, names, out, ant, pLine[Math.max(0, it.para - 2)].start, it.para);
      if (r) speaker.resolved = r;
    }
    const cue: Span | null = it.cue && kind === 'quote' ? { start: it.cue[0], end: it.cue[1], text: text.slice(it.cue[0], it.cue[1]) } : null;
    const q: Quote = { start: s, end: e, text: text.slice(s, e), kind, speaker, cue };
    if (kind === 'scare' && it.scare) q.scareReason = it.scare;
    out.push(q);
  }
  return out;
}
