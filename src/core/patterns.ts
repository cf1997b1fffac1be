/**
 * User boilerplate patterns (setting `scrapedNews.boilerplatePatterns`). A workspace setting can come from a
 * cloned repository, so a pattern is untrusted input: it must never hang the editor or throw on every keystroke.
 *
 * - Validated once per list (cached by the list): syntax errors and unsupported constructs are returned in
 *   `errors`, never thrown.
 * - Rejected: backreferences (`\1`, `\k<name>`), lookarounds containing or carrying a quantifier, patterns that
 *   match the empty string (they would turn every line into boilerplate), over-long patterns.
 * - Matched without catastrophic backtracking: a static check over the parsed pattern decides the engine.
 *   Patterns of star height <= 1, with no repeated alternation and few backtracking paths (one unbounded
 *   repetition plus a few `?` or `|`) are matched by the native RegExp (worst case quadratic in the
 *   1,000-character cap: milliseconds). Every other pattern (`(a+)+`, `(a|a)*`, `.*a.*b`, `(a|a)(a|a)…`) is
 *   neutralised: compiled to a small Thompson NFA and matched by a
 *   Pike VM in time linear in the line (O(line × pattern), no backtracking at all).
 * - Only the first `PATTERN_INPUT_CAP` characters of a line are searched. On a longer line a match must lie in
 *   that prefix, and `$`, `\b`, `\B` still see the real line (so `^Share$` does not match a long line that merely
 *   starts with "Share"): a capped line can be matched less often, never more often.
 */

/** Characters of a (trimmed) line that a user pattern looks at. */
export const PATTERN_INPUT_CAP = 1000;
/** Longest accepted pattern source. */
export const PATTERN_MAX_LENGTH = 1000;
/** Most patterns accepted in one list. */
export const PATTERN_MAX_COUNT = 500;
/** Native RegExp only below this many backtracking paths per start position (one `.*` plus a few `?`/`|`). */
const NATIVE_MAX_PATHS = 8 * PATTERN_INPUT_CAP;
/** Largest NFA after expanding counted repetitions. */
const PROGRAM_MAX = 4000;

export interface PatternMatcher {
  /** True when the (trimmed) line matches. Never throws, bounded time. */
  test(line: string): boolean;
  /** The pattern as the user wrote it. */
  readonly source: string;
  /** `native`: the built-in RegExp (statically safe); `linear`: the backtracking-free Pike VM. */
  readonly engine: 'native' | 'linear';
}

