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
 * Only `article` lines are tagged (issue 7: entity spans lie inside article lines, like quotes); `meta` lines
 * (datelines, bylines) contribute places only with `metaPlaces: true`; boilerplate lines nothing.
 */
import { detach } from '../strings';
import type { Entity, EntityType, LineInfo } from '../types';
import { isLetter, tokenize, type Token } from './tokenize';
import { lineFeatures, isCapsLine, getLexicon, wordClass } from './features';
import { getModel, tagTokens } from './model';
import { gazetteer } from './gazetteer';

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
  /** A headline in title case ("Britney Spears Has No Visitation With Kids…"): case tells little about its names. */
  title?: boolean;
}

export interface EntityOptions {
  /** Per-paragraph results keyed by paragraph text; reused across calls (incremental analysis). */
  memo?: Map<string, LineEntities>;
  /** Also look for places in `meta` lines (datelines). Default false: spans lie inside article lines only. */
  metaPlaces?: boolean;
  /** Run the document-level consistency pass (default true; false is for measuring its effect). */
  documentPass?: boolean;
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
  const caps = isCapsLine(tokens);
  let out = splitAtSentenceEnds(tokens, spans).filter((s) => trimSpan(tokens, s, caps));
  out = splitPossessives(tokens, out);
  if (!caps) out = innerApostrophes(tokens, out);
  if (!caps) {
    out = dropSentenceStarts(tokens, out);
    out = splitPlaceThenPerson(tokens, out);
    out = splitTitles(tokens, out);
    out = leadingTitles(tokens, out);
    out = honorifics(tokens, out);
    out = countryAcronyms(tokens, out);
    out = corporateSuffixes(tokens, out);
    out = organisationHeads(tokens, out);
    out = splitAtClauseWords(tokens, out);
    out = prepositionsInNames(tokens, out);
    out = namePieces(tokens, out);
    out = hyphenedParticles(tokens, out);
    out = hyphenedGivenNames(tokens, out);
    out = initialsInNames(tokens, out);
    out = bareInitials(tokens, out);
    out = counties(tokens, out);
    out = storms(tokens, out);
    out = divineNames(tokens, out);
    out = ampersands(tokens, out);
    out = titledPeople(tokens, out);
    out = teams(tokens, out);
    out = organisationRuns(tokens, out);
    out = headsWithFor(tokens, out);
    out = agencyRuns(tokens, out);
    out = laws(tokens, out);
    out = administrations(tokens, out);
    out = leadingThe(tokens, out);
    out = lexiconPlaces(tokens, out);
    out = events(tokens, out);
    out = out.filter((s) => !(s.te - s.ts === 1 && COMMON_ACRONYMS.has(tokens[s.ts].w)));
  }
  out = out.filter((s) => !isFurniture(tokens, s.ts, s.te));
  return caps || !isTitleLine(tokens) ? { tokens, spans: out, caps } : { tokens, spans: out, caps, title: true };
}

/**
 * Words of a page's furniture that the tagger, which never saw a web page, reads as a one-word name: "Article
 * continues below", "Previous Article", "Permalink | Comments (7)", "Click here", "Email this".
 */
const PAGE_WORDS = new Set(['article', 'articles', 'advertisement', 'advertisements', 'permalink', 'comment', 'comments', 'subscribe', 'login', 'click', 'email', 'e-mail', 'photo', 'photos', 'video', 'videos', 'gallery', 'caption', 'print', 'previous', 'related']);
/** Nouns that refer to a part of a text by its number ("Article 46", "Figure 4", "Section 2.1", "Chapter IV"). */
const REFERENCE_NOUNS = new Set(['article', 'articles', 'section', 'sections', 'figure', 'fig.', 'table', 'chapter', 'part', 'paragraph', 'clause', 'appendix', 'annex', 'schedule', 'page']);
const NUMBER_OR_ROMAN = /^(?:\d[\d.:()a-z]*|[IVXLC]+)$/;

/**
 * A span of one word of the page's furniture (PAGE_WORDS), or a reference to a part of a text by its number
 * ("Article 39", "Figure 4", "Article VI", with the numeral in the span or alone): no entity of the three types.
 */
function isFurniture(tokens: readonly Token[], ts: number, te: number): boolean {
  const w = tokens[ts].w.toLowerCase();
  if (te - ts === 1 && PAGE_WORDS.has(w)) return true;
  // the numeral alone after such a noun ("Article" + "VI")
  if (te - ts === 1 && ts > 0 && REFERENCE_NOUNS.has(tokens[ts - 1].w.toLowerCase()) && NUMBER_OR_ROMAN.test(tokens[ts].w)) return true;
  if (!REFERENCE_NOUNS.has(w) || te - ts > 2) return false;
  const next = tokens[ts + 1]?.w ?? '';
  return NUMBER_OR_ROMAN.test(next);
}

/** Tokens that end a sentence: no name runs across one. */
const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '…', '...']);

/**
 * "with Martin Ødegaard. Declan Rice doubled", "an Ollie Watkins header. Unai Emery was": the tagger may run a name
 * across a full stop into the next sentence's first name; a span is cut at every sentence-ending token inside it
 * (the pieces are trimmed afterwards, so "Ollie Watkins header" loses "header").
 */
function splitAtSentenceEnds(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const out: LineSpan[] = [];
  for (const s of spans) {
    let a = s.ts;
    for (let k = s.ts + 1; k < s.te - 1; k++) {
      if (!SENTENCE_ENDS.has(tokens[k].w)) continue;
      out.push({ ts: a, te: k, tag: s.tag });
      a = k + 1;
    }
    out.push(a === s.ts ? s : { ts: a, te: s.te, tag: s.tag });
  }
  return out;
}

/**
 * A line in title case: at most 30 tokens, not ending in a full stop, at least 3 words of 4 letters or more, 80% of
 * them capitalised, and at least two capitalised verbs, prepositions, conjunctions, adverbs, determiners or pronouns
 * of 3 letters or more after the first word ("Has", "With", "Until"; a list of names, "Tom Hanks, Meryl Streep", a
 * table row or a sentence such as "The U.S. Treasury and the International Monetary Fund disagreed." is not one).
 */
function isTitleLine(tokens: readonly Token[]): boolean {
  if (tokens.length > 30 || tokens[tokens.length - 1].w === '.') return false;
  let long = 0, cap = 0, ordinary = 0;
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k].w;
    if (w.length < 3 || !isLetter(w[0])) continue;
    const c = isCapitalised(w);
    if (c && k > 0 && LEADING_JUNK.has(lexClass(w))) ordinary++; // a word a headline in title case capitalises
    if (w.length < 4) continue;
    long++;
    if (c) cap++;
  }
  return long >= 3 && cap >= 0.8 * long && ordinary >= 2;
}

const PLACE_CLASSES = new Set(['country', 'city', 'region', 'place']);
/**
 * Lexicon classes of function words and verbs: not the first word of a name, and the words a headline in title case
 * capitalises ("Has", "With", "Until").
 */
const LEADING_JUNK = new Set(['verb', 'det', 'pron', 'adv', 'conj', 'prep']);

/** Lexicon class of a word (compromise lexicon, lower-cased). */
function lexClass(w: string): string {
  return wordClass(w.toLowerCase());
}

/**
 * "the United States Anatoly Antonov": a place name from the lexicon directly followed by a first name
 * is two entities, not one.
 */
function splitPlaceThenPerson(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const lex = getLexicon();
  const out: LineSpan[] = [];
  for (const s of spans) {
    let done = false;
    // "St Louis", "St James' Park": a saint's name, not a place and a person
    const w0 = tokens[s.ts].w;
    if (s.te - s.ts >= 2 && w0 !== 'St' && w0 !== 'St.' && w0 !== 'Saint') {
      for (let j = s.ts + 1; j < s.te && !done; j++) {
        if (lexClass(tokens[j].w) !== 'first' || !isCapitalised(tokens[j].w)) continue;
        const key = tokens.slice(s.ts, j).map((t) => t.w.toLowerCase()).join(' ');
        const cls = j - s.ts === 1 ? lex.single.get(key) : lex.multiKey.get(key);
        if (cls && PLACE_CLASSES.has(cls)) {
          out.push({ ts: s.ts, te: j, tag: 'LOC' }, { ts: j, te: s.te, tag: 'PER' });
          done = true;
        }
      }
    }
    if (!done) out.push(s);
  }
  return out;
}

/** "Magna's North American": a possessive ends a name. */
function splitPossessives(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const out: LineSpan[] = [];
  for (const s of spans) {
    let a = s.ts;
    for (let k = s.ts + 1; k < s.te - 1; k++) {
      const w = tokens[k].w;
      if (w.length === 2 && (w[0] === "'" || w[0] === '’') && (w[1] === 's' || w[1] === 'S')) {
        out.push({ ts: a, te: k, tag: s.tag });
        a = k + 1;
      }
    }
    out.push(a === s.ts ? s : { ts: a, te: s.te, tag: s.tag });
  }
  return out;
}

/** Last words of a name with an apostrophe inside that make it a place ("St James' Park", "St Mary's Church"). */
const APOS_PLACE_HEADS = new Set(['park', 'church', 'cathedral', 'abbey', 'chapel', 'square', 'street', 'road', 'lane', 'green', 'bridge', 'cross', 'gate', 'ground', 'gardens', 'island', 'bay', 'hill']);
/** Lexicon classes of names and places: a possessive after one is a possessive ("China's Foreign Ministry"). */
const POSSESSOR_CLASSES = new Set(['first', 'last', 'person', 'country', 'city', 'region', 'place', 'demonym', 'date', 'team', 'org', 'hon', 'abbr', 'num', 'unit', 'expr', 'det', 'pron', 'conj', 'prep', 'adv']);
/** Words that may follow a stand-alone name in "'s" ("at Lord's on Thursday", "at Lord's."). */
const AFTER_STANDALONE = new Set(['.', ',', ';', ':', ')', '!', '?', 'on', 'in', 'at', 'for', 'since', 'during', 'and']);

/**
 * Names with an apostrophe inside, which the tokenizer cuts as a possessive: "King's College Hospital", "Women's
 * Tennis Association", "St James' Park", "St John's College", "Manchester Magistrates' Court", "Landless Workers'
 * Movement", and "Lord's" alone. The word before the apostrophe is a common noun or a title ("King", "Women",
 * "Magistrates", "Lord"), or a name after "St"; never a name, place or date of the lexicon ("China's Foreign Ministry",
 * "Sunday's Grand Prix" are possessives), nor a word it does not know unless a plural with a bare apostrophe
 * ("Workers'"). The capitalised words after it must end in an organisation or place word ("College", "Association",
 * "Court", "Park"); the whole is a place when that word is one of APOS_PLACE_HEADS, else an organisation. Alone ("at
 * Lord's on Thursday", "at Lord's."), only a title or common noun the tagger made a name of, before punctuation or a
 * preposition, keeps its "'s".
 */
function innerApostrophes(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (let k = 1; k < n; k++) {
    const m = tokens[k].w;
    const bare = m === "'" || m === '’';
    if (!bare && !(m.length === 2 && (m[0] === "'" || m[0] === '’') && m[1] === 's')) continue;
    const lw = tokens[k - 1].w;
    if (!isNameWord(lw) || !PLAIN_NAME.test(lw)) continue;
    const saint = k >= 2 && (tokens[k - 2].w === 'St' || tokens[k - 2].w === 'St.' || tokens[k - 2].w === 'Saint');
    const lc = lexClass(lw);
    if (!saint && (POSSESSOR_CLASSES.has(lc) || (lc === '' && !(bare && lw.endsWith('s'))))) continue;
    at ??= spansByToken(n, spans);
    // the capitalised words after the apostrophe, up to the last organisation or place word among them
    let e = k + 1, end = -1;
    while (e < n && e - k <= 5 && isNameWord(tokens[e].w) && PLAIN_NAME.test(tokens[e].w)) {
      const h = tokens[e].w.toLowerCase();
      const head = isOrgHead(tokens[e].w) || APOS_PLACE_HEADS.has(h) || PLACE_HEADS.has(h) || h === 'movement';
      if (head) end = e + 1;
      else if (LEADING_JUNK.has(lexClass(h))) break;
      e++;
    }
    let tag: Tag;
    // a one-word organisation before the apostrophe owns what follows ("Labour's National Executive Committee")
    if (!bare && !saint && at[k - 1]?.tag === 'ORG') continue;
    if (end > 0) {
      tag = APOS_PLACE_HEADS.has(tokens[end - 1].w.toLowerCase()) ? 'LOC' : 'ORG';
      const r = at[end - 1];
      if (r && r.te > end) {
        // a longer name that opens right after the apostrophe ("People's" + "Bank of China") is joined whole; one that
        // opens before it is left as the tagger read it
        if (r.ts !== k + 1 && r.ts !== k) continue;
        end = r.te;
        if (r.tag === 'ORG' || r.tag === 'LOC') tag = r.tag;
      }
    } else {
      // alone: "Lord's"
      const l = at[k - 1];
      if (saint || bare || !l || l.ts !== k - 1 || l.te !== k || (k + 1 < n && !AFTER_STANDALONE.has(tokens[k + 1].w)) || !(lc === 'actor' || lc === 'noun')) continue;
      if (k >= 2 && isCapitalised(tokens[k - 2].w) && !SENTENCE_BOUNDARY.has(tokens[k - 2].w) && !LEADING_JUNK.has(lexClass(tokens[k - 2].w))) continue;
      joined.push({ ts: k - 1, te: k + 1, tag: l.tag });
      continue;
    }
    // the name before the apostrophe: the tagger's span that ends there, "St" and the name, or the word alone, with
    // untagged name words before it ("Manchester" + "Magistrates'")
    const l = at[k - 1];
    if (l && l.te >= end) continue; // the tagger has the whole name already ("Toronto Bond Traders' Association")
    let ts = saint ? k - 2 : k - 1;
    if (l && l.te === k && l.ts < ts) ts = l.ts;
    while (ts > 0 && ts > k - 4 && !at[ts - 1] && isNameWord(tokens[ts - 1].w) && !NOT_ORG_WORDS.has(lexClass(tokens[ts - 1].w)) && !isTitleWord(tokens[ts - 1].w) && !(ts - 1 === 0 || SENTENCE_BOUNDARY.has(tokens[ts - 2].w))) ts--;
    joined.push({ ts, te: end, tag });
    k = end - 1;
  }
  return withJoined(spans, joined);
}

