/**
 * Random edits through the incremental analyser, each checked against a full analysis of the edited text (test helper
 * for "incremental = full" on special layouts: linked dumps, files of several pages).
 */
import assert from 'node:assert/strict';
import { analyze } from '../src/core';
import { IncrementalAnalyzer } from '../src/core/incremental';
import type { AnalyzeOptions } from '../src/core/types';

export function checkRandomEdits(start: string, options: AnalyzeOptions, o: { seed: number; edits: number; inserts: readonly string[]; maxDelete: number; deleteShare: number }): void {
  let text = start;
  const inc = new IncrementalAnalyzer(options);
  inc.reset(text);
  const strip = (a: ReturnType<typeof analyze>) => ({ ...a, stats: { ...a.stats, timings: undefined } });
  assert.deepStrictEqual(strip(inc.analysis), strip(analyze(text, options)));
  let seed = o.seed;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let k = 0; k < o.edits; k++) {
    const at = Math.floor(rnd() * text.length);
    const len = rnd() < o.deleteShare ? Math.min(Math.floor(rnd() * o.maxDelete), text.length - at) : 0;
    const ins = o.inserts[Math.floor(rnd() * o.inserts.length)];
    text = text.slice(0, at) + ins + text.slice(at + len);
    inc.applyChanges([{ rangeOffset: at, rangeLength: len, text: ins }]);
    assert.deepStrictEqual(strip(inc.analysis), strip(analyze(text, options)), `edit ${k}`);
  }
}
