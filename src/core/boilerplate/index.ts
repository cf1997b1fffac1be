/**
 * Line classifier: article | boilerplate | meta | blank, each with a reason code.
 * First version (foundation issue); the boilerplate issue replaces the scoring with a stronger model.
 */
import type { AnalyzeOptions, LineInfo } from '../types';
import type { RawLine } from '../lines';
import { isBlank } from '../lines';
import { compileUserPatterns } from '../patterns';
import { normalizeLineKey } from '../templates';

const STOPWORDS = new Set(
  'a an the of to in on at for from by with and or but as is are was were be been has have had it its this that these those he she they we you i his her their our not will would could should can may said says than then also after before over about into against during while which who whom whose what when where there here more most such'.split(' '),
);

const AD_MARKER = /^\s*\[\/?(ad|ads|advert|advertisement)[_\- ]?\d*\]\s*$|^\s*(advertisement|advertising|sponsored( content)?|ad)\s*$/i;
const URL_LINE = /^\s*(https?:\/\/|www\.)\S+\s*$/i;
const SOURCE_LINK = /^\s*(source link|source|read more|more|continue reading|read the full (story|article)|view (original|full) (story|article))\s*:?\s*$/i;
const WIDGET =
  /^\s*(share( this)?( on \w+)?|tweet|pin it|email|print|get short url|leave a reply|leave a comment|\d* ?comments?|post a comment|log ?in|sign ?in|sign ?up|register|log ?out|forgot (your )?password\??|reset password|subscribe( now)?|follow us( on \w+)?|privacy policy|terms of (use|service)|cookie policy|cookies?|accept( all)?( cookies)?|related( articles| stories| posts)?|you may also like|recommended|advertisement|skip to (main )?content|menu|home|search|newsletter|add to collection|no collections|or with username:?|copyright .*|© .*|all rights reserved\.?)\s*$/i;
const WIDGET_SENTENCE =
  /(your email address will not be published|required fields are marked|we use cookies|by continuing to (use|browse)|enter your account data|password reset link|collections you've created|sign up for our newsletter|all rights reserved)/i;

interface Feat {
  words: number;
  stopShare: number;
  terminal: boolean;
  text: string;
}

function features(t: string): Feat {
  const words = t.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu) ?? [];
  let stop = 0;
  for (const w of words) if (STOPWORDS.has(w.toLowerCase())) stop++;
  return {
    words: words.length,
    stopShare: words.length ? stop / words.length : 0,
    terminal: /[.!?…:"”’)]\s*$/.test(t),
    text: t,
  };
}

export function classifyLines(text: string, raw: readonly RawLine[], options: AnalyzeOptions = {}): LineInfo[] {
  const user = compileUserPatterns(options.boilerplatePatterns ?? []).matchers;
  const keep = new Set((options.keepLines ?? []).map((s) => s.trim()));
  const tpl = options.templates;
  const out: LineInfo[] = new Array(raw.length);
  const prose: boolean[] = new Array(raw.length).fill(false);
  const fixed: boolean[] = new Array(raw.length).fill(false);
  const seen = new Set<string>();

  for (let i = 0; i < raw.length; i++) {
    const { start, end } = raw[i];
    const t = text.slice(start, end);
    const base = { line: i, start, end };
    if (isBlank(t)) {
      out[i] = { ...base, label: 'blank', reason: 'blank' };
      fixed[i] = true;
      continue;
    }
    const tt = t.trim();
    if (keep.has(tt)) {
      out[i] = { ...base, label: 'article', reason: 'user-keep' };
      fixed[i] = true;
      prose[i] = true;
      continue;
    }
    const um = user.find((m) => m.test(tt));
    let bp: { reason: string; detail?: string } | null = null;
    if (um) bp = { reason: 'user-pattern', detail: um.source };
    else if (AD_MARKER.test(tt)) bp = { reason: 'ad-marker' };
    else if (URL_LINE.test(tt)) bp = { reason: 'url' };
    else if (SOURCE_LINK.test(tt)) bp = { reason: 'source-link' };
    else if (WIDGET.test(tt) || WIDGET_SENTENCE.test(tt)) bp = { reason: 'widget-phrase' };
    else if (tpl && tpl.documents >= 3) {
      const n = tpl.counts.get(normalizeLineKey(tt)) ?? 0;
      if (n >= Math.max(3, Math.ceil(tpl.documents * 0.5))) bp = { reason: 'template', detail: `repeats in ${n} of ${tpl.documents} dumps in this folder` };
    }
    const key = normalizeLineKey(tt);
    if (!bp && seen.has(key) && key.length > 0) bp = { reason: 'duplicate' };
    seen.add(key);
    if (bp) {
      out[i] = { ...base, label: 'boilerplate', reason: bp.reason, detail: bp.detail };
      fixed[i] = true;
      continue;
    }
    const f = features(tt);
    prose[i] = f.words >= 12 && f.stopShare >= 0.2 && f.terminal;
    out[i] = prose[i]
      ? { ...base, label: 'article', reason: 'article-prose' }
      : { ...base, label: 'boilerplate', reason: 'short-fragment' };
  }

  // Body block: from the first to the last prose line; short lines inside it between prose lines are article.
  let first = -1;
  let last = -1;
  for (let i = 0; i < raw.length; i++) if (prose[i]) { if (first < 0) first = i; last = i; }
  if (first >= 0) {
    for (let i = first; i <= last; i++) {
      if (!fixed[i] && !prose[i]) out[i] = { ...out[i], label: 'article', reason: 'article-context' };
    }
    // Headline: the first non-blank, non-boilerplate-by-rule line before the body, if it is title-like.
    for (let i = 0; i < first; i++) {
      if (out[i].label === 'blank') continue;
      if (!fixed[i]) {
        const w = features(text.slice(raw[i].start, raw[i].end)).words;
        if (w >= 4 && w <= 30) out[i] = { ...out[i], label: 'article', reason: 'article-headline' };
      }
      break;
    }
  }
  return out;
}
