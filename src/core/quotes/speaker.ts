/**
 * Speaker attribution inside one paragraph: pure function of the paragraph text and its quote pieces, so it can be
 * memoised with the mark scan. The document pass (index.ts) fills the gaps (continuations, quote-only paragraphs)
 * and resolves pronouns/surnames.
 *
 * Method: the paragraph is masked (quote interiors blanked, final punctuation kept) and split into sentences; for each
 * piece we look, in order, for
 *   1. a transcript label inside the quote (`"PENCE: …`);
 *   2. an attribution right after the quote (`…,” said X, a …` / `…,” X said` / `…” ― X` / `…?” Graham asked.`);
 *   2b. a reporting clause ending the sentence (`… “…” in the context of …, the Foreign Ministry said.`);
 *   3. a headline `Name: … ‘quote’`, a possessive speech noun (`Biden’s remarks that … “…”`), a cue earlier in the
 *      same sentence (`X said that …“…”`, `According to X, “…”`), or `X: “…”`;
 *   4. a cue later in the same sentence (`“…” of the plan, Mr. X said.`), a headline subject (`Obama Sees '…'`), or a
 *      previous sentence ending with an attribution when the quote starts its sentence (`…, Schiff said. "…"`);
 *   5. the subject of the sentence when it has a verb before the quote (long-tail cues: `X condemned … as “…”`);
 * and otherwise leave it to the document pass. Speaker phrases follow the annotation style of PolNeAR sources:
 * the full noun phrase with titles and appositives (`Rep. Jim Clyburn (D-S.C.), the assistant leader of …`), pronouns
 * as they are (`he`).
 */
import { NAME_PARTICLES } from '../strings';
import type { Piece } from './marks';
import { isFirstName } from '../entities/features';

export interface LocalAttribution {
  /** Speaker span relative to the paragraph, or null. */
  speaker: [number, number] | null;
  cue: [number, number] | null;
  /** How it was found: used by the document pass to decide whether to override. */
  how: 'label' | 'adjacent' | 'before' | 'after' | 'subject' | 'paraphrase' | 'none';
  /** For a pronoun speaker: the nearest non-pronoun subject of a speech verb earlier in the paragraph. */
  antecedent?: [number, number];
}

export interface ParagraphAttribution {
  pieces: LocalAttribution[];
  /**
   * Speaker introduced at the end of the paragraph for the next paragraph's quote (`Caddell continued:`,
   * `The New York Times reports:`), or null.
   */
  intro: { speaker: [number, number]; cue: [number, number] } | null;
}

const CUE_WORDS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling', 'added', 'adds', 'adding', 'wrote', 'writes', 'writing',
  'asked', 'asks', 'asking', 'argued', 'argues', 'arguing', 'insisted', 'insists', 'insisting', 'noted', 'notes', 'noting',
  'explained', 'explains', 'explaining', 'warned', 'warns', 'warning', 'claimed', 'claims', 'claiming', 'stated', 'states',
  'declared', 'declares', 'continued', 'continues', 'recalled', 'recalls', 'recalling', 'replied', 'replies', 'responded',
  'responds', 'tweeted', 'tweets', 'tweeting', 'posted', 'announced', 'announces', 'acknowledged', 'acknowledges', 'admitted',
  'admits', 'admitting', 'suggested', 'suggests', 'suggesting', 'called', 'calls', 'calling', 'described', 'describes',
  'describing', 'reported', 'reports', 'predicted', 'predicts', 'vowed', 'vows', 'promised', 'promises', 'pledged', 'urged',
  'urges', 'demanded', 'demands', 'complained', 'complains', 'conceded', 'concedes', 'observed', 'observes', 'remarked',
  'boasted', 'boasts', 'joked', 'jokes', 'quipped', 'shouted', 'yelled', 'yells', 'sings', 'sang', 'singing', 'chanted',
  'chanting', 'reads', 'emphasized', 'emphasizes', 'stressed', 'stresses', 'agreed', 'agrees', 'countered', 'charged',
  'charges', 'accused', 'accuses', 'testified', 'concluded', 'concludes', 'cautioned', 'mused', 'lamented', 'wondered',
  'contended', 'contends', 'maintained', 'maintains', 'labeled', 'labelled', 'dubbed', 'branded', 'slammed', 'blasted',
  'praised', 'lauded', 'touted', 'condemned', 'criticized', 'criticised', 'denounced', 'denied', 'denies', 'dismissed',
  'proclaimed', 'exclaimed', 'scolded', 'attacked', 'likened', 'compared', 'characterized', 'referred', 'referring',
  'cited', 'cites', 'quoted', 'found', 'finds', 'ruled', 'rated', 'published', 'commented', 'comments', 'stated', 'writes',
  'reveals', 'revealed', 'hailed', 'exhorted', 'speaks', 'spoke', 'talks', 'talked', 'answered', 'asserted', 'asserts',
  'asserting', 'thundered', 'seethed', 'chimed', 'bemoaned', 'bemoaning', 'explained', 'echoed', 'echoes', 'advised',
  'confirmed', 'confirms', 'estimated', 'estimates', 'pointed', 'points', 'laughed', 'sighed', 'pleaded', 'begged',
  'promised', 'recounted', 'recounts', 'reiterated', 'repeated', 'announced', 'informed', 'assured', 'reminded',
  'threatened', 'defended', 'blamed', 'mocked', 'ridiculed', 'derided', 'questioned', 'challenged',
  // the speech verbs of Nigerian, Indian, Australian and British English news and of dialogue (`X disclosed that`,
  // `the leader opined`, `Mitchell reckons`, `she whispered`)
  'disclosed', 'discloses', 'averred', 'opined', 'opines', 'clarified', 'clarifies', 'reckoned', 'reckons', 'retorted',
  'whispered', 'muttered', 'murmured', 'snapped', 'cried', 'screamed', 'queried', 'interjected', 'elaborated',
  'alleges', 'appealed', 'fumed',
  // the commonest "said" of German, Spanish, Italian/Portuguese and French news (`…“, sagte Robert Habeck`): ASCII
  // words that are not English ones
  'sagte', 'sagt', 'betonte', 'meinte', 'schrieb', 'warnte', 'dijo', 'disse', 'dit', 'estime', 'ajoute', 'explique',
  'souligne', 'affirme', 'indique', 'confie', 'raconte', 'poursuit', 'insiste',
  // past participles and preterites of those languages without accents (`a dit`, `ha detto`, `dijo`)
  'detto', 'dicho', 'disse', 'gesagt', 'reconnu', 'sostuvo', 'afirmou', 'declarou', 'explicou', 'spiegato',
];

/**
 * Speech verbs of French, Spanish and German news with non-ASCII letters (`a déclaré`, `afirmó`, `erklärte`): looked
 * up only for words ending in é or ó or starting with `erkl` (see tokenizeWords).
 */
const NONASCII_CUES = new Set([
  'déclaré', 'affirmé', 'ajouté', 'expliqué', 'indiqué', 'souligné', 'estimé', 'assuré', 'précisé', 'confié', 'lancé',
  'insisté', 'martelé', 'déploré', 'dénoncé', 'répondu', 'réagi', 'écrit', 'prévenu', 'raconté', 'rappelé', 'annoncé',
  'afirmó', 'señaló', 'explicó', 'añadió', 'aseguró', 'declaró', 'indicó', 'agregó', 'manifestó', 'subrayó', 'advirtió',
  'apuntó', 'destacó', 'comentó', 'preguntó', 'respondió', 'denunció', 'reconoció', 'insistió',
  'erklärte', 'erklärt', 'erklärten',
]);
/** Speech verbs that take an auxiliary before them (`a dit`, `ont déclaré`, `ha detto`, `hat gesagt`). */
const AUX_CUES = new Set([...NONASCII_CUES, 'dit', 'detto', 'dicho', 'gesagt', 'reconnu', 'spiegato']);
const AUX_WORDS = new Set(['a', 'ont', 'avait', 'ha', 'han', 'había', 'hat', 'haben', 'hatte']);

const CUE_SET = new Set(CUE_WORDS);

/** Strong speech verbs: in an adjacent `…,” X verb` position they are near-certain. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who', 'which']);
const SKIP_BEFORE_VERB = new Set([
  'also', 'then', 'later', 'has', 'had', 'have', 'would', 'will', 'did', 'does', 'do', 'once', 'previously', 'recently',
  'repeatedly', 'further', 'again', 'simply', 'just', 'quickly', 'reportedly', 'originally', 'first', 'famously',
  'publicly', 'privately', 'subsequently', 'often', 'frequently', 'always', 'never', 'not', 'even', 'still', 'both',
  'himself', 'herself', 'themselves', 'has', 'is', 'was', 'were', 'are', 'been', 'being', 'had', 'could', 'should',
  'might', 'may', 'must', 'can', 'openly', 'forcefully', 'boldly', 'cynically', 'sarcastically', 'flatly', 'only',
  'then', 'finally', 'immediately', 'angrily', 'bluntly', 'explicitly', 'directly', 'earlier', 'now', 'yet', 'already',
]);
/** Words that end a backward noun-phrase scan (not part of a speaker phrase). */
const STOP_WORDS = new Set([
  'on', 'in', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'that', 'and', 'but', 'or', 'so', 'because',
  'if', 'since', 'though', 'although', 'where', 'with', 'without', 'by', 'to', 'from', 'into', 'about', 'than', 'then',
  'said', 'says', 'told', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'this', 'last', 'next',
  'yesterday', 'today', 'tonight', 'morning', 'evening', 'night', 'week', 'month', 'year', 'also', 'not', 'it', 'there',
  'here', 'what', 'how', 'why', 'even', 'however', 'meanwhile', 'instead', 'now', 'later', 'earlier', 'again', 'over',
  'under', 'through', 'against', 'between', 'among', 'for', 'like', 'unlike', 'upon', 'via', 'per', 'whether', 'until',
  'ago', 'just', 'only', 'very', 'too', 'well', 'did', 'does', 'do', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'them', 'him', 'us', 'me',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'one', 'two', 'three', 'several', 'many', 'some', 'both', 'each', 'other', 'most', 'few']);
const DAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mondays|Sundays)$/;
export const ABBREV = /(?:^|[\s(.])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Del|Amb|Atty|Supt|Lt|Gen|Col|Sgt|Capt|Const|Cst|Det|Insp|Cpl|Cmdr|Adm|Prof|St|Mt|Ft|Jr|Sr|Rev|Hon|Pres|Sec|No|Vol|vs|etc|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.N|D\.C|[A-Z])\.$/;

const MASK = '\u0001';
/** Longest stretch (characters) searched before or after a quote for its attribution. */
const WINDOW = 1200;

export function isUpper(c: string): boolean {
  return c >= 'A' && c <= 'Z' ? true : c > '\u007f' && c.toUpperCase() === c && c.toLowerCase() !== c;
}

/** Blank the interior of each piece, keeping the marks and a final punctuation character (sentence end). */
function maskParagraph(p: string, pieces: readonly Piece[]): string {
  if (pieces.length === 0) return p;
  // parts joined once: a flat string (`+=` and `repeat` build a tree of string pieces that every character access
  // would walk until V8 flattens it)
  const parts: string[] = [];
  let at = 0;
  for (const pc of pieces) {
    const innerStart = pc.start + markLen(p, pc.start);
    const closeLen = pc.open ? 0 : markLenBack(p, pc.end);
    const innerEnd = pc.end - closeLen;
    if (innerEnd <= innerStart) continue;
    parts.push(p.slice(at, innerStart));
    const last = p[innerEnd - 1];
    const keep = last === '.' || last === '?' || last === '!' || last === ',';
    parts.push(maskRun(innerEnd - innerStart - (keep ? 1 : 0)));
    if (keep) parts.push(last);
    at = innerEnd;
  }
  parts.push(p.slice(at));
  return parts.join('');
}

/** MASK repeated n times: a slice of one long run (grown on demand), not a new string built by `repeat`. */
let MASK_RUN = MASK.repeat(1024);
function maskRun(n: number): string {
  while (MASK_RUN.length < n) MASK_RUN += MASK_RUN;
  return MASK_RUN.slice(0, n);
}

function markLen(p: string, i: number): number {
  const c = p[i];
  if ((c === "'" || c === '‘' || c === '’') && p[i + 1] === c) return 2;
  return 1;
}
function markLenBack(p: string, end: number): number {
  const c = p[end - 1];
  if ((c === "'" || c === '’' || c === '‘') && p[end - 2] === c) return 2;
  return 1;
}

/**
 * A necessary condition for ABBREV.test(m.slice(dot - 6, dot + 1)) with a `.` at `dot`: its alternatives end in a run
 * of 1–4 ASCII letters right before the dot (`Mr`, `Supt`, the `S` of `U.S`) or `Const`, which starts with a capital
 * unless it is `vs` or `etc`, and is not preceded by another letter.
 */
export function mayBeAbbrev(m: string, dot: number): boolean {
  let j = dot;
  while (j > 0 && dot - j <= 5) {
    const c = m.charCodeAt(j - 1);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    j--;
  }
  const len = dot - j;
  if (len < 1 || len > 5 || (len === 5 && !m.startsWith('Const', j))) return false;
  const c0 = m.charCodeAt(j);
  if (c0 >= 65 && c0 <= 90) return true;
  return (len === 2 && m.startsWith('vs', j)) || (len === 3 && m.startsWith('etc', j));
}