export interface CompiledPatterns {
  matchers: PatternMatcher[];
  errors: { pattern: string; message: string }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Parser for the 'u'-mode syntax (the source has already been accepted by `new RegExp(p, 'iu')`).

type Node =
  | { t: 'atom'; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; min: number; max: number; body: Node }
  | { t: 'group'; body: Node }
  | { t: 'look'; behind: boolean; body: Node }
  | { t: 'assert'; kind: 'bol' | 'eol' | 'wb' | 'nwb' }
  | { t: 'backref' };

class Unsupported extends Error {}

function parse(src: string): Node {
  let i = 0;
  const peek = () => src[i];

  function parseAlt(): Node {
    const alts: Node[] = [parseSeq()];
    while (peek() === '|') {
      i++;
      alts.push(parseSeq());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  function parseSeq(): Node {
    const items: Node[] = [];
    while (i < src.length && peek() !== '|' && peek() !== ')') items.push(parseTerm());
    return { t: 'seq', items };
  }

  function parseTerm(): Node {
    let node = parseAtom();
    for (;;) {
      const c = peek();
      let min = -1;
      let max = -1;
      if (c === '*') { min = 0; max = Infinity; i++; }
      else if (c === '+') { min = 1; max = Infinity; i++; }
      else if (c === '?') { min = 0; max = 1; i++; }
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        if (!m) break;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        i += m[0].length;
      } else break;
      if (peek() === '?') i++; // lazy: same language, irrelevant to test()
      node = { t: 'rep', min, max, body: node };
    }
    return node;
  }

  function parseEscape(): Node {
    // at '\\'
    const c = src[i + 1];
    if (c === 'b' || c === 'B') { i += 2; return { t: 'assert', kind: c === 'b' ? 'wb' : 'nwb' }; }
    if (c >= '1' && c <= '9') { i += 2; while (/\d/.test(peek() ?? '')) i++; return { t: 'backref' }; }
    if (c === 'k') { const e = src.indexOf('>', i); i = e < 0 ? src.length : e + 1; return { t: 'backref' }; }
    const start = i;
    i += 2;
    if ((c === 'p' || c === 'P') && peek() === '{') i = src.indexOf('}', i) + 1;
    else if (c === 'u') {
      if (peek() === '{') i = src.indexOf('}', i) + 1;
      else i += 4;
    } else if (c === 'x') i += 2;
    else if (c === 'c') i += 1;
    else if (c !== undefined && c.codePointAt(0)! > 0xffff) i++; // never valid in 'u' mode, but stay in step
    return { t: 'atom', src: src.slice(start, i) };
  }

  function parseClass(): Node {
    const start = i;
    i++; // [
    if (peek() === '^') i++;
    while (i < src.length && peek() !== ']') i += peek() === '\\' ? 2 : 1;
    i++; // ]
    return { t: 'atom', src: src.slice(start, i) };
  }

  function parseAtom(): Node {
    const c = peek();
    if (c === '^') { i++; return { t: 'assert', kind: 'bol' }; }
    if (c === '$') { i++; return { t: 'assert', kind: 'eol' }; }
    if (c === '\\') return parseEscape();
    if (c === '[') return parseClass();
    if (c === '(') {
      let look: { behind: boolean } | null = null;
      if (src.startsWith('(?:', i)) i += 3;
      else if (src.startsWith('(?=', i) || src.startsWith('(?!', i)) { look = { behind: false }; i += 3; }
      else if (src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) { look = { behind: true }; i += 4; }
      else if (src.startsWith('(?<', i)) i = src.indexOf('>', i) + 1;
      else if (src.startsWith('(?', i)) throw new Unsupported('inline modifiers such as (?i:…) are not supported');
      else i++;
      const body = parseAlt();
      i++; // )
      return look ? { t: 'look', behind: look.behind, body } : { t: 'group', body };
    }
    const cp = src.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    return { t: 'atom', src: ch };
  }

  const node = parseAlt();
  if (i < src.length) throw new Unsupported('could not read the pattern');
  return node;
}

// ---------------------------------------------------------------------------------------------------------------
// Static checks

interface Facts {
  backref: boolean;
  /** A lookaround whose body has a quantifier, or a quantified lookaround. */
  riskyLook: boolean;
  look: boolean;
  /** A repetition containing another repetition (star height > 1). */
  nested: boolean;
  /** A repetition containing an alternation (`(a|ab)*`). */
  repeatedAlt: boolean;
  /**
   * Upper bound on the backtracking paths through the pattern at one start position: the product over variable
   * repetitions of their range (an unbounded one counts as the input cap) and over alternations of their size.
   */
  paths: number;
}


function hasRep(n: Node): boolean {
  switch (n.t) {
    case 'rep': return true;
    case 'seq': return n.items.some(hasRep);
    case 'alt': return n.alts.some(hasRep);
    case 'group': case 'look': return hasRep(n.body);
    default: return false;
  }
}
function hasAlt(n: Node): boolean {
  switch (n.t) {
    case 'alt': return true;
    case 'seq': return n.items.some(hasAlt);
    case 'rep': case 'group': case 'look': return hasAlt(n.body);
    default: return false;
  }
}

function facts(root: Node): Facts {
  const f: Facts = { backref: false, riskyLook: false, look: false, nested: false, repeatedAlt: false, paths: 1 };
  const walk = (n: Node, inRep: boolean) => {
    switch (n.t) {
      case 'backref': f.backref = true; return;
      case 'look':
        f.look = true;
        if (inRep || hasRep(n.body)) f.riskyLook = true;
        walk(n.body, inRep);
        return;
      case 'rep':
        if (n.max > n.min) f.paths = Math.min(1e12, f.paths * (n.max === Infinity ? PATTERN_INPUT_CAP : Math.min(PATTERN_INPUT_CAP, n.max - n.min + 1)));
        if (n.max > 1 && hasRep(n.body)) f.nested = true;
        if (n.max > 1 && hasAlt(n.body)) f.repeatedAlt = true;
        if (n.body.t === 'look') f.riskyLook = true;
        walk(n.body, true);
        return;
      case 'seq': for (const x of n.items) walk(x, inRep); return;
      case 'alt':
        f.paths = Math.min(1e12, f.paths * n.alts.length);
        for (const x of n.alts) walk(x, inRep);
        return;
      case 'group': walk(n.body, inRep); return;
      default: return;
    }
  };
  walk(root, false);
  return f;
}

// ---------------------------------------------------------------------------------------------------------------
// Thompson NFA + Pike VM (linear time, no captures: only `test`).

const OP_CHAR = 0, OP_SPLIT = 1, OP_JMP = 2, OP_MATCH = 3, OP_ASSERT = 4;
const A_BOL = 0, A_EOL = 1, A_WB = 2, A_NWB = 3;

/** One character-level atom, decided by the native engine on a single code point (no backtracking possible). */
class AtomPredicate {
  private readonly re: RegExp;
  private readonly ascii = new Uint8Array(128); // 0 unknown, 1 yes, 2 no
  constructor(src: string) {
    this.re = new RegExp('^(?:' + src + ')$', 'iu');
  }
  test(cp: number): boolean {
    if (cp < 128) {
      const v = this.ascii[cp];
      if (v !== 0) return v === 1;
      const r = this.re.test(String.fromCharCode(cp));
      this.ascii[cp] = r ? 1 : 2;
      return r;
    }
    return this.re.test(String.fromCodePoint(cp));
  }
}

class Program {
  op: number[] = [];
  x: number[] = [];
  y: number[] = [];
  atoms: AtomPredicate[] = [];
  emit(op: number, x = 0, y = 0): number {
    if (this.op.length >= PROGRAM_MAX) throw new Unsupported(`too large once its repetition counts are expanded (over ${PROGRAM_MAX} steps)`);
    this.op.push(op);
    this.x.push(x);
    this.y.push(y);
    return this.op.length - 1;
  }
}

function compileNode(p: Program, n: Node): void {
  switch (n.t) {
    case 'atom':
      p.atoms.push(new AtomPredicate(n.src));
      p.emit(OP_CHAR, p.atoms.length - 1);
      return;
    case 'assert':
      p.emit(OP_ASSERT, n.kind === 'bol' ? A_BOL : n.kind === 'eol' ? A_EOL : n.kind === 'wb' ? A_WB : A_NWB);
      return;
    case 'seq':
      for (const x of n.items) compileNode(p, x);
      return;
    case 'group':
      compileNode(p, n.body);
      return;
    case 'alt': {
      const jumps: number[] = [];
      for (let k = 0; k < n.alts.length; k++) {
        if (k < n.alts.length - 1) {
          const split = p.emit(OP_SPLIT);
          p.x[split] = split + 1;
          compileNode(p, n.alts[k]);
          jumps.push(p.emit(OP_JMP));
          p.y[split] = p.op.length;
        } else compileNode(p, n.alts[k]);
      }
      for (const j of jumps) p.x[j] = p.op.length;
      return;
    }
    case 'rep': {
      for (let k = 0; k < n.min; k++) compileNode(p, n.body);
      if (n.max === Infinity) {
        const split = p.emit(OP_SPLIT);
        p.x[split] = split + 1;
        compileNode(p, n.body);
        p.emit(OP_JMP, split);
        p.y[split] = p.op.length;
      } else {
        const splits: number[] = [];
        for (let k = n.min; k < n.max; k++) {
          const split = p.emit(OP_SPLIT);
          p.x[split] = split + 1;
          splits.push(split);
          compileNode(p, n.body);
        }
        for (const s of splits) p.y[s] = p.op.length;
      }
      return;
    }
    case 'look':
    case 'backref':
      throw new Unsupported('lookarounds and backreferences cannot be matched in linear time');
  }
}

const isWordCp = (cp: number) =>
  (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95 || cp === 0x17f || cp === 0x212a;

class PikeVM {
  private readonly op: Uint8Array;
  private readonly x: Int32Array;
  private readonly y: Int32Array;
  private readonly atoms: AtomPredicate[];
  private readonly mark: Uint32Array;
  private gen = 0;
  private clist: Int32Array;
  private nlist: Int32Array;
  private readonly stack: Int32Array;
  private s = '';
  /** Pattern starts with `^`: no new attempt after position 0. */
  private readonly anchored: boolean;

  constructor(p: Program, anchored: boolean) {
    const n = p.op.length;
    this.op = Uint8Array.from(p.op);
    this.x = Int32Array.from(p.x);
    this.y = Int32Array.from(p.y);
    this.atoms = p.atoms;
    this.mark = new Uint32Array(n);
    this.clist = new Int32Array(n);
    this.nlist = new Int32Array(n);
    this.stack = new Int32Array(n * 2 + 2);
    this.anchored = anchored;
  }

  /**
   * Follow JMP/SPLIT/ASSERT from pc at position `at`; CHAR threads are appended to `list`.
   * Returns the new length, or -1 when MATCH is reached.
   */
  private add(list: Int32Array, len: number, pc0: number, at: number, prev: number): number {
    const { op, x, y, mark, stack, gen } = this;
    let sp = 0;
    stack[sp++] = pc0;
    while (sp > 0) {
      const pc = stack[--sp];
      if (mark[pc] === gen) continue;
      mark[pc] = gen;
      const o = op[pc];
      if (o === OP_CHAR) list[len++] = pc;
      else if (o === OP_SPLIT) { stack[sp++] = y[pc]; stack[sp++] = x[pc]; }
      else if (o === OP_JMP) stack[sp++] = x[pc];
      else if (o === OP_MATCH) return -1;
      else {
        const a = x[pc];
        const s = this.s;
        let ok: boolean;
        if (a === A_BOL) ok = at === 0;
        else if (a === A_EOL) ok = at === s.length;
        else {
          const w = (prev >= 0 && isWordCp(prev)) !== (at < s.length && isWordCp(s.charCodeAt(at)));
          ok = a === A_WB ? w : !w;
        }
        if (ok) stack[sp++] = pc + 1;
      }
    }
    return len;
  }

  /** Is there a match lying within s[0, end)? Assertions look at the whole of s. */
  test(s: string, end: number): boolean {
    const { op, x, atoms, mark } = this;
    this.s = s;
    let clist = this.clist;
    let nlist = this.nlist;
    if (this.gen > 0xfffffff0) { mark.fill(0); this.gen = 0; }
    this.gen++;
    let clen = this.add(clist, 0, 0, 0, -1);
    if (clen < 0) return true;
    let pos = 0;
    while (pos < end) {
      if (clen === 0 && this.anchored) return false;
      const cp = s.codePointAt(pos)!;
      const w = cp > 0xffff ? 2 : 1;
      this.gen++;
      let nlen = 0;
      for (let k = 0; k < clen; k++) {
        const pc = clist[k];
        if (atoms[x[pc]].test(cp)) {
          nlen = this.add(nlist, nlen, pc + 1, pos + w, cp);
          if (nlen < 0) return true;
        }
      }
      pos += w;
      if (!this.anchored && pos < end) {
        // a new attempt starting here (unanchored search)
        nlen = this.add(nlist, nlen, 0, pos, cp);
        if (nlen < 0) return true;
      }
      const t = clist; clist = nlist; nlist = t;
      clen = nlen;
    }
    void op;
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** End of the searched prefix: the cap, moved back so that it does not split a surrogate pair. */
function capEnd(s: string): number {
  if (s.length <= PATTERN_INPUT_CAP) return s.length;
  const c = s.charCodeAt(PATTERN_INPUT_CAP - 1);
  return c >= 0xd800 && c <= 0xdbff ? PATTERN_INPUT_CAP - 1 : PATTERN_INPUT_CAP;
}

/**
 * Compile one pattern; returns an error message instead of throwing. `forceLinear` (tests) uses the linear
 * engine whenever the pattern allows it.
 */
export function compileUserPattern(source: unknown, opts: { forceLinear?: boolean } = {}): PatternMatcher | { error: string } {
  if (typeof source !== 'string' || source.trim().length === 0) return { error: 'empty or not a string' };
  if (source.length > PATTERN_MAX_LENGTH) return { error: `longer than ${PATTERN_MAX_LENGTH} characters` };
  let native: RegExp;
  try {
    native = new RegExp(source, 'iu');
  } catch (e) {
    return { error: `not a valid regular expression: ${(e as Error).message}` };
  }
  let vm: PikeVM | null = null;
  let engine: 'native' | 'linear';
  try {
    const ast = parse(source);
    const f = facts(ast);
    if (f.backref) return { error: 'backreferences (\\1, \\k<name>) are not allowed: they can make matching exponentially slow' };
    if (f.riskyLook) return { error: 'lookarounds with a quantifier inside or on them are not allowed: they can make matching slow' };
    const nativeSafe = !f.nested && !f.repeatedAlt && f.paths <= NATIVE_MAX_PATHS;
    if (!nativeSafe && f.look) {
      return { error: 'lookarounds cannot be combined with nested repetitions, repeated alternations or more than one unbounded repetition (risk of catastrophic backtracking)' };
    }
    if (!f.look) {
      try {
        const p = new Program();
        compileNode(p, ast);
        p.emit(OP_MATCH);
        const first = ast.t === 'seq' ? ast.items[0] : ast;
        vm = new PikeVM(p, first !== undefined && first.t === 'assert' && first.kind === 'bol');
      } catch (e) {
        // Too large for the linear engine: acceptable only when the native engine is safe (long lines then never match).
        if (!nativeSafe) throw e;
      }
    }
    engine = nativeSafe && !(opts.forceLinear && vm) ? 'native' : 'linear';
  } catch (e) {
    return { error: e instanceof Unsupported ? e.message : `could not be checked: ${(e as Error).message}` };
  }
  const linear = vm;
  const test = (line: string): boolean => {
    if (typeof line !== 'string') return false;
    if (line.length <= PATTERN_INPUT_CAP) return engine === 'native' ? native.test(line) : linear!.test(line, line.length);
    // Long line: search the capped prefix only (assertions still see the real line). Lookaround patterns cannot
    // be capped soundly, so they never match a long line (a line is kept rather than lost).
    return linear ? linear.test(line, capEnd(line)) : false;
  };
  const m: PatternMatcher = { test, source, engine };
  let matchesEmpty = false;
  try {
    matchesEmpty = test('');
  } catch {
    matchesEmpty = true;
  }
  if (matchesEmpty) return { error: 'matches the empty string, so it would mark every line as boilerplate' };
  return m;
}

const cache = new Map<string, CompiledPatterns>();

/** Compile the user's pattern list: each valid pattern becomes a matcher, each bad one an error (never thrown). */
export function compileUserPatterns(patterns: readonly string[]): CompiledPatterns {
  if (!Array.isArray(patterns)) {
    return { matchers: [], errors: [{ pattern: String(patterns), message: 'scrapedNews.boilerplatePatterns must be a list of strings' }] };
  }
  let key: string;
  try {
    key = JSON.stringify(patterns);
  } catch {
    key = patterns.map((p) => String(p)).join('\u0000');
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const res: CompiledPatterns = { matchers: [], errors: [] };
  patterns.forEach((p, k) => {
    if (k >= PATTERN_MAX_COUNT) {
      if (k === PATTERN_MAX_COUNT) res.errors.push({ pattern: String(p), message: `more than ${PATTERN_MAX_COUNT} patterns: the rest are ignored` });
      return;
    }
    const r = compileUserPattern(p);
    if ('error' in r) res.errors.push({ pattern: typeof p === 'string' ? p : String(p), message: r.error });
    else res.matchers.push(r);
  });
  if (cache.size > 32) cache.clear();
  cache.set(key, res);
  return res;
}

/** Trimmed lines longer than this become a "starts with" pattern (still literal, still matches its line). */
const LITERAL_MAX = 200;

/**
 * A safe pattern matching exactly this line (trimmed), for the "Always treat lines like this as boilerplate"
 * quick fix. Literal characters only (escaped), so it always compiles and passes validation. A very long line
 * gives a pattern for its first 200 characters (without `$`), so it still matches the line.
 */
export function literalLinePattern(line: string): string {
  let t = line.trim();
  let anchorEnd = true;
  if (t.length > LITERAL_MAX) {
    let cut = LITERAL_MAX;
    const c = t.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    t = t.slice(0, cut);
    anchorEnd = false;
  }
  // Lone surrogates cannot be written literally in a 'u' pattern: use \u escapes for them.
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && t.charCodeAt(i + 1) >= 0xdc00 && t.charCodeAt(i + 1) <= 0xdfff) {
      out += t[i] + t[i + 1];
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c < 0x20 || c === 0x7f) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += /[.*+?^${}()|[\]\\\/]/.test(t[i]) ? '\\' + t[i] : t[i];
  }
  return '^' + out + (anchorEnd ? '$' : '');
}