const SENTENCE_BOUNDARY = new Set(['.', '!', '?', '"', '“', '”', ':', ';', '(', '-', '--', '—', '–']);

/** A pronoun with a contraction ("I've", "We'll", "It's"): never a name. */
const PRONOUN_CONTRACTION = /^(?:I|You|We|They|He|She|It|There|That)['’](?:ve|ll|d|m|re|s)$/;
/**
 * Mass and collective nouns that open news sentences ("Staff at the plant…", "Demand rose…") and that the tagger,
 * fitted on 1996 text, may read as a person's one-word name.
 */
const COMMON_OPENERS = new Set(
  ('staff crew personnel management demand inflation unemployment turnover attendance traffic footage evidence research ' +
    'funding weather damage tickets cases passengers residents officials shares prices sales profits revenues analysts ' +
    'investors voters critics supporters fans players workers employees customers patients doctors nurses teachers ' +
    'pupils students parents families children villagers protesters demonstrators rebels troops soldiers firefighters ' +
    'rescuers witnesses neighbours neighbors locals visitors tourists shoppers consumers users viewers listeners readers ' +
    'scientists researchers experts economists lawyers prosecutors investigators detectives officers police ' +
    'paramedics survivors victims migrants refugees farmers drivers pilots travellers travelers commuters members ' +
    'deaths infections hospitalisations hospitalizations arrests talks negotiations efforts plans reports results ' +
    'figures data estimates forecasts exports imports sanctions tariffs rates yields bonds stocks markets').split(' '),
);

/**
 * A plural common noun: ends in "s" (not "ss"), is no name or place of the lexicon, and its singular is a noun of the
 * lexicon ("Tickets", "Cases", "Passengers"; not "Williams", a first name's plural, nor "Jones", which it lacks).
 */
function isCommonPlural(w: string): boolean {
  const l = w.toLowerCase();
  if (!PLAIN_NAME.test(w) || !l.endsWith('s') || l.endsWith('ss')) return false;
  const c = lexClass(l);
  if (c !== '' && c !== 'noun') return false;
  const one = lexClass(l.slice(0, -1));
  const ies = l.endsWith('ies') ? lexClass(l.slice(0, -3) + 'y') : '';
  const es = l.endsWith('es') ? lexClass(l.slice(0, -2)) : '';
  return one === 'noun' || ies === 'noun' || es === 'noun';
}

/**
 * Connectives and sentence adverbs that open sentences ("Elsewhere, …", "Overall, turnout …", "Earlier, police …") and
 * that compromise's lexicon lacks or has as adjectives; adverbs in "-ly" are found by their shape (isLyAdverb).
 */
const SENTENCE_ADVERBS = new Set(
  ('elsewhere overall earlier later still yet again instead meanwhile moreover furthermore likewise otherwise ' +
    'nevertheless nonetheless besides anyway indeed altogether afterwards afterward thereafter beforehand nowadays ' +
    'henceforth hence therefore thus however whereas perhaps maybe sometimes today tonight tomorrow yesterday ' +
    'regardless needless sadly oddly there here').split(' '),
);
/** Lexicon classes of names and places: a word of these is no adverb whatever its ending ("Emily", "Italy"). */
/** A capitalised word of plain English letters ("Finally"; not "Kodály", a name). */
const ASCII_WORD = /^[A-Z][a-z]+$/;
const NAMED_CLASSES = new Set(['first', 'last', 'person', 'country', 'city', 'region', 'place', 'org', 'team', 'demonym']);

/**
 * An adverb in "-ly" by its shape ("Finally", "Unfortunately", "Additionally", "Notably", "Luckily"; compromise's
 * lexicon lacks most of them): six letters or more, "-lly" only as "-ally" or "-fully" (not "Connolly", "Kelly"), and no name or
 * place of the lexicon ("Emily", "Beverly", "Italy"), in plain English letters ("Kodály" is a name).
 */
function isLyAdverb(w: string): boolean {
  const n = w.length;
  if (n < 6 || w.charCodeAt(n - 1) !== 121 /* y */ || w.charCodeAt(n - 2) !== 108 /* l */) return false;
  if (w.charCodeAt(n - 3) === 108 && w.charCodeAt(n - 4) !== 97 /* a */ && !w.endsWith('fully')) return false;
  return ASCII_WORD.test(w) && !NAMED_CLASSES.has(lexClass(w));
}

/**
 * A plural of a common or organisation word of the lexicon ("Authorities", "Agencies"): a person's one-word name
 * nowhere.
 */
function isPluralOfOrgWord(l: string): boolean {
  return l.endsWith('ies') ? lexClass(l.slice(0, -3) + 'y') === 'orgword' : l.endsWith('s') && !l.endsWith('ss') && lexClass(l.slice(0, -1)) === 'orgword';
}

/**
 * A single capitalised common word opening a sentence ("According to ...", "However, ...") is not a name, nor an
 * interjection ("Please", "Yes", "Oh"); nor is a connective or sentence adverb ("Elsewhere", "Overall", "Finally", "Unfortunately"), nor a plural common noun or a
 * mass noun the tagger read as a one-word person there ("The show was good. Tickets sold out.", "Cases rose", "Staff
 * at the plant", "Authorities said"), nor a pronoun with a contraction anywhere ("I've").
 */
function dropSentenceStarts(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  return spans.filter((s) => {
    if (s.te - s.ts !== 1) return true;
    const w = tokens[s.ts].w;
    if (PRONOUN_CONTRACTION.test(w)) return false;
    if (s.ts > 0 && !SENTENCE_BOUNDARY.has(tokens[s.ts - 1].w)) return true;
    if (!isCapitalised(w) || w === w.toUpperCase()) return true;
    const l = w.toLowerCase();
    if (s.tag === 'PER' && (isCommonPlural(w) || COMMON_OPENERS.has(l) || isPluralOfOrgWord(l))) return false;
    const c = lexClass(w);
    return !(LEADING_JUNK.has(c) || c === 'expr' || SENTENCE_ADVERBS.has(l) || isLyAdverb(w));
  });
}

/** Job titles that separate an organisation from the person holding the job ("White House Press Secretary Psaki"). */
const TITLES = new Set(
  ('secretary minister president spokesman spokeswoman spokesperson chairman chairwoman chair director ambassador ' +
    'governor senator chief executive officer manager coach premier chancellor mayor commissioner envoy general ' +
    'prosecutor judge leader head founder editor correspondent analyst economist captain striker goalkeeper')
    .split(' '),
);
const TITLE_MODIFIERS = new Set(['press', 'deputy', 'vice', 'foreign', 'prime', 'assistant', 'acting', 'former', 'senior', 'executive', 'general', 'state', 'finance', 'interior', 'defence', 'defense', 'managing', 'chief']);

function splitTitles(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const out: LineSpan[] = [];
  for (const s of spans) {
    let j = -1;
    for (let k = s.te - 2; k > s.ts; k--) if (TITLES.has(tokens[k].w.toLowerCase())) { j = k; break; }
    if (j < 0) { out.push(s); continue; }
    let h = j;
    while (h > s.ts && (TITLES.has(tokens[h - 1].w.toLowerCase()) || TITLE_MODIFIERS.has(tokens[h - 1].w.toLowerCase()))) h--;
    if (h > s.ts) out.push({ ts: s.ts, te: h, tag: s.tag === 'PER' ? 'ORG' : s.tag });
    out.push({ ts: j + 1, te: s.te, tag: 'PER' });
  }
  return out;
}

/**
 * A title or form of address in front of a first name is not part of the person's name ("Justice Sonia Sotomayor",
 * "Professor Jane Smith"), nor is a role word opening the sentence ("Pundit Rafael van der Vaart"): the span becomes
 * the person from the first name on.
 */
function leadingTitles(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  // the title alone before the person ("Justice" + "Anthony Kennedy") is nothing
  const kept = spans.filter((s, k) => !(s.te - s.ts === 1 && (isTitleWord(tokens[s.ts].w) || isOpeningRole(tokens, s.ts)) && spans[k + 1]?.ts === s.te && spans[k + 1].tag === 'PER'));
  return kept.map((s) => {
    // "Queen Camilla", "Pope Francis": the whole is the person
    if (s.tag !== 'PER' && s.te - s.ts >= 2 && STYLED.has(tokens[s.ts].w.toLowerCase()) && isCapitalised(tokens[s.ts].w) && lexClass(tokens[s.ts + 1].w) === 'first' && isNameWord(tokens[s.ts + 1].w)) return { ts: s.ts, te: s.te, tag: 'PER' as Tag };
    let a = s.ts;
    if (isOpeningRole(tokens, a) && a < s.te - 1) a++;
    while (a < s.te - 1 && isTitleWord(tokens[a].w)) a++;
    if (a === s.ts || lexClass(tokens[a].w) !== 'first' || !isNameWord(tokens[a].w)) return s;
    return { ts: a, te: s.te, tag: 'PER' as Tag };
  });
}
/** A role word opening a sentence, capitalised there ("Pundit Rafael van der Vaart", "Bowler RP Singh"): no name's. */
function isOpeningRole(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i].w;
  return (i === 0 || SENTENCE_BOUNDARY.has(tokens[i - 1].w)) && isCapitalised(w) && PERSON_ROLES.has(w.toLowerCase());
}
function isTitleWord(w: string): boolean {
  const l = w.toLowerCase();
  return isCapitalised(w) && (TITLES.has(l) || TITLE_MODIFIERS.has(l) || ADDRESS_WORDS.has(l) || l === 'justices') && !STYLED.has(l);
}
/**
 * Forms of address, with or without a full stop ("Mr", "Dr." — British style writes them without one), that are not
 * part of the person's name: "Dr Smith said" is the person "Smith", as "Mr. Smith" is. Not "Sir", "Lord", "Dame"
 * (STYLED), nor "MX" in capitals.
 */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'messrs', 'mme', 'mlle']);
function isHonorific(w: string): boolean {
  return w.length > 1 && isCapitalised(w) && w[1] !== w[1].toUpperCase() && HONORIFICS.has((w.endsWith('.') ? w.slice(0, -1) : w).toLowerCase());
}

/**
 * A form of address opening a span before one to three name words ("Mr Smith", "Dr Jane Foster") is left out; what
 * follows is the person, whatever type the tagger gave the whole. Not a name ending in an organisation word.
 */
function honorifics(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  // a form of address alone is nobody
  return spans.filter((s) => !(s.te - s.ts === 1 && isHonorific(tokens[s.ts].w))).map((s) => {
    if (s.te - s.ts < 2 || s.te - s.ts > 4 || !isHonorific(tokens[s.ts].w) || !isNameWord(tokens[s.ts + 1].w)) return s;
    if (s.tag !== 'PER' && isOrgHead(tokens[s.te - 1].w)) return s;
    return { ts: s.ts + 1, te: s.te, tag: 'PER' as Tag };
  });
}

/** Titles that name the person with the name ("Pope Francis", "Prince William", "Sir David Attenborough"). */
const STYLED = new Set(['pope', 'king', 'queen', 'prince', 'princess', 'sir', 'lord', 'lady', 'dame', 'saint', 'mother', 'father', 'sister', 'brother']);

/** Country abbreviations written in capitals ("US", "UK"): places, not acronyms of organisations. */
const COUNTRY_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'U.S.', 'U.K.', 'U.S.A.', 'DRC', 'PRC', 'ROK', 'DPRK']);

function countryAcronyms(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const covered = new Int8Array(tokens.length);
  const out = spans.map((s) => {
    for (let i = s.ts; i < s.te; i++) covered[i] = 1;
    return s.te - s.ts === 1 && COUNTRY_ACRONYMS.has(tokens[s.ts].w) ? { ts: s.ts, te: s.te, tag: 'LOC' as Tag } : s;
  });
  for (let i = 0; i < tokens.length; i++)
    if (!covered[i] && COUNTRY_ACRONYMS.has(tokens[i].w)) out.push({ ts: i, te: i + 1, tag: 'LOC' });
  return out.sort((a, b) => a.ts - b.ts);
}

const CORP_SUFFIX = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'l.l.c.', 'plc', 'ag', 'gmbh', 'sa', 's.a.', 'nv',
  'n.v.', 'bhd', 'pty', 'lp', 'l.p.', 'llp', 'spa', 's.p.a.', 'limited', 'incorporated', 'corporation',
]);

/** "Acme Widgets Inc.", "Google LLC", "Schroder Wertheim & Co.": capitalised words ending in a company suffix. */
function corporateSuffixes(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let out = spans;
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i].w;
    if (!CORP_SUFFIX.has(w.toLowerCase()) || !/^[A-Z]/.test(w)) continue;
    let a = i;
    while (a > 0) {
      const p = tokens[a - 1].w;
      if (isCapitalised(p) && !(a - 1 === 0 && LEADING_JUNK.has(lexClass(p)))) { a--; continue; }
      if (p === '&' && a - 2 >= 0 && isCapitalised(tokens[a - 2].w)) { a -= 2; continue; }
      break;
    }
    if (a === i) continue;
    // keep a longer organisation that already covers the suffix
    if (out.some((s) => s.tag === 'ORG' && s.ts <= a && s.te > i)) continue;
    out = out.filter((s) => s.te <= a || s.ts > i).concat({ ts: a, te: i + 1, tag: 'ORG' });
    out.sort((x, y) => x.ts - y.ts);
  }
  return out;
}

