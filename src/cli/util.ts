/** Small helpers shared by the CLI modules (no core import here: the main thread of a batch never loads the analyser). */
import type { TemplateIndex } from '../core/types';

/** A one-line, human error text for a thrown value (errno codes spelled out). */
export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') return 'no such file or directory';
  if (err && (err.code === 'EACCES' || err.code === 'EPERM')) return 'permission denied';
  if (err && err.code === 'EISDIR') return 'is a directory';
  return (err && err.message ? err.message : String(e)).split('\n')[0];
}

/** Sum partial template indices (each counts, per normalised line, the dumps of its share that contain it). */
export function mergeTemplateIndices(parts: readonly (TemplateIndex | null)[]): TemplateIndex | null {
  const real = parts.filter((p): p is TemplateIndex => !!p);
  if (real.length === 0) return null;
  if (real.length === 1) return real[0];
  const counts = new Map<string, number>();
  let documents = 0;
  for (const p of real) {
    documents += p.documents;
    for (const [k, v] of p.counts) counts.set(k, (counts.get(k) ?? 0) + v);
  }
  return { documents, counts };
}
