/**
 * Scare quotes, titles and words-as-words: short quoted stretches that are not speech. A piece is a *candidate* here
 * (pure function of the paragraph); the document pass makes it `kind: 'scare'` only when no attribution cue was found.
 */
import type { Piece } from './marks';

export function isScareCandidate(p: string, pc: Piece): boolean {
  if (pc.open) return false;
  const inner = p.slice(pc.start, pc.end).replace(/^["“”'‘’„«]+|["“”'‘’»]+$/g, '').trim();
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length <= 2) return true;
  return false;
}