/**
 * A name of two or more words that ends in an organisation word of the lexicon ("Los Angeles Police Department",
 * "Harvard University", "Berlin Philharmonic Orchestra") is an organisation, whatever place or person opens it.
 */
function organisationHeads(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  return spans.map((s) => {
    if (s.tag === 'ORG' || s.te - s.ts < 2) return s;
    const head = tokens[s.te - 1].w;
    const h = head.toLowerCase();
    if (s.tag === 'MISC') return isCapitalised(head) && (FULL_ORG_HEADS.has(h) || h === 'organization' || h === 'organisation') ? { ts: s.ts, te: s.te, tag: 'ORG' as Tag } : s;
    const placeHead = PLACE_HEADS.has(h) && (h !== 'bank' || (s.te - s.ts === 2 && BANK_SIDES.has(tokens[s.ts].w.toLowerCase())));
    return isCapitalised(head) && (lexClass(head) === 'orgword' || MORE_ORG_HEADS.has(h)) && !placeHead ? { ts: s.ts, te: s.te, tag: 'ORG' as Tag } : s;
  });
}
/** "West Bank", "Left Bank": a bank that is a place (any other name ending in Bank is one: "Silicon Valley Bank"). */
const BANK_SIDES = new Set(['west', 'east', 'north', 'south', 'left', 'right']);
/** Organisation words the lexicon does not have as such ("Brookings Institution", "Berlin Philharmonic"). */
const MORE_ORG_HEADS = new Set<string>(['institution', 'organisation', 'organization', 'party', 'league', 'alliance', 'philharmonic', 'tribune', 'exchange', 'fund', 'trust', 'club', 'studios', 'laboratories', 'court']);
/** Organisation words that also end names of places and buildings ("West Bank", "Soviet Union", "Tennis Centre"). */
const PLACE_HEADS = new Set(['bank', 'union', 'hotel', 'hotels', 'federation', 'centre', 'center', 'hospital', 'office', 'house', 'hall', 'church', 'museum', 'school', 'college']);

/** Lower-case words that never stand inside a name ("The New York Times that Bank of America"). */
const CLAUSE_CLASSES = new Set(['verb', 'pron', 'adv']);
const CLAUSE_WORDS = new Set(['that', 'than', 'but', 'if', 'because', 'while', 'whether', 'although', 'though', 'unless']);

/**
 * "Jet Propulsion Laboratory in Pasadena": "in" after an organisation word, before one to three capitalised words that
 * end the span, separates the organisation from its place. Not "Board of Control for Cricket in India" (no such word
 * before "in").
 */
function placeAfterHead(tokens: Token[], i: number, e: number): boolean {
  const h = tokens[i - 1].w;
  if (!isCapitalised(h) || !(RUN_HEADS.has(h.toLowerCase()) || FULL_ORG_HEADS.has(h.toLowerCase()))) return false;
  if (e - i - 1 > 3) return false;
  for (let k = i + 1; k < e; k++) if (!isNameWord(tokens[k].w)) return false;
  return true;
}

/** Prepositions before a date: "… Sciences in March", "… Council on Monday" end the name before them. */
const DATE_PREPS = new Set(['in', 'on', 'since', 'until', 'by']);
const DATE_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * A span with a lower-case clause word inside is two names (or one and nothing): split there; also at a preposition
 * before a date ("the Academy of Motion Picture Arts and Sciences in March").
 */
function splitAtClauseWords(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let out: LineSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const parts: LineSpan[] = [];
    let a = s.ts;
    // "and"/"or" between two people or two places ("Africa and Southeast Asia", "Chase or Wells Fargo"), not in an
    // organisation's name ("Securities and Exchange Commission") or a place's own ("Trinidad and Tobago")
    const lists = (s.tag === 'PER' || s.tag === 'LOC') && !PLACE_CLASSES.has(getLexicon().multiKey.get(spanWords(tokens, s)) ?? '');
    for (let i = s.ts + 1; i < s.te - 1; i++) {
      const w = tokens[i].w;
      if (!/^\p{Ll}/u.test(w) || !(CLAUSE_WORDS.has(w) || CLAUSE_CLASSES.has(lexClass(w)) || (lists && (w === 'and' || w === 'or')) || (s.tag === 'ORG' && w === 'and' && twoOrganisations(tokens, s.ts, i, s.te)) || (DATE_PREPS.has(w) && DATE_WORD.test(tokens[i + 1].w)) || (s.tag === 'ORG' && w === 'in' && placeAfterHead(tokens, i, s.te)))) continue;
      parts.push({ ts: a, te: i, tag: s.tag });
      a = i + 1;
      if (w === 'in' && s.tag === 'ORG') { parts.push({ ts: a, te: s.te, tag: 'LOC' }); a = s.te; break; }
      // the date itself ("in March", "on Monday") and what follows it in the span are no part of a name
      if (DATE_PREPS.has(w) && DATE_WORD.test(tokens[i + 1].w)) { a = s.te; break; }
    }
    if (parts.length === 0) { out?.push(s); continue; }
    out ??= spans.slice(0, k);
    if (a < s.te) parts.push({ ts: a, te: s.te, tag: s.tag });
    for (const p of parts) if (trimSpan(tokens, p, false) && p.te > p.ts) out.push(p);
  }
  return placesWithAnd(tokens, out ?? spans);
}

/** Prepositions of place inside a person's span: what follows is a place ("Anwar Ibrahim in Kuala Lumpur"). */
const PLACE_AFTER_PREP = new Set(['in', 'at', 'from', 'near']);
/** Endings of common nouns that are no surname ("Society", "Movement", "Fighting", "Manufacturers"). */
const NOUN_ENDING = /(?:ity|ities|ments?|ness|isms?|tions?|sions?|ings?|ics|ogy|ships?|ances?|ences?|ers)$/;

/** A span's words [a, e) are a person's name: plain capitalised words, first names, surnames or words the lexicon does
 * not know (not ending like a common noun nor a plural of one: "Manufacturers"), the first one perhaps a common noun used as a first name ("Faith",
 * "Hope"); no organisation or place word, title, adjective or function word ("Bank", "Royal Bank", "Islamic Republic"). */
function personWords(tokens: readonly Token[], a: number, e: number): boolean {
  for (let k = a; k < e; k++) {
    const w = tokens[k].w;
    if (!PLAIN_NAME.test(w) || w.endsWith('.') || isTitleWord(w)) return false;
    const c = lexClass(w);
    if (c === 'first' || c === 'last' || c === 'person') continue;
    if (c === '' && !NOUN_ENDING.test(w) && !isCommonPlural(w)) continue;
    if (c === 'noun' && k === a && e - a >= 2 && lexClass(tokens[k + 1].w) !== 'noun') continue;
    return false;
  }
  return true;
}

/**
 * A name does not hold a preposition: "Faith Kipyegon of Kenya" (read as one organisation) is the person and her
 * country, when the words before "of" are a person's (two or three: "Bank of England", "Royal Bank of Scotland",
 * "Islamic Republic of Iran" stay whole) and the words after it a place of the lexicon to the span's end; "Anwar Ibrahim
 * in Kuala Lumpur" (read as one person) is the person and, after "in", "at", "from" or "near", a place; another
 * lower-case preposition ("for", "with", "as") ends the person ("Relay for Life" is none). Particles ("de", "van",
 * "bin") are no prepositions here.
 */
function prepositionsInNames(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let out: LineSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    let parts: LineSpan[] | null = null;
    if (s.te - s.ts >= 3 && s.tag !== 'MISC') {
      for (let i = s.ts + 1; i < s.te - 1 && !parts; i++) {
        const w = tokens[i].w;
        const c0 = w.charCodeAt(0);
        if (c0 < 97 || c0 > 122 || PARTICLES.has(w)) continue; // a lower-case word first (cheap)
        if (w === 'of') {
          if (i - s.ts < (s.tag === 'PER' ? 1 : 2) || i - s.ts > 3 || !personWords(tokens, s.ts, i)) continue;
          const right = { ts: i + 1, te: s.te, tag: 'LOC' as Tag };
          const cls = s.te - i - 1 === 1 ? lexClass(tokens[i + 1].w) : getLexicon().multiKey.get(spanWords(tokens, right)) ?? '';
          if (!PLACE_CLASSES.has(cls) || !isCapitalised(tokens[i + 1].w)) continue;
          parts = [{ ts: s.ts, te: i, tag: 'PER' }, right];
        } else if (s.tag === 'PER' && lexClass(w) === 'prep') {
          let ok = true;
          for (let j = i + 1; j < s.te && ok; j++) ok = isNameWord(tokens[j].w);
          if (!ok) continue;
          parts = PLACE_AFTER_PREP.has(w) ? [{ ts: s.ts, te: i, tag: 'PER' }, { ts: i + 1, te: s.te, tag: 'LOC' }] : [{ ts: s.ts, te: i, tag: 'PER' }];
        }
      }
    }
    if (!parts) { out?.push(s); continue; }
    out ??= spans.slice(0, k);
    out.push(...parts);
  }
  return out ?? spans;
}

/** Organisation words that end a whole organisation's name ("… University", "… Institute"; not "Post" or "Power"). */
const FULL_ORG_HEADS = new Set(['university', 'institute', 'college', 'school', 'company', 'corporation', 'bank', 'agency', 'ministry', 'department', 'council', 'commission', 'committee', 'foundation', 'association', 'party', 'hospital', 'federation', 'union', 'society', 'group']);

/**
 * "and" at `i` inside an organisation's span [a, e) stands between two organisations: the second ends in a company
 * suffix ("Advanced Micro Devices and Intel Corp."), or both are one word ("Shell and Caltex", "Braves and Cubs"), or
 * each ends in a word that ends a whole organisation's name ("Massachusetts Institute of Technology and Stanford
 * University"), or one side is a name of the gazetteer ("Advanced Micro Devices and Broadcom"). Not "Securities and
 * Exchange Commission", "Organisation for Security and Cooperation in Europe", "Guangdong Post and Telecommunications
 * Administration".
 */
function twoOrganisations(tokens: Token[], a: number, i: number, e: number): boolean {
  if (i - a < 1 || e - i < 2) return false;
  // one side is an organisation of the gazetteer ("Advanced Micro Devices and Broadcom")
  const gaz = gazetteer();
  if (gaz.has(spanWords(tokens, { ts: a, te: i, tag: 'ORG' })) || gaz.has(spanWords(tokens, { ts: i + 1, te: e, tag: 'ORG' }))) return true;
  const last = tokens[e - 1].w.toLowerCase();
  // an abbreviated suffix: "Grains Research and Development Corporation" is one organisation
  if (CORP_SUFFIX.has(last) && !SPELLED_SUFFIX.has(last)) return e - i > 2;
  if (i - a === 1 && e - i === 2) return isNameWord(tokens[a].w) && isNameWord(tokens[i + 1].w) && !COMMON.has(lexClass(tokens[a].w)) && !COMMON.has(lexClass(tokens[i + 1].w));
  const ends = (k: number) => FULL_ORG_HEADS.has(tokens[k].w.toLowerCase());
  let leftHead = false;
  for (let k = a + 1; k < i && !leftHead; k++) leftHead = ends(k) && (k === i - 1 || tokens[k + 1].w === 'of');
  return leftHead && ends(e - 1);
}
const COMMON = new Set(['noun', 'adj', 'verb', 'orgword', 'placeword']);
/** A word of three letters or more that the lexicon has as no ordinary word (neither a function word nor COMMON). */
function isRareWord(w: string): boolean {
  const c = lexClass(w);
  return w.length > 2 && !LEADING_JUNK.has(c) && !COMMON.has(c);
}
const SPELLED_SUFFIX = new Set(['corporation', 'limited', 'incorporated']);

/** "Trinidad and Tobago", "Bosnia and Herzegovina": two places around "and" that are one in the lexicon are one. */
function placesWithAnd(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let out: LineSpan[] | null = null;
  for (let k = 0; k + 1 < spans.length; k++) {
    const l = spans[k], r = spans[k + 1];
    if (l.tag !== 'LOC' || r.tag !== 'LOC' || r.ts !== l.te + 1 || tokens[l.te].w !== 'and') continue;
    if (!PLACE_CLASSES.has(getLexicon().multiKey.get(spanWords(tokens, { ts: l.ts, te: r.te, tag: 'LOC' })) ?? '')) continue;
    out ??= spans.slice();
    out.splice(out.indexOf(l), 2, { ts: l.ts, te: r.te, tag: 'LOC' });
    k++;
  }
  return out ?? spans;
}

/** The span's words, lower-cased and joined by spaces (a key of the lexicon's multi-word names). */
function spanWords(tokens: Token[], s: LineSpan): string {
  return tokens.slice(s.ts, s.te).map((t) => t.w.toLowerCase()).join(' ');
}