/** Sentence starts in the masked paragraph (offsets). */
export function sentenceStarts(m: string): number[] {
  const starts = [0];
  // = /[.?!]+["”'’)]*\s+(?=["“‘'(]?[\p{Lu}\d\u0001"“‘])/gu: the candidates without the lookahead (and without the u
  // flag, which only matters for \p{Lu}); the lookahead by character (sentenceOpensAt). A failed candidate cannot
  // hide a match: one would start with [.?!] inside it and end at the same place.
  const re = SENTENCE_END;
  re.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = re.exec(m))) {
    const end = r.index + r[0].length;
    if (!sentenceOpensAt(m, end)) continue;
    if (m.charCodeAt(r.index) === 46 && mayBeAbbrev(m, r.index) && !/["”'’]/.test(r[0]) && ABBREV.test(m.slice(Math.max(0, r.index - 6), r.index + 1))) continue;
    starts.push(end);
  }
  return starts;
}
const SENTENCE_END = /[.?!]+["”'’)]*\s+/g;

/** The lookahead (?=["“‘'(]?[\p{Lu}\d\u0001"“‘]) at q (with the u flag: by code point). */
export function sentenceOpensAt(m: string, q: number): boolean {
  if (q >= m.length) return false;
  const c = m.codePointAt(q)!;
  if (opensSentence(c)) return true;
  return (c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40) && q + 1 < m.length && opensSentence(m.codePointAt(q + 1)!);
}

/** [\p{Lu}\d\u0001"“‘] on one code point. */
function opensSentence(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 1 || c === 34;
  if (c === 0x201c || c === 0x2018) return true;
  if (c > 0xffff) return P_UPPER.test(String.fromCodePoint(c));
  let k = LU_CODE[c];
  if (k === 0) LU_CODE[c] = k = P_UPPER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}
const LU_CODE = new Uint8Array(65536);
const P_UPPER = /^\p{Lu}$/u;

interface Word {
  s: number;
  e: number;
  w: string;
  cue: boolean;
  /** The Cue `cuesIn` made for this token (cue tokens only; made once). */
  cueObj: Cue | null;
}

function isAlnumCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || (c >= 0x3040 && c < 0xfe00);
}
function isWordContCode(c: number): boolean {
  return isAlnumCode(c) || c === 46 || c === 39 || c === 0x2019 || c === 38 || c === 45;
}
export const ABBREV_WORD = /^(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Del|Amb|Atty|Lt|Gen|Col|Sgt|Capt|Const|Cst|Det|Insp|Cpl|Supt|Cmdr|Adm|Prof|St|Jr|Sr|Rev|Hon)\.$|^(?:[A-Z]\.)+$/;

/**
 * A necessary condition for ABBREV_WORD.test(m.slice(i, e)) (a word ending in `.`): its first alternatives are at
 * most 5 characters long (`Capt.`) or `Const.`, the second ends in a capital letter and a dot after a dot (`U.S.`).
 */
export function mayBeAbbrevWord(m: string, i: number, e: number): boolean {
  if (e - i <= 5) return true;
  if (e - i === 6 && m.startsWith('Const', i)) return true;
  const c = m.charCodeAt(e - 2);
  return c >= 65 && c <= 90 && m.charCodeAt(e - 3) === 46;
}

/**
 * Cue words in an open-addressing table keyed by a hash of their lowercase letters (see `cueAt`): typed arrays, so a
 * look-up allocates nothing (a Map keyed by a 32-bit hash would box half of the keys).
 */
const CUE_LIST = [...CUE_SET];
const CUE_BITS = 11;
const CUE_SLOTS = new Int16Array(1 << CUE_BITS).fill(-1);
function cueHashSlot(h: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> (32 - CUE_BITS)) | 0;
}
for (let i = 0; i < CUE_LIST.length; i++) {
  const w = CUE_LIST[i];
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  let slot = cueHashSlot(h);
  while (CUE_SLOTS[slot] >= 0) slot = (slot + 1) & ((1 << CUE_BITS) - 1);
  CUE_SLOTS[slot] = i;
}

/** Per (first letter, second letter) of the cue words: bit (length - 3) set for each length that occurs. */
const CUE_PAIRS = new Uint16Array(26 * 26);
for (const w of CUE_LIST) CUE_PAIRS[(w.charCodeAt(0) - 97) * 26 + (w.charCodeAt(1) - 97)] |= 1 << (w.length - 3);

/**
 * Is m[s,e) (ASCII letters only) a cue word ignoring case (= `CUE_SET.has(m.slice(s, e).toLowerCase())`)? Without
 * allocating the lowercase copy. `exact`: the letters must already be lowercase (= `CUE_SET.has(m.slice(s, e))`).
 */
function cueAt(m: string, s: number, e: number, exact: boolean): boolean {
  // most words share no first two letters and length with a cue word
  if (((CUE_PAIRS[((m.charCodeAt(s) | 32) - 97) * 26 + ((m.charCodeAt(s + 1) | 32) - 97)] >>> (e - s - 3)) & 1) === 0) return false;
  let h = 0;
  for (let k = s; k < e; k++) h = (Math.imul(h, 31) + (m.charCodeAt(k) | 32)) | 0;
  for (let slot = cueHashSlot(h); CUE_SLOTS[slot] >= 0; slot = (slot + 1) & ((1 << CUE_BITS) - 1)) {
    const w = CUE_LIST[CUE_SLOTS[slot]];
    if (w.length !== e - s) continue;
    let k = 0;
    if (exact) while (k < w.length && m.charCodeAt(s + k) === w.charCodeAt(k)) k++;
    else while (k < w.length && (m.charCodeAt(s + k) | 32) === w.charCodeAt(k)) k++;
    if (k === w.length) return true;
  }
  return false;
}

/** ASCII character classes for the tokenizer: word start (letter/digit), word continuation, ASCII letter, punctuation token. */
const C_ALNUM = 1;
const C_CONT = 2;
const C_LETTER = 4;
const C_PUNCT = 8;
const CCLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (isAlnumCode(c)) CCLASS[c] |= C_ALNUM;
  if (isWordContCode(c)) CCLASS[c] |= C_CONT;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) CCLASS[c] |= C_LETTER;
  if (c === 44 || c === 40 || c === 41 || c === 58 || c === 59 || c === 34) CCLASS[c] |= C_PUNCT;
}
/** Non-ASCII punctuation tokens: — ― “ ” ‘ ’ (the ASCII ones are , ( ) : ; ") */
function isPunctTokenCode(c: number): boolean {
  return c === 0x2014 || c === 0x2015 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Token kinds (low 3 bits of `tK`); bit 3 = cue flag. */
const T_WORD = 0;
const T_MASK = 1;
const T_PUNCT = 2;
const T_ACCORDING = 3;
const T_STATEMENT = 4;
/** `put it` / `puts it` (`as one voter put it:`): a speech verb whose speaker comes before it. */
const T_PUTIT = 5;
const T_CUE = 8;

/**
 * The tokens of the current masked paragraph `curM` (see `wordRange`): offsets [tS, tE) and kind + cue flag (tK) in
 * typed arrays reused across paragraphs, `nTok` of them. The `Word` objects are made on demand (`W(k)`): most tokens
 * of a paragraph are never looked at as words, only their offsets and cue flags.
 */
let curM: string | null = null;
let tokensReady = false;
let nTok = 0;
let tS = new Int32Array(1024);
let tE = new Int32Array(1024);
let tK = new Uint8Array(1024);
/** Word objects made for the current paragraph, by token index (a reused dense array; `tMade` lists the entries to clear). */
let tObj: Array<Word | undefined> = [];
const tMade: number[] = [];

function growTokens(): void {
  const n = tS.length * 2;
  const s = new Int32Array(n);
  s.set(tS);
  const e = new Int32Array(n);
  e.set(tE);
  const k = new Uint8Array(n);
  k.set(tK);
  tS = s;
  tE = e;
  tK = k;
}

/** Text of token k of m: the word (trailing sentence dot excluded), the punctuation mark, MASK or the multiword cue. */
function tokText(m: string, k: number): string {
  const kind = tK[k] & 7;
  return kind === T_WORD || kind === T_PUNCT ? m.slice(tS[k], tE[k]) : kind === T_MASK ? MASK : kind === T_ACCORDING ? 'according to' : kind === T_PUTIT ? 'put it' : 'in a statement';
}

/** Is token k of m the word `w` (= `W(k).w === w` for a word of letters)? */
function isWordToken(m: string, k: number, w: string): boolean {
  return (tK[k] & 7) === T_WORD && tE[k] - tS[k] === w.length && m.startsWith(w, tS[k]);
}

/** Token k of the current paragraph as a Word (made once per paragraph). */
function W(k: number): Word {
  let o = tObj[k];
  if (o === undefined) {
    o = { s: tS[k], e: tE[k], w: tokText(curM!, k), cue: (tK[k] & T_CUE) !== 0, cueObj: null };
    tObj[k] = o;
    tMade.push(k);
  }
  return o;
}

/**
 * Tokenize a whole masked paragraph into the token arrays: words, single punctuation tokens , ( ) : ; — “ ” and
 * masked runs; cue flags set; `according to` and `in a statement` merged into one cue token.
 */
function tokenizeWords(m: string): void {
  // (no closure in here: a variable a closure reads lives in a heap context, and this loop runs over every character)
  let cnt = 0;
  const n = m.length;
  multiAt.length = 0;
  for (let i = 0; i < n; ) {
    const c = m.charCodeAt(i);
    const cls = c < 128 ? CCLASS[c] : isAlnumCode(c) ? C_ALNUM | C_CONT : isPunctTokenCode(c) ? C_PUNCT : 0;
    if (cls === 0 && c !== 1) {
      i++;
      continue;
    }
    if (cnt === tS.length) growTokens();
    if ((cls & C_ALNUM) !== 0) {
      let e = i + 1;
      // first character that is not an ASCII letter (cue words are made of ASCII letters only)
      let nl = (cls & C_LETTER) !== 0 ? -1 : i;
      while (e < n) {
        const d = m.charCodeAt(e);
        if (d < 128) {
          const k = CCLASS[d];
          if ((k & C_CONT) === 0) break;
          if (nl < 0 && (k & C_LETTER) === 0) nl = e;
        } else {
          if (!isWordContCode(d)) break;
          if (nl < 0) nl = e;
        }
        e++;
      }
      // a final dot is not part of the word unless it is an abbreviation (`Mr.`, `U.S.`)
      let we = e;
      // (ABBREV_WORD only matches words starting with A–Z)
      // (and only words of at most 5 characters, `Const.`, or ending in `X.` after a dot: a cheap necessary condition first)
      if (e - i > 1 && m.charCodeAt(e - 1) === 46 && !(c >= 65 && c <= 90 && mayBeAbbrevWord(m, i, e) && ABBREV_WORD.test(m.slice(i, e)))) we = e - 1;
      // = CUE_SET.has(w) || (isUpper(w[0]) && CUE_SET.has(w.toLowerCase()) && capCue()): a word with anything but
      // ASCII letters never lowercases to a cue word (all ASCII letters, 3–13 long)
      let cue = false;
      if ((nl < 0 || nl >= we) && we - i >= 3 && we - i <= 13) {
        if (c >= 97) cue = cueAt(m, i, we, true);
        else cue = cueAt(m, i, we, false) && capCue(m, cnt);
      } else if (we - i >= 4 && we - i <= 10 && c >= 97) {
        const z = m.charCodeAt(we - 1);
        if ((z === 0xe9 || z === 0xf3 || (c === 101 && m.startsWith('rkl', i + 1))) && NONASCII_CUES.has(m.slice(i, we))) cue = true;
      }
      // multiword cues start with `according`, `in`, `message`, `words` or `put(s)`: remember where
      if ((we - i === 9 && (c | 32) === 97) || (we - i === 2 && (c | 32) === 105) || (we - i === 7 && (c | 32) === 109) || (we - i === 5 && (c | 32) === 119 && m.startsWith('ords', i + 1)) || (c === 112 && (we - i === 3 || we - i === 4) && m.startsWith('ut', i + 1)) || (we - i >= 6 && we - i <= 8 && fromNounStart(c, m.charCodeAt(i + 1)))) multiAt.push(cnt);
      tS[cnt] = i;
      tE[cnt] = we;
      tK[cnt] = cue ? T_WORD | T_CUE : T_WORD;
      cnt++;
      i = e;
      continue;
    }
    if (c === 1) {
      let e = i + 1;
      while (e < n && m.charCodeAt(e) === 1) e++;
      tS[cnt] = i;
      tE[cnt] = e;
      tK[cnt] = T_MASK;
      cnt++;
      i = e;
      continue;
    }
    if ((cls & C_PUNCT) !== 0) {
      tS[cnt] = i;
      tE[cnt] = i + 1;
      tK[cnt] = T_PUNCT;
      cnt++;
    }
    i++;
  }
  if (multiAt.length > 0) {
    // multiword cues, merged in place, left to right (= one pass over all tokens: a merge consumes `to`, `a`, `from`,
    // `statement`, never another candidate). Only words of the right length starting with a/A or i/I can lowercase
    // to `according` / `in` (and of 7 starting with m/M to `message`, merged with `from` as an `according to` cue);
    // tokens before the first merge stay where they are.
    let r = -1;
    let k = 0;
    for (const at of multiAt) {
      let span = 0;
      const len = tE[at] - tS[at];
      const c0 = m.charCodeAt(tS[at]);
      if (len >= 6 && len <= 8 && (c0 === 97 || c0 === 119 || c0 === 118 || c0 === 114)) {
        // `"…" was the advice from police`, `… is the verdict from Judge X`: a passive attribution, the speaker follows
        // (only after `was the`: not `Following advice from police, residents said …`)
        // (the allocation-free test first: most such words are not followed by `from`)
        if (at + 1 < cnt && isWordToken(m, at + 1, 'from') && FROM_NOUNS.has(tokText(m, at)) && COPULA_THE.test(m.slice(Math.max(0, tS[at] - 10), tS[at]))) span = 1;
      } else if (len === 9) {
        if (tokText(m, at).toLowerCase() === 'according' && at + 1 < cnt && tokText(m, at + 1).toLowerCase() === 'to') span = 1;
      } else if (tE[at] - tS[at] === 7) {
        // "… — that was the message from Mayor Jane Smith": the speaker follows, as after `according to`
        if (tokText(m, at).toLowerCase() === 'message' && at + 1 < cnt && tokText(m, at + 1).toLowerCase() === 'from') span = 1;
      } else if (m.charCodeAt(tS[at]) === 112 && tE[at] - tS[at] <= 4) {
        // "As one voter put it: …", "…," as one MP put it.
        const w = tokText(m, at);
        if ((w === 'put' || w === 'puts') && at + 1 < cnt && tokText(m, at + 1) === 'it' && (at + 2 >= cnt || (tK[at + 2] & 7) !== T_WORD || PUT_IT_TAIL.has(tokText(m, at + 2)))) span = -1;
      } else if (tE[at] - tS[at] === 5) {
        // "Those were the words of Jane Smith, the mayor": the speaker follows (a person or a title after `of`, not
        // `words of encouragement`)
        if (tokText(m, at).toLowerCase() === 'words' && at + 2 < cnt && tokText(m, at + 1) === 'of' && wordsOfWho(m, at + 2)) span = 1;
      } else if (tokText(m, at).toLowerCase() === 'in' && at + 2 < cnt && tokText(m, at + 1) === 'a' && tokText(m, at + 2).toLowerCase() === 'statement') span = 2;
      if (span === 0) continue;
      if (r < 0) {
        r = at;
        k = at;
      }
      for (; k < at; k++, r++) {
        tS[r] = tS[k];
        tE[r] = tE[k];
        tK[r] = tK[k];
      }
      const put = span < 0;
      if (put) span = 1;
      tS[r] = tS[at];
      tE[r] = tE[at + span];
      tK[r] = (put ? T_PUTIT : span === 1 ? T_ACCORDING : T_STATEMENT) | T_CUE;
      r++;
      k = at + span + 1;
    }
    if (r >= 0) {
      for (; k < cnt; k++, r++) {
        tS[r] = tS[k];
        tE[r] = tE[k];
        tK[r] = tK[k];
      }
      cnt = r;
    }
    multiAt.length = 0;
  }
  nTok = cnt;
  // dense, so that writing a Word at any index stays a plain store (a sparse write would make it a dictionary)
  while (tObj.length < cnt) tObj.push(undefined);
}

/** Can a word starting with the letters c, d be one of FROM_NOUNS (ad-, wa-, ve-, re-)? */
function fromNounStart(c: number, d: number): boolean {
  return (c === 97 && d === 100) || (c === 119 && d === 97) || (c === 118 && d === 101) || (c === 114 && d === 101);
}

/** Nouns of a passive attribution (`"…" was the advice from police`): the speaker follows `from`. */
const FROM_NOUNS = new Set(['advice', 'warning', 'verdict', 'response', 'reaction']);
/** The copula and article before one of FROM_NOUNS (in the 10 characters before it). */
const COPULA_THE = /(?:^|\s)(?:was|is|were|came) the\s+$/;

/** Words after `put it` that keep it a speech verb (`put it bluntly`, `put it this way`). */
const PUT_IT_TAIL = new Set(['bluntly', 'simply', 'succinctly', 'best', 'plainly', 'starkly', 'this', 'another', 'more', 'memorably', 'aptly', 'nicely', 'well', 'mildly', 'frankly', 'recently', 'later', 'afterwards', 'after', 'on', 'in', 'at', 'during', 'last', 'when', 'to']);

/** After `words of`: token k (stored) starts a speaker: a capitalised word or a determiner (`the mayor`). */
function wordsOfWho(m: string, k: number): boolean {
  if ((tK[k] & 7) !== T_WORD) return false;
  const c = m.charCodeAt(tS[k]);
  if (c >= 65 && c <= 90) return true;
  const w = tokText(m, k);
  return w === 'the' || w === 'a' || w === 'an' || w === 'one';
}

/**
 * A capitalised cue word (token `cnt`, not stored yet) is a cue in a headline (`Lindsey Graham Says`) or after a
 * non-name, not in `Edward Said`.
 */
function capCue(m: string, cnt: number): boolean {
  if (cnt === 0 || !isCap(tokText(m, cnt - 1))) return true;
  return paraHeadline(m);
}

/** Token indices of words that may start a multiword cue (`according`, `in`), filled by tokenizeWords. */
const multiAt: number[] = [];

/** Does the current masked paragraph hold `, while ` or `, whereas ` (contrastBetween's prefilter)? -1 = not computed. */
let contrastFlag = -1;
function paraContrast(m: string): boolean {
  if (contrastFlag < 0) contrastFlag = m.indexOf(', while ') >= 0 || m.indexOf(', whereas ') >= 0 ? 1 : 0;
  return contrastFlag === 1;
}

/** `m.length <= 200 && isHeadline(m)` for the current masked paragraph: -1 = not computed yet, 0 = no, 1 = yes. */
let headlineFlag = -1;
function paraHeadline(m: string): boolean {
  if (headlineFlag < 0) headlineFlag = m.length <= 200 && isHeadline(m) ? 1 : 0;
  return headlineFlag === 1;
}

/** Forget the current paragraph's tokens (no reference to its text is kept; oversized buffers are dropped). */
function releaseTokens(): void {
  headlineFlag = -1;
  contrastFlag = -1;
  curM = null;
  tokensReady = false;
  nTok = 0;
  for (const k of tMade) tObj[k] = undefined;
  tMade.length = 0;
  if (tObj.length > 65536) tObj = [];
  if (tS.length > 65536) {
    tS = new Int32Array(1024);
    tE = new Int32Array(1024);
    tK = new Uint8Array(1024);
  }
}

/** Output of `wordRange` (no array per call: it runs for every cue look-up). */
let wrA = 0;
let wrE = 0;

/** Index range [wrA, wrE) of the cached tokens fully inside m[lo,hi). */
function wordRange(m: string, lo: number, hi: number): void {
  // every look-up of one attributeParagraph call is on its masked paragraph: tokenized on the first one (a flag, not
  // `curM !== m`: comparing two strings can compare their characters)
  if (!tokensReady) {
    tokensReady = true;
    curM = m;
    tokenizeWords(m);
  }
  let a = 0;
  let b = nTok;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (tS[mid] < lo) a = mid + 1;
    else b = mid;
  }
  let e = a;
  b = nTok;
  while (e < b) {
    const mid = (e + b) >> 1;
    if (tE[mid] <= hi) e = mid + 1;
    else b = mid;
  }
  wrA = a;
  wrE = e;
}

