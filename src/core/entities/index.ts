/**
 * Entities (person | place | organization) via compromise, looked for in article lines only.
 * First version (foundation issue); the entities issue makes it accurate.
 */
import nlp from 'compromise';
import type { Entity, EntityType, LineInfo } from '../types';

type Json = { text: string; offset: { start: number; length: number } };

export function findEntities(text: string, lines: readonly LineInfo[]): Entity[] {
  const out: Entity[] = [];
  for (const l of lines) {
    if (l.label !== 'article') continue;
    const para = text.slice(l.start, l.end);
    if (para.length === 0) continue;
    const doc = nlp(para);
    const add = (list: Json[], type: EntityType) => {
      for (const m of list) {
        let s = m.offset.start;
        let e = s + m.offset.length;
        // trim trailing punctuation/possessive that compromise sometimes includes
        let t = para.slice(s, e);
        const trimmed = t.replace(/(['’]s|[.,;:!?)"”’]+)$/u, '');
        e -= t.length - trimmed.length;
        t = trimmed;
        if (e <= s) continue;
        out.push({ start: l.start + s, end: l.start + e, type, text: t });
      }
    };
    add(doc.people().json({ offset: true }) as Json[], 'person');
    add(doc.places().json({ offset: true }) as Json[], 'place');
    add(doc.organizations().json({ offset: true }) as Json[], 'organization');
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // drop overlaps (keep the first, longest)
  const res: Entity[] = [];
  let lastEnd = -1;
  for (const e of out) {
    if (e.start >= lastEnd) {
      res.push(e);
      lastEnd = e.end;
    }
  }
  return res;
}