/** Particles inside people's names: "Ursula von der Leyen", "Mohammed bin Salman", "Leonardo da Vinci". */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'des', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'zu', 'y']);
/** Particles that open a surname alone ("van Gogh", "de Gaulle", "bin Laden"; not "la", "y", "al", "da"). */
const LONE_PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'bin', 'ibn', 'ter', 'ten']);
/** Words before a surname that are not a first name ("Professor O'Neill", "Father O'Malley"). */
const ADDRESS_WORDS = new Set(
  ('professor doctor father mother sister brother reverend sir lord lady dame king queen prince princess pope saint ' +
    'bishop cardinal miss mister madam judge justice coach senator congressman congresswoman officer detective ' +
    'sergeant agent inspector uncle aunt grandma grandpa').split(' '),
);
/** Irish surnames the tagger reads as other things: "Beto O'Rourke", "Conan O’Brien". */
const O_SURNAME = /^O['’]\p{Lu}\p{Ll}+$/u;
/** Party and state after a politician's name ("D-Mass.", "R-Texas"): not a place of its own. */
const PARTY_STATE = /^[DRI]-\p{Lu}[\p{L}.]*$/u;

/** The span covering each of `n` tokens, or null. */
function spansByToken(n: number, spans: LineSpan[]): (LineSpan | null)[] {
  const at: (LineSpan | null)[] = new Array(n).fill(null);
  for (const s of spans) for (let i = s.ts; i < s.te; i++) at[i] = s;
  return at;
}

/** `spans` with the `joined` names, which replace the spans they overlap. */
function withJoined(spans: LineSpan[], joined: LineSpan[]): LineSpan[] {
  if (joined.length === 0) return spans;
  return spans.filter((s) => !joined.some((x) => s.ts < x.te && s.te > x.ts)).concat(joined).sort((x, y) => x.ts - y.ts);
}

/**
 * People's names the tagger cuts in pieces: a person, then particles, then a capitalised word ("von der Leyen");
 * particles before a one-word person, with no name before them ("von der Leyen said", "de Gaulle");
 * a capitalised name word before an O' surname ("Beto O'Rourke"). "D-Mass." alone is not a place.
 */
function namePieces(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  const out = spans.filter((s) => !(s.te - s.ts === 1 && PARTY_STATE.test(tokens[s.ts].w)));
  const at = spansByToken(n, out);
  const joined: LineSpan[] = [];
  for (let i = 1; i < n; i++) {
    const w = tokens[i].w;
    let ts = -1;
    let te = -1;
    if (PARTICLES.has(w) && !isNameWord(tokens[i - 1].w) && !PARTICLES.has(tokens[i - 1].w)) {
      // a surname with its particles and no first name ("von der Leyen said", "de Gaulle"): the particles join the
      // one-word person after them
      let j = i;
      while (j < n && j - i < 3 && PARTICLES.has(tokens[j].w)) j++;
      const right = j < n ? at[j] : null;
      if (!right || right.tag !== 'PER' || right.ts !== j || right.te - right.ts !== 1) continue;
      if (j - i === 1 && !LONE_PARTICLES.has(w)) continue;
      ts = i;
      te = right.te;
    } else if (PARTICLES.has(w)) {
      const left = at[i - 1];
      if (!left || left.tag !== 'PER' || left.te !== i) continue;
      let j = i;
      while (j < n && j - i < 3 && PARTICLES.has(tokens[j].w)) j++;
      if (j >= n || !isNameWord(tokens[j].w) || NOT_NAMES.has(lexClass(tokens[j].w))) continue;
      const right = at[j];
      if (right && (right.ts !== j || (right.tag !== 'PER' && right.te - right.ts > 1))) continue;
      ts = left.ts;
      te = right ? right.te : j + 1;
    } else if (O_SURNAME.test(w)) {
      const lw = tokens[i - 1].w;
      const inside = at[i];
      if (inside && inside.tag === 'PER' && inside.ts < i) continue; // "Sandra Day O'Connor" already whole
      if (!isNameWord(lw) || lw.endsWith('.') || NOT_NAMES.has(lexClass(lw)) || TITLES.has(lw.toLowerCase()) || ADDRESS_WORDS.has(lw.toLowerCase()) || lexClass(lw) === 'hon') continue;
      const left = at[i - 1];
      ts = left && left.te === i && (left.tag === 'PER' || left.te - left.ts === 1) ? left.ts : i - 1;
      te = i + 1;
    } else continue;
    joined.push({ ts, te, tag: 'PER' });
    i = te - 1;
  }
  return withJoined(out, joined);
}

/** Arabic names' article or kinship word joined by a hyphen to the next name ("al-Balah", "al-Assad", "el-Sisi"). */
const HYPHENED_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|abd)-\p{Lu}\p{Ll}[\p{L}'’-]*$/u;

/**
 * "Deir al-Balah", "Bashar al-Assad", "Mohammed al-Masri": a word with a hyphened Arabic particle, which the tagger
 * (and the trimming of lower-case words) leaves out, ends the name right before it; after a plain capitalised word
 * that no span covers, the two are a person's name (not after a function word, title, place or nationality).
 */
function hyphenedParticles(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (let k = 1; k < n; k++) {
    if (!HYPHENED_PARTICLE.test(tokens[k].w)) continue;
    at ??= spansByToken(n, spans);
    if (at[k]) continue;
    const l = at[k - 1];
    if (l && l.te === k) { joined.push({ ts: l.ts, te: k + 1, tag: l.tag }); continue; }
    const p = tokens[k - 1].w;
    const c = lexClass(p);
    if (l || !PLAIN_NAME.test(p) || p.endsWith('.') || isTitleWord(p) || isHonorific(p) || NOT_ORG_WORDS.has(c)) continue;
    if (k - 1 === 0 || SENTENCE_BOUNDARY.has(tokens[k - 2].w) ? c !== 'first' && c !== '' : false) continue;
    joined.push({ ts: k - 1, te: k + 1, tag: 'PER' });
  }
  return withJoined(spans, joined);
}

/** A given name of two syllables joined by a hyphen, the second in lower case ("Heung-min", "Jae-in", "Kai-shek"). */
const HYPHENED_GIVEN = /^[A-Z][a-z]{1,5}-[a-z]{2,5}$/;
/** Second parts of English compounds after a name ("Abu Dhabi-based", "Las Vegas-style", "Paris-born"). */
const COMPOUND_SUFFIXES = new Set(['based', 'style', 'born', 'bred', 'led', 'backed', 'owned', 'like', 'type', 'made', 'run', 'bound', 'wide', 'free', 'related', 'linked', 'era', 'esque', 'listed', 'sized', 'shaped', 'area', 'centric', 'specific', 'only']);
/** A short surname before it ("Son", "Park", "Moon", "Yoon", "Kim"). */
const SHORT_SURNAME = /^[A-Z][a-z]{1,4}$/;

/**
 * Korean (and Wade-Giles Chinese) names, surname first and a hyphened given name: "Son Heung-min", "Park Ji-sung",
 * "Moon Jae-in", "Yoon Suk-yeol" (the tagger keeps only the given name, or nothing, when the surname is also an English
 * word, "Park" also a verb). A short capitalised word before a hyphened given name whose first syllable is no word of the
 * lexicon ("Check-in", "Kick-off", "Play-off" are words; nor a surname of six letters or more: "Suzuki-roshi"; "Chung-hee" is a given name) and whose second is no suffix of
 * an English compound ("Abu Dhabi-based", "Las Vegas-style") is one person with it; not a function word, date, title or
 * form of address.
 */
function hyphenedGivenNames(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (let k = 1; k < n; k++) {
    const g = tokens[k].w;
    if (g.length < 5 || g.indexOf('-') < 0 || !HYPHENED_GIVEN.test(g)) continue;
    const h = g.indexOf('-');
    const c = lexClass(g.slice(0, h));
    if ((c !== '' && c !== 'first' && !(c === 'last' && h <= 5)) || COMPOUND_SUFFIXES.has(g.slice(h + 1))) continue;
    const f = tokens[k - 1].w;
    if (!SHORT_SURNAME.test(f) || RUN_STOPS.has(lexClass(f)) || isTitleWord(f) || isHonorific(f)) continue;
    at ??= spansByToken(n, spans);
    const l = at[k - 1], r = at[k];
    if ((l && (l.ts < k - 1 || l.te > k + 1)) || (r && (r.ts < k - 1 || r.te > k + 1))) continue; // part of a longer name
    if (l && l === r && l.tag === 'PER') continue;
    joined.push({ ts: k - 1, te: k + 1, tag: 'PER' });
  }
  return withJoined(spans, joined);
}

/** An initial: "W.", or dotted initials "P.W." / "J.R.R." that are not a country's ("U.S."). */
function isInitial(w: string): boolean {
  if (w.length === 2) return w[1] === '.' && isCapitalised(w) && isLetter(w[0]);
  if (w.length < 4 || w.length > 6 || w.length % 2 !== 0 || COUNTRY_ACRONYMS.has(w)) return false;
  for (let i = 0; i < w.length; i += 2) if (w[i + 1] !== '.' || !isCapitalised(w[i]) || !isLetter(w[i])) return false;
  return true;
}

/** A capitalised word that can be part of a name (not an initial, not punctuation). */
function isNameWord(w: string): boolean {
  return w.length > 1 && isCapitalised(w) && isLetter(w[1]) && !isInitial(w);
}

/** Lexicon classes of words that do not follow initials in a name ("I. The", "B. He", "P.S. Please"). */
const NOT_NAMES = new Set([...LEADING_JUNK, 'expr']);

const NAME_SUFFIXES = new Set(['Jr.', 'Sr.', 'Jr', 'Sr', 'II', 'III', 'IV']);

/**
 * Initials inside and before people's names, which the tagger (fitted on Reuters, which seldom writes them) cuts
 * off or reads as other names: "George W. Bush" (not "George" + the place "W. Bush"), "H. G. Wells", "John F.
 * Kennedy Jr.", "P.W. Botha". A run of initials joins a name on its left (a person, or a first name) to the
 * capitalised word on its right; a run before a person (with no name on its left) becomes part of it; "Jr."/"Sr."
 * after a person too. "The E.W. Scripps", "U.S. Biden administration" and "Minister P.W." stay as they are.
 */
function initialsInNames(tokens: Token[], spans: LineSpan[], isPerson?: (w: string) => boolean): LineSpan[] {
  const n = tokens.length;
  if (n < 2) return spans;
  let found = false;
  for (let i = 0; i < n && !found; i++) found = isInitial(tokens[i].w) || NAME_SUFFIXES.has(tokens[i].w);
  if (!found) return spans;
  const at = spansByToken(n, spans);
  const joined: LineSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (!isInitial(tokens[i].w)) continue;
    let j = i;
    while (j < n && j - i < 3 && isInitial(tokens[j].w)) j++;
    const next = j < n ? tokens[j].w : '';
    // "Duncan I. The …" (a numeral ending a sentence), "P.O. Box", "U.N. Ambassador": the next word is not a name's
    if (!isNameWord(next) || NOT_NAMES.has(lexClass(next)) || TITLES.has(next.toLowerCase()) || (next === 'Box' && /O\.$/.test(tokens[j - 1].w))) { i = j; continue; }
    // the word after them in a span of another type: only a misread "W. Bush" (initials and that word) gives way
    const right = at[j];
    if (right && right.tag !== 'PER' && (right.ts < i || right.te > j + 1)) { i = j; continue; }
    const known = isPerson !== undefined && !PLACE_CLASSES.has(lexClass(next)) && isPerson(next); // a person's name elsewhere
    const rightPerson = right ? right.tag === 'PER' || known : known;
    const l = i - 1;
    const left = l >= 0 && at[l]?.te === i ? at[l] : null;
    const lw = l >= 0 ? tokens[l].w : '';
    // a person on the left, or a first name ("Warren", which the tagger may read as a place, before "A. Nord")
    const lc = lexClass(lw);
    const firstName = lc === 'first' || (lc === 'person' && rightPerson);
    const leftName = isNameWord(lw) && !TITLES.has(lw.toLowerCase()) && lc !== 'hon' && (left ? left.tag === 'PER' || (left.te - left.ts === 1 && firstName && rightPerson) : firstName);
    // initials that end a span of another type ("the U.S." of "the U.S. Biden administration"), or are one of their
    // own that is not a single letter ("U.N." as an organisation) with no first name before them: not a name's
    let other = false;
    for (let k = i; k < j && !other; k++) {
      const s = at[k];
      if (!s || s.tag === 'PER' || s === right) continue;
      other = s.ts < i || (tokens[k].w.length > 2 && !leftName);
    }
    if (other) { i = j; continue; }
    let ts: number;
    if (leftName) ts = left ? left.ts : l;
    else if (rightPerson && !(isNameWord(lw) && at[l] && lexClass(lw) !== 'hon')) ts = i;
    else { i = j; continue; }
    joined.push({ ts, te: right ? Math.max(right.te, j + 1) : j + 1, tag: 'PER' });
    i = joined[joined.length - 1].te - 1;
  }
  let out = withJoined(spans, joined);
  // "P.O. Box" is not a person
  out = out.filter((s) => !(s.tag === 'PER' && tokens[s.te - 1].w === 'Box' && s.te - s.ts <= 3 && /O\.$/.test(tokens[s.te - 2].w)));
  // "Kennedy Jr.", "Charles III": the suffix belongs to the person, also when the tagger began another name with it
  // ("Charles" + "III and Queen Camilla")
  const suffixed: LineSpan[] = [];
  for (let k = 0; k < out.length; k++) {
    const s = out[k];
    if (!(s.tag === 'PER' && s.te < n && NAME_SUFFIXES.has(tokens[s.te].w))) { suffixed.push(s); continue; }
    suffixed.push({ ts: s.ts, te: s.te + 1, tag: s.tag });
    const next = out[k + 1];
    if (next && next.ts === s.te) {
      k++;
      const rest = { ts: next.ts + 1, te: next.te, tag: next.tag };
      if (trimSpan(tokens, rest, false)) suffixed.push(rest);
    }
  }
  return leadingTitles(tokens, suffixed);
}

/** Two or three capitals without full stops: initials of a first name ("KL Rahul", "MS Dhoni", "VVS Laxman"). */
const BARE_INITIALS = /^[A-Z]{2,3}$/;
/**
 * Abbreviations before a name that are no initials: clubs' ("AZ Alkmaar", "FC Porto", "AS Roma"), ships' ("USS Cole",
 * "HMS Victory") and titles ("PM Modi", "MP Phillips", "AG Gonzalez", "FM Ivanov").
 */
const NOT_INITIALS = new Set([
  'FC', 'AC', 'AS', 'SC', 'SS', 'SV', 'RB', 'CF', 'CD', 'UD', 'SD', 'RC', 'AZ', 'FK', 'NK', 'SK', 'KV', 'IF', 'BK', 'IK', 'AIK', 'PSV', 'TSG', 'SL', 'GD', 'CA', 'CR', 'SE', 'EC',
  'USS', 'HMS', 'RMS', 'HMAS', 'HMCS', 'INS', 'MV', 'RN',
  'PM', 'MP', 'MEP', 'MLA', 'MSP', 'MPP', 'AM', 'FM', 'AG', 'DA', 'GM', 'QC', 'KC', 'VP',
]);