const TITLE_WORDS = new Set([
  'nominee', 'candidate', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'senator', 'president', 'chairman',
  'chairwoman', 'chair', 'director', 'leader', 'official', 'officials', 'adviser', 'advisor', 'pollster', 'strategist',
  'host', 'anchor', 'journalist', 'activist', 'economist', 'lawyer', 'attorney', 'professor', 'analyst', 'governor',
  'mayor', 'representative', 'congressman', 'congresswoman', 'minister', 'ambassador', 'general', 'manager', 'chief',
  'aide', 'aides', 'founder', 'executive', 'ceo', 'commissioner', 'judge', 'justice', 'sheriff', 'officer', 'expert',
  'researcher', 'scientist', 'historian', 'author', 'writer', 'editor', 'reporter', 'columnist', 'correspondent',
  'deputy', 'former', 'longtime', 'senior', 'top', 'current', 'then', 'vice', 'assistant', 'press', 'campaign',
  'running', 'mate', 'member', 'head', 'partner', 'consultant', 'operative', 'surrogate', 'supporter', 'critic',
  'commentator', 'pundit', 'star', 'actor', 'actress', 'singer', 'rapper', 'comedian', 'coach', 'player', 'founder',
  'presidential', 'republican', 'democratic', 'lawmaker', 'lawmakers', 'legislator', 'delegate', 'voter', 'resident',
  'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'sister', 'brother', 'friend', 'veteran', 'owner',
  'trustee', 'fellow', 'scholar', 'vice-presidential', 'rep', 'sen', 'gov', 'source', 'sources', 'insider',
  'insiders', 'staffer', 'staffers', 'widow', 'widower', 'survivor', 'organizer', 'organiser', 'chairperson', 'del',
  // British and sports usage (`Chelsea boss Enzo Maresca`, `England skipper Ben Stokes`), courts and services
  'boss', 'skipper', 'captain', 'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'batsman', 'bowler',
  'prosecutor', 'barrister', 'solicitor', 'counsel', 'detective', 'inspector', 'constable', 'superintendent', 'sergeant',
  'doctor', 'nurse', 'teacher', 'surgeon', 'envoy', 'premier', 'treasurer',
]);

function isCap(w: string): boolean {
  return isUpper(w[0]) || /^\d/.test(w) || /^[A-Z]/.test(w);
}

/**
 * Noun phrase ending just before `end` (exclusive) in the masked paragraph, not before `lo`.
 * Handles pronouns, titles + names, parenthetical party tags and appositives (`X, a …,`).
 */
export function npBefore(m: string, lo: number, end: number): [number, number] | null {
  // indices into the paragraph's token cache (no copy: this is called for every quote of a long paragraph)
  wordRange(m, lo, end);
  const a0 = wrA;
  const e0 = wrE;
  let k = e0 - 1;
  // skip adverbs/auxiliaries right before the verb
  while (k >= a0 && SKIP_BEFORE_VERB.has(W(k).w.toLowerCase()) && !isCap(W(k).w)) k--;
  if (k < a0) return null;
  // a time phrase between the subject and the verb (Indian English and wire copy): `X on Tuesday said`, `X on
  // Friday night told`, `X yesterday said`
  // (right before it: `Her revelation on Monday has continued` is no speaker)
  if (k === e0 - 1) k = beforeTimePhrase(a0, k);
  if (k < a0) return null;
  const last = W(k);
  if (PRONOUNS.has(last.w.toLowerCase())) return [last.s, last.e];
  // appositive: X, a …, verb   /   X, 82, told
  if (last.w === ',') {
    // find the comma that opens the appositive, preceded by a capitalised word: the leftmost one in the clause
    // (`Jean-Marc Ayrault, the foreign minister of France, said`)
    let open = -1;
    for (let j = k - 1, n = 0; j > a0 && n < 40; j--, n++) {
      const w = W(j);
      if (w.w === '\u0001' || w.w === '“' || w.w === '”' || w.w === '"' || w.w === ';' || w.w === ':') break;
      // (or any noun before a relative clause on the speaker: `one nurse, who did not want to be named, told us`)
      if (w.w === ',' && j - 1 >= a0 && (isCap(W(j - 1).w) || W(j - 1).w === ')' || (j + 1 < k && isWordToken(m, j + 1, 'who') && (tK[j - 1] & 7) === T_WORD))) open = j;
    }
    // `Her neighbour, Peter Dunmore, said`, `A spokesman for the governor, Alan Voss, said`, `Pell's barrister, Helen
    // Crow KC, said`: a description, then the person's name between two commas. The speaker is the whole phrase
    // (a pronoun or possessive at its start is not the speaker).
    const inner = nameBetweenCommas(a0, k);
    if (inner > a0) {
      const head = npBefore(m, lo, W(inner).s);
      if (head) {
        const full = descriptionFor(m, lo, head);
        return [full, W(k - 1).e];
      }
      return [W(inner + 1).s, W(k - 1).e];
    }
    if (open < 0) return null;
    const head = npBefore(m, lo, W(open).s);
    // `Smith, speaking on BBC Radio 4, said`: a participle phrase, not an appositive
    if (head && open + 1 < k && PARTICIPLE.test(W(open + 1).w)) return head;
    // (`The Commissioner for Health, Dr Kemi Ogunyemi, disclosed`: the head's `for`/`of` description too)
    return head ? [descriptionFor(m, lo, head), W(k - 1).e] : null;
  }
  let j = k;
  let sawCap = false;
  let start = -1;
  let sTok = -1;
  let parens = 0;
  for (let n = 0; j >= a0 && n < 16; j--, n++) {
    const w = W(j);
    const lw = w.w.toLowerCase();
    // a spaced hyphen or en dash after the word (`… at Stamford Bridge - Blues' midfielder Joe Cole said`, a dateline
    // `LONDON - The minister said`, `BEIJING, Nov 3 (Reuters) - China's foreign ministry on Friday urged`) ends the phrase
    if (j < k && dashGap(m, w.e, tS[j + 1])) break;
    if (w.w === ')') {
      parens++;
      continue;
    }
    if (w.w === '(') {
      if (parens > 0) {
        parens--;
        continue;
      }
      break;
    }
    if (parens > 0) continue;
    if (w.w === ',' || w.w === ':' || w.w === ';' || w.w === '—' || w.w === '―' || w.w === '\u0001' || w.w === '“' || w.w === '”' || w.w === '"' || w.w === '‘' || w.w === '’') break;
    if (isCap(w.w)) {
      if (DAYS.test(w.w) && j === k) break;
      if (NP_BREAK_CAP.has(w.w)) break;
      sawCap = true;
      start = w.s;
      sTok = j;
      continue;
    }
    if (DETERMINERS.has(lw)) {
      start = w.s;
      sTok = j;
      break;
    }
    // `The mayor of Altenburg`, `the chair of the DNC`
    if (lw === 'of' && j > a0 && start >= 0 && (TITLE_WORDS.has(W(j - 1).w.toLowerCase()) || isCap(W(j - 1).w))) {
      start = w.s;
      sTok = j;
      continue;
    }
    // name particles: `Bill de Blasio`, `Ursula von der Leyen`
    if (NAME_PARTICLES.has(w.w) && j + 1 <= k && isCap(W(j + 1).w) && j > a0 && isCap(W(j - 1).w)) continue;
    if (STOP_WORDS.has(lw)) break;
    if (sawCap && !TITLE_WORDS.has(lw) && !lw.includes('-')) {
      // `its finance chief Lars Dahl`, `the club's first-team coach Ian Holt`: a modifier of the title after a
      // possessive or a determiner
      if (sTok === j + 1 && j > a0 && TITLE_WORDS.has(W(j + 1).w) && /^[a-z]+$/.test(w.w) && POSSESSOR.test(W(j - 1).w)) {
        start = W(j - 1).s;
        sTok = j - 1;
      }
      break;
    }
    if (lw.endsWith('ly') && lw.length > 4) break;
    start = w.s;
    sTok = j;
  }
  if (start < 0) return null;
  // do not return a bare determiner-less lowercase word that is likely a verb/adjective
  let e = last.e;
  if (last.w === ')') e = last.e;
  // `A spokeswoman for` + `the company`, `an analyst at` + `Barclays`: the role the noun phrase hangs on
  // (the token arrays directly: this runs for every speaker phrase)
  const p1 = sTok - 1;
  if (p1 > a0 && (isWordToken(m, p1, 'for') || isWordToken(m, p1, 'at') || isWordToken(m, p1, 'of')) && (tK[p1 - 1] & 7) === T_WORD && roleNoun(tokText(m, p1 - 1)) && allSpace(m, tE[p1 - 1], tS[p1])) {
    const np = npBefore(m, lo, tS[p1]);
    if (np && np[1] === tE[p1 - 1]) return [np[0], e];
  }
  return [start, e];
}

/**
 * Do the tokens in m[a,b) hold a comma, `while` or `whereas`, and a capitalised word (a subject of its own: `, while
 * Tehran denied`)? (Not `but`: `X said …, but added: "…"` keeps its subject.)
 */
function contrastBetween(m: string, a: number, b: number): boolean {
  wordRange(m, a, b);
  for (let k = wrA; k + 2 < wrE; k++)
    if ((tK[k] & 7) === T_PUNCT && m.charCodeAt(tS[k]) === 44 && (isWordToken(m, k + 1, 'while') || isWordToken(m, k + 1, 'whereas')) && (tK[k + 2] & 7) === T_WORD && isUpperCode(m.charCodeAt(tS[k + 2]))) return true;
  return false;
}

/** A dateline in capitals before a dash (`BERLIN -`, `WASHINGTON (AP) —`, `NEW YORK --`). */
const DATELINE_PRE = /^[A-Z][A-Z .,'()]*\s*(?:-|--|—|–)$/;
function isDashCode(c: number): boolean {
  return c === 45 || c === 0x2014 || c === 0x2013;
}

/** Does m[a,b) (the gap between two words) hold a hyphen or an en dash? */
function dashGap(m: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = m.charCodeAt(i);
    if (c === 45 || c === 0x2013) return true;
  }
  return false;
}

