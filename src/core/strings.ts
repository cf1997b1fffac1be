/**
 * A copy of `s` that does not keep its parent string alive. V8 represents `text.slice(a, b)` as a view into `text`,
 * so a memo keyed by (or holding) slices of a document keeps every version of that document in memory. Memos that
 * outlive one analysis must store detached copies (short strings are copied by V8 anyway).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * Name particles: lower-case words inside people's names ("Dwight de Leon", "Ursula von der Leyen", "Ahmad bin
 * Ismail"). Shared by the boilerplate's name shapes and the quotes' speaker phrases (the entity tagger keeps its own,
 * wider list with "y", "el", "zu", which would split ordinary phrases there).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'bin', 'binti', 'al', 'la', 'le', 'dos', 'das', 'ter', 'ten']);
