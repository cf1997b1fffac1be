/**
 * User boilerplate patterns are untrusted input (a workspace setting from a cloned repository): validated once,
 * errors returned (never thrown), matched without catastrophic backtracking, input capped at 1,000 characters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, compileUserPatterns, literalLinePattern } from '../../src/core';
import { compileUserPattern, PATTERN_INPUT_CAP } from '../../src/core/patterns';

/** Patterns that hang a backtracking engine (exponential or high-degree polynomial) on the lines below. */
const PATHOLOGICAL = [
  '(a+)+$',
  '(a+)+b',
  '(a*)*b',
  '(a|a)+b',
  '(a|aa)+b',
  '(a|a?)+b',
  '^(\\w+\\s?)+$',
  '(x+x+)+y',
  '(.*a){12}b',
  '.*a.*a.*a.*b',
  '\\s*\\s*\\s*\\s*x',
  '(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)b',
  'a{0,16}a{0,16}a{0,16}a{0,16}a{0,16}a{0,16}a{0,16}a{0,16}b',
  '^([a-z0-9]+[-_.]?)*[a-z0-9]+@example\\.com$',
];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const LINES = ['a'.repeat(5000) + '!', 'a'.repeat(999) + '!', 'a'.repeat(40) + '!', ' '.repeat(3000) + 'a', 'aaaa a'.repeat(800) + '!'];

test('pathological patterns on long lines complete in milliseconds (none hangs)', () => {
  const { matchers, errors } = compileUserPatterns(PATHOLOGICAL);
  assert.deepEqual(errors, [], 'all are accepted (neutralised), none rejected');
  assert.equal(matchers.length, PATHOLOGICAL.length);
  const times: string[] = [];
  let worst = 0;
  const t0 = cpuMs();
  for (const m of matchers) {
    assert.equal(m.engine, 'linear', `${m.source} must not run on the backtracking engine`);
    for (const line of LINES) {
      const t = cpuMs();
      m.test(line);
      const ms = cpuMs() - t;
      worst = Math.max(worst, ms);
      if (ms > 20) times.push(`${m.source} on ${line.length} chars: ${ms.toFixed(1)} ms`);
    }
  }
  const total = cpuMs() - t0;
  console.log(`# ${matchers.length} pathological patterns x ${LINES.length} lines (up to 5,000 chars): worst ${worst.toFixed(1)} ms CPU, total ${total.toFixed(0)} ms CPU`);
  // CPU-time bounds (a loaded shared machine inflates wall time); a backtracking engine takes hours to years here.
  assert.ok(worst < 250, `worst ${worst.toFixed(1)} ms: ${times.join('; ')}`);
  assert.ok(total < 3000, `total ${total.toFixed(0)} ms`);
});

test('a pathological pattern in the setting does not stall analyze on a long line', () => {
  const text = 'Headline of the story\n' + 'a'.repeat(200_000) + '!\n' + 'aaaa aaaa aaaa aaaa!\n';
  const t = performance.now();
  const a = analyze(text, { entities: false, boilerplatePatterns: ['(a+)+$', '(a|a)*b', '.*a.*a.*a.*b'] });
  assert.ok(performance.now() - t < 2000);
  assert.equal(a.lines.length, 4);
});

test('the linear engine gives the same answers as the native one on ordinary inputs', () => {
  const cases: [string, string, boolean][] = [
    ['(a+)+$', 'xaaa', true],
    ['(a+)+$', 'aaab', false],
    ['^(\\w+\\s?)+$', 'Share on Facebook', true],
    ['^(\\w+\\s?)+$', 'Share on Facebook!', false],
    ['(a|ab)(c|bcd)(d*)', 'abcd', true],
    ['.*share.*facebook', 'Please SHARE this on Facebook', true],
    ['\\bfoo\\b.*\\bbar\\b.*x', 'foo and bar x', true],
    ['\\bfoo\\b.*\\bbar\\b.*x', 'foobar and bar x', false],
    ['^\\d+ (comments?|replies)( \\w+)*$', '12 comments so far', true],
    ['[😀-😂]+.*[а-я]+.*z', 'x😁 привет z', true],
    ['(é|e)+.*(É)+', 'eeé É', true],
  ];
  for (const [p, line, want] of cases) {
    const lin = compileUserPattern(p, { forceLinear: true });
    assert.ok(!('error' in lin), p);
    assert.equal((lin as { test(s: string): boolean }).test(line), want, `${p} on ${line}`);
    assert.equal(new RegExp(p, 'iu').test(line), want, `native ${p}`);
  }
});