/**
 * Initials without full stops, as Indian and some African and American names are written: "KL Rahul", "MS Dhoni",
 * "AR Rahman", "VVS Laxman" (the tagger reads them as an organisation's acronym, or cuts them off). Two or three
 * capitals alone in a span or in none, then one plain capitalised word and no further name word, are a person's name
 * when the document says it of this mention: a role or title before it ("captain MS Dhoni", "Composer AR Rahman"),
 * a verb of speech or action after it ("PV Sindhu won"), the tagger's own person on the name word, or a first name
 * or surname of the lexicon there ("KL Rahul"). Never a country's, a common noun's, a club's or a ship's abbreviation
 * or a title's ("US", "CEO", "FC Porto", "AZ Alkmaar", "USS Cole", "PM Modi"), nor a name of the gazetteer ("SK Hynix", "JP Morgan"), nor an organisation or place
 * word after it ("EU Commission", "UN Women").
 */
function bareInitials(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const t = tokens[i].w;
    if (t.length < 2 || t.length > 3 || !BARE_INITIALS.test(t)) continue;
    if (COUNTRY_ACRONYMS.has(t) || COMMON_ACRONYMS.has(t) || NOT_INITIALS.has(t)) continue;
    const w = tokens[i + 1].w;
    if (!PLAIN_NAME.test(w) || w.endsWith('.') || (i + 2 < n && isNameWord(tokens[i + 2].w))) continue;
    const prev = i > 0 ? tokens[i - 1].w : '';
    if (prev && isNameWord(prev) && !isTitleWord(prev) && !PERSON_ROLES.has(prev.toLowerCase())) continue;
    const gaz = gazetteer();
    if (gaz.has(t.toLowerCase()) || gaz.has(t.toLowerCase() + ' ' + w.toLowerCase())) continue;
    const c = lexClass(w);
    if (!(c === 'first' || c === 'last' || c === 'person' || (c === '' && !NOUN_ENDING.test(w) && !isCommonPlural(w)))) continue;
    at ??= spansByToken(n, spans);
    const ts = at[i], ws = at[i + 1];
    // only the tagger's acronym alone, the two words as one span, or nothing; the name word alone or in that span
    if (ts && !(ts.te === i + 1 && ts.ts === i) && !(ts.ts === i && ts.te === i + 2)) continue;
    if (ws && ws !== ts && !(ws.ts === i + 1 && ws.te === i + 2)) continue;
    const next = i + 2 < n ? tokens[i + 2].w : '';
    const cued = (prev !== '' && (PERSON_ROLES.has(prev.toLowerCase()) || TITLES.has(prev.toLowerCase()) || isTitleWord(prev))) || PERSON_VERBS.has(next) || (ws !== null && ws !== ts && ws.tag === 'PER') || c === 'first' || c === 'last' || c === 'person';
    if (cued) joined.push({ ts: i, te: i + 2, tag: 'PER' });
  }
  // a role word before the new person is no name of its own ("Bowler" + "RP Singh")
  return joined.length ? leadingTitles(tokens, withJoined(spans, joined)) : spans;
}

/** Names of God and of prophets ("in Christ", "in God", "in Allah"): persons, as CoNLL reads "God" and "Jesus". */
const DIVINE_NAMES = new Set(['christ', 'god', 'allah', 'jesus', 'buddha', 'jehovah', 'yahweh', 'krishna', 'vishnu', 'shiva']);

/** "peace in Christ", "faith in Allah": the tagger reads a divine name after "in" as a place; it is a person. */
function divineNames(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let out: LineSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.tag !== 'LOC' || s.te - s.ts !== 1 || !DIVINE_NAMES.has(tokens[s.ts].w.toLowerCase()) || !isCapitalised(tokens[s.ts].w)) continue;
    out ??= spans.slice();
    out[k] = { ts: s.ts, te: s.te, tag: 'PER' };
  }
  return out ?? spans;
}

/** Words before a storm's name ("Hurricane Helene", "Typhoon Haiyan"; not "Storm", also a first name). */
const STORM_WORDS = new Set(['Hurricane', 'Typhoon', 'Cyclone']);

/** A storm's name is not a person's (nor a place's): "Hurricane Helene" is no entity of the three types. */
function storms(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  return spans.filter((s) => {
    const first = tokens[s.ts].w;
    if (STORM_WORDS.has(first) && s.te - s.ts === 2) return false;
    return !(s.te - s.ts === 1 && s.ts > 0 && STORM_WORDS.has(tokens[s.ts - 1].w));
  });
}

/** Words that end the name of a county or province ("Hennepin County", "Orleans Parish"). */
const COUNTY_WORDS = new Set(['County', 'Parish', 'Province', 'Township', 'Prefecture', 'Oblast']);

/**
 * "Hennepin County": a name word and a county word, which the tagger read as two people or as nothing, is a place.
 * Longer names ending in one ("Orange County Register") are left as the tagger read them.
 */
function counties(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (let i = 1; i < n; i++) {
    if (!COUNTY_WORDS.has(tokens[i].w) || !isNameWord(tokens[i - 1].w) || LEADING_JUNK.has(lexClass(tokens[i - 1].w))) continue;
    at ??= spansByToken(n, spans);
    const l = at[i - 1], r = at[i];
    if (l && l === r) continue; // one span already: "Orange County", "Cork County Council"
    if ((l && l.te - l.ts > 1) || (r && r.te - r.ts > 1)) continue;
    joined.push({ ts: i - 1, te: i + 1, tag: 'LOC' });
  }
  return withJoined(spans, joined);
}

/**
 * "Bill & Melinda Gates Foundation", "John Wiley & Sons", "Henry Holt & Company": a name joined by "&" to an
 * organisation that ends in an organisation word or a company suffix is part of it. Other names around "&" stay as the
 * tagger read them: in web pages they are as often two names ("Egypt & Israel", "HIV & AIDS", "Liz & Jane") or a
 * section of the site ("Arts & Entertainment") as one firm.
 */
function ampersands(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (let i = 1; i + 1 < n; i++) {
    if (tokens[i].w !== '&' || !isNameWord(tokens[i - 1].w) || !isNameWord(tokens[i + 1].w)) continue;
    at ??= spansByToken(n, spans);
    const l = at[i - 1], r = at[i + 1];
    if (firmOfTwo(tokens, i, l, r)) { joined.push({ ts: i - 1, te: i + 2, tag: 'ORG' }); continue; }
    if (!r || r.ts !== i + 1 || r.tag !== 'ORG' || (l && l === r)) continue;
    const head = tokens[r.te - 1].w;
    if (!(isCapitalised(head) && (lexClass(head) === 'orgword' || MORE_ORG_HEADS.has(head.toLowerCase()) || CORP_SUFFIX.has(head.toLowerCase())))) continue;
    if (l && (l.te !== i || l.te - l.ts > 3)) continue;
    const ts = l ? l.ts : i - 1;
    if (!l && LEADING_JUNK.has(lexClass(tokens[ts].w))) continue;
    joined.push({ ts, te: r.te, tag: 'ORG' });
  }
  return withJoined(spans, joined);
}

/**
 * "Justice Ketanji Brown Jackson": a title and two or more name words, one of them a first name or a surname of the
 * lexicon and none an organisation word, that the tagger read as an organisation is the person after the title.
 */
function titledPeople(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  return spans.map((s) => {
    if (s.tag !== 'ORG' || s.te - s.ts < 3 || !isTitleWord(tokens[s.ts].w)) return s;
    let a = s.ts;
    while (a < s.te - 1 && isTitleWord(tokens[a].w)) a++;
    if (s.te - a < 2) return s;
    let known = false;
    for (let k = a; k < s.te; k++) {
      const w = tokens[k].w;
      const c = lexClass(w);
      if (!isNameWord(w) || isOrgHead(w)) return s;
      known ||= c === 'first' || c === 'last' || c === 'person';
    }
    return known ? { ts: a, te: s.te, tag: 'PER' as Tag } : s;
  });
}
/** A word that ends an organisation's name (lexicon, MORE_ORG_HEADS, FULL_ORG_HEADS or a company suffix). */
function isOrgHead(w: string): boolean {
  const l = w.toLowerCase();
  return lexClass(w) === 'orgword' || MORE_ORG_HEADS.has(l) || FULL_ORG_HEADS.has(l) || CORP_SUFFIX.has(l);
}

/** "San Francisco 49ers", "Los Angeles Dodgers": a place directly followed by a team of the lexicon is the team. */
function teams(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const joined: LineSpan[] = [];
  for (const s of spans) {
    if (s.tag !== 'LOC') continue;
    const inside = lexClass(tokens[s.te - 1].w) === 'team';
    if (inside ? s.te - s.ts > 1 : s.te < tokens.length && lexClass(tokens[s.te].w) === 'team' && !/^\p{Ll}/u.test(tokens[s.te].w)) joined.push({ ts: s.ts, te: inside ? s.te : s.te + 1, tag: 'ORG' });
  }
  return withJoined(spans, joined);
}

/** Lexicon classes of capitalised words that do not continue an organisation's name ("Apple CEO", "Reuters Monday"). */
const NOT_ORG_WORDS = new Set([...LEADING_JUNK, 'expr', 'date', 'hon', 'abbr', 'place', 'actor', 'demonym', 'country', 'city', 'region', 'num', 'unit']);
/** Lexicon classes of names, and '' for a word the lexicon does not know. */
const NAME_CLASSES = new Set(['first', 'last', 'person', 'proper', '']);
/** Words of firms' names that the lexicon has as common words ("Warner Bros."). */
const FIRM_WORDS = new Set(['Bros.', 'Bros', 'Brothers']);

/** A plain capitalised word, perhaps abbreviated: "Stanley", "Bros." (not "Trade-Off", "I'm", "GDRs", "II"). */
const PLAIN_NAME = /^\p{Lu}\p{Ll}+\.?$/u;

/** The lexicon class of a word, of an abbreviation without its full stop ("Mr." as "mr", "Ave." as "ave"). */
function classOf(w: string): string {
  return lexClass(w) || (w.endsWith('.') ? lexClass(w.slice(0, -1)) : '');
}

/**
 * Capitalised words the tagger left out of an organisation next to them: "Morgan" + "Stanley", "Warner Bros." +
 * "Discovery", "Electoral" + "Commission". An untagged plain name word (a name of the lexicon, a word it does not know,
 * "Bros.") directly after an organisation, or directly before it, is part of it; before an organisation that ends in
 * an organisation word also a common word ("Home Office"). Never a title, date, place, nationality, honorific or
 * function word, nor next to an acronym; not across a sentence boundary; at the line's start only a word the lexicon
 * does not know ("Warner", not "Ray"); after a one-word organisation only a word the lexicon knows ("Ogun" +
 * "Temizkanoglu" is a person the tagger misread); not a first name that opens a person's name after it.
 * An organisation that ends in a first name followed by a surname or an unknown word ends before it: the first name
 * and that word are a person ("NBC Hires Richard" + "Engel", "Morgan" + "Freeman"; not "San Francisco" + "Zoo", a
 * name of the lexicon).
 */
function organisationRuns(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  const plain = (k: number, common: boolean) => {
    const w = tokens[k].w;
    const c = classOf(w);
    return PLAIN_NAME.test(w) && !isTitleWord(w) && !NOT_ORG_WORDS.has(c) && (common || NAME_CLASSES.has(c) || FIRM_WORDS.has(w));
  };
  let done = 0; // tokens before this one are in a joined name already
  for (const s of spans) {
    if (s.tag !== 'ORG' || s.ts < done) continue;
    at ??= spansByToken(n, spans);
    let ts = s.ts, te = s.te;
    const last = tokens[te - 1].w;
    if (te < n && !at[te] && plain(te, false) && PLAIN_NAME.test(last) && classOf(last) === 'first' && (classOf(tokens[te].w) === 'last' || classOf(tokens[te].w) === '') && !(te - 2 >= ts && getLexicon().multiKey.has(spanWords(tokens, { ts: te - 2, te, tag: 'ORG' })))) {
      if (te - 1 > ts) joined.push({ ts, te: te - 1, tag: 'ORG' });
      joined.push({ ts: te - 1, te: te + 1, tag: 'PER' });
      done = te + 1;
      continue;
    }
    if (/\p{Ll}/u.test(last)) {
      while (te < n && !at[te] && plain(te, false) && (s.te - s.ts > 1 || classOf(tokens[te].w) !== '') && !(classOf(tokens[te].w) === 'first' && te + 1 < n && isCapitalised(tokens[te + 1].w))) te++;
    }
    if (/\p{Ll}/u.test(tokens[ts].w)) {
      const common = isOrgHead(tokens[s.te - 1].w);
      while (ts > done && !at[ts - 1] && plain(ts - 1, common) && (ts - 1 === 0 ? classOf(tokens[0].w) === '' : classOf(tokens[ts - 1].w) !== 'first' && !SENTENCE_BOUNDARY.has(tokens[ts - 2].w))) ts--;
    }
    if (ts !== s.ts || te !== s.te) { joined.push({ ts, te, tag: 'ORG' }); done = te; }
  }
  return withJoined(spans, joined);
}

/** Plural and singular organisation words that open a name with "for" or "of" ("Centers for Disease Control"). */
const FOR_HEADS = new Set(['center', 'centers', 'centre', 'centres', 'institute', 'institutes', 'council', 'ministry', 'department', 'bureau', 'office', 'commission', 'committee', 'campaign', 'coalition', 'alliance', 'foundation', 'society', 'association', 'league', 'federation', 'union', 'board', 'agency', 'academy', 'school', 'college', 'university', 'fund', 'organization', 'organisation', 'partnership', 'network', 'forum']);

