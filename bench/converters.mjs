#!/usr/bin/env node
// Converter-layout benchmark (issue #3: "build for generality: the product is also measured on pages from other
// sites and other HTML-to-text converters that you do not have").
//
// All our development corpora were dumped with line wrapping OFF: one paragraph = one line, blank lines where the
// converter put them. Many HTML-to-text converters lay the same page out differently: html2text, lynx/w3m/links at
// their default width and node's html-to-text (`wordwrap: 80`) hard-wrap paragraphs at 72-80 columns; others drop or
// double the blank lines, indent blocks, or write CRLF line endings. A cleaner that keys on "one long line = prose"
// or on blank-line structure can look good on our corpora and fail on such dumps. This bench re-lays out every dump
// of a corpus in memory, cleans it exactly as bench/boilerplate.mjs does (HTML markup converted to text first,
// folder templates learnt over the corpus's re-laid-out dumps, analyze + clean from dist/core.js), and scores it
// with bench/metric.mjs against the unchanged gold. The gold stays valid: the metric is token 4-gram shingles, so
// line breaks, blank lines and indentation do not change a text's score, only what the cleaner keeps does.
//
// Variants (`--variants` takes a comma-separated list; `a+b` applies a then b; `original` is always run first):
//   original  the dump as it is
//   wrapN     every line longer than N characters is word-wrapped at N like Python's textwrap.wrap(width=N,
//             break_long_words=False, break_on_hyphens=False): breaks only at spaces, never inside a word, a word
//             longer than N stays whole on a line of its own, the line's leading indentation is kept on its first
//             piece only, whitespace at the break is dropped
//   noblank   blank (whitespace-only) lines removed
//   double    a blank line after every non-blank line
//   indent    3 spaces before every non-blank line
//   crlf      CRLF line endings
//   markdown  as an HTML-to-Markdown converter would write it (see `markdown` below: headings, links around menu
//             lines and inside prose); its cleaned text is scored without the link marks
// Line endings of the dump are kept by all variants but crlf.
//
//   node bench/converters.mjs CORPUS_DIR... [--variants wrap78,wrap72,noblank,double,indent,crlf,markdown] [--worst N]
//        [--no-unwrap] [--json FILE] [--core PATH]
//     CORPUS_DIR   holds dumps/*.txt and gold/*.txt (e.g. ../shared/corpora/l3s-gn1)
//     --worst N    documents listed per variant that lost most F1 against original (default 5)
//     --no-unwrap  pass unwrap: false to the core (ablation; as bench/boilerplate.mjs --no-unwrap)
//     --spans N    also the quotes, speakers and entities of the first N dumps of each corpus (full analysis):
//                  the share of the original layout's ones found again in each variant
//     --json FILE  write the per-corpus, per-variant figures as JSON
//     --core PATH  the core to run (default dist/core.js; e.g. an older build for a before/after)
// Nothing is written into the repository (no cleaned texts, no corpus text).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { scoreDoc, corpusScore } from './metric.mjs';

// --core PATH: another build of the core (e.g. an older commit's dist/core.js, for a before/after)
const coreAt = process.argv.indexOf('--core');
const core = createRequire(import.meta.url)(coreAt >= 0 ? resolve(process.argv.splice(coreAt, 2)[1]) : '../dist/core.js');

// ---- layout transformations (pure string -> string) ----