test('bad patterns are reported once as errors, never thrown', () => {
  const bad: [unknown, RegExp][] = [
    ['[', /not a valid regular expression/],
    ['(?<year>\\d+)\\k<year>', /backreferences/],
    ['(a)\\1', /backreferences/],
    ['(?<=a+)b', /lookarounds/],
    ['(?=.*foo)bar', /lookarounds/],
    ['(?!x)*', /not a valid|lookarounds/],
    ['(?:x|y)*(?=z)(a+)+', /lookarounds/],
    ['foo|', /empty string/],
    ['.*', /empty string/],
    ['^', /empty string/],
    ['', /empty/],
    ['   ', /empty/],
    [42, /not a string/],
    [null, /not a string/],
    ['x'.repeat(1001), /longer than/],
    ['(a{1,3000}){1,3000}', /too large/],
  ];
  let res!: ReturnType<typeof compileUserPatterns>;
  assert.doesNotThrow(() => {
    res = compileUserPatterns(bad.map((b) => b[0]) as string[]);
  });
  assert.equal(res.matchers.length, 0);
  assert.equal(res.errors.length, bad.length);
  bad.forEach(([, re], i) => assert.match(res.errors[i].message, re, String(bad[i][0]).slice(0, 30)));
  // cached: the same list gives the very same result object (validated once, not on every keystroke)
  assert.equal(compileUserPatterns(bad.map((b) => b[0]) as string[]), res);
  // not even a list
  for (const weird of [null, 'foo', { a: 1 }, 7]) {
    const r = compileUserPatterns(weird as unknown as string[]);
    assert.equal(r.matchers.length, 0);
    assert.equal(r.errors.length, 1);
  }
  // analyze with bad patterns works and ignores them
  const a = analyze('Share\nThe minister said on Tuesday that the talks would continue next week in Geneva.\n', {
    boilerplatePatterns: ['(', '(a)\\1', 'foo|'],
    entities: false,
  });
  assert.equal(a.lines.length, 3);
});

test('matching looks at the first 1,000 characters only, and never matches more than the whole line would', () => {
  const { matchers } = compileUserPatterns(['foo', '^a+$', '\\bfoo\\b', '^Share', 'x$']);
  const [foo, aOnly, wordFoo, share, xEnd] = matchers;
  const pad = 'z '.repeat(700); // 1,400 characters
  assert.equal(foo.test('foo ' + pad), true);
  assert.equal(foo.test(pad + ' foo'), false, 'beyond the cap: not seen');
  assert.equal(aOnly.test('a'.repeat(PATTERN_INPUT_CAP)), true);
  assert.equal(aOnly.test('a'.repeat(PATTERN_INPUT_CAP + 1)), false, '$ sees the real end of a capped line');
  // "foo" ends exactly at the cap and the line goes on with "bar": \b must not match at the cut
  const line = 'y'.repeat(PATTERN_INPUT_CAP - 4) + ' foobar and more';
  assert.equal(line.slice(PATTERN_INPUT_CAP - 3, PATTERN_INPUT_CAP), 'foo');
  assert.equal(wordFoo.test(line), false);
  assert.equal(share.test('Share this ' + pad), true);
  assert.equal(xEnd.test(pad + 'x'), false);
  // the cap never splits a surrogate pair
  const emoji = 'a'.repeat(PATTERN_INPUT_CAP - 1) + '😀' + 'b'.repeat(10);
  assert.doesNotThrow(() => compileUserPatterns(['😀']).matchers[0].test(emoji));
});

test('ordinary patterns run on the native engine and match as RegExp does', () => {
  const src = ['^Share( on (Facebook|Twitter))?$', '^\\d+ comments?$', '^Posted by .*$', 'newsletter', '^\\[ad_\\d+\\]$', '^(?!Reuters)Photo:'];
  const { matchers, errors } = compileUserPatterns(src);
  assert.deepEqual(errors, []);
  for (const m of matchers) assert.equal(m.engine, 'native', m.source);
  const lines = ['Share on Facebook', 'share', '12 Comments', 'Posted by admin', 'Sign up for our NEWSLETTER today', '[ad_3]', 'Photo: AP', 'Reuters Photo: x', 'An article line.'];
  for (const m of matchers) for (const l of lines) assert.equal(m.test(l), new RegExp(m.source, 'iu').test(l), `${m.source} / ${l}`);
});

test('literalLinePattern: safe, valid and matching for awkward lines', () => {
  const lines = [
    'Share $5 (now) [ad_1] a|b ^x *y+ ?z {1,2} \\ /',
    '  trailing and leading spaces  ',
    '😀 emoji 👨‍👩‍👧 and 𠀋',
    'lone \ud800 surrogate',
    'tab\tinside and control \u0001 char',
    'x'.repeat(5000),
    'é'.repeat(199) + '😀' + 'tail',
  ];
  for (const l of lines) {
    const p = literalLinePattern(l);
    const { matchers, errors } = compileUserPatterns([p]);
    assert.deepEqual(errors, [], JSON.stringify(l.slice(0, 40)));
    assert.equal(matchers[0].test(l.trim()), true, JSON.stringify(l.slice(0, 40)));
    assert.equal(matchers[0].engine, 'native');
  }
  assert.equal(compileUserPatterns([literalLinePattern('Log In')]).matchers[0].test('Log In now'), false, 'anchored');
});