/**
 * "Centers for" + "Disease Control and Prevention": an organisation word and "for"/"of" before an organisation; also
 * when the tagger made a short name of its own that ends in that word ("Africa Centres", "Academy").
 */
function headsWithFor(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (const s of spans) {
    if (s.tag !== 'ORG' || s.ts < 2 || (tokens[s.ts - 1].w !== 'for' && tokens[s.ts - 1].w !== 'of')) continue;
    const h = tokens[s.ts - 2].w;
    if (!isCapitalised(h) || !FOR_HEADS.has(h.toLowerCase())) continue;
    at ??= spansByToken(tokens.length, spans);
    const l = at[s.ts - 2];
    // the tagger's short name ending in the head word ("Africa Centres" + "for Disease Control and Prevention",
    // "Academy" + "of Motion Picture Arts and Sciences") is the start of the organisation
    if (l) {
      if (l.te === s.ts - 1 && l.te - l.ts <= 3) joined.push({ ts: l.ts, te: s.te, tag: 'ORG' });
      continue;
    }
    let ts = s.ts - 2;
    while (ts > 0 && !at[ts - 1] && isNameWord(tokens[ts - 1].w) && !NOT_ORG_WORDS.has(lexClass(tokens[ts - 1].w)) && !isTitleWord(tokens[ts - 1].w)) ts--;
    joined.push({ ts, te: s.te, tag: 'ORG' });
  }
  return withJoined(spans, joined);
}

/**
 * Words that end the name of a public body, a force or a board ("Agency", "Police", "Forces", "Administration"):
 * the capitalised words before one are its name, whatever place, nationality or "and" is among them.
 */
const RUN_HEADS = new Set(['agency', 'programme', 'infirmary', 'police', 'forces', 'force', 'board', 'administration', 'service', 'council', 'authority', 'commission', 'department', 'ministry', 'institute', 'directorate', 'command', 'corps', 'bureau', 'inspectorate', 'court', 'tribunal', 'committee', 'parliament', 'assembly', 'executive', 'laboratory', 'observatory']);
/** Lexicon classes that never stand inside such a name ("The", "He", "of", "and" are handled on their own). */
const RUN_STOPS = new Set(['det', 'pron', 'conj', 'prep', 'expr', 'date', 'hon', 'num', 'unit']);

/**
 * "Food and Drug Administration" (not "Drug Administration"), "UK Health Security Agency" (not the place "UK" and
 * an organisation), "Israel Defense Forces", "England and Wales Cricket Board", "Greater Manchester Police" (not the
 * person "Greater"), "Japan Aerospace Exploration Agency", "Scottish Fire and Rescue Service": a run of capitalised
 * words (or a country's acronym such as "UK" or "U.S."), with at most one "and" between two of them, that ends in a
 * word of RUN_HEADS followed by no further capitalised word, is one organisation, when the tagger cut it or typed a
 * piece of it otherwise. Never a title ("Home Secretary"; a title's modifier such as "Defense" or "Foreign" is part of
 * such names, and so is "General"), a form of address, a function word, a date, nor across a sentence start; a
 * nationality before a ministry or department is not part of it ("German" + "Foreign Ministry");
 * spans that reach outside the run keep it from growing over them.
 */
function agencyRuns(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  const word = (k: number) => {
    const w = tokens[k].w;
    if (COUNTRY_ACRONYMS.has(w)) return true;
    const l = w.toLowerCase();
    if (!isNameWord(w) || (TITLES.has(l) && l !== 'general') || ADDRESS_WORDS.has(l) || RUN_STOPS.has(lexClass(w))) return false;
    if (/^\p{Lu}+$/u.test(w) && w.length > 1) return true; // "NHS", "EU"
    return PLAIN_NAME.test(w) || /^\p{Lu}\p{Ll}+-\p{Lu}?\p{Ll}+$/u.test(w);
  };
  const opens = (k: number) => k === 0 || SENTENCE_BOUNDARY.has(tokens[k - 1].w);
  for (let h = 1; h < n; h++) {
    const hw = tokens[h].w;
    const bank = hw === 'Bank';
    if ((!bank && !RUN_HEADS.has(hw.toLowerCase())) || !isCapitalised(hw)) continue;
    if (h + 1 < n && isNameWord(tokens[h + 1].w)) continue; // the name goes on ("Police Department")
    if (bank && (h < 2 || BANK_SIDES.has(tokens[h - 1].w.toLowerCase()))) continue; // "West Bank" is a place
    at ??= spansByToken(n, spans);
    if (at[h] && at[h]!.te > h + 1) continue;
    let a = h, and = false;
    while (a > 0 && h - a < 7) {
      if (opens(a)) break;
      const p = tokens[a - 1].w;
      if (word(a - 1)) {
        // at a sentence start only a word that is no verb or adverb ("Said", "Only")
        if (opens(a - 1) && LEADING_JUNK.has(lexClass(p))) break;
        a--;
        continue;
      }
      if (p === 'and' && !and && a - 2 >= 0 && word(a - 2) && a < h) { and = true; a -= 2; continue; }
      break;
    }
    if (tokens[a].w === 'and') a++;
    // "German Foreign Ministry": a nationality before a ministry or department says whose it is (CoNLL's reading)
    if (lexClass(tokens[a].w) === 'demonym' && (hw === 'Ministry' || hw === 'Department')) a++;
    // spans that reach outside the run: start after them
    while (a < h && at[a] && at[a]!.ts < a) a = at[a]!.te;
    // a bank: three words or more ("European Central Bank", "Asian Development Bank"; not "Deutsche" + "Bank")
    if (h - a < (bank ? 2 : 1)) continue;
    const cur = at[a];
    if (cur && cur.tag === 'ORG' && cur.ts === a && cur.te === h + 1) continue;
    // one "and" only between two names of the run, not at its edges
    joined.push({ ts: a, te: h + 1, tag: 'ORG' });
  }
  return withJoined(spans, joined);
}

/**
 * "the Affordable Care Act", "African Growth and Opportunity Act": a law's name (capitalised words, with "and", "of",
 * "for" or "on" between them, ending in "Act") is none of the three types, whatever the tagger made of its words.
 */
function laws(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let out = spans;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].w !== 'Act' || !isCapitalised(tokens[i - 1].w)) continue;
    let a = i - 1;
    while (a > 0) {
      const p = tokens[a - 1].w;
      if (isNameWord(p) && !LEADING_JUNK.has(lexClass(p))) { a--; continue; }
      if ((p === 'and' || p === 'of' || p === 'for' || p === 'on') && a >= 2 && isNameWord(tokens[a - 2].w)) { a -= 2; continue; }
      break;
    }
    if (!out.some((s) => s.ts < i + 1 && s.te > a)) continue;
    out = out.filter((s) => s.te <= a || s.ts > i).concat({ ts: a, te: i + 1, tag: 'MISC' }).sort((x, y) => x.ts - y.ts);
  }
  return out;
}

/**
 * Acronyms of common nouns ("demand for AI chips", "an IPO", "GDP grew", "the CEO"), which the tagger reads as
 * organisations because Reuters' acronyms mostly were: alone in a span, never an entity of the three types.
 */
const COMMON_ACRONYMS = new Set(
  ('AI AGI LLM LLMs GPU GPUs CPU CPUs EV EVs SUV SUVs PC PCs TV CCTV API APIs NFT NFTs VPN USB SIM ATM ETF ETFs IPO IPOs ' +
    'CEO CEOs CFO COO CTO GDP CPI PMI VAT ESG LNG HIV DNA RNA ICU IVF MRI GMT BST').split(' '),
);

/**
 * "Ho Chi Minh City" (not the place "Ho" and the person "Chi Minh City"): a place of two words or more in the lexicon,
 * written with capitals, that the tagger cut in pieces or left partly out, is that place, unless a span reaches beyond
 * it ("Ho Chi Minh City Council"). One span of another type over the whole is left as it is ("New York" as a team).
 */
function lexiconPlaces(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  const lex = getLexicon();
  const n = tokens.length;
  let at: (LineSpan | null)[] | null = null;
  const joined: LineSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (!isNameWord(tokens[i].w)) continue;
    const list = lex.multi.get(tokens[i].w.toLowerCase());
    if (!list) continue;
    let len = 0;
    for (const m of list) {
      if (!PLACE_CLASSES.has(m.cls) || m.words.length <= len || i + m.words.length > n) continue;
      let ok = true;
      for (let j = 0; j < m.words.length && ok; j++) {
        const w = tokens[i + j].w;
        ok = w.toLowerCase() === m.words[j] && (isCapitalised(w) || PARTICLES.has(w) || w === 'of' || w === 'the');
      }
      if (ok && isCapitalised(tokens[i + m.words.length - 1].w)) len = m.words.length;
    }
    if (len < 2) continue;
    if (i + len < n && tokens[i + len].w === 'City') len++; // "Ho Chi Minh" + "City"
    at ??= spansByToken(n, spans);
    let cut = false, outside = false;
    for (let j = i; j < i + len; j++) {
      const s = at[j];
      if (!s) { cut = true; continue; }
      if (s.ts < i || s.te > i + len) outside = true;
      if (s.ts !== i || s.te !== i + len) cut = true; // one span of another type: a team ("New York" won) is left
    }
    if (cut && !outside) joined.push({ ts: i, te: i + len, tag: 'LOC' });
    i += len - 1;
  }
  return withJoined(spans, joined);
}

/** Last words of the names of competitions, prizes and festivals ("Davis Cup", "Booker Prize", "Glastonbury Festival"). */
const EVENT_HEADS = new Set(['Cup', 'Trophy', 'Prize', 'Prizes', 'Award', 'Awards', 'Festival', 'Championship', 'Championships', 'Olympics', 'Games', 'Marathon', 'Prix']);

/**
 * "Billie Jean King Cup", "Glastonbury Festival", "Booker Prize": a span that ends in the name of a competition, prize
 * or festival is such a name (MISC, not reported), whatever type the tagger gave it, and takes in a one-word span
 * right before it that the tagger cut off ("Billie" + "Jean King Cup").
 */
function events(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  let out: LineSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.tag === 'MISC' || s.te - s.ts < 2 || !EVENT_HEADS.has(tokens[s.te - 1].w)) continue;
    out ??= spans.slice();
    const prev = k > 0 ? spans[k - 1] : null;
    const i = out.indexOf(s);
    if (prev && prev.te === s.ts && prev.te - prev.ts === 1 && out[i - 1] === prev) out.splice(i - 1, 2, { ts: prev.ts, te: s.te, tag: 'MISC' });
    else out.splice(i, 1, { ts: s.ts, te: s.te, tag: 'MISC' });
  }
  return out ?? spans;
}

/** Organisation words after which a leading "The" is no part of the name ("The Crown Prosecution Service"). */
const THE_HEADS = new Set([...FULL_ORG_HEADS, ...FOR_HEADS, 'service', 'board', 'authority', 'police', 'forces', 'army', 'navy', 'court', 'trust', 'institution', 'group', 'academy', 'office', 'executive', 'tribunal']);

/**
 * "He left on Friday. The Crown Prosecution Service said…", "The Dangote Group", "The Board of Control for Cricket in
 * India": a capitalised "The" opening an organisation that ends in an organisation word, or whose second word is
 * one that takes "for"/"of", is the article, not part of the name. Names whose "The" belongs to them ("The Hague",
 * "The Oval", newspapers such as "The Sunday Telegraph") end in no such word.
 */
function leadingThe(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  return spans.map((s) => {
    if (s.tag !== 'ORG' || s.te - s.ts < 2 || tokens[s.ts].w !== 'The') return s;
    const last = tokens[s.te - 1].w.toLowerCase();
    const second = tokens[s.ts + 1].w.toLowerCase();
    if (!THE_HEADS.has(last) && !(FOR_HEADS.has(second) && s.te - s.ts > 3 && (tokens[s.ts + 2].w === 'of' || tokens[s.ts + 2].w === 'for'))) return s;
    return { ts: s.ts + 1, te: s.te, tag: s.tag };
  });
}

/** Governments and movements whose "administration" is not a president's ("the Kremlin administration"). */
const NOT_PRESIDENTS = new Set(['kremlin', 'taliban', 'hamas', 'junta']);

/**
 * "the Biden administration", "the Obama administration": one word that the tagger read as a place or left as
 * another name, before "administration", is the president's surname (as CoNLL's annotators read "the Clinton
 * administration"). Not a place, nationality or organisation word of the lexicon ("the Gaza administration").
 */
function administrations(tokens: Token[], spans: LineSpan[]): LineSpan[] {
  return spans.map((s) => {
    if (s.te - s.ts !== 1 || (s.tag !== 'LOC' && s.tag !== 'MISC') || tokens[s.te]?.w !== 'administration') return s;
    const w = tokens[s.ts].w;
    const c = lexClass(w);
    if (!isNameWord(w) || w === w.toUpperCase() || PLACE_CLASSES.has(c) || c === 'demonym' || c === 'orgword' || NOT_PRESIDENTS.has(w.toLowerCase())) return s;
    return { ts: s.ts, te: s.te, tag: 'PER' as Tag };
  });
}

/** Endings of common nouns that the lexicon lacks ("Sexuality", "Endangerment", "Trademarks"). */
const COMMON_ENDING = /(?:ity|ment|ness|ism|tion|sion|ing|ics|ogy|s)$/;

/**
 * Well-known firms named "X & Y" whose words the lexicon reads otherwise (a verb, a first name, an adjective), so that
 * the rule below cannot tell them from two names: "Marks & Spencer", "Ernst & Young", "Simon & Schuster", "Procter &
 * Gamble".
 */