/** Length in code points (what Python's len() counts). */
function cpLen(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

// Python's textwrap splits at ASCII whitespace only (a no-break space does not break a line), but drops any chunk
// that str.strip() empties (no-break spaces included) at the start and end of a line
const WS_OR_WORD = /[\t\v\f\r ]+|[^\t\v\f\r ]+/g;
const isWs = (c) => c.trim() === '';

/** Python textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False), without tab expansion. */
export function wrapLine(line, width) {
  if (cpLen(line) <= width) return [line];
  const chunks = (line.match(WS_OR_WORD) ?? []).reverse(); // a stack, as in textwrap._wrap_chunks
  const out = [];
  while (chunks.length) {
    const cur = [];
    let curLen = 0;
    // whitespace at the start of a line is dropped, except the indentation of the first line
    if (out.length && isWs(chunks[chunks.length - 1])) chunks.pop();
    while (chunks.length) {
      const len = cpLen(chunks[chunks.length - 1]);
      if (curLen + len > width) break;
      cur.push(chunks.pop());
      curLen += len;
    }
    // a word longer than the width goes whole on a line of its own (break_long_words=False)
    if (chunks.length && cpLen(chunks[chunks.length - 1]) > width && !cur.length) cur.push(chunks.pop());
    if (cur.length && isWs(cur[cur.length - 1])) cur.pop();
    if (cur.length) out.push(cur.join(''));
  }
  return out.length ? out : [''];
}

/** Splits a text into [line, eol] pairs, keeping each line's own ending ('' for the last line). */
function splitLines(text) {
  const parts = text.split(/(\r\n|\n|\r)/);
  const lines = [];
  for (let i = 0; i < parts.length; i += 2) lines.push([parts[i], parts[i + 1] ?? '']);
  return lines;
}
/** The ending used for inserted lines: the text's first line ending, or \n. */
const eolOf = (text) => (text.match(/\r\n|\n|\r/) ?? ['\n'])[0];
const joinLines = (lines) => lines.map(([l, e]) => l + e).join('');
const isBlank = (l) => /^\s*$/.test(l);

const TRANSFORMS = {
  original: () => (t) => t,
  // the empty remainder after a final line ending is not a line: it is kept, so a trailing newline stays
  noblank: () => (t) => joinLines(splitLines(t).filter(([l, e], i, all) => !isBlank(l) || (i === all.length - 1 && l === ''))),
  double: () => (t) => {
    const eol = eolOf(t);
    return joinLines(splitLines(t).flatMap(([l, e]) => (isBlank(l) ? [[l, e]] : [[l, eol], ['', e]])));
  },
  indent: () => (t) => joinLines(splitLines(t).map(([l, e]) => [isBlank(l) ? l : '   ' + l, e])),
  crlf: () => (t) => t.replace(/\r\n|\n|\r/g, '\r\n'),
  markdown: () => markdown,
  lynx: () => lynx,
  hrefs: () => hrefs,
  wrap: (n) => (t) => {
    const eol = eolOf(t);
    return joinLines(splitLines(t).flatMap(([l, e]) => {
      const pieces = wrapLine(l, n);
      return pieces.map((p, k) => [p, k === pieces.length - 1 ? e : eol]);
    }));
  },
};

/**
 * The dump as an HTML-to-Markdown converter (html2text, turndown, markdownify, reader services) would write it, from
 * the text alone (the HTML is not in the corpora): the first line a `# ` heading; a line of 1-8 words without a
 * sentence end (menus, section links, share buttons, most headlines) a link, `* ` in front when a neighbouring line is
 * one too (menus are lists); every other line of 8+ words (prose) has a link around two words with probability 1/2
 * (decided by a hash of the line: deterministic). Links point to made-up addresses of 50-90 characters.
 */
function markdown(t) {
  return linked(t, { heading: (l) => `# ${l}`, menu: (l, url, run) => `${run ? '* ' : ''}[${l}](${url})`, inline: (w, url) => `[${w}](${url})` });
}
/**
 * Links marked as lynx -dump writes them by default: `[N]` before each link's text, numbered in order, and a
 * "References" list of the addresses at the end (`   N. https://…`); list items as `   * `.
 */
function lynx(t) {
  const refs = [];
  const ref = (url) => { refs.push(url); return `[${refs.length}]`; };
  const body = linked(t, { heading: (l) => l, menu: (l, url, run) => `${run ? '   * ' : ''}${ref(url)}${l}`, inline: (w, url) => `${ref(url)}${w}` });
  if (!refs.length) return body;
  const eol = eolOf(t);
  return body + `${eol}${eol}References${eol}${eol}` + refs.map((u, i) => `${String(i + 1).padStart(4)}. ${u}`).join(eol) + eol;
}
/** Links as node's html-to-text writes them with its default options: `text [https://…]`; headings in capitals. */
function hrefs(t) {
  return linked(t, { heading: (l) => l.toUpperCase(), menu: (l, url, run) => `${run ? ' * ' : ''}${l} [${url}]`, inline: (w, url) => `${w} [${url}]` });
}
/**
 * The links of a page, from its text alone (the corpora hold no HTML): the first line is the heading; a line of 1-8
 * words without a sentence end (menus, section links, share buttons, most headlines) is a link, in a list when a
 * neighbouring line is one too; every other line of 8+ words (prose) has a link around two words with probability
 * 1/2 (decided by a hash of the line: deterministic). Links point to made-up addresses of 50-90 characters.
 */
function linked(t, fmt) {
  const lines = splitLines(t);
  const words = (l) => (l.match(/[\p{L}\p{N}]+/gu) ?? []);
  const isNav = (l) => { const w = words(l).length; return w > 0 && w <= 8 && !/[.!?:"”]$/.test(l.trim()); };
  const slug = (l) => words(l).slice(0, 6).join('-').toLowerCase();
  let first = true;
  return joinLines(lines.map(([l, e], i) => {
    const tl = l.trim();
    // (a dump that is HTML markup on one line, which the cleaner converts first, is left as it is)
    if (!tl || tl.length > 2000) return [l, e];
    if (first) { first = false; return [fmt.heading(tl), e]; }
    if (isNav(l)) {
      const run = (i > 0 && isNav(lines[i - 1][0])) || (i + 1 < lines.length && isNav(lines[i + 1][0]));
      return [fmt.menu(tl, `https://www.example.com/section/${slug(tl)}/`, run), e];
    }
    const ws = tl.split(' ');
    let h = 0;
    for (let k = 0; k < tl.length; k++) h = (Math.imul(h, 31) + tl.charCodeAt(k)) | 0;
    if (ws.length < 8 || (h & 1) === 0) return [l, e];
    const a = 1 + ((h >>> 1) % (ws.length - 3));
    const pair = ws[a] + ' ' + ws[a + 1];
    ws.splice(a, 2, fmt.inline(pair, `https://www.example.com/2008/01/10/${slug(pair)}.html`));
    return [ws.join(' '), e];
  }));
}
/**
 * A linked variant's cleaned text without its inline link marks, as scored: clean() keeps or drops whole lines, so the
 * marks inside a kept line are not its choice (lynx's References list and link-only lines are: they stay).
 */
const unlink = (t) => t.replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1'); // a wrapped link text spans lines
const unmark = (spec) => {
  const fns = [];
  if (spec.includes('markdown')) fns.push(unlink);
  if (spec.includes('lynx')) fns.push((t) => t.replace(/\[\d+\]/g, ''));
  if (spec.includes('hrefs')) fns.push((t) => t.replace(/\s?\[https?:\/\/[^\]\s]*\]/g, ''));
  return (t) => fns.reduce((acc, f) => f(acc), t);
};
const unmarkAll = unmark('markdown+lynx+hrefs');

/** 'wrap78+crlf' -> a function applying wrap at 78 then crlf; throws on an unknown name. */
export function variantFn(spec) {
  const fns = spec.split('+').map((part) => {
    const m = /^([a-z]+?)(\d*)$/.exec(part);
    const make = m && TRANSFORMS[m[1]];
    if (!make || (m[1] === 'wrap') !== (m[2] !== '') || (m[2] !== '' && Number(m[2]) < 1)) throw new Error(`unknown variant ${part}`);
    return make(Number(m[2]));
  });
  return (t) => fns.reduce((acc, f) => f(acc), t);
}

function main() {
  // ---- arguments ----

  const argv = process.argv.slice(2);
  const dirs = [];
  let variants = ['wrap78', 'wrap72', 'noblank', 'double', 'indent', 'crlf', 'markdown'], worstN = 5, unwrap = true, jsonOut = null, spans = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--variants') variants = argv[++i].split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--variants=')) variants = a.slice(11).split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--worst') worstN = Number(argv[++i]);
    else if (a === '--no-unwrap') unwrap = false;
    else if (a === '--spans') spans = Number(argv[++i]);
    else if (a === '--json') jsonOut = argv[++i];
    else if (a.startsWith('--')) { console.error(`unknown flag ${a}`); process.exit(2); }
    else dirs.push(a);
  }
  if (!dirs.length) {
    console.error('usage: node bench/converters.mjs CORPUS_DIR... [--variants wrap78,wrap72,noblank,double,indent,crlf,markdown] [--worst N] [--no-unwrap] [--spans N] [--json FILE] [--core PATH]');
    process.exit(2);
  }
  variants = ['original', ...variants.filter((v) => v !== 'original')];
  const fns = new Map();
  try { for (const v of variants) fns.set(v, variantFn(v)); } catch (e) { console.error(e.message); process.exit(2); }

  // ---- run ----

  const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'nan');
  const sgn = (x) => (x >= 0 ? '+' : '') + x.toFixed(3);
  const rows = [];
  const tStart = performance.now();

  for (const dir of dirs) {
    const name = basename(resolve(dir));
    const files = readdirSync(join(dir, 'dumps')).filter((f) => f.endsWith('.txt')).sort();
    const dumps = files.map((f) => readFileSync(join(dir, 'dumps', f), 'utf8'));
    const golds = files.map((f) => readFileSync(join(dir, 'gold', f), 'utf8'));
    const ids = files.map((f) => f.replace(/\.txt$/, ''));
    console.log(`\n== ${name}: ${files.length} docs, ${(dumps.reduce((a, t) => a + t.length, 0) / 1e6).toFixed(1)} M chars${unwrap ? '' : ', unwrap off'}`);
    let base = null;
    for (const v of variants) {
      const t0 = performance.now();
      const fn = fns.get(v);
      const plainOf = unmark(v);
      // as bench/boilerplate.mjs: markup dumps converted to text lines, templates learnt over the corpus, then clean
      const laid = dumps.map(fn);
      const texts = laid.map((t) => core.textOf(t));
      const converted = texts.filter((t, i) => t !== laid[i]).length;
      const longLines = laid.reduce((a, t) => a + splitLines(t).filter(([l]) => l.length > 80).length, 0);
      const tpl = core.buildTemplateIndex(texts);
      const docs = texts.map((t, i) => {
        const cleaned = core.clean(t, core.analyze(t, { quotes: false, entities: false, templates: tpl, unwrap }), { keepMeta: false });
        return { id: ids[i], ...scoreDoc(golds[i], plainOf(cleaned)) };
      });
      const r = corpusScore(docs);
      const ms = performance.now() - t0;
      const row = { corpus: name, variant: v, docs: docs.length, f1: r.f1, precision: r.precision, recall: r.recall, converted, linesOver80: longLines, ms: Math.round(ms) };
      if (!base) {
        base = { r, docs };
        console.log(`   ${v.padEnd(12)} F1 ${f3(r.f1)}  P ${f3(r.precision)}  R ${f3(r.recall)}   (${converted} HTML dumps converted, ${longLines} lines > 80 chars, ${(ms / 1000).toFixed(1)} s)`);
      } else {
        const lost = docs.map((d, i) => ({ id: d.id, before: base.docs[i].f1, after: d.f1, loss: base.docs[i].f1 - d.f1 }));
        const bad = lost.filter((d) => d.loss > 0.05);
        const gained = lost.filter((d) => d.loss < -0.05).length;
        const worst = [...lost].sort((a, b) => b.loss - a.loss).filter((d) => d.loss > 0).slice(0, worstN);
        Object.assign(row, { dF1: r.f1 - base.r.f1, dP: r.precision - base.r.precision, dR: r.recall - base.r.recall, lostOver005: bad.length, gainedOver005: gained, worst: worst.map(({ id, before, after }) => ({ id, before, after })) });
        console.log(`   ${v.padEnd(12)} F1 ${f3(r.f1)} (${sgn(row.dF1)})  P ${f3(r.precision)} (${sgn(row.dP)})  R ${f3(r.recall)} (${sgn(row.dR)})   ${bad.length} docs lost > 0.05 F1, ${gained} gained; ${converted} converted, ${longLines} lines > 80, ${(ms / 1000).toFixed(1)} s`);
        if (worst.length) console.log(`      lost most: ${worst.map((d) => `${d.id} ${f3(d.before)}→${f3(d.after)}`).join(', ')}`);
      }
      if (spans > 0) {
        // quotes, speakers and entities of the first N dumps (full analysis, no templates), as sets of
        // (kind, text with whitespace normalised, speaker), against those of the original layout
        const n = Math.min(spans, texts.length);
        const sets = texts.slice(0, n).map((t) => spanSets(core.analyze(t, { unwrap })));
        if (!base.spans) base.spans = sets;
        else {
          const agree = (k) => {
            let hit = 0, all = 0;
            sets.forEach((s, i) => { for (const x of base.spans[i][k]) { all++; if (s[k].has(x)) hit++; } });
            return all ? hit / all : NaN;
          };
          Object.assign(row, { quotesAgree: agree('quotes'), speakersAgree: agree('speakers'), entitiesAgree: agree('entities') });
          console.log(`      first ${n} dumps, found as in original: quotes ${f3(row.quotesAgree)}, quote + speaker ${f3(row.speakersAgree)}, entities ${f3(row.entitiesAgree)}`);
        }
      }
      rows.push(row);
    }
  }

  // the summary table: corpus × variant
  console.log(`\n${'corpus'.padEnd(18)}${'variant'.padEnd(14)}${'F1'.padStart(7)}${'P'.padStart(7)}${'R'.padStart(7)}${'ΔF1'.padStart(8)}${'ΔP'.padStart(8)}${'ΔR'.padStart(8)}${'lost>.05'.padStart(10)}`);
  for (const r of rows) {
    const d = r.variant === 'original';
    console.log(`${r.corpus.padEnd(18)}${r.variant.padEnd(14)}${f3(r.f1).padStart(7)}${f3(r.precision).padStart(7)}${f3(r.recall).padStart(7)}${(d ? '' : sgn(r.dF1)).padStart(8)}${(d ? '' : sgn(r.dP)).padStart(8)}${(d ? '' : sgn(r.dR)).padStart(8)}${(d ? '' : `${r.lostOver005}/${r.docs}`).padStart(10)}`);
  }
  console.log(`\ntotal ${((performance.now() - tStart) / 1000).toFixed(1)} s, ${variants.length} variants × ${dirs.length} corpora${unwrap ? '' : ', unwrap off'}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 1));
}

/**
 * Quotes (kind|text), quotes with speakers (text|speaker) and entities (type|text), whitespace normalised and
 * link marks removed (a quote holding a link is the same quote in a linked layout).
 */
function spanSets(a) {
  const n = (x) => unmarkAll(x).replace(/\s+/g, ' ').trim();
  return {
    quotes: new Set(a.quotes.map((q) => `${q.kind}|${n(q.text)}`)),
    speakers: new Set(a.quotes.filter((q) => q.speaker).map((q) => `${n(q.text)}|${n(q.speaker.text)}`)),
    entities: new Set(a.entities.map((e) => `${e.type}|${n(e.text)}`)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