/** Parts of a day after its name (`on Friday night`). */
const DAY_PART = new Set(['morning', 'afternoon', 'evening', 'night']);

/**
 * Token k ends a time phrase between a subject and its verb (`on Tuesday`, `on Friday night`, `yesterday`, `today`):
 * the token before the phrase; else k. A day needs its `on` and a word before it (`said on Tuesday` keeps its day).
 */
function beforeTimePhrase(a0: number, k: number): number {
  const w = W(k).w;
  const c = w.charCodeAt(0);
  if (c === 121 || c === 116) return (w === 'yesterday' || w === 'today') && k > a0 ? k - 1 : k;
  let d = k;
  if (c >= 97 && DAY_PART.has(w) && d > a0) d--;
  const dw = W(d).w;
  const dc = dw.charCodeAt(0);
  if (dc < 70 || dc > 87 || !DAYS.test(dw)) return k;
  return d - 1 > a0 && W(d - 1).w === 'on' ? d - 2 : k;
}

/** A possessive or a determiner before a title's modifier (`its`, `the`, `the club's`). */
const POSSESSOR = /^(?:its|his|her|their|our|the|a|an|[\p{L}.-]+[’']s)$/u;

/** A lowercase noun of a person's role (`spokeswoman`, `analyst`, `experts`) that a `for`/`at`/`of` phrase completes. */
function roleNoun(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 97 || c > 122) return false;
  return (TITLE_WORDS.has(w) && !ROLE_NOT_HEAD.has(w)) || (w.endsWith('s') && TITLE_WORDS.has(w.slice(0, -1)));
}
/** Title words that are not a role's head noun (`former`, `press`, `then`: modifiers). */
const ROLE_NOT_HEAD = new Set(['former', 'longtime', 'senior', 'top', 'current', 'then', 'vice', 'assistant', 'press', 'campaign', 'running', 'presidential', 'republican', 'democratic', 'deputy', 'rep', 'sen', 'gov', 'del', 'vice-presidential']);


/**
 * Token index of the comma that opens `, Peter Dunmore,` when the tokens between it and the comma at token k are a
 * person's name (two to five capitalised words, name particles or initials: `Helen Crow KC`, `Ursula von der Leyen`),
 * starting with a first name of the lexicon or an initial, with a word before it; else -1. A lone capitalised word
 * does not count (`…, Syria, said`).
 */
function nameBetweenCommas(a0: number, k: number): number {
  let n = 0;
  for (let j = k - 1; j > a0 && n <= 5; j--) {
    const w = W(j).w;
    if (w === ',') {
      // the name starts with a first name of the lexicon or an initial (not `LIC, Chandigarh Division`)
      const fw = W(j + 1).w;
      if (n < 2 || !(isFirstName(fw.toLowerCase()) || /^[A-Z]\.$/.test(fw))) return -1;
      const before = W(j - 1).w;
      return before === ',' || before === MASK || before === '“' || before === '”' || before === '"' ? -1 : j;
    }
    if (NAME_PARTICLES.has(w) && n > 0) {
      n++;
      continue;
    }
    if (!isCap(w) || /^\d/.test(w) || /[’']s?$/.test(w) || PRONOUNS.has(w.toLowerCase())) return -1;
    n++;
  }
  return -1;
}

/**
 * Does a lowercase word follow m[at] before `hi` (`Morrow had been`, `the comments were`)? Then the noun phrase
 * before `at` is the subject of a reported clause, not an inverted speaker (`said Mr. Obama: “…”`, `said X, “…”`).
 */
function clauseAfter(m: string, at: number, hi: number): boolean {
  let i = at;
  while (i < hi && isJsSpace(m.charCodeAt(i))) i++;
  const c = m.charCodeAt(i);
  if (i >= hi || c < 97 || c > 122) return false;
  let e = i;
  while (e < hi && isAsciiLetterCode(m.charCodeAt(e))) e++;
  // `said Obama in a statement: “…”`, `said Smith on Tuesday`: a phrase of time or place, not a clause
  return !INVERSION_TAIL.has(m.slice(i, e));
}

const INVERSION_TAIL = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'while', 'when', 'from', 'to', 'of', 'last', 'this', 'earlier',
  'later', 'recently', 'yesterday', 'today', 'tonight', 'afterwards', 'afterward', 'again', 'then', 'once', 'via',
  'through', 'outside', 'inside', 'near', 'by', 'with', 'as', 'shortly', 'just', 'also', 'simply', 'only', 'for',
]);

/** `A spokesman for` + `the governor`: a noun phrase before `for`/`of`/`at`/`to` that the head hangs on (start). */
function descriptionFor(m: string, lo: number, head: [number, number]): number {
  let start = head[0];
  for (let n = 0; n < 3; n++) {
    const pw = prevWord(m, lo, start);
    if (!pw || !/^(?:for|of|at|to|with)$/.test(pw.w)) break;
    const np = npBefore(m, lo, pw.s);
    if (!np || !allSpace(m, np[1], pw.s)) break;
    start = np[0];
  }
  return start;
}

const NP_BREAK_CAP = new Set(
  'On In At During After Before When While As But And So Yet Then Also However Meanwhile Later Earlier Still Though Although Because If Since Now Asked Speaking Writing According Last This Next Yesterday Today'.split(' '),
);

function sawCapAfter(ws: Word[], j: number, k: number): boolean {
  for (let i = j + 1; i <= k; i++) if (isCap(ws[i].w)) return true;
  return false;
}

/** Noun phrase starting at `from` (after a cue: `said Mr. X, a …`), ending before `hi`. */
export function npAfter(m: string, from: number, hi: number): [number, number] | null {
  // indices into the paragraph's token cache (no copy: called for every cue before a quote)
  wordRange(m, from, hi);
  const a0 = wrA;
  const e0 = wrE;
  if (e0 === a0) return null;
  let i = a0;
  if (W(a0).w === ',' || W(a0).w === ':') i++;
  if (i >= e0) return null;
  const first = W(i);
  if (PRONOUNS.has(first.w.toLowerCase())) return [first.s, first.e];
  let end = -1;
  let j = i;
  let sawCap = false;
  let titleTail = false;
  let parens = 0;
  for (; j < e0 && j - i < 14; j++) {
    const w = W(j);
    const lw = w.w.toLowerCase();
    if (w.w === '(') {
      parens++;
      continue;
    }
    if (w.w === ')') {
      if (parens > 0) {
        parens--;
        end = w.e;
        continue;
      }
      break;
    }
    if (parens > 0) continue;
    if (w.w === ',' || w.w === ':' || w.w === ';' || w.w === '\u0001' || w.w === '“' || w.w === '"' || w.w === '—' || w.w === '―') break;
    if (isCap(w.w)) {
      if (DAYS.test(w.w) && sawCap) break;
      sawCap = true;
      end = w.e;
      continue;
    }
    if (j === i && DETERMINERS.has(lw)) continue;
    if (lw === 'of' && j + 1 < e0 && isCap(W(j + 1).w) && sawCap) continue;
    const poss = lw === 'his' || lw === 'her' || lw === 'their' || lw === 'its';
    if (STOP_WORDS.has(lw) && !poss) break;
    if (poss) {
      if (j !== i) break;
      continue;
    }
    if (sawCap && TITLE_WORDS.has(lw) && j + 1 < e0 && isCap(W(j + 1).w)) continue; // `MSNBC host Chris Matthews`
    // `Indian team manager Chetan Chauhan`: a lowercase modifier of the title
    if (sawCap && j + 2 < e0 && !STOP_WORDS.has(lw) && TITLE_WORDS.has(W(j + 1).w) && isCap(W(j + 2).w)) continue;
    // `the UN secretary-general, António Guterres`: a (hyphenated) title after the organisation, then the name
    if (sawCap && j + 1 < e0 && W(j + 1).w === ',' && (TITLE_WORDS.has(lw) || (lw.includes('-') && lw.split('-').some((x) => TITLE_WORDS.has(x))))) {
      end = w.e;
      titleTail = true;
      j++;
      break;
    }
    if (sawCap && NAME_PARTICLES.has(w.w) && j + 1 < e0 && isCap(W(j + 1).w)) continue; // `Bill de Blasio`
    if (sawCap && !TITLE_WORDS.has(lw)) break;
    if (sawCap) break;
    if (!sawCap && (TITLE_WORDS.has(lw) || j === i || DETERMINERS.has(W(j - 1).w.toLowerCase()))) {
      end = w.e;
      continue;
    }
    if (!sawCap) {
      end = w.e;
      continue;
    }
    break;
  }
  // `said another`, `said one`, `said others`: a pronoun-like determiner alone
  if (end < 0) return ALONE.has(first.w.toLowerCase()) && (i + 1 >= e0 || (tK[i + 1] & 7) !== T_WORD) ? [first.s, first.e] : null;
  // `said a spokesman for the ministry`, `an analyst at Barclays`: the role's `for`/`at`/`of` phrase
  if (!sawCap && j < e0 && j > i && (W(j).w === 'for' || W(j).w === 'at' || W(j).w === 'of') && W(j - 1).e === end && roleNoun(W(j - 1).w)) {
    const pp = npAfter(m, W(j).e, hi);
    if (pp && j + 1 < e0 && pp[0] === W(j + 1).s && !PRONOUNS.has(m.slice(pp[0], pp[1]).toLowerCase())) return [W(i).s, pp[1]];
  }
  // appositive: `said X, a former …` → run to the end of the clause
  if (j < e0 && W(j).w === ',' && j + 1 < e0) {
    const nx = W(j + 1).w;
    const lnx = nx.toLowerCase();
    if ((!sawCap || titleTail) && isCap(nx)) {
      // `said its chair, Tomasz Wielgosz`: a role followed by the name
      const nm = npAfter(m, W(j + 1).s, hi);
      if (nm) end = nm[1];
    } else if (
      DETERMINERS.has(lnx) || lnx === 'who' || lnx === 'whose' || lnx === 'now' || lnx === 'formerly' || TITLE_WORDS.has(lnx) || /^\d/.test(nx) ||
      lnx === 'of' || lnx === 'his' || lnx === 'her' || lnx === 'its' || lnx === 'their' ||
      (isCap(nx) && j + 2 < e0 && TITLE_WORDS.has(W(j + 2).w.toLowerCase()))
    ) {
      let k = j + 1;
      let e2 = end;
      let clause = false;
      for (; k < e0; k++) {
        const w = W(k);
        if (w.w === '\u0001' || w.w === '“' || w.w === '"' || w.w === ';' || w.w === ':' || w.w === '—') break;
        if (w.w === ',' && k + 1 < e0 && (/^(?:said|says|told|adding|noting|who)$/.test(W(k + 1).w) || /^[a-z]+ing$/.test(W(k + 1).w))) break;
        // `Jane Smith, the mayor of Riverton, at a town hall`: a phrase of time or place after the appositive
        if (w.w === ',' && k + 1 < e0 && k > j + 1 && INVERSION_TAIL.has(W(k + 1).w)) break;
        // a finite verb after the comma: not an appositive but the main clause (`According to X, the plan was …`)
        if (k - j <= 4 && /^(?:is|was|are|were|has|have|had|will|would|can|could|should|did|does)$/.test(w.w) && W(k - 1).w !== 'who') {
          clause = true;
          break;
        }
        e2 = w.e;
      }
      if (clause) e2 = end;
      while (e2 > end && /[,\s]/.test(m[e2 - 1])) e2--;
      end = e2;
    }
  }
  // `a statement from the Public Utility Commission of Texas`: a document and whose it is
  if (!sawCap && j < e0 && j + 1 < e0 && DOC_NOUNS.has(m.slice(W(j - 1).s, W(j - 1).e).toLowerCase()) && /^(?:from|by|of)$/.test(W(j).w)) {
    const who = npAfter(m, W(j).e, hi);
    // (a named author: `from the Public Utility Commission`, not `of the kind`)
    if (who && /(?:^|\s)\p{Lu}/u.test(m.slice(who[0], who[1]))) end = who[1];
  }
  return [W(i).s, end];
}

/** Determiners that stand alone for people after a speech verb (`said another`). */
const ALONE = new Set(['another', 'one', 'others', 'some', 'many', 'several', 'both', 'most', 'few']);

/** Documents that speak for their author (`according to a statement from X`). */
const DOC_NOUNS = new Set(['statement', 'report', 'release', 'letter', 'filing', 'memo', 'email', 'e-mail', 'document', 'study', 'survey', 'analysis', 'notice', 'bulletin']);

interface Cue {
  s: number;
  e: number;
  w: string;
}

/** Cue words/phrases in m[lo,hi), from the per-paragraph token cache. */
function cuesIn(m: string, lo: number, hi: number): Cue[] {
  const out: Cue[] = [];
  wordRange(m, lo, hi);
  const a = wrA;
  const e = wrE;
  for (let k = a; k < e; k++) {
    if ((tK[k] & T_CUE) === 0) continue;
    // one Cue per cue token and paragraph (callers only read them)
    const w = W(k);
    let c = w.cueObj;
    if (c === null) c = w.cueObj = { s: w.s, e: w.e, w: w.w.toLowerCase() };
    out.push(c);
  }
  return out;
}

export const TRANSCRIPT_LABEL = /^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s/;

/**
 * Can TRANSCRIPT_LABEL match p.slice(a, b)? Only when its first character after whitespace is A–Z followed by one of
 * A–Z . ' ’ - and the stretch holds a colon (a necessary condition, checked without slicing).
 */
export function mayBeLabel(p: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && isJsSpace(p.charCodeAt(i))) i++;
  if (i + 1 >= b) return false;
  const c = p.charCodeAt(i);
  const d = p.charCodeAt(i + 1);
  if (c < 65 || c > 90 || !((d >= 65 && d <= 90) || d === 46 || d === 39 || d === 0x2019 || d === 45)) return false;
  for (let k = i + 2; k < b; k++) if (p.charCodeAt(k) === 58) return true;
  return false;
}

