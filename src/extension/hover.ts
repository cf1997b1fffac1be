/**
 * Hovers: on an entity its type and mention count; on a quote its speaker (with the full name the speaker
 * phrase refers to, when known) or "speaker unknown"; on a boilerplate or meta line why it was labelled so.
 * Everything comes from the cached analysis.
 */
import * as vscode from 'vscode';
import { describeReason } from '../core/reasons';
import { readableSpan } from '../core/boilerplate/links';
import type { Analysis, Entity, Quote } from '../core/types';
import type { AnalysisCache } from './analysisCache';
import { compactEntitiesOf, entityTextOffsets, ENTITY_TYPES } from './analysisProtocol';
import { LANGUAGE_ID } from './configuration';

const SCARE_REASONS: Record<NonNullable<Quote['scareReason']>, string> = {
  title: 'a title of a work or programme',
  nickname: 'a nickname',
  modifier: 'a label used as a modifier',
  mention: 'a word mentioned as a word',
  subhead: 'a subheading or stage direction',
};

const TYPE_LABEL: Record<Entity['type'], string> = { person: 'Person', place: 'Place', organization: 'Organisation' };

/** Innermost span containing the character at `offset`. */
export function spanAt<T extends { start: number; end: number }>(spans: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const s of spans) {
    if (s.start <= offset && offset < s.end && (!best || s.end - s.start <= best.end - best.start)) best = s;
  }
  return best;
}

/**
 * The innermost entity at `offset`: spanAt over the entities, read from their flat arrays when the analysis came
 * from the service (so that a hover builds one entity object, not all of a big document's).
 */
export function entityAt(a: Analysis, offset: number): Entity | undefined {
  const c = compactEntitiesOf(a);
  if (!c) return spanAt(a.entities, offset);
  let best = -1;
  for (let i = 0; i < c.types.length; i++) {
    const s = c.nums[i * 2];
    const e = c.nums[i * 2 + 1];
    if (s <= offset && offset < e && (best < 0 || e - s <= c.nums[best * 2 + 1] - c.nums[best * 2])) best = i;
  }
  return best < 0 ? undefined : a.entities[best];
}

function norm(s: string): string {
  return s.replace(/[’']s$/u, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** How often this entity's name occurs (same type, case-insensitive). */
export function mentionCount(a: Analysis, e: Entity): number {
  const key = norm(e.text);
  let n = 0;
  const c = compactEntitiesOf(a);
  if (c) {
    const type = ENTITY_TYPES.indexOf(e.type);
    const offs = entityTextOffsets(c);
    for (let i = 0; i < c.types.length; i++) if (c.types[i] === type && norm(c.pool.slice(offs[i], offs[i + 1])) === key) n++;
    return n;
  }
  for (const x of a.entities) if (x.type === e.type && norm(x.text) === key) n++;
  return n;
}

export function speakerText(q: Quote): string {
  if (!q.speaker) return 'speaker unknown';
  const s = readableSpan(q.speaker.text).trim();
  const r = q.speaker.resolved?.trim();
  return r && r.toLowerCase() !== s.toLowerCase() ? `${s} (${r})` : s;
}

function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The hover's text at `offset` (on `line`), and the entity or quote it is about (the range to highlight), or null. */
export function hoverContent(a: Analysis, offset: number, line: number): { text: vscode.MarkdownString; span: { start: number; end: number } | undefined } | null {
  const parts: string[] = [];
  const ent = entityAt(a, offset);
  if (ent) {
    const n = mentionCount(a, ent);
    parts.push(`**${TYPE_LABEL[ent.type]}** — ${md(ent.text)} · ${n} mention${n === 1 ? '' : 's'} in this document`);
  }
  const q = spanAt(a.quotes, offset);
  if (q) {
    if (q.kind === 'scare') parts.push(`**Scare quote** — ${q.speaker ? `speaker: ${md(speakerText(q))}` : `not reported speech${q.scareReason ? ` (${SCARE_REASONS[q.scareReason]})` : ''}`}`);
    else parts.push(`**Quote** — ${q.speaker ? `speaker: ${md(speakerText(q))}` : 'speaker unknown'}`);
  }
  const l = a.lines[line];
  if (l && (l.label === 'boilerplate' || l.label === 'meta')) {
    const what = l.label === 'boilerplate' ? 'Boilerplate' : 'Meta line';
    parts.push(`**${what}** (\`${l.reason}\`): ${md(describeReason(l.reason, l.detail))}`);
  }
  if (parts.length === 0) return null;
  const m = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
  m.supportHtml = false;
  m.isTrusted = false;
  return { text: m, span: ent ?? q };
}

export class ScrapedNewsHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | null> {
    const a = await this.cache.readyIfAnalysed(doc);
    if (!a) return null;
    const offset = doc.offsetAt(pos);
    const found = hoverContent(a, offset, pos.line);
    if (!found) return null;
    const { text, span } = found;
    const range = span ? new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)) : doc.lineAt(pos.line).range;
    return new vscode.Hover(text, range);
  }
}

export function registerHover(cache: AnalysisCache): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, new ScrapedNewsHoverProvider(cache));
}
