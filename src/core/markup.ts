/**
 * Dumps that are still HTML. A scraper whose HTML-to-text step failed (or that saved the page source) leaves a
 * "dump" that is markup: often the whole page on one line, where no line-level choice can separate the article
 * from the menus. `markupShare` tells such a dump from a text dump that merely mentions a tag, and `markupToText`
 * turns the markup into text lines (one per block element, scripts, styles and comments dropped, character
 * references decoded), which the line classifier can then clean like any dump.
 *
 * Pure string code (no DOM), linear in the text; it does not try to be a full HTML parser: it is what a browser's
 * "copy text" would give for block structure, good enough to find the article's paragraphs.
 */

/** A start or end tag: `<name …>` / `</name>` (attributes up to 2,000 characters, no `<` or `>` inside). */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]{0,15})(?:[\s/][^<>]{0,2000})?>/g;
/** Characters of the text looked at by `markupShare` (a sample: the start of the text). */
const SAMPLE = 200_000;
/** `detectMarkup` reads only the text's first MARKUP_SAMPLE characters (an edit after them cannot change it). */
export const MARKUP_SAMPLE = SAMPLE;

export interface MarkupShare {
  /** Tags in the sample. */
  tags: number;
  /** Share of the sample's non-space characters that are inside tags, comments or scripts/styles. */
  share: number;
}

/** How much of the text (its first 200,000 characters) is HTML markup. */
export function markupShare(text: string): MarkupShare {
  if (text.indexOf('<') < 0) return { tags: 0, share: 0 };
  const s = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let tags = 0;
  let inTags = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(s); m; m = TAG.exec(s)) {
    tags++;
    inTags += m[0].length;
  }
  const nonSpace = countNonSpace(s);
  if (tags === 0 || nonSpace === 0) return { tags, share: 0 };
  // below MIN_TAGS the tags' own share is enough; above, everything that is not visible text counts: tags,
  // comments, script and style bodies
  const share = tags < MIN_TAGS ? inTags / nonSpace : Math.max(inTags / nonSpace, 1 - countNonSpace(markupToText(s)) / nonSpace);
  return { tags, share: Math.min(1, share) };
}

const MIN_TAGS = 20;
const MIN_SHARE = 0.4;

/**
 * The markup figures of a dump that is HTML rather than text, else null: at least 20 tags, and at least 40% of
 * the non-space characters are markup (a text dump that quotes some HTML, or keeps a stray `<br>`, stays far below
 * that: at most 19% over the development corpora's 1,417 text dumps).
 */
export function detectMarkup(text: string): MarkupShare | null {
  // fewer than MIN_TAGS '<' in the sample (most text dumps have none): not markup, nothing else to look at
  const end = Math.min(text.length, SAMPLE);
  let lt = 0;
  for (let i = text.indexOf('<'); i >= 0 && i < end && lt < MIN_TAGS; i = text.indexOf('<', i + 1)) lt++;
  if (lt < MIN_TAGS) return null;
  const m = markupShare(text);
  return m.tags >= MIN_TAGS && m.share >= MIN_SHARE ? m : null;
}

/** `detectMarkup(text) !== null`. */
export function looksLikeMarkup(text: string): boolean {
  return detectMarkup(text) !== null;
}

/** The text lines of a dump that is HTML markup (`markupToText`), else the dump itself. */
export function textOf(text: string): string {
  return looksLikeMarkup(text) ? markupToText(text) : text;
}

/** Elements whose content is never text: dropped with their content. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'select', 'svg', 'math', 'object', 'iframe', 'canvas', 'textarea', 'button']);
/** Elements that start a new line (block-level, table cells and rows, line breaks). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul', 'input', 'label',
]);

/**
 * The text of an HTML dump, one line per block: tags removed (block elements and `<br>` end a line), comments,
 * scripts, styles, forms' option lists and the like dropped, character references decoded, runs of white space
 * collapsed. A dump that starts inside a script (a truncated page) loses what comes before the script's end tag.
 */
