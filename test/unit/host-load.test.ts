/**
 * The extension host loads the core modules its commands, hover, outline and folder templates use when the first
 * dump opens, without classifying (the analysis runs in the worker): loading them must not run the classifier's
 * warm-ups (the rules' regexes compiled on ~50 warm-up lines, the document model's small documents: ~40 ms of
 * blocking there). The first classification runs them, once. (node --test runs each test file in its own process,
 * so nothing else has classified in this one.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// the same core imports as src/extension (commands, clean folder, folder templates, detection, hover, outline)
import { analyzeWith } from '../../src/core/analyze-base';
import { clean, cleanSummary } from '../../src/core/clean';
import { markupToText, textOf } from '../../src/core/markup';
import { literalLinePattern } from '../../src/core/patterns';
import { buildTemplateIndex } from '../../src/core/templates';
import { describeReason } from '../../src/core/reasons';
import { readableSpan } from '../../src/core/boilerplate/links';
import { classifierWarmed } from '../../src/core/boilerplate';

test('loading the modules the extension host imports does not run the warm-ups; the first classification does', () => {
  assert.deepEqual(classifierWarmed(), { once: false, features: false, stage2: false });
  // what the host does without classifying: folder templates, markup conversion, patterns, hover texts
  const index = buildTemplateIndex(['Home\nNews\nA line of the article.', 'Home\nNews\nAnother story.', 'Home\nNews\nA third.']);
  assert.equal(index.counts.get('home'), 3);
  assert.equal(textOf('plain text'), 'plain text');
  assert.ok(markupToText('<p>Hello</p>').includes('Hello'));
  assert.ok(literalLinePattern('Share this').length > 0);
  assert.ok(describeReason('ad-marker').length > 0);
  assert.equal(readableSpan('plain words'), 'plain words');
  assert.deepEqual(classifierWarmed(), { once: false, features: false, stage2: false });
  const text = 'Headline of the story\nThe minister said on Monday that the plan would go ahead as agreed last year.\n[ad_1]\n';
  const a = analyzeWith(text, { quotes: false, entities: false });
  assert.deepEqual(classifierWarmed(), { once: true, features: true, stage2: true });
  assert.equal(a.lines[2].label, 'boilerplate');
  assert.ok(clean(text, a).includes('The minister said'));
  assert.equal(cleanSummary(a).removed, 1);
});