const FIRMS_OF_TWO = new Set([
  'marks & spencer', 'ernst & young', 'simon & schuster', 'procter & gamble', 'abercrombie & fitch', 'black & decker',
  'smith & wesson', 'smith & nephew', 'tate & lyle', 'fortnum & mason', 'marsh & mclennan', 'sullivan & cromwell',
  'arnold & porter', 'church & dwight', 'harland & wolff', 'lea & perrins', 'crabtree & evelyn', 'allen & overy',
  'clifford & chance', 'hodder & stoughton', 'faber & faber', 'farrar & straus', 'jenner & block', 'latham & watkins',
  'baker & mckenzie', 'booz & company', 'standard & poor\'s',
]);

/**
 * "Johnson & Johnson", "Barnes & Noble", "Dolce & Gabbana": two plain one-word names around "&" (each untagged or
 * a one-word span, no other name word on either side) are a firm when one is a surname of the lexicon, or when the
 * lexicon knows neither and neither ends like a common noun. Not "Tom & Jerry" (two first names), "Egypt & Israel"
 * (places), "HIV & AIDS" (capitals), "Arts & Entertainment", "Sexuality & Cancer" or "Tips & Scams" (a section or a
 * heading's two common words). Firms whose words the lexicon reads otherwise ("Procter & Gamble": a verb) are in
 * FIRMS_OF_TWO.
 */
function firmOfTwo(tokens: Token[], i: number, l: LineSpan | null, r: LineSpan | null): boolean {
  const a = tokens[i - 1].w, b = tokens[i + 1].w;
  if (FIRMS_OF_TWO.has(a.toLowerCase() + ' & ' + b.toLowerCase())) return true;
  if (!PLAIN_NAME.test(a) || !PLAIN_NAME.test(b) || a.endsWith('.') || b.endsWith('.')) return false;
  if ((l && l.te - l.ts > 1) || (r && r.te - r.ts > 1)) return false;
  if ((i >= 2 && isCapitalised(tokens[i - 2].w) && !LEADING_JUNK.has(lexClass(tokens[i - 2].w))) || (i + 2 < tokens.length && isCapitalised(tokens[i + 2].w))) return false;
  const ca = lexClass(a), cb = lexClass(b);
  const place = (c: string) => PLACE_CLASSES.has(c) || c === 'demonym';
  if (place(ca) || place(cb) || (ca === 'first' && cb === 'first')) return false;
  const surname = (c: string) => c === 'last' || c === 'person';
  const unknown = (w: string, c: string) => c === '' && !COMMON_ENDING.test(w);
  return surname(ca) || surname(cb) || (unknown(a, ca) && unknown(b, cb));
}

/**
 * Drop punctuation at the edges of a span, and (in mixed-case text) lower-case words at its end and
 * lower-case function words or verbs at its start; false when nothing is left.
 */
function trimSpan(tokens: Token[], s: LineSpan, caps: boolean): boolean {
  for (;;) {
    const n = s.te;
    while (s.ts < s.te && !/[\p{L}\p{N}]/u.test(tokens[s.ts].w)) s.ts++;
    while (s.te > s.ts && !/[\p{L}\p{N}]/u.test(tokens[s.te - 1].w)) s.te--;
    if (!caps) {
      while (s.te > s.ts && /^\p{Ll}/u.test(tokens[s.te - 1].w)) s.te--;
      while (s.ts < s.te && /^\p{Ll}/u.test(tokens[s.ts].w) && LEADING_JUNK.has(lexClass(tokens[s.ts].w))) s.ts++;
    }
    if (s.te === n || s.te <= s.ts) break;
  }
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

/** Last words of football clubs' names that stand for the club alone ("Manchester United" ... "United"). */
const CLUB_SHORT = new Set(['United', 'City', 'Villa', 'Rovers', 'Wanderers', 'Athletic', 'Hotspur', 'Albion', 'Forest', 'Palace', 'Rangers', 'Celtic', 'Argyle', 'Wednesday', 'Orient', 'Stanley', 'Dons']);

/**
 * Document-level pass: one type per name (weighted vote), surnames of people, and mentions the tagger missed.
 * Linear in the number of tokens of the document.
 */
function documentPass(docLines: DocLine[]): void {
  // 1. votes per name; mixed-case lines count double (case is informative there); ties go to the type seen first
  const votes = new Map<string, Record<Tag, number>>();
  const order = new Map<string, Tag[]>();
  const vote = (k: string, t: Tag, n: number) => {
    let v = votes.get(k);
    if (!v) { v = { PER: 0, LOC: 0, ORG: 0, MISC: 0 }; votes.set(k, v); order.set(k, []); }
    if (v[t] === 0) order.get(k)!.push(t);
    v[t] += n;
  };
  const bodyKnown = new Set<string>();
  const ownBody = new Set<string>();
  // names of storms ("Hurricane Helene"): no entity wherever they come ("Helene's remnants")
  const stormNames = new Set<string>();
  for (const d of docLines) {
    const toks = d.res.tokens;
    for (let i = 0; i + 1 < toks.length; i++) if (STORM_WORDS.has(toks[i].w) && isNameWord(toks[i + 1].w)) stormNames.add(toks[i + 1].w.toLowerCase());
  }
  if (stormNames.size) for (const d of docLines) d.spans = d.spans.filter((s) => !stormNames.has(spanKey(d, s.ts, s.te)));
  // a headline in title case keeps only the names known from other lines (and finds them again below)
  for (const d of docLines) if (d.res.title) d.spans = [];
  dropCommonWordNames(docLines);
  for (const d of docLines)
    for (const s of d.spans) {
      const k = spanKey(d, s.ts, s.te);
      vote(k, s.tag, d.res.caps ? 1 : 2);
      if (!d.res.caps) bodyKnown.add(k);
      // a one-word name the tagger found inside a mixed-case sentence, as written ("the Dole campaign"; not "IT" for "It")
      if (!d.res.caps && s.te - s.ts === 1 && s.ts > 0 && !SENTENCE_BOUNDARY.has(d.res.tokens[s.ts - 1].w)) ownBody.add(d.res.tokens[s.ts].w);
    }
  // 2. definitional mentions: the last word of a person's full name is that person ("Antonov");
  //    a company named with its suffix is that company without it ("Magna International Inc" -> "Magna International", "Magna")
  const W = 4;
  // names defined by a full mention (a person's surname after a first name, a firm's first word before its suffix): no
  // function word then ("Peter Such" ... "Such", "Target Corp." ... "Target")
  const defined = new Set<string>();
  for (const d of docLines) {
      if (d.res.caps) continue;
      const toks = d.res.tokens;
      for (const s of d.spans) {
        if (s.te - s.ts < 2) continue;
        if (s.tag === 'PER') {
          const last = toks[s.te - 1].w;
          if (isCapitalised(last) && last.length > 1 && !last.endsWith('.')) {
            vote(last.toLowerCase(), 'PER', W);
            bodyKnown.add(last.toLowerCase());
            const prev = toks[s.te - 2].w;
            if (isNameWord(prev) || PARTICLES.has(prev)) defined.add(last.toLowerCase());
          }
        } else if (s.tag === 'ORG' && s.te - s.ts <= 3 && CLUB_SHORT.has(toks[s.te - 1].w)) {
          // "Manchester United" ... "United": a club's short name
          vote(toks[s.te - 1].w.toLowerCase(), 'ORG', W);
          bodyKnown.add(toks[s.te - 1].w.toLowerCase());
        } else if (s.tag === 'ORG' && CORP_SUFFIX.has(toks[s.te - 1].w.toLowerCase())) {
          vote(spanKey(d, s.ts, s.te - 1), 'ORG', W);
          bodyKnown.add(spanKey(d, s.ts, s.te - 1));
          const first = toks[s.ts].w;
          if (s.te - s.ts > 2 && first.length > 2 && isCapitalised(first)) vote(first.toLowerCase(), 'ORG', W);
          if (s.te - s.ts === 2 && isNameWord(first)) defined.add(first.toLowerCase());
        }
      }
    }
  const best = new Map<string, Tag>();
  for (const [k, v] of votes) {
    const seen = order.get(k)!;
    let b: Tag = seen[0];
    for (const t of seen) if (v[t] > v[b]) b = t;
    best.set(k, b);
  }
  // organisations of the gazetteer (names the 1996 model cannot know: "TikTok", "OpenAI"), wherever they come
  const gaz = gazetteer();
  for (const k of unfamiliarPeople(docLines, gaz)) best.set(k, 'PER');
  for (const k of unfamiliarPlaces(docLines, best, defined)) best.set(k, 'LOC');
  for (const k of organisationsByRole(docLines, best, defined)) best.set(k, 'ORG');
  const typeOf = (k: string): Tag | undefined => (gaz.has(k) ? 'ORG' : best.get(k));
  const isPerson = (w: string) => best.get(w.toLowerCase()) === 'PER';
  // 3. one type per name; mentions of known names where the tagger missed them or cut them in pieces
  for (const d of docLines) {
    const toks = d.res.tokens;
    // acronyms of common nouns are no names in ALL-CAPS lines either ("AI", "API"); determiners, conjunctions and
    // prepositions nowhere ("with The HP Backup system"), unless the surname of a full name ("Peter Such")
    const own = d.spans.filter((s) => !isFurniture(toks, s.ts, s.te) && !(s.te - s.ts === 1 && ((d.res.caps && COMMON_ACRONYMS.has(toks[s.ts].w)) || (CAPS_FUNCTION.has(lexClass(toks[s.ts].w)) && !COUNTRY_ACRONYMS.has(toks[s.ts].w) && !defined.has(toks[s.ts].w.toLowerCase())))));
    let spans: LineSpan[] = own.map((s) => {
      const t = typeOf(spanKey(d, s.ts, s.te));
      return { ts: s.ts, te: s.te, tag: t || s.tag };
    });
    for (let i = 0; i < toks.length; i++) {
      if (!(d.res.caps || isCapitalised(toks[i].w))) continue;
      for (let len = Math.min(6, toks.length - i); len >= 1; len--) {
        const end = i + len;
        if (!(d.res.caps || isCapitalised(toks[end - 1].w))) continue;
        const t = typeOf(spanKey(d, i, end));
        if (!t || isFurniture(toks, i, end) || (len === 1 && (isHonorific(toks[i].w) || COMMON_ACRONYMS.has(toks[i].w) || (isFunctionWord(toks[i].w, d.res.caps) && !defined.has(toks[i].w.toLowerCase()) && (CAPS_FUNCTION.has(lexClass(toks[i].w)) || !ownBody.has(toks[i].w) || ((i === 0 || SENTENCE_BOUNDARY.has(toks[i - 1].w)) && lexClass(toks[i].w) !== 'verb')))))) continue;
        // in a headline in title case every word is capitalised: a name from the body of two words or more, or of one
        // that is no ordinary word ("Market", "Be", "Your" are not names there even when the tagger once said so)
        if (d.res.title && !(bodyKnown.has(spanKey(d, i, end)) && (len > 1 || isRareWord(toks[i].w)))) continue;
        // every overlapping span must lie strictly inside the candidate; in ALL-CAPS lines, where case tells
        // nothing about boundaries, a name known from mixed-case lines also wins over a span not known there
        let ok = true;
        for (const s of spans) {
          if (s.te <= i || s.ts >= end) continue;
          if (s.te - s.ts === len && s.ts === i) { ok = false; break; }
          if (s.ts >= i && s.te <= end) continue;
          if (d.res.caps && bodyKnown.has(spanKey(d, i, end)) && !bodyKnown.has(spanKey(d, s.ts, s.te))) continue;
          ok = false;
          break;
        }
        if (!ok) continue;
        spans = spans.filter((s) => s.te <= i || s.ts >= end);
        spans.push({ ts: i, te: end, tag: t });
        spans.sort((x, y) => x.ts - y.ts);
        i = end - 1;
        break;
      }
    }
    // initials before a person's name known from elsewhere ("A.I. Antonov" after "Anatoly Antonov")
    d.spans = d.res.caps ? spans : initialsInNames(toks, spans, isPerson);
  }
}

/** Roles written in lower case before a person's name ("manager Mikel Arteta", "actress Zendaya", "chairman Lee"). */
const PERSON_ROLES = new Set(
  ('manager coach striker winger midfielder defender goalkeeper captain batter batsman bowler spinner all-rounder ' +
    'actor actress singer rapper chairman chairwoman spokesman spokeswoman spokesperson founder governor senator ' +
    'lawmaker mayor prosecutor analyst economist professor opener skipper pacer seamer wicketkeeper composer ' +
    'pundit director writer author novelist poet playwright filmmaker').split(' '),
);
/** Verbs of speech and action after a person's full name ("Jasprit Bumrah took five wickets"). */
const PERSON_VERBS = new Set(
  ('said says told tells added scored scores took takes won wins struck netted finished signed joined played starred ' +
    'sang wrote married died insisted admitted explained argued claimed denied confirmed revealed smiled laughed ' +
    'walked ran returned bowled kicked fired tweeted posted wore').split(' '),
);
/** A person's age in an apposition: "Saka, 23,", "Zendaya, 28, wore". */
const AGE = /^(?:[1-9]|[1-9]\d|10\d)$/;
/** Endings of common nouns and adjectives ("Revolution", "Assembly", "Science", "Parliamentary"). */
const NOT_SURNAME_ENDING = /(?:ity|ment|ness|ism|ist|tion|sion|ing|ics|ogy|ence|ance|ship|ure|ary|ery|ory|ive|ous|ful|al|an|ian|ese|ic|s|y)$/;

/**
 * People's names the 1996 tagger does not know and types as organisations or places ("Bukayo Saka", "Jasprit
 * Bumrah", "Zendaya"): the keys (lower-cased) of names that the document shows to be people's. Their words must be
 * plain capitalised words that are first names or surnames of the lexicon, or words it does not know that do not end
 * like a common noun or adjective, nor words the document also writes in lower case ("Wizzard Software" ... "software";
 * no organisation word, place, nationality, gazetteer name); then
 *  - a name with a person's age after it ("Zendaya, 28,", "Saka, 23,"), or a role in lower case before it ("winger
 *    Saka", "actress Zendaya"), also when that is said of the last word of a longer name;
 *  - a name of two or three such words directly followed by a verb of speech or action ("Jasprit Bumrah took") whose
 *    LAST word the document also writes alone ("Bumrah's spell"): people are shortened to their surname, firms to
 *    their first word ("Goldman Sachs said" ... "Goldman").
 */
function unfamiliarPeople(docLines: DocLine[], gaz: ReadonlyMap<string, unknown>): string[] {
  const alone = new Set<string>();
  const cued = new Set<string>();
  const lower = new Set<string>();
  const out: string[] = [];
  for (const d of docLines) {
    if (d.res.caps || d.res.title) continue;
    const toks = d.res.tokens;
    const n = toks.length;
    for (let i = 0; i < n; i++) {
      const w = toks[i].w;
      if (/^\p{Ll}+$/u.test(w)) lower.add(w);
      if (!PLAIN_NAME.test(w) || (i > 0 && isNameWord(toks[i - 1].w)) || (i + 1 < n && isNameWord(toks[i + 1].w))) continue;
      alone.add(w.toLowerCase());
      const prev = i > 0 ? toks[i - 1].w : '';
      if ((toks[i + 1]?.w === ',' && AGE.test(toks[i + 2]?.w ?? '') && (toks[i + 3]?.w === ',' || toks[i + 3]?.w === 'and')) || PERSON_ROLES.has(prev)) cued.add(w.toLowerCase());
    }
    for (const s of d.spans) {
      const next = toks[s.te]?.w ?? '';
      const prev = s.ts > 0 ? toks[s.ts - 1].w : '';
      if ((next === ',' && AGE.test(toks[s.te + 1]?.w ?? '') && (toks[s.te + 2]?.w === ',' || toks[s.te + 2]?.w === 'and')) || PERSON_ROLES.has(prev)) cued.add(spanKey(d, s.ts, s.te));
    }
  }
  for (const d of docLines) {
    if (d.res.caps) continue;
    const toks = d.res.tokens;
    for (const s of d.spans) {
      if (s.tag === 'PER' || s.tag === 'MISC') continue;
      const k = spanKey(d, s.ts, s.te);
      const len = s.te - s.ts;
      if (gaz.has(k) || len > 3) continue;
      let ok = true;
      for (let i = s.ts; i < s.te && ok; i++) {
        const w = toks[i].w;
        const c = lexClass(w);
        ok = PLAIN_NAME.test(w) && !w.endsWith('.') && (c === 'first' || c === 'last' || c === 'person' || (c === '' && !NOT_SURNAME_ENDING.test(w.toLowerCase()))) && !gaz.has(w.toLowerCase()) && !lower.has(w.toLowerCase());
      }
      if (!ok) continue;
      const last = toks[s.te - 1].w.toLowerCase();
      const person = cued.has(k) || (len > 1 && (cued.has(last) || (alone.has(last) && PERSON_VERBS.has(toks[s.te]?.w ?? ''))));
      if (!person) continue;
      out.push(k);
      if (len > 1) out.push(last);
    }
  }
  return out;
}

/**
 * Lower-case words after a one-word name that make it an organisation ("Mercedes team principal", "Williams boss",
 * "Ferrari driver", "Tesco shareholders"): a team's or firm's people and things.
 */
const ORG_ROLES_AFTER = new Set(['boss', 'bosses', 'team', 'driver', 'drivers', 'car', 'cars', 'engine', 'engines', 'shareholders', 'shares', 'executives', 'employees', 'staff', 'squad', 'teammate', 'team-mate', 'chairman', 'chief', 'spokesman', 'spokeswoman', 'spokesperson']);

/**
 * Teams and firms whose names are also people's or places' ("Mercedes", "Williams" in motor racing): the keys of
 * one-word names typed as people or places that the document writes before a word of a team's or firm's people or
 * things ("Mercedes team principal Toto Wolff", "Williams boss James Vowles"; ORG_ROLES_AFTER), unless it also puts an
 * age after the name or a title, role or form of address before it, or the name is the surname of a full name in the
 * document ("Serena Williams"), a place or common word of the lexicon ("the Brazil squad" is the place, as CoNLL
 * reads it), or a word the document writes in lower case ("Gasoline engines").
 */
function organisationsByRole(docLines: DocLine[], best: Map<string, Tag>, defined: Set<string>): string[] {
  const org = new Set<string>();
  const person = new Set<string>();
  const lower = new Set<string>();
  for (const d of docLines) {
    if (d.res.caps || d.res.title) continue;
    const toks = d.res.tokens;
    // every capitalised word alone (the tagger may have left "Mercedes team principal" untagged)
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i].w;
      if (/^\p{Ll}+$/u.test(w)) { lower.add(w); continue; }
      if (!PLAIN_NAME.test(w) || w.endsWith('.') || (i > 0 && isNameWord(toks[i - 1].w))) continue;
      const k = w.toLowerCase();
      const prev = i > 0 ? toks[i - 1].w : '';
      const next = toks[i + 1]?.w ?? '';
      if ((prev && (isTitleWord(prev) || isHonorific(prev))) || PERSON_ROLES.has(prev) || TITLES.has(prev) || (next === ',' && AGE.test(toks[i + 2]?.w ?? ''))) person.add(k);
      else if (ORG_ROLES_AFTER.has(next)) org.add(k);
    }
  }
  const out: string[] = [];
  for (const k of org) {
    if (person.has(k) || defined.has(k) || (best.get(k) !== 'PER' && best.get(k) !== 'LOC')) continue;
    // a country's or city's team is the place, as CoNLL reads it ("the Brazil squad"); no common word or numeral
    const c = lexClass(k);
    if (!NAME_CLASSES.has(c) || lower.has(k)) continue;
    out.push(k);
  }
  return out;
}