/** A character of the regex class `\s` (= what `trim` removes). */
function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function attributeParagraph(p: string, pieces: readonly Piece[]): ParagraphAttribution {
  const m = maskParagraph(p, pieces);
  const starts = sentenceStarts(m);
  const sentOf = (pos: number) => {
    // binary search: last start <= pos
    let a = 0;
    let b = starts.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (starts[mid] <= pos) a = mid + 1;
      else b = mid;
    }
    return [starts[a - 1] ?? 0, a < starts.length ? starts[a] : m.length] as const;
  };
  const res: LocalAttribution[] = [];
  releaseTokens();
  for (let idx = 0; idx < pieces.length; idx++) {
    const pc = pieces[idx];
    let a = attributePiece(p, m, pc, idx, pieces, sentOf);
    // a headline opening with a quote and a colon (`'We were robbed': Fury as late penalty denies Town`): only a
    // speaker right after the colon (`‘…’: Redfern says …`), not the subject of a later verb
    if (a.speaker && a.how !== 'label' && !pc.open && allSpace(m, 0, pc.start) && colonThen(m, pc.end, a.speaker[0])) a = { speaker: null, cue: null, how: 'none' };
    // (the pronouns are at most 5 characters long: a longer speaker is not lowercased and looked up)
    if (a.speaker && a.speaker[1] - a.speaker[0] <= 5 && PRONOUNS.has(p.slice(a.speaker[0], a.speaker[1]).toLowerCase())) {
      const ant = namedAfter(m, a.speaker[1], sentOf) ?? antecedent(m, Math.min(a.speaker[0], pc.start), sentOf);
      if (ant) a.antecedent = ant;
    }
    res.push(a);
  }
  // Intro for the next paragraph: paragraph ends with ':' (`Caddell continued:`)
  let intro: ParagraphAttribution['intro'] = null;
  const trimmed = m.trimEnd();
  if (trimmed.endsWith(':')) {
    const colon = trimmed.length - 1;
    const [lo] = sentOf(colon);
    const cues = cuesIn(m, lo, colon + 1);
    if (cues.length) {
      const c = cues.length > 1 && modifierCue(m, lo, cues[0], cues[1]) ? cues[1] : cues[0];
      const sp = c.w === 'according to' ? npAfter(m, c.e, colon) : npBefore(m, lo, c.s);
      if (sp) intro = { speaker: sp, cue: [c.s, c.e] };
    } else {
      const sp = npBefore(m, lo, colon);
      const rd = sp && docReads(m, sp);
      if (rd) intro = { speaker: rd[0], cue: rd[1] };
      else if (sp && colon - sp[0] < 80) intro = { speaker: sp, cue: [colon, colon + 1] };
    }
  }
  releaseTokens();
  return { pieces: res, intro };
}

/** Speech verbs of a paraphrase that a quote paragraph after it continues (`X said the decision was final.`). */
const REPORT_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'explained', 'explains', 'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'stressed', 'stresses', 'noted', 'notes', 'wrote', 'writes', 'claimed', 'claims']);

/**
 * The speaker of a paragraph without quotes whose last sentence reports speech (`Mayor Ellen Park said the decision
 * was final and would not be revisited.`): the subject of the sentence when it is the noun phrase right before a
 * speech verb. The document pass gives it to a bare quote paragraph right after. Offsets relative to `p`.
 */
export function reportingSpeaker(p: string): { speaker: [number, number]; cue: [number, number] } | null {
  releaseTokens();
  const starts = sentenceStarts(p);
  const out = reportingIn(p, starts[starts.length - 1], p.length);
  releaseTokens();
  return out;
}

/** `reportingSpeaker` on the sentence m[lo,hi) of the paragraph being read (its tokens are kept). */
function reportingIn(p: string, lo: number, hi: number): { speaker: [number, number]; cue: [number, number] } | null {
  let out: { speaker: [number, number]; cue: [number, number] } | null = null;
  for (const c of cuesIn(p, lo, hi)) {
    if (!REPORT_VERBS.has(c.w)) continue;
    const pw = prevWord(p, lo, c.s);
    // (not a noun, `the comments`, nor a passive, `New features being added to the line include …`)
    if (pw && (NOUN_CONTEXT.has(pw.w.toLowerCase()) || /^(?:be|being|been|is|was|are|were)$/i.test(pw.w))) break;
    // the noun phrase before the verb opens the sentence (after an introductory `On Monday,`); not `who`/`which`
    const sp = npBefore(p, lo, c.s);
    if (!sp || /^(?:who|which)$/i.test(p.slice(sp[0], sp[1]))) break;
    const pre = p.slice(lo, sp[0]).trim();
    // (or after a dateline: `BERLIN - Secretary of State Condoleezza Rice said`, the dash ends the noun phrase)
    if (pre === '' || (pre.endsWith(',') && INTRO_WORD.test(pre.slice(0, pre.search(/[\s,]/)))) || (isDashCode(pre.charCodeAt(pre.length - 1)) && DATELINE_PRE.test(pre))) out = { speaker: sp, cue: [c.s, c.e] };
    break;
  }
  return out;
}

/**
 * The person a paragraph without quotes is about, for a pronoun speaker at the start of the next one (`Lisa Chen runs
 * a bakery in Leeds.` + `"…," she told the Guardian.`): the subject of its last sentence that can be a person (a
 * name of two or more words or a title: personLike), looking back at most three sentences. Offsets relative to `p`.
 */
export function paragraphPerson(p: string): [number, number] | null {
  if (p.length > 2000) return null;
  releaseTokens();
  const starts = sentenceStarts(p);
  const lo = starts[starts.length - 1];
  // one who reports speech in its last sentence first (`Jordan said he knew of no plans.`), then its subject
  const rs = reportingIn(p, lo, p.length);
  let out: [number, number] | null = null;
  if (rs && !PRONOUNS.has(p.slice(rs.speaker[0], rs.speaker[1]).toLowerCase())) out = rs.speaker;
  else {
    const subj = sentenceSubject(p, lo, p.length, true);
    if (subj && namedPerson(p, subj)) out = withAppositiveName(p, subj, p.length);
  }
  releaseTokens();
  return out;
}

/**
 * A subject that surely names a person: a name of two or more words starting with a first name of the lexicon or a
 * title (`Lisa Chen`, `Dr. Sarah Okafor`, `Senate President Tom Birmingham`), or a determiner and a role (`The chief`,
 * `A DEC spokeswoman`); not a possessive (`Gordon Brown's spokesman`), not `In 2007 Wu`, `Star Wars`, `State Department`.
 */
function namedPerson(m: string, sp: [number, number]): boolean {
  const t = m.slice(sp[0], sp[1]);
  if (/[’']s?(?:\s|$)/.test(t)) return false;
  const words = t.split(/\s+/);
  const w0 = words[0];
  if (DETERMINERS.has(w0)) return personLike(m, sp);
  const l0 = w0.replace(/\.$/, '').toLowerCase();
  // a first name alone (feature writing: `Margaret, who asked that her surname not be used, lost her job`)
  if (words.length === 1) return isFirstName(l0);
  if (words.length > 6) return false;
  return isFirstName(l0) || HONORIFIC_WORD.has(l0) || (TITLE_WORDS.has(l0) && !ROLE_NOT_HEAD.has(l0)) || (l0 === 'former' && words.length > 2);
}
const HONORIFIC_WORD = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'rev', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'lt', 'sgt', 'prime', 'foreign', 'defence', 'defense', 'home', 'health', 'chancellor', 'police', 'detective', 'inspector', 'superintendent', 'coach', 'bishop', 'father', 'judge', 'justice', 'chief', 'captain', 'king', 'queen', 'prince', 'princess', 'pope', 'senate', 'house', 'attorney', 'district']);

function attributePiece(
  p: string,
  m: string,
  pc: Piece,
  idx: number,
  pieces: readonly Piece[],
  sentOf: (pos: number) => readonly [number, number],
): LocalAttribution {
  const none: LocalAttribution = { speaker: null, cue: null, how: 'none' };
  /** A passive speech verb without its agent before the quote (`it was said that …`): its subject is no speaker. */
  let passive = false;
  // 1. transcript label inside the quote
  const tl = mayBeLabel(p, pc.start + markLen(p, pc.start), Math.min(pc.end, pc.start + 60))
    ? TRANSCRIPT_LABEL.exec(p.slice(pc.start + markLen(p, pc.start), Math.min(pc.end, pc.start + 60)))
    : null;
  if (tl) {
    const s = pc.start + markLen(p, pc.start) + tl.index + tl[0].indexOf(tl[1]);
    return { speaker: [s, s + tl[1].length], cue: [s + tl[1].length, s + tl[1].length + 1], how: 'label' };
  }
  // sentence bounds, clamped so that a paragraph without sentence ends cannot make the search quadratic
  const [slo0, shi] = sentOf(pc.start);
  const slo = Math.max(slo0, pc.start - WINDOW);
  const ehi = Math.min(sentOf(Math.max(pc.start, pc.end - 1))[1], pc.end + WINDOW);
  const next = idx + 1 < pieces.length ? pieces[idx + 1].start : m.length;
  const prevEnd = idx > 0 ? pieces[idx - 1].end : 0;
  // 2. adjacent after the quote: `,” said X` / `,” X said` / `” ― X`
  if (!pc.open) {
    const aftEnd = Math.min(next, pc.end + 250);
    // (a spaced hyphen after a quote opening its paragraph: the headline `'We were robbed' - Keane slams referee`)
    const dash = dashAt(m, pc.end, aftEnd) ? /^\s*(?:―|—|--|–)\s*(?=[\p{Lu}])/u.exec(m.slice(pc.end, aftEnd)) ?? (allSpace(m, 0, pc.start) ? HYPHEN_NAME.exec(m.slice(pc.end, aftEnd)) : null) : null;
    if (dash) {
      const sp = npAfter(m, pc.end + dash[0].length, Math.min(next, m.length));
      // (after a hyphen, one word ending the paragraph is an agency's credit: `"…" - Sapa`, `- AFP`)
      const credit = sp !== null && dash[0].charCodeAt(dash[0].length - 1) !== 0x2014 && m.charCodeAt(pc.end + dash[0].search(/[―—–-]/)) === 45 && !hasSpace(m, sp[0], sp[1]) && allSpace(m, sp[1], m.length);
      if (sp && !credit) return { speaker: sp, cue: [pc.end + dash[0].search(/[―—–-]/), pc.end + dash[0].search(/[―—–-]/) + 1], how: 'adjacent' };
    }
    // a quote ending in ? or ! ends its sentence, but `“…?” Graham asked.` is still attributed by what follows
    const qEnd = m[pc.end - 1 - markLenBack(p, pc.end)];
    const ehiAdj = qEnd === '?' || qEnd === '!' ? sentOf(Math.min(m.length - 1, pc.end + 1))[1] : ehi;
    const endSent = Math.min(next, Math.max(ehiAdj, pc.end));
    const hi = Math.min(endSent, pc.end + 300);
    const cues = cuesIn(m, pc.end, hi);
    if (cues.length) {
      let c = cues[0];
      // a cue inside a relative clause on the speaker (`…," a senior official, who asked not to be named, told the FT`):
      // the verb after the clause
      if (cues.length > 1 && /^(?:who|whom)$/.test(prevWord(m, pc.end, c.s)?.w ?? '')) {
        const c2 = cues.find((x) => x.s > c.e && /,\s*$/.test(m.slice(c.e, x.s)));
        if (c2) c = c2;
      }
      const between = m.slice(pc.end, c.s);
      // `», a-t-il ajouté`: the pronoun of the inverted auxiliary
      const inv = AUX_CUES.has(c.w) ? /^[\s,]*(?:a|ont|avait)-(?:t-)?(il|elle|ils|elles|on)\s+$/.exec(between) : null;
      if (inv) {
        const at = pc.end + between.lastIndexOf(inv[1]);
        return { speaker: [at, at + inv[1].length], cue: [c.s, c.e], how: 'adjacent' };
      }
      // (`», a déclaré le ministre`, `“…”, ha detto il premier`: an auxiliary before an inverted participle)
      // (`**"…,"** said X`: the emphasis marks of a Markdown converter around the quote count as space)
      // (`"…," the family was told by a senior doctor`: a passive verb's agent; without one, no speaker here)
      if (passiveCue(m, pc.end, c, Math.min(next, endSent))) {
        if (pAgent) return { speaker: pAgent, cue: [c.s, c.e], how: 'adjacent' };
      } else if (/^[\s,*_]*$/.test(between) || c.w === 'according to' || (AUX_CUES.has(c.w) && /^[\s,]*(?:a|ont|avait|ha|han|había|hat|hatte)\s+$/.test(between))) {
        const sp = npAfter(m, c.e, Math.min(next, endSent));
        if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'adjacent' };
      } else if (/^[\s,*_]*(?:[\p{Lu}\d]|(?:he|she|they|it|we|i|who|the|a|an|his|her|their|its|one|some|several|many|two|three)\s)/u.test(between)) {
        const sp = betweenSpeaker(m, pc.end, c.s);
        if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'adjacent' };
      }
    }
  }
  // 2b. the sentence ends with a reporting clause: `Moscow recalled … “…” in the context of …, the Foreign Ministry
  // said.` The outermost attribution wins over cues inside the reported content.
  {
    const tail = trailingAttribution(m, pc.end, Math.min(ehi, next));
    if (tail) return { speaker: tail[0], cue: tail[1], how: 'after' };
  }
  // 3. a cue earlier in the same sentence
  {
    const lo = Math.max(slo, 0);
    const hc0 = headlineColon(m, lo, pc.start);
    if (hc0) return { speaker: hc0[0], cue: hc0[1], how: 'before' };
    const all = cuesIn(m, lo, pc.start).filter((c) => c.s >= prevEnd || !insideAnyPiece(c.s, pieces));
    // the nearest `Biden’s remarks that … “…”` after the last cue verb
    const pn = possessiveNominal(m, all.length ? all[all.length - 1].e : lo, pc.start);
    if (pn) return { speaker: pn[0], cue: pn[1], how: 'before' };
    // `… describes the late-night crowds as "a nightmare"`, `after describing striking teachers as "lazy"`: the verb
    // of the `as` is the cue, not an earlier one of the sentence
    const asCue = asDescription(m, lo, pc.start, all);
    if (asCue) return asCue;
    const verbs = all.filter((c, k) => c.w !== 'in a statement' && !(k + 1 < all.length && modifierCue(m, lo, c, all[k + 1])));
    const cues = verbs.length ? verbs : all;
    // the attribution of the previous quote (`"…," said Lee, while Park insisted: "…"`) is tried after the later cues
    // (still the speaker of `"…," said Bajaj, adding that … "intra-city" …`)
    let order = cues;
    if (cues.length > 1 && idx > 0 && cues[0].s >= prevEnd && allSpaceOrComma(m, prevEnd, cues[0].s)) order = [...cues.slice(1), cues[0]];
    // a clause of its own after `, while` / `, whereas` (`Washington warned Iran …, while Tehran denied
    // anything other than "routine" …`): the verbs before it speak for the first clause only
    else if (cues.length > 1 && paraContrast(m)) for (let k = cues.length - 1; k > 0; k--)
      if (contrastBetween(m, cues[k - 1].e, cues[k].s)) {
        order = cues.slice(k);
        break;
      }
    for (const c of order) {
      // a cue word used as a noun: `Trump’s claim that …`, `initial reports of …`
      const prevW = prevWord(m, lo, c.s);
      if (prevW) {
        if (/(?:[’']s|s[’'])$/.test(prevW.w) && isCap(prevW.w)) {
          // `Asked about Pickens' comments, Harlan said …`: a later verb has the speaker
          if (c !== cues[cues.length - 1]) continue;
          const sp = npBefore(m, lo, prevW.e);
          return { speaker: sp && sp[1] === prevW.e ? sp : [prevW.s, prevW.e], cue: [c.s, c.e], how: 'before' };
        }
        // `Le maire a dit : « … »`: an auxiliary, then the subject
        if (AUX_CUES.has(c.w) && AUX_WORDS.has(prevW.w)) {
          const sp = npBefore(m, lo, prevW.s);
          if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'before' };
          continue;
        }
        if (NOUN_CONTEXT.has(prevW.w.toLowerCase())) continue;
      }
      if (c.w === 'according to') {
        const sp = npAfter(m, c.e, pc.start);
        if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'before' };
        continue;
      }
      // `The jury was told by prosecutor Helen Marsh that …`: the agent; `He was asked about it, and said: "…"`: a later verb
      if (passiveCue(m, lo, c, pc.start)) {
        if (pAgent) return { speaker: pAgent, cue: [c.s, c.e], how: 'before' };
        passive = true;
        continue;
      }
      const sp = npBefore(m, lo, c.s);
      if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'before' };
      // `said X:` / `said Mr. X` inversion before the quote
      // (not `Okoye said Morrow had been “…”`: the name after the verb is the reported clause's subject)
      const sp2 = npAfter(m, c.e, pc.start);
      if (sp2 && isUpper(m[sp2[0]]) && !clauseAfter(m, sp2[1], pc.start)) return { speaker: sp2, cue: [c.s, c.e], how: 'before' };
    }
    // `X: “…”` (NP right before the colon), or a headline `Pat Caddell: … ‘in Their Heads.’`
    // = /:\s*$/.exec(m.slice(lo, pc.start)): the colon followed by nothing but whitespace
    let cpos = pc.start - 1;
    while (cpos >= lo && (isJsSpace(m.charCodeAt(cpos)) || m.charCodeAt(cpos) === 42 || m.charCodeAt(cpos) === 95)) cpos--;
    if (cpos >= lo && m.charCodeAt(cpos) === 58) {
      const sp = npBefore(m, lo, cpos);
      if (sp && cpos - sp[0] < 90 && (isUpper(m[sp[0]]) || PRONOUNS.has(m.slice(sp[0], sp[1]).toLowerCase()))) {
        const rd = docReads(m, sp);
        return rd ? { speaker: rd[0], cue: rd[1], how: 'before' } : { speaker: sp, cue: [cpos, cpos + 1], how: 'before' };
      }
      const subj = sentenceSubject(m, lo, cpos, true);
      if (subj) return { speaker: subj, cue: [cpos, cpos + 1], how: 'before' };
    }
    // (a headline `Name: … ‘quote’` was looked for first: headlineColon(m, lo, pc.start) is null here)
  }
  // 4. a cue later in the same sentence: `“…” of the plan, Mr. X said.` / `, said X.`
  {
    const hi = Math.min(ehi, m.length);
    const cues = cuesIn(m, pc.end, hi);
    for (const c of cues) {
      if (insideAnyPiece(c.s, pieces)) continue;
      if (c.w === 'according to') {
        const sp = npAfter(m, c.e, hi);
        if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'after' };
        continue;
      }
      if (passiveCue(m, pc.end, c, hi)) {
        if (pAgent) return { speaker: pAgent, cue: [c.s, c.e], how: 'after' };
        continue;
      }
      const before = m.slice(Math.max(pc.end, c.s - 3), c.s);
      const sp = npBefore(m, pc.end, c.s);
      if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'after' };
      if (/,\s*$/.test(before)) {
        const sp2 = npAfter(m, c.e, hi);
        if (sp2) return { speaker: sp2, cue: [c.s, c.e], how: 'after' };
      }
    }
  }
  // 4b. a headline: `Obama Sees 'Personal Insult' if …`, `Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’`
  if (paraHeadline(m)) {
    const hv = headlineSubject(m, pc.start);
    if (hv) return { speaker: hv[0], cue: hv[1], how: 'after' };
  }
  // 4c. the quote starts its sentence and the previous sentence ends with an attribution: `…, Schiff said. "…"`
  if (slo > 0 && allSpace(m, slo, pc.start)) {
    const [plo] = sentOf(slo - 1);
    if (plo >= prevEnd) {
      const cues = cuesIn(m, plo, slo);
      const c = cues[cues.length - 1];
      if (c && /^[\s.:,]*$/.test(m.slice(c.e, slo).replace(/\b(?:on|in|at|to)\b.*$/, ''))) {
        const sp = c.w === 'according to' ? npAfter(m, c.e, slo) : npBefore(m, plo, c.s) || npAfter(m, c.e, slo);
        if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'after' };
      }
      // a paraphrase before it, `Miles says the drought has cost him half his herd. "I can't go on."`: its subject (a
      // quote making up the rest of the paragraph)
      if (c && !pc.open && allSpace(m, pc.end, m.length)) {
        const r = reportingIn(m, plo, slo);
        if (r && !/^(?:who|which|it)$/i.test(m.slice(r.speaker[0], r.speaker[1]))) return { speaker: r.speaker, cue: r.cue, how: 'paraphrase' };
      }
    }
  }
  // 4d. a quote making up a whole sentence, attributed at the start of the next one: `"I hope …" Morrow said that
  // was her only advice.`, `"We will not back down." That was the message from X.`
  if (!pc.open && allSpace(m, slo, pc.start) && m[pc.end - 1 - markLenBack(p, pc.end)] === '.') {
    const [nlo, nhi] = sentOf(Math.min(m.length - 1, pc.end + 1));
    if (nlo >= pc.end && nlo < next && allSpace(m, pc.end, nlo)) {
      const hi = Math.min(nhi, next, nlo + 120);
      const cues = cuesIn(m, nlo, hi);
      const c = cues[0];
      if (c && c.s - nlo < 60) {
        if (c.w === 'according to') {
          const sp = npAfter(m, c.e, hi);
          if (sp) return { speaker: sp, cue: [c.s, c.e], how: 'after' };
        } else if (/^(?:said|says|added|adds|wrote|writes|told|tells|explained|insisted|argued|noted|warned)$/.test(c.w)) {
          const sp = npBefore(m, nlo, c.s);
          if (sp && sp[0] === nlo) return { speaker: sp, cue: [c.s, c.e], how: 'after' };
        }
      }
    }
  }
  // 5. subject of the sentence when the quote is not at its start
  {
    const lo = slo;
    // (a letter is not whitespace: the old second test `!/^\s*$/.test(pre)` followed from the first)
    if (!passive && hasLetter(m, lo, pc.start)) {
      const sp = sentenceSubject(m, lo, pc.start);
      if (sp && !junkSubject(m, sp)) return { speaker: sp, cue: null, how: 'subject' };
    }
  }
  void shi;
  return none;
}

