/*
 * The generated ~5 MB dump of the extension-host benchmark (test/integration/perf.test.ts) and of
 * bench/first-big-analysis.mjs: copies of a fixture dump, each with another place name and its long lines tagged, one
 * after the other (read as one page: the fixture's article and noise are less than a page's gap apart).
 */

/** Letters for a number (0 → "a", 27 → "ab"): varies lines without digits (templates fold digits). */
export function tag(i: number): string {
  let s = '';
  do {
    s += String.fromCharCode(97 + (i % 26));
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

export const PLACES = ['Moscow', 'Washington', 'Berlin', 'Paris', 'Tokyo', 'Ottawa', 'Madrid', 'Nairobi', 'Lima', 'Seoul'];

/** Concatenate variations of the fixture dump until it is about `bytes` long. */
export function bigDump(fixture: string, bytes: number): string {
  const lines = fixture.split(/\r?\n/);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const place = PLACES[i % PLACES.length];
    const t = tag(i);
    const copy = lines
      .map((l) => {
        const v = l.replace(/Moscow/g, place);
        // prose lines get a varying word so that the copies are not all duplicates of each other
        return v.length > 80 ? `${v} (${t})` : v;
      })
      .join('\n');
    parts.push(copy);
    size += copy.length + 1;
  }
  return parts.join('\n');
}
