/**
 * A copy of `s` that does not keep its parent string alive. V8 represents `text.slice(a, b)` as a view into `text`,
 * so a memo keyed by (or holding) slices of a document keeps every version of that document in memory. Memos that
 * outlive one analysis must store detached copies (short strings are copied by V8 anyway).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