/**
 * Words that never open a speaker found only as a sentence's subject (no speech verb): prepositions, conjunctions,
 * question words, demonstratives and `it`, quantifiers without a noun, imperatives of instructions and web pages
 * (`In …`, `This …`, `It's …`, `Continue reading`, `Use …`, `Please …`); on non-news pages they made most of the
 * last-resort speakers.
 */
const JUNK_SUBJECT_FIRST = new Set([
  'in', 'of', 'for', 'to', 'with', 'at', 'from', 'on', 'by', 'among', 'or', 'and', 'but', 'nor', 'what', 'how', 'why',
  'where', 'when', 'this', 'these', 'that', 'those', 'there', 'it', 'it’s', "it's", 'such', 'every', 'any', 'no',
  'nobody', 'none', 'is', 'are', 'should', 'do', 'does', 'don’t', "don't", 'continue', 'use', 'using', 'take', 'avoid',
  'see', 'please', 'maybe', 'each', 'click', 'read', 'follow', 'sign', 'share', 'subscribe', 'try', 'let', 'let’s', "let's",
  'also', 'however', 'so', 'then', 'now', 'here', 'just', 'even', 'only', 'yet', 'thus', 'hence',
]);
/** `The word`, `The following`: a determiner and a word that is no person's head noun. */
const JUNK_THE = new Set(['word', 'term', 'name', 'phrase', 'following', 'first', 'list', 'full', 'new', 'title', 'same']);

/** Is the subject sp (masked paragraph offsets) no speaker (see JUNK_SUBJECT_FIRST)? */
function junkSubject(m: string, sp: [number, number]): boolean {
  const c = m.charCodeAt(sp[0]);
  if (c >= 48 && c <= 57) return true;
  let e = sp[0];
  while (e < sp[1] && !isJsSpace(m.charCodeAt(e))) e++;
  const w = m.slice(sp[0], e).toLowerCase();
  if (JUNK_SUBJECT_FIRST.has(w)) return true;
  if (e >= sp[1]) return false;
  let a = e;
  while (a < sp[1] && isJsSpace(m.charCodeAt(a))) a++;
  const second = m.slice(a, sp[1]).toLowerCase();
  // `Most of`, `One of` (a quantifier cut before its noun), `The word`
  return second === 'of' || (w === 'the' && JUNK_THE.has(second));
}

/**
 * Is the word right before m[pos] (after spaces, not before `lo`) an auxiliary of a passive: was, were, is, are, been,
 * being, be? Character by character (it runs for every cue).
 */
function auxBefore(m: string, lo: number, pos: number): boolean {
  let e = pos;
  while (e > lo && isJsSpace(m.charCodeAt(e - 1))) e--;
  if (e === pos) return false;
  let a = e;
  while (a > lo && a > e - 6 && isAsciiLetterCode(m.charCodeAt(a - 1))) a--;
  if (a > lo && isAlnumCode(m.charCodeAt(a - 1))) return false;
  switch (e - a) {
    case 2:
      return m.startsWith('is', a) || m.startsWith('be', a);
    case 3:
      return m.startsWith('was', a) || m.startsWith('are', a);
    case 4:
      return m.startsWith('were', a) || m.startsWith('been', a);
    case 5:
      return m.startsWith('being', a);
    default:
      return false;
  }
}
/** The agent `passiveCue` found (`by a senior doctor`), or null. */
let pAgent: [number, number] | null = null;

/**
 * Is the cue a participle in the passive right after an auxiliary (`was told`, `were warned`, `is called`; not `was
 * quoted`, whose subject is the speaker)? Then pAgent is the noun phrase after a `by` right after it, or null.
 */
function passiveCue(m: string, lo: number, c: Cue, hi: number): boolean {
  const w = c.w;
  if (!(w === 'told' || w === 'said' || (w.length > 4 && w.charCodeAt(w.length - 1) === 100 && w.charCodeAt(w.length - 2) === 101 && w !== 'quoted'))) return false;
  if (!auxBefore(m, lo, c.s)) return false;
  pAgent = null;
  wordRange(m, c.e, hi);
  if (wrE > wrA && isWordToken(m, wrA, 'by') && allSpace(m, c.e, tS[wrA])) pAgent = npAfter(m, tE[wrA], hi);
  return true;
}

/** Does m[a,b) hold a whitespace character? */
function hasSpace(m: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isJsSpace(m.charCodeAt(i))) return true;
  return false;
}

/** A spaced hyphen before a capitalised word (`' - Keane slams …`). */
const HYPHEN_NAME = /^\s+-\s+(?=[\p{Lu}])/u;

/** Media and documents that a participle describes (`a video posted online`, `a statement released by …`). */
const MEDIA_NOUNS = new Set(['video', 'videos', 'post', 'posts', 'message', 'messages', 'tweet', 'tweets', 'letter', 'letters', 'statement', 'report', 'reports', 'interview', 'article', 'clip', 'speech', 'blog', 'column', 'footage', 'document', 'documents', 'email', 'memo', 'filing', 'recording', 'note', 'comments', 'remarks', 'book', 'study', 'paper', 'op-ed', 'editorial', 'broadcast', 'podcast', 'episode', 'transcript']);

/**
 * A cue word used as a participle after a medium in an opening phrase (`In a video posted online, the commander
 * said:`, before the sentence's verb `next` past a comma): not the verb of the sentence. Only forms in -ed that are
 * not plain speech verbs (`the statement said` is a speaker).
 */
function modifierCue(m: string, lo: number, c: Cue, next: Cue): boolean {
  if (!c.w.endsWith('ed') || REPORT_VERBS.has(c.w) || !m.slice(c.e, next.s).includes(',')) return false;
  const pw = prevWord(m, lo, c.s);
  if (!pw || !MEDIA_NOUNS.has(pw.w) || !allSpace(m, pw.e, c.s)) return false;
  // a participle goes on with a place, time or agent (`posted online`, `released by`), a verb with its object
  // (`The memo cited a warning`)
  const r = /^\s*([A-Za-z]+)/.exec(m.slice(c.e, c.e + 20));
  return !!r && (INVERSION_TAIL.has(r[1]) || r[1] === 'online' || DAYS.test(r[1]));
}

/** A participle opening a phrase between commas after the speaker (`speaking`, `writing`, `standing`). */
const PARTICIPLE = /^(?:speaking|writing|standing|addressing|talking|appearing|responding|reacting|commenting|posting|testifying|interviewed|asked|pressed|quoted|sitting|walking)$/;

/**
 * `The statement read:` / `The sign reads:`: a noun phrase before a colon that ends in read(s) after a document (the
 * verb is not a cue word: `I read the report` is no speech): the document and the verb.
 */
function docReads(m: string, sp: [number, number]): [[number, number], [number, number]] | null {
  const r = /(\S+)\s+(reads?)$/.exec(m.slice(sp[0], sp[1]));
  if (!r || !(DOC_NOUNS.has(r[1].toLowerCase()) || MEDIA_NOUNS.has(r[1].toLowerCase()) || /^(?:sign|banner|placard|caption|headline|text|inscription|notice|message|note)s?$/i.test(r[1]))) return null;
  const vs = sp[1] - r[2].length;
  return [[sp[0], vs - (r[0].length - r[1].length - r[2].length)], [vs, sp[1]]];
}

