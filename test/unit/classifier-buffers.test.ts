/**
 * The document pass reuses scratch buffers across calls (scoreLines, addBoostRows, the explanations) and keeps its
 * per-line arrays as views of one buffer: a result must not change when other documents (longer, shorter) are
 * scored before it or while it is still held, and a held result must not be overwritten by a later call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { lineFeatures, scoreLines, templateContext, classifyLines, type LineFeatures } from '../../src/core/boilerplate';
import { splitLines } from '../../src/core/lines';

const dir = 'test/fixtures/boilerplate';
const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));

function score(text: string) {
  const feats: LineFeatures[] = text.split(/\r?\n/).map(lineFeatures);
  const nb: number[] = [];
  feats.forEach((f, i) => { if (!f.blank) nb.push(i); });
  return scoreLines(feats, nb, templateContext(feats, nb, null));
}

const copy = (s: ReturnType<typeof score>) => ({
  p1: Array.from(s.p1), p2: Array.from(s.p2), dup: Array.from(s.d1.dup), words: Array.from(s.d1.words), inTitle: Array.from(s.d1.inTitle),
  body: Array.from(s.p1, (_, j) => s.d2.inBody(j)),
});

test('scoreLines: same numbers whatever was scored before, held results stay intact', () => {
  assert.ok(docs.length >= 3);
  // each document alone (fresh order), then all in reverse order and interleaved with a tiny and a doubled document
  const alone = docs.map((d) => copy(score(d)));
  const held = docs.slice().reverse().map((d) => { score(d + '\n' + d); score('Share\n\nx'); return score(d); });
  held.reverse();
  // documents with the same lines upper-cased (same non-blank line count, other numbers) scored after the held ones
  for (const d of docs) score(d.toUpperCase());
  for (let i = 0; i < docs.length; i++) {
    assert.deepEqual(copy(held[i]), alone[i], `document ${i}`);
    assert.ok(held[i].p1.length > 0 && held[i].p1.length === held[i].p2.length);
  }
});

test('classifyLines: same labels, reasons and details in any order of documents', () => {
  const run = (d: string) => JSON.stringify(classifyLines(d, splitLines(d)));
  const first = docs.map(run);
  const again = docs.slice().reverse().map((d) => { run(d + '\n' + d); return run(d); }).reverse();
  assert.deepEqual(again, first);
});