/** Prepositions before a place ("fighting near Mariupol", "queues in Khan Younis"). */
const PLACE_PREPS = new Set(['in', 'near', 'outside', 'across', 'throughout']);
/** Words for a place's officials, people or parts after its possessive ("Mariupol's exiled mayor", "Gaza's hospitals"). */
const PLACE_PARTS = new Set(
  ('mayor governor residents inhabitants citizens population streets suburbs outskirts port airport harbour harbor ' +
    'hospitals districts neighbourhoods neighborhoods').split(' '),
);
/** Endings of languages' names ("in Persian", "in Gujarati", "in Arabic", "in Swedish", "in Japanese"). */
const LANGUAGE_ENDING = /(?:ian|ese|ish|ic|ati|i)$/;
/** Adjectives of direction before a place ("southern Gaza", "eastern Ukraine"). */
const DIRECTIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'north-eastern', 'north-western', 'south-eastern', 'south-western', 'northeastern', 'northwestern', 'southeastern', 'southwestern']);

/**
 * Places the 1996 tagger does not know and types as people ("Mariupol", "Khan Younis"): the keys of one- or two-word
 * names the vote made people (cues are read off their mentions typed as people or places), of words the lexicon does not know (a surname of the lexicon beside one: "Khan Younis"), that
 * the document puts after a preposition
 * of place ("near Mariupol", "in Khan Younis"; not before "'s" or another name), after a direction ("southern
 * Gaza"), or before a possessive and a word for a place's officials, people or parts ("Mariupol's exiled mayor"), and
 * never after a title or role, a form of address, or before a verb of speech ("Khan Younis said"); not the surname of
 * a full name in the document ("Mike Huckabee" ... "in Huckabee's", "Nicolas Anelka").
 */
function unfamiliarPlaces(docLines: DocLine[], best: Map<string, Tag>, defined: Set<string>): string[] {
  const place = new Set<string>();
  const person = new Set<string>();
  const shapes = new Set<string>();
  const inOnce = new Set<string>();
  let lower: Set<string> | null = null;
  for (const d of docLines) {
    if (d.res.caps || d.res.title) continue;
    const toks = d.res.tokens;
    for (const s of d.spans) {
      if ((s.tag !== 'PER' && s.tag !== 'LOC') || s.te - s.ts > 2) continue;
      const k = spanKey(d, s.ts, s.te);
      let plain = true;
      for (let i = s.ts; i < s.te; i++) plain &&= /^\p{Lu}\p{Ll}{2,}$/u.test(toks[i].w);
      if (plain) shapes.add(k);
      const prev = s.ts > 0 ? toks[s.ts - 1].w : '';
      const next = toks[s.te]?.w ?? '';
      if ((prev && (isTitleWord(prev) || isHonorific(prev))) || PERSON_ROLES.has(prev) || TITLES.has(prev) || PERSON_VERBS.has(next) || (next === ',' && AGE.test(toks[s.te + 1]?.w ?? ''))) { person.add(k); continue; }
      const possessive = next === "'s" || next === '’s' || next === "'" || next === '’';
      const parts = possessive && (PLACE_PARTS.has(toks[s.te + 1]?.w ?? '') || PLACE_PARTS.has(toks[s.te + 2]?.w ?? ''));
      if (DIRECTIONS.has(prev) || parts || (PLACE_PREPS.has(prev) && prev !== 'in' && !possessive && !isNameWord(next))) place.add(k);
      else if (prev === 'in' && !possessive && !isNameWord(next)) {
        // "in" alone says less ("in Christ", "in Eiffel"): twice for a one-word name
        if (s.te - s.ts > 1 || inOnce.has(k)) place.add(k);
        inOnce.add(k);
      }
    }
  }
  const out: string[] = [];
  for (const k of place) {
    if (person.has(k) || best.get(k) !== 'PER' || defined.has(k) || DIVINE_NAMES.has(k)) continue;
    if (!lower) {
      lower = new Set();
      for (const d of docLines) if (!d.res.caps) for (const t of d.res.tokens) if (/^\p{Ll}+$/u.test(t.w)) lower.add(t.w);
    }
    // words the lexicon does not know (not "God", "Wilson", "Patsy"); a surname beside one ("Khan Younis")
    const words = k.split(' ');
    const cls = words.map((w) => lexClass(w));
    if (!cls.includes('') || !cls.every((c) => c === '' || (c === 'last' && words.length === 2))) continue;
    // plain words ("X", "U.", "NGOs" are not), no language ("in Persian", "in Gujarati"), no word the document also
    // writes in lower case ("in Computer Science")
    if (!shapes.has(k) || words.some((w) => LANGUAGE_ENDING.test(w) || lower!.has(w))) continue;
    out.push(k);
  }
  return out;
}

/** Lexicon classes of words that are never a one-word name in an ALL-CAPS line ("THE", "OF", "AND"). */
const CAPS_FUNCTION = new Set(['det', 'conj', 'prep']);

/**
 * A function word, verb, adverb or interjection that is no one-word name (unless it is the surname of a full name in
 * the document: "Dole" after "Bob Dole", "Such" after "Peter Such"): in mixed case written with a capital only
 * ("The", "It", "Please", "Finally"; not "US", "WHO" or "IT" in capitals, which are acronyms); in an ALL-CAPS line a
 * determiner, conjunction or preposition ("THE", "AND"). An ALL-CAPS line's "THE" that the tagger typed must not make
 * every "The" of the document a name.
 */
function isFunctionWord(w: string, caps: boolean): boolean {
  const c = lexClass(w);
  if (caps) return CAPS_FUNCTION.has(c) && !COUNTRY_ACRONYMS.has(w);
  return (LEADING_JUNK.has(c) || c === 'expr' || SENTENCE_ADVERBS.has(w.toLowerCase()) || isLyAdverb(w)) && w !== w.toUpperCase();
}

/**
 * "Cases have also been confirmed in Burundi" after "610 suspected cases": a one-word name (person, place or
 * organisation) opening a sentence whose word the document also writes in lower case is a common word, unless it is
 * the last word of a person's full name in the document ("Rice" after "Condoleezza Rice"). A gazetteer name is found
 * again by the document pass.
 */
function dropCommonWordNames(docLines: DocLine[]): void {
  let lower: Set<string> | null = null;
  let surnames: Set<string> | null = null;
  for (const d of docLines) {
    if (d.res.caps) continue;
    const toks = d.res.tokens;
    const keep = d.spans.filter((s) => {
      if (s.tag === 'MISC' || s.te - s.ts !== 1 || (s.ts > 0 && !SENTENCE_BOUNDARY.has(toks[s.ts - 1].w))) return true;
      const w = toks[s.ts].w;
      if (!PLAIN_NAME.test(w)) return true;
      if (!lower) {
        lower = new Set();
        surnames = new Set();
        for (const e of docLines) {
          if (e.res.caps) continue;
          for (const t of e.res.tokens) if (/^\p{Ll}+$/u.test(t.w)) lower.add(t.w);
          for (const x of e.spans) if (x.tag === 'PER' && x.te - x.ts > 1) surnames.add(e.res.tokens[x.te - 1].w.toLowerCase());
        }
      }
      const l = w.toLowerCase();
      return !(lower.has(l) && !surnames!.has(l));
    });
    if (keep.length !== d.spans.length) d.spans = keep;
  }
}

export function findEntities(text: string, lines: readonly LineInfo[], options: EntityOptions = {}): Entity[] {
  const memo = options.memo;
  const metaPlaces = options.metaPlaces === true;
  const docLines: DocLine[] = [];
  for (const l of lines) {
    const meta = l.label === 'meta';
    if (l.label !== 'article' && !(meta && metaPlaces)) continue;
    let para = text.slice(l.start, l.end);
    if (para.trim().length === 0) continue;
    let res = memo ? memo.get(para) : undefined;
    if (!res) {
      // a memo outlives this version of the text: key and results must not be views into the whole document
      if (memo) para = detach(para);
      res = tagParagraph(para);
      if (memo) memo.set(para, res);
    }
    docLines.push({ start: l.start, para, res, spans: res.spans, meta });
  }
  if (options.documentPass !== false) documentPass(docLines);
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