/** Verbs of `X described Y as "…"`. */
const AS_VERB = /^(?:describ|call|label|brand|characteri[sz]|dub|dismiss|refer|denounc|condemn|slamm|blast|prais|hail|tout|mock|deride)/;

/**
 * `X describes Y as "…"` (the quote right after `as`): the nearest such verb before the quote in m[lo, at) and its
 * subject: the noun phrase before it, or the sentence's subject for a participle (`is facing calls to apologise after
 * describing striking teachers as "lazy"`).
 */
function asDescription(m: string, lo: number, at: number, cues: readonly Cue[]): LocalAttribution | null {
  const pw = prevWord(m, lo, at);
  if (!pw || pw.w !== 'as' || !allSpace(m, pw.e, at)) return null;
  for (let k = cues.length - 1; k >= 0; k--) {
    const c = cues[k];
    if (!AS_VERB.test(c.w)) continue;
    // (not a noun, `the description`, nor a passive, `her condition was described as`; and an earlier `X said
    // (that) Y described … as "…"` is X's quote)
    const before = prevWord(m, lo, c.s);
    if (before && (NOUN_CONTEXT.has(before.w.toLowerCase()) || /^(?:be|being|been|is|was|are|were)$/i.test(before.w))) return null;
    for (let j = 0; j < k; j++) if (cues[j].w === 'according to' || REPORT_VERBS.has(cues[j].w)) return null;
    if (c.w.endsWith('ing')) {
      const subj = sentenceSubject(m, lo, c.s);
      return subj ? { speaker: withAppositiveName(m, subj, c.s), cue: [c.s, c.e], how: 'before' } : null;
    }
    const sp = npBefore(m, lo, c.s);
    return sp ? { speaker: sp, cue: [c.s, c.e], how: 'before' } : null;
  }
  return null;
}

/** Does m[a,b) start with a colon (after spaces) and hold a letter after it (a speaker not right after the colon)? */
function colonThen(m: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && isJsSpace(m.charCodeAt(i))) i++;
  return i < b && m.charCodeAt(i) === 58 && hasLetter(m, i + 1, b);
}

/** Is m[a,b) all `\s` and commas? */
function allSpaceOrComma(m: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (m.charCodeAt(i) !== 44 && !isJsSpace(m.charCodeAt(i))) return false;
  return true;
}

/** Is m[a,b) all `\s` (= /^\s*$/.test(m.slice(a, b)))? */
export function allSpace(m: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isJsSpace(m.charCodeAt(i))) return false;
  return true;
}

/** /[\p{L}]/u.test(m.slice(a, b)): ASCII letters checked directly, anything else beyond ASCII by the regex. */
export function hasLetter(m: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = m.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    } else if (LETTER_AT.test(m.slice(i, Math.min(b, i + 2)))) return true;
  }
  return false;
}
const LETTER_AT = /^[\p{L}]/u;

/** Is the first non-`\s` character of m[a,b) one of ― — - – (a possible `” ― X` attribution dash)? */
export function dashAt(m: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && isJsSpace(m.charCodeAt(i))) i++;
  if (i >= b) return false;
  const c = m.charCodeAt(i);
  return c === 0x2015 || c === 0x2014 || c === 45 || c === 0x2013;
}

const NOUN_CONTEXT = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'such', 'of', 'initial',
  'early', 'new', 'recent', 'previous', 'latest', 'news', 'media', 'press', 'many', 'several', 'some', 'any', 'no',
  'other', 'similar', 'unconfirmed', 'multiple', 'false', 'earlier', 'first', 'those', 'two', 'three', 'whose',
]);

const NOMINAL_CUES = new Set([
  'remarks', 'remark', 'comments', 'comment', 'statement', 'statements', 'words', 'claim', 'claims', 'assertion',
  'tweet', 'tweets', 'letter', 'warning', 'description', 'promise', 'pledge', 'accusation', 'accusations',
  'allegation', 'allegations', 'speech', 'interview', 'testimony', 'message', 'post', 'essay', 'memo', 'argument',
  'prediction', 'vow', 'threat', 'suggestion', 'response', 'reply', 'complaint', 'quip', 'answer', 'insistence',
  'contention', 'charge', 'criticism', 'praise', 'announcement', 'declaration', 'op-ed', 'column', 'missive',
]);