export function markupToText(html: string): string {
  const n = html.length;
  const lines: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/[\s\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    cur = '';
  };
  const text = (a: number, b: number) => {
    if (b > a) cur += decodeEntities(html.slice(a, b));
  };
  let i = 0;
  // a page cut inside a script or style: an end tag before any start tag of its kind ends it
  const lower = html.length > SAMPLE ? html.slice(0, SAMPLE).toLowerCase() : html.toLowerCase();
  for (const raw of ['script', 'style']) {
    const close = lower.indexOf(`</${raw}`);
    const open = lower.indexOf(`<${raw}`);
    if (close >= 0 && (open < 0 || close < open)) {
      const gt = html.indexOf('>', close);
      if (gt > i) i = gt + 1;
    }
  }
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(i, n);
      break;
    }
    text(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.charCodeAt(lt + 1) === 33 /* ! */ || html.charCodeAt(lt + 1) === 63 /* ? */) {
      // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 47; /* / */
    let p = lt + (closing ? 2 : 1);
    const nameStart = p;
    while (p < n && isNameChar(html.charCodeAt(p))) p++;
    if (p === nameStart || !isAsciiLetter(html.charCodeAt(nameStart))) {
      // not a tag: "a < b", "<3"
      cur += '<';
      i = lt + 1;
      continue;
    }
    const name = html.slice(nameStart, p).toLowerCase();
    const gt = tagEnd(html, p);
    if (gt < 0) {
      // a tag that never ends: the rest is inside it
      i = n;
      break;
    }
    i = gt + 1;
    if (!closing && DROP.has(name) && html.charCodeAt(gt - 1) !== 47 /* self-closing */) {
      // skip to the matching end tag (scripts may hold "<" and even "</div>")
      const end = findEndTag(html, name, i);
      if (end < 0) {
        i = n;
        break;
      }
      i = end;
      if (BLOCK.has(name) || name === 'select' || name === 'iframe') flush();
      continue;
    }
    if (BLOCK.has(name)) flush();
    else if (name === 'img' || name === 'wbr') cur += ' ';
  }
  flush();
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isNameChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58; // letters, digits, '-', ':'
}

/** Index of the `>` ending the tag whose name ends at p (quoted attribute values may hold `>`), or -1. */
function tagEnd(html: string, p: number): number {
  const n = html.length;
  let q = 0;
  for (let i = p; i < n; i++) {
    const c = html.charCodeAt(i);
    if (q) {
      if (c === q) q = 0;
      else if (c === 60 /* < */ && i - p > 2000) return html.indexOf('>', p); // an unclosed quote: give up on quotes
    } else if (c === 62) return i;
    else if ((c === 34 || c === 39) && isAttrValueStart(html, i)) q = c;
  }
  return q ? html.indexOf('>', p) : -1;
}

/** A quote that opens an attribute value (`="`, `= '`), not an apostrophe in broken markup. */
function isAttrValueStart(html: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (html.charCodeAt(j) === 32 || html.charCodeAt(j) === 9 || html.charCodeAt(j) === 10 || html.charCodeAt(j) === 13)) j--;
  return j >= 0 && html.charCodeAt(j) === 61; /* = */
}

/** Index just after the end tag `</name …>` at or after `from` (case-insensitive), or -1. */
function findEndTag(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}\\s*>`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index + m[0].length : -1;
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '',
  mdash: '—', ndash: '–', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±',
  frac12: '½', frac14: '¼', frac34: '¾', iexcl: '¡', iquest: '¿', prime: '′', Prime: '″', dagger: '†', Dagger: '‡',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç', egrave: 'è',
  eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï', ntilde: 'ñ', ograve: 'ò',
  oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü',
  yacute: 'ý', yuml: 'ÿ', szlig: 'ß', Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å',
  AElig: 'Æ', Ccedil: 'Ç', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î',
  Iuml: 'Ï', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø', Ugrave: 'Ù',
  Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', oelig: 'œ', OElig: 'Œ', scaron: 'š', Scaron: 'Š',
};

/** Decode character references: named ones of the table above, `&#123;` and `&#x1F;`; others are left as they are. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});?/g, (all, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return all;
      return code === 160 ? ' ' : String.fromCodePoint(code);
    }
    const v = Object.prototype.hasOwnProperty.call(NAMED, ref) ? NAMED[ref] : undefined;
    return v === undefined ? all : v;
  });
}

function countNonSpace(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) k++;
  }
  return k;
}
