/**
 * The window of lines that big documents get decorations and diagnostics for: the visible ranges plus a margin,
 * and whether a window still covers what is visible (with `guard` lines of room to scroll). Shared by
 * decorations.ts and diagnostics.ts.
 */
import type * as vscode from 'vscode';

/** Documents with more lines than this are decorated and diagnosed around the visible ranges only. */
export const BIG_DOCUMENT_LINES = 3000;

/** Lines decorated above and below the visible ranges on big documents. */
export const VISIBLE_MARGIN = 300;

export type LineWindow = readonly [first: number, last: number];

/** The visible ranges plus `margin` lines on each side; the top of the document when nothing is visible. */
export function lineWindow(ranges: readonly vscode.Range[], lineCount: number, margin: number): LineWindow {
  const lastLine = lineCount - 1;
  let a = Infinity;
  let b = -Infinity;
  for (const v of ranges) {
    a = Math.min(a, v.start.line);
    b = Math.max(b, v.end.line);
  }
  if (a === Infinity) return [0, Math.min(lastLine, 2 * margin)];
  return [Math.max(0, a - margin), Math.min(lastLine, b + margin)];
}

/** The window still covers the visible ranges, with `guard` lines of room unless it reaches a document end. */
export function windowCovers(w: LineWindow, ranges: readonly vscode.Range[], lineCount: number, guard: number): boolean {
  const lastLine = lineCount - 1;
  return ranges.every((v) => (v.start.line >= w[0] + guard || w[0] === 0) && (v.end.line <= w[1] - guard || w[1] >= lastLine));
}