/** `Biden’s remarks that he … “a killer.”`: a possessive name before a speech noun, in m[lo,hi). */
function possessiveNominal(m: string, lo: number, hi: number): [[number, number], [number, number]] | null {
  wordRange(m, lo, hi);
  const a = wrA;
  const b = wrE;
  for (let k = b - 1; k > a; k--) {
    // (= `W(k).w === MASK`, `W(k + 1).w !== 'that'` without making the Word objects of the whole stretch)
    if ((tK[k] & 7) === T_MASK) return null;
    if (k + 1 >= b || !isWordToken(m, k + 1, 'that')) continue;
    const w = W(k);
    if (!NOMINAL_CUES.has(w.w)) continue;
    let p = k - 1;
    if (p > a && !/[’']s$/.test(W(p).w) && !isCap(W(p).w) && p - 1 >= a && /[’']s$/.test(W(p - 1).w)) p--; // Trump’s earlier claim
    const pw = W(p);
    if (!/[’']s$/.test(pw.w) || !isCap(pw.w)) continue;
    const np = npBefore(m, lo, pw.e);
    return [np && np[1] === pw.e ? np : [pw.s, pw.e], [w.s, w.e]];
  }
  return null;
}

function prevWord(m: string, lo: number, pos: number): Word | null {
  wordRange(m, lo, pos);
  const a = wrA;
  const e = wrE;
  return e > a ? W(e - 1) : null;
}

/** `…,” Scott Pruitt, the Republican attorney general of Oklahoma, said`: the whole stretch before the cue. */
function betweenSpeaker(m: string, lo: number, cue: number): [number, number] | null {
  // at most 36 words before the cue count: copy only those from the paragraph's token cache
  wordRange(m, lo, cue);
  const a0 = wrA;
  const e0 = wrE;
  let k = e0 - 1;
  while (k >= a0 && ((SKIP_BEFORE_VERB.has(W(k).w.toLowerCase()) && !isCap(W(k).w)) || W(k).w === ',')) k--;
  if (k < a0 || k - a0 > 35) return null;
  const ws: Word[] = [];
  for (let x = a0, lim = Math.min(e0, k + 2); x < lim; x++) ws.push(W(x));
  k -= a0;
  let i = 0;
  while (i <= k && ws[i].w === ',') i++;
  if (i > k) return null;
  for (let j = i; j <= k; j++) if (ws[j].w === MASK || ws[j].w === '“' || ws[j].w === '"' || ws[j].w === ';' || ws[j].w === ':') return null;
  // a pronoun subject: just the pronoun
  const lw = ws[i].w.toLowerCase();
  if (PRONOUNS.has(lw)) return i === k ? [ws[i].s, ws[i].e] : npBefore(m, lo, cue);
  // a dateline before the name: `WASHINGTON -- President Obama, …`
  if (k - i >= 2 && /^[A-Z]{3,}$/.test(ws[i].w) && /^(?:—|--|–|-)$/.test(m.slice(ws[i].e, ws[i + 1].s).trim())) i++;
  // `…, Lindsey Graham Says.`: the last comma segment is a capitalised name and the first one is not a name + appositive
  let lastComma = -1;
  for (let j = i; j <= k; j++) if (ws[j].w === ',') lastComma = j;
  if (lastComma > i && lastComma < k && k - lastComma <= 4) {
    let allCap = true;
    for (let j = lastComma + 1; j <= k; j++) if (!isCap(ws[j].w) || /^\d/.test(ws[j].w)) allCap = false;
    const second = ws[i + 1] && ws[i + 1].w === ',' ? null : ws[i + 1];
    if (allCap && second && isCap(second.w) && isCap(ws[i].w) && k - lastComma >= 2) {
      // `Could Address Clean Energy, Lindsey Graham`: many capitalised words before the comma: a headline clause
      let capsBefore = 0;
      for (let j = i; j < lastComma; j++) if (isCap(ws[j].w)) capsBefore++;
      if (capsBefore >= 3 && lastComma - i >= 3) return [ws[lastComma + 1].s, ws[k].e];
    }
  }
  // `…,” Mr. Obi, speaking from his home in Lagos, said`: the name before a participle phrase
  for (let j = i + 1; j < k; j++) if (ws[j].w === ',' && PARTICIPLE.test(ws[j + 1].w) && isCap(ws[j - 1].w)) return [ws[i].s, ws[j - 1].e];
  // the stretch must look like a noun phrase: no verb-like stop word before a comma-free head
  for (let j = i; j <= k; j++) {
    const w = ws[j].w.toLowerCase();
    if (w === 'said' || w === 'says' || w === 'is' || w === 'was' || w === 'that' || w === 'because' || w === 'if' || w === 'when') return npBefore(m, lo, cue);
  }
  return [ws[i].s, ws[k].e];
}

/** `…, the Foreign Ministry said.` / `…, said Mr. X.` at the very end of the sentence [lo, hi). */
function trailingAttribution(m: string, lo: number, hi: number): [[number, number], [number, number]] | null {
  let e = hi;
  while (e > lo && /[\s.!?”"’)]/.test(m[e - 1])) e--;
  if (e <= lo || m[e] !== '.') return null;
  wordRange(m, lo, e);
  const a = wrA;
  const b = wrE;
  if (b - a < 2) return null;
  // `…, X said.` / `…, X added.`
  const last = W(b - 1);
  if (last.cue && last.w !== 'according to' && last.w !== 'in a statement') {
    // find the comma that opens the reporting clause
    for (let k = b - 2, n = 0; k >= a && n < 14; k--, n++) {
      const w = W(k);
      if (w.w === MASK || w.w === '“' || w.w === '"' || w.w === ':' || w.w === ';') return null;
      if (w.w === ',') {
        if (k === b - 2) return null;
        const sp = npBefore(m, w.e, last.s);
        if (sp && m.slice(w.e, sp[0]).trim() === '') return [sp, [last.s, last.e]];
        return null;
      }
    }
    return null;
  }
  // `…, said Mr. X.`
  for (let k = b - 1, n = 0; k > a && n < 8; k--, n++) {
    const w = W(k);
    if (w.w === ',') break;
    if (w.w === MASK || w.w === '“' || w.w === '"') return null;
    if (w.cue && /^(?:said|says|added|wrote|asked|noted|explained|told)$/.test(w.w) && W(k - 1).w === ',') {
      const sp = npAfter(m, w.e, e);
      if (sp && sp[1] >= W(b - 1).e) return [sp, [w.s, w.e]];
      return null;
    }
  }
  // `…, foreign ministry spokeswoman Maria Zakharova told reporters on Thursday.`, `…, a spokesman said on Friday.`:
  // the last clause is a reporting verb with its subject right after the comma and a short object or time after it
  for (let k = b - 2, n = 0; k > a && n < 16; k--, n++) {
    if ((tK[k] & 7) === T_MASK) return null;
    if ((tK[k] & 7) !== T_PUNCT) continue;
    const c = m.charCodeAt(tS[k]);
    if (c !== 44) return null;
    for (let j = k + 2; j < b - 1; j++) {
      if ((tK[j] & T_CUE) === 0) continue;
      if (b - 1 - j > 8 || !REPORT_VERBS.has(tokText(m, j))) return null;
      const sp = npBefore(m, tE[k], tS[j]);
      if (!sp) return null;
      if (allSpace(m, tE[k], sp[0])) return [sp, [tS[j], tE[j]]];
      // (lowercase modifiers of its title before it: `foreign ministry spokeswoman Maria Zakharova`)
      let q = k + 1;
      for (; q < j && tS[q] < sp[0]; q++) {
        const c0 = m.charCodeAt(tS[q]);
        if ((tK[q] & 7) !== T_WORD || c0 < 97 || c0 > 122 || q - k > 3 || STOP_WORDS.has(tokText(m, q))) return null;
      }
      return [[tS[k + 1], sp[1]], [tS[j], tE[j]]];
    }
    return null;
  }
  return null;
}

/**
 * `“…,” she said. Those were the words of Jane Smith, the mayor.`: the person the next sentence names as the author of
 * the words (`the words of X`, `the message from X` opening it), for the pronoun speaker ending at `at`.
 */
function namedAfter(m: string, at: number, sentOf: (pos: number) => readonly [number, number]): [number, number] | null {
  const [, hi] = sentOf(at);
  if (hi >= m.length) return null;
  const [nlo, nhi] = sentOf(hi);
  if (nlo !== hi) return null;
  const cues = cuesIn(m, nlo, Math.min(nhi, nlo + 60));
  const c = cues[0];
  if (!c || c.w !== 'according to' || c.s - nlo > 40 || /^according/i.test(m.slice(c.s, c.e))) return null;
  return npAfter(m, c.e, nhi);
}

/** Nearest earlier `X said`/`X, who …, said` subject in the paragraph that is a name or a noun phrase, not a pronoun. */
function antecedent(m: string, before: number, sentOf: (pos: number) => readonly [number, number]): [number, number] | null {
  const from = Math.max(0, before - 400);
  const cues = cuesIn(m, from, before);
  // the start of the sentence holding the pronoun: a subject named after it is not an antecedent
  const [own] = sentOf(before);
  for (let k = cues.length - 1; k >= 0; k--) {
    const c = cues[k];
    if (c.w === 'according to' || c.w === 'in a statement') continue;
    const [lo] = sentOf(c.s);
    // a cue word used as a noun (`said the comments were`) has no speaker
    const pw = prevWord(m, lo, c.s);
    if (pw && NOUN_CONTEXT.has(pw.w.toLowerCase())) continue;
    const sp = npBefore(m, lo, c.s) || betweenSpeaker(m, lo, c.s);
    if (sp && !PRONOUNS.has(m.slice(sp[0], sp[1]).toLowerCase()) && !DETERMINERS.has(m.slice(sp[0], sp[1]).toLowerCase())) return sp;
  }
  // `Local MP David Kettering disagreed. “…,” he said`: the named subject of the sentence before the pronoun's
  if (own > 0 && own > from) {
    const [plo] = sentOf(own - 1);
    const subj = sentenceSubject(m, plo, own, true);
    if (subj && personLike(m, subj)) return withAppositiveName(m, subj, own);
    // (a surname alone, `Lindqvist arrives from Hammarby.`: kept only if resolve.ts finds the full name before it)
    if (subj && loneName(m, subj)) return subj;
  }
  return null;
}

/** One capitalised word of at least three letters that is no pronoun, determiner or junk subject (`Lindqvist`). */
function loneName(m: string, sp: [number, number]): boolean {
  if (sp[1] - sp[0] < 3 || !isUpperCode(m.charCodeAt(sp[0])) || isUpperCode(m.charCodeAt(sp[0] + 1))) return false;
  for (let i = sp[0] + 1; i < sp[1]; i++) if (!isLetterCp(m.charCodeAt(i))) return false;
  const w = m.slice(sp[0], sp[1]).toLowerCase();
  return !PRONOUNS.has(w) && !DETERMINERS.has(w) && !JUNK_SUBJECT_FIRST.has(w);
}

/** A sentence subject that can be a person: a capitalised name (`David Kettering`) or a title (`The mayor`). */
function personLike(m: string, sp: [number, number]): boolean {
  const t = m.slice(sp[0], sp[1]);
  if (PRONOUNS.has(t.toLowerCase())) return false;
  const words = t.split(/\s+/);
  if (DETERMINERS.has(words[0].toLowerCase())) return words.some((w) => TITLE_WORDS.has(w.toLowerCase()));
  return isUpper(t[0]) && words.length >= 2;
}

/** `The mayor` + `, Denise Hartung,`: the subject with the name that follows it between commas. */
function withAppositiveName(m: string, sp: [number, number], hi: number): [number, number] {
  const r = /^, ((?:[\p{Lu}][\p{L}’'.-]*\s){1,3}[\p{Lu}][\p{L}’'-]+),/u.exec(m.slice(sp[1], Math.min(hi, sp[1] + 60)));
  return r ? [sp[0], sp[1] + 2 + r[1].length] : sp;
}

function insideAnyPiece(pos: number, pieces: readonly Piece[]): boolean {
  // pieces are sorted and disjoint: binary search for the last piece starting before pos
  let a = 0;
  let b = pieces.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (pieces[mid].start < pos) a = mid + 1;
    else b = mid;
  }
  const pc = pieces[a - 1];
  return !!pc && pos < pc.end - 1;
}

/** `Name: headline text … ‘quote’`: a short capitalised name at the start of the sentence followed by a colon. */
function headlineColon(m: string, lo: number, hi: number): [[number, number], [number, number]] | null {
  wordRange(m, lo, hi);
  const wa = wrA;
  const wb = wrE;
  const wn = wb - wa;
  for (let k = 0; k < wn && k < 5; k++) {
    if (W(wa + k).w === ':') {
      if (k === 0) return null;
      for (let j = 0; j < k; j++) if (!isCap(W(wa + j).w) && !(j > 0 && /^(?:of|the|and|de|van|von)$/.test(W(wa + j).w))) return null;
      // a dateline in capitals before a sentence with its own speech verb (`NEW DELHI: The minister on Tuesday said
      // …`, Indian and African papers): the verb's subject speaks, not the place
      // (a named one: `SUSAN DENTZER: So, when did you first say to yourself, "…"` is a transcript label)
      if (allCaps(m, W(wa).s, W(wa + k - 1).e) && namedCueSubject(m, wa + k, wb)) return null;
      return [[W(wa).s, W(wa + k - 1).e], [W(wa + k).s, W(wa + k).e]];
    }
    if (W(wa + k).w === ',' || W(wa + k).w === MASK) return null;
  }
  return null;
}

/** Does m[a,b) hold a letter and no lowercase ASCII letter (`NEW DELHI`)? */
function allCaps(m: string, a: number, b: number): boolean {
  let letter = false;
  for (let i = a; i < b; i++) {
    const c = m.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letter = true;
  }
  return letter;
}

/**
 * Is the first cue among the tokens (colon, b) of the current paragraph a verb with a subject after the colon at token
 * `colon` that is not a pronoun (`NEW DELHI: The minister on Tuesday said`)?
 */
function namedCueSubject(m: string, colon: number, b: number): boolean {
  for (let k = colon + 1; k < b; k++) {
    if ((tK[k] & T_CUE) === 0) continue;
    const sp = npBefore(m, tE[colon], tS[k]);
    return sp !== null && !(sp[1] - sp[0] <= 5 && PRONOUNS.has(m.slice(sp[0], sp[1]).toLowerCase()));
  }
  return false;
}

/** Title-case line without a final sentence of lowercase prose: a headline. */
export function isHeadline(m: string): boolean {
  if (m.length > 200) return false;
  // = the words of m.match(/[\p{L}][\p{L}’'-]*/gu), walked by code point without making them: a word of at most 3
  // units not starting with a capital is skipped, the others counted (cap: those starting with one)
  let words = 0;
  let cap = 0;
  let n = 0;
  const len = m.length;
  let i = 0;
  while (i < len) {
    const c = m.codePointAt(i)!;
    const cl = c > 0xffff ? 2 : 1;
    if (!isLetterCp(c)) {
      i += cl;
      continue;
    }
    const start = i;
    i += cl;
    while (i < len) {
      const d = m.codePointAt(i)!;
      if (d !== 0x2019 && d !== 39 && d !== 45 && !isLetterCp(d)) break;
      i += d > 0xffff ? 2 : 1;
    }
    words++;
    const up = isUpperCode(m.charCodeAt(start));
    if (i - start <= 3 && !up) continue;
    n++;
    if (up) cap++;
  }
  if (words < 3) return false;
  return n > 0 && cap / n >= 0.8;
}

/** /[\p{L}]/u on one code point (BMP results cached per code). */
const LETTER_CP = new Uint8Array(65536);
const P_LETTER = /^[\p{L}]$/u;
function isLetterCp(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c > 0xffff) return P_LETTER.test(String.fromCodePoint(c));
  let k = LETTER_CP[c];
  if (k === 0) LETTER_CP[c] = k = P_LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** isUpper on one UTF-16 unit (results beyond ASCII cached per code). */
const UPPER_CODE = new Uint8Array(65536);
function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  let k = UPPER_CODE[c];
  if (k === 0) UPPER_CODE[c] = k = isUpper(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

const HEADLINE_VERBS = new Set([
  'Says', 'Say', 'Sees', 'See', 'Calls', 'Call', 'Rip', 'Rips', 'Slams', 'Slam', 'Blasts', 'Blast', 'Shows', 'Show', 'Rally',
  'Rallies', 'Reveals', 'Reveal', 'Explains', 'Warns', 'Warn', 'Tells', 'Tell', 'Claims', 'Claim', 'Denies', 'Deny',
  'Admits', 'Admit', 'Urges', 'Urge', 'Vows', 'Vow', 'Accuses', 'Accuse', 'Defends', 'Defend', 'Praises', 'Praise',
  'Mocks', 'Mock', 'Attacks', 'Attack', 'Insists', 'Insist', 'Argues', 'Argue', 'Asks', 'Ask', 'Wants', 'Want',
  'Thinks', 'Think', 'Believes', 'Believe', 'Declares', 'Declare', 'Predicts', 'Predict', 'Promises', 'Promise',
  'Is', 'Are', 'Was', 'Were', 'Has', 'Have', 'Will', 'Would', 'Could', 'Can', 'Should', 'Might', 'Explores',
  'Dismisses', 'Dismiss', 'Condemns', 'Condemn', 'Labels', 'Label', 'Dubs', 'Brands', 'Hits', 'Hit', 'Knocks',
  'Questions', 'Question', 'Suggests', 'Suggest', 'Agrees', 'Agree', 'Pushes', 'Pledges', 'Touts', 'Hails',
  'Lashes', 'Fires', 'Takes', 'Responds', 'Respond', 'Reacts', 'React', 'Demands', 'Demand', 'Worries', 'Fears',
]);

/** Subject of a headline: the capitalised words before its first verb (`Black Lawmakers` Rip …). */
function headlineSubject(m: string, hi: number): [[number, number], [number, number]] | null {
  wordRange(m, 0, hi);
  const wa = wrA;
  const wb = wrE;
  const wn = wb - wa;
  for (let k = 1; k < wn && k < 6; k++) {
    if (HEADLINE_VERBS.has(W(wa + k).w) || CUE_SET.has(W(wa + k).w.toLowerCase())) {
      for (let j = 0; j < k; j++) if (!isCap(W(wa + j).w)) return null;
      return [[W(wa).s, W(wa + k - 1).e], [W(wa + k).s, W(wa + k).e]];
    }
    if (W(wa + k).w === ',' || W(wa + k).w === MASK || W(wa + k).w === ':') return null;
  }
  return null;
}

/**
 * The index (relative to `wa`) of the word after the comma closing a relative clause that opens at relative index `r`
 * (`who`), within 30 words and without a quote or another clause mark in it; else -1.
 */
function afterRelative(wa: number, r: number, wn: number): number {
  for (let k = r + 1; k < wn && k - r <= 30; k++) {
    const w = W(wa + k).w;
    if (w === ',') return k + 1;
    if (w === MASK || w === ';' || w === ':' || w === '“' || w === '"' || w === '(') return -1;
  }
  return -1;
}

const INTRO_WORD =
  /^(?:On|In|At|During|After|Before|When|While|As|But|And|So|Yet|Then|Also|However|Meanwhile|Later|Earlier|Still|Though|Although|Because|If|Since|Now|Last|This|Speaking|Asked|Instead|Indeed|Moreover|Again|Similarly|Despite|Following|Only|For|From|With|Without|Unlike|Like|Amid|Among|Under|Over|Through|By|To|Until|Once|Even|Just|Here|There|Today|Yesterday|Thus|Still|Besides|Overall|Ultimately|Finally|First|Second|Third|Next|Recently|Previously|Currently|Sometimes|Often)$/;

/** Subordinating conjunctions opening a sentence with a clause before its subject. */
const SUBORDINATOR = new Set(['When', 'If', 'While', 'Although', 'Though', 'Because', 'Since', 'Unless', 'Whereas', 'Whenever', 'Once', 'After', 'Before', 'Until', 'As']);

/** Possessive determiners opening a sentence (`His`, `My`): not a subject by themselves. */
const POSS_DET = new Set(['His', 'Her', 'Their', 'Its', 'Our', 'My', 'Your']);

/** First noun phrase of the sentence (after an introductory `On Monday,`-style phrase) followed by a verb-like word. */
function sentenceSubject(m: string, lo: number, hi: number, person = false): [number, number] | null {
  wordRange(m, lo, hi);
  const wa = wrA;
  const wb = wrE;
  const wn = wb - wa;
  let i = 0;
  // skip an introductory phrase ending with a comma within the first 8 words
  for (let k = 0; k < Math.min(wn, 10); k++) {
    if (W(wa + k).w === ',') {
      const first = W(wa).w;
      if (INTRO_WORD.test(first) || /^[\p{Lu}][\p{Ll}]+(?:ing|ed)$/u.test(first) || !isCap(first)) i = k + 1;
      break;
    }
  }
  // a subordinate clause longer than that (`When terrorists are revealed as part of …, Obama and Clinton call them`):
  // its subject is not `When`, and the main clause's after a long clause is too often no speaker (`If …, Almost …`)
  if (i === 0 && wn > 0 && SUBORDINATOR.has(W(wa).w)) return null;
  if (i < wn && /^(?:But|And|So|Yet|Then|Also|However|Still)$/.test(W(wa + i).w)) i++;
  if (i >= wn) return null;
  const w0 = W(wa + i);
  if (PRONOUNS.has(w0.w.toLowerCase()) && w0.w.toLowerCase() !== 'it' && w0.w.toLowerCase() !== 'which' && w0.w.toLowerCase() !== 'you') return [w0.s, w0.e];
  // capitalised run possibly preceded by determiner/title words
  let j = i;
  let end = -1;
  let sawCap = false;
  for (; j < wn && j - i < 10; j++) {
    const w = W(wa + j);
    const lw = w.w.toLowerCase();
    if (w.w === ',' || w.w === '\u0001' || w.w === '“' || w.w === '"' || w.w === '(' || w.w === ':') break;
    if (j === i && DETERMINERS.has(lw)) {
      // `The article closes …`, `The two Republican presidents introduced …`: determiner + noun phrase
      let k = j + 1;
      let e2 = -1;
      for (; k < wn && k - j <= 5; k++) {
        const x = W(wa + k).w;
        const lx = x.toLowerCase();
        if (x === ',' || x === MASK || STOP_WORDS.has(lx) || CUE_SET.has(lx)) break;
        if (k > j + 1 && !isCap(x) && !TITLE_WORDS.has(lx) && !/^(?:two|three|four|five|other|top|new|former|senior)$/.test(lx) && !(k + 1 < wn && isCap(W(wa + k + 1).w) === false && /^(?:presidents|officials|leaders|lawmakers|members|voters|authors|experts|critics|analysts|researchers|groups|parents)$/.test(lx))) break;
        e2 = W(wa + k).e;
      }
      if (e2 < 0) return null;
      return [w.s, e2];
    }
    if (isCap(w.w)) {
      sawCap = true;
      end = w.e;
      continue;
    }
    if (!sawCap && TITLE_WORDS.has(lw)) {
      end = w.e;
      continue;
    }
    break;
  }
  if (!sawCap || end < 0) return null;
  // a possessive determiner alone is no subject (`My family …`), unless its words follow (`His comments were …`)
  if (j === i + 1 && POSS_DET.has(W(wa + i).w) && !(j < wn && NOMINAL_CUES.has(W(wa + j).w))) {
    // (but a role is, when a person is looked for: `Her deputy put it differently.`; as the subject of any sentence
    // holding a quote it is too often a group, `My fellow passengers …`)
    if (!person) return null;
    let r = j;
    while (r < wn && r - j < 3 && (tK[wa + r] & 7) === T_WORD && TITLE_WORDS.has(tokText(m, wa + r))) r++;
    if (r === j) return null;
    end = tE[wa + r - 1];
    j = r;
  }
  if (j >= wn) return null;
  // `Margaret, who asked that her surname not be used, lost her job`: a relative clause on the subject between commas,
  // then the verb
  // (only for a person looked for, or the speaker before a colon: as the subject of any sentence holding a quote, a
  // relative clause gives a team or a player who speaks no words, `Mali, who came closest, face … the 'Group of Death'`)
  if (person && W(wa + j).w === ',' && j + 1 < wn && isWordToken(m, wa + j + 1, 'who')) j = afterRelative(wa, j + 1, wn);
  if (j < 0 || j >= wn) return null;
  const nw = W(wa + j).w.toLowerCase();
  // require a verb-like word next (lowercase, not a preposition)
  if (STOP_WORDS.has(nw) && !/^(?:has|had|is|was|also|did|does|would|will|then)$/.test(nw)) return null;
  if (!/^[a-z]/.test(W(wa + j).w) && W(wa + j).w !== '’s') return null;
  return [W(wa + i).s, end];
}
