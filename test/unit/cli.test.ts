/**
 * CLI tests: spawn `node dist/cli.js` (built by `npm test` before the unit tests; built here if missing)
 * on temporary folders.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyze, clean, buildTemplateIndex, textOf } from '../../src/core';
import { wrapText } from '../wrap-text';
import { toMarkdown } from '../markdown-text';
import { PAGE_ARTICLES, pageOf } from '../pages-text';

const CLI = path.resolve('dist/cli.js');
const fixture = fs.readFileSync('test/fixtures/sputnik-antonov.txt', 'utf8');
let tmp = '';

before(() => {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.resolve('dist/worker.js'))) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    assert.equal(r.status, 0, 'build failed');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-cli-'));
});
after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function run(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: typeof opts.input === 'string' ? Buffer.from(opts.input, 'utf8') : opts.input, cwd: opts.cwd ?? tmp, encoding: 'buffer', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stdoutBytes: r.stdout, stderr: r.stderr.toString('utf8') };
}

function dir(name: string, files: Record<string, string | Buffer> = {}): string {
  const d = path.join(tmp, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [f, c] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
    fs.writeFileSync(path.join(d, f), c);
  }
  return d;
}

/** Every file below d, relative path -> bytes (hex), to compare folders. */
function snapshot(d: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string, rel: string) => {
    for (const e of fs.readdirSync(p, { withFileTypes: true })) {
      const q = path.join(p, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(q, r);
      else if (e.isFile()) out[r] = fs.readFileSync(q).toString('hex');
      else out[r] = 'link:' + fs.readlinkSync(q);
    }
  };
  if (fs.existsSync(d)) walk(d, '');
  return out;
}

const expectedClean = (text: string) => clean(text, analyze(text, { entities: false, quotes: false }));

// Synthetic dumps of one "site": shared header/footer lines (the template) around distinct article paragraphs.
const SENTENCES = [
  'The city council approved the new budget on Tuesday after a long debate that lasted well into the night.',
  'Officials said the plan would cut waiting times at the hospital by a third over the next two years.',
  'Residents who spoke to reporters were divided, with some welcoming the change and others calling it rushed.',
  'The minister told parliament that the government had no plans to raise taxes before the election.',
  'Police said they were looking for witnesses and asked anyone with information to come forward at once.',
  'The company reported a rise in profits for the third quarter, driven by strong sales in its home market.',
  'Scientists at the university said the results were encouraging but warned that more research was needed.',
  'Thousands of people gathered in the main square on Saturday to mark the anniversary of the disaster.',
];
function siteDump(i: number): string {
  const body = [0, 1, 2].map((k) => SENTENCES[(i + k * 3) % SENTENCES.length].replace('the', i % 2 ? 'the' : 'this'));
  return [
    'Daily Courier - Local news you can trust',
    'Home | World | Business | Sport',
    '',
    `Story number ${i}: council and city news roundup for the week`,
    '',
    ...body.flatMap((b) => [`${b} Report ${i} continues with more detail about what happened and why it matters to readers.`, '']),
    'Share this article',
    'Subscribe to our newsletter for the latest news',
    '© 2024 Daily Courier. All rights reserved.',
    '',
  ].join('\n');
}

test('--help and --version exit 0; help documents exit codes', () => {
  const h = run(['--help']);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /Exit codes:/);
  assert.match(h.stdout, /scraped-news clean FILE\|DIR\.\.\. --out DIR/);
  const v = run(['--version']);
  assert.equal(v.status, 0);
  assert.match(v.stdout.trim(), /^\d+\.\d+\.\d+/);
});

test('clean FILE --out DIR writes DIR/<same name> = core clean; input untouched', () => {
  const d = dir('one', { 'a.txt': fixture });
  const r = run(['clean', path.join(d, 'a.txt'), '--out', path.join(tmp, 'one-out')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(fs.readFileSync(path.join(tmp, 'one-out', 'a.txt'), 'utf8'), expectedClean(fixture));
  assert.equal(fs.readFileSync(path.join(d, 'a.txt'), 'utf8'), fixture);
  assert.ok(!fs.readFileSync(path.join(tmp, 'one-out', 'a.txt'), 'utf8').includes('[ad_1]'));
  assert.deepEqual(fs.readdirSync(path.join(tmp, 'one-out')), ['a.txt'], 'no temporary file left');
});

test('clean - reads stdin and writes stdout', () => {
  const r = run(['clean', '-'], { input: fixture });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expectedClean(fixture));
});

test('--in-place rewrites only with the flag; without --out or --in-place nothing is written', () => {
  const d = dir('inplace', { 'a.txt': fixture });
  const before = snapshot(d);
  const r0 = run(['clean', path.join(d, 'a.txt')]);
  assert.equal(r0.status, 2);
  assert.match(r0.stderr, /--out DIR, or --in-place/);
  assert.deepEqual(snapshot(d), before);
  const r = run(['clean', path.join(d, 'a.txt'), '--in-place']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readFileSync(path.join(d, 'a.txt'), 'utf8'), expectedClean(fixture));
  assert.deepEqual(fs.readdirSync(d), ['a.txt']);
  // Second run: already clean, left untouched (status ok).
  const st = fs.statSync(path.join(d, 'a.txt'));
  const r2 = run(['clean', d, '--in-place', '--json']);
  assert.equal(r2.status, 0, r2.stderr);
  assert.equal(JSON.parse(r2.stdout).unchanged, 1);
  assert.equal(fs.statSync(path.join(d, 'a.txt')).mtimeMs, st.mtimeMs);
});

test('refuses to write over an input (--out = the input folder): exit 2, nothing written', () => {
  const d = dir('self', { 'a.txt': fixture, 'b.txt': siteDump(1) });
  const before = snapshot(d);
  const r = run(['clean', d, '--out', d]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /refusing to overwrite the input/);
  assert.equal(r.stderr.trim().split('\n').length, 1, 'one-line error');
  assert.deepEqual(snapshot(d), before);
});

test('unknown flag, missing file, unreadable input: one-line error, non-zero exit, nothing written', () => {
  const d = dir('errs', { 'a.txt': fixture });
  const out = path.join(tmp, 'errs-out');
  for (const args of [
    ['clean', d, '--out', out, '--frobnicate'],
    ['clean', path.join(d, 'a.txt'), path.join(d, 'missing.txt'), '--out', out],
    ['annotate', path.join(d, 'missing.txt')],
    ['clean', d, '--out', out, '--jobs', 'many'],
    ['clean', d, '--out', out, '--pattern', '(unclosed'],
    ['clean', d, '--out', out, '--pattern', '(a)\\1'], // valid JS, rejected by the core's safe patterns
    ['annotate', path.join(d, 'a.txt'), '--pattern', 'foo|'], // matches the empty string
    ['frobnicate'],
  ]) {
    const r = run(args);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^scraped-news: /);
    assert.ok(!fs.existsSync(out), `nothing written for ${args.join(' ')}`);
  }
  if (process.getuid && process.getuid() !== 0) {
    fs.writeFileSync(path.join(d, 'locked.txt'), fixture);
    fs.chmodSync(path.join(d, 'locked.txt'), 0o000);
    const r = run(['clean', d, '--out', out]);
    assert.equal(r.status, 2);
    assert.ok(!fs.existsSync(out));
    fs.chmodSync(path.join(d, 'locked.txt'), 0o644);
    fs.rmSync(path.join(d, 'locked.txt'));
  }
});

test('annotate FILE: JSON shape, 0-based lines, offsets are string indices (end exclusive)', () => {
  const text = '\ufeff' + fixture;
  const d = dir('ann', { 'a.txt': text });
  const r = run(['annotate', path.join(d, 'a.txt')]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.ok(Array.isArray(j.lines) && Array.isArray(j.quotes) && Array.isArray(j.entities));
  const full = analyze(text);
  assert.equal(j.lines.length, full.lines.length);
  j.lines.forEach((l: { line: number; label: string; reason: string }, i: number) => {
    assert.equal(l.line, i);
    assert.equal(l.label, full.lines[i].label);
    assert.equal(l.reason, full.lines[i].reason);
  });
  assert.equal(j.bom, true);
  assert.ok(j.quotes.length > 0, 'the fixture has quotes');
  for (const q of j.quotes) {
    assert.deepEqual(Object.keys(q).slice(0, 4), ['start', 'end', 'text', 'speaker']);
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
  }
  assert.ok(j.entities.length > 0, 'the fixture has entities');
  for (const e of j.entities) {
    assert.ok(['person', 'place', 'organization'].includes(e.type));
    assert.equal(text.slice(e.start, e.end), e.text);
  }
  assert.deepEqual(
    j.quotes.map((q: { start: number }) => q.start),
    full.quotes.map((q) => q.start),
  );
  // stdin form
  const r2 = run(['annotate', '-', '--no-entities'], { input: text });
  assert.equal(r2.status, 0, r2.stderr);
  assert.deepEqual(JSON.parse(r2.stdout).entities, []);
});

test('annotate --jsonl streams one result per input line; a malformed line is named, others processed, exit 1', () => {
  const input = [
    JSON.stringify({ id: 'a', text: fixture }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 7, text: 'Share this\n"It was a good day," she said.\n' }),
    JSON.stringify({ id: 'no-text' }),
    '',
  ].join('\n');
  const r = run(['annotate', '--jsonl', '--no-entities'], { input });
  assert.equal(r.status, 1);
  const outs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(outs.map((o) => o.id), ['a', 7]);
  for (const o of outs) assert.deepEqual(Object.keys(o), ['id', 'lines', 'quotes', 'entities']);
  assert.equal(outs[0].lines.length, analyze(fixture).lines.length);
  assert.match(r.stderr, /line 2: not valid JSON/);
  assert.match(r.stderr, /line 4: expected an object/);
  const ok = run(['annotate', '--jsonl'], { input: JSON.stringify({ id: 'x', text: fixture }) + '\n' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.ok(JSON.parse(ok.stdout).entities.length > 0);
});

test('batch: --jobs 2 output is identical to --jobs 1; templates learned over the set; --json summary', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`d${String(i).padStart(2, '0')}.txt`] = siteDump(i);
  files['sub/deep.txt'] = siteDump(99);
  files['notes.md'] = 'not a dump';
  const d = dir('batch', files);
  const o1 = path.join(tmp, 'batch-o1');
  const o2 = path.join(tmp, 'batch-o2');
  const r1 = run(['clean', d, '--out', o1, '--jobs', '1', '--json', '--recursive']);
  const r2 = run(['clean', d, '--out', o2, '--jobs', '2', '--json', '--recursive']);
  assert.equal(r1.status, 0, r1.stderr);
  assert.equal(r2.status, 0, r2.stderr);
  assert.equal(r2.stderr, '', 'quiet when stderr is not a terminal');
  const s1 = snapshot(o1);
  assert.equal(Object.keys(s1).length, 41);
  assert.ok('sub/deep.txt' in s1, 'relative paths mirrored');
  assert.ok(!('notes.md' in s1));
  assert.deepEqual(snapshot(o2), s1);
  // the main thread and two worker threads
  const r4 = run(['clean', d, '--out', path.join(tmp, 'batch-o4'), '--jobs', '3', '--json', '--recursive']);
  assert.equal(r4.status, 0, r4.stderr);
  assert.deepEqual(snapshot(path.join(tmp, 'batch-o4')), s1);
  const j1 = JSON.parse(r1.stdout);
  const j2 = JSON.parse(r2.stdout);
  for (const j of [j1, j2]) {
    assert.equal(j.files, 41);
    assert.equal(j.cleaned, 41);
    assert.deepEqual(j.skipped, []);
    assert.equal(typeof j.seconds, 'number');
    assert.equal(j.templates.documents, 41);
  }
  assert.equal(j2.jobs, 2);
  assert.equal(j1.linesRemoved, j2.linesRemoved);
  // Output = core analyze with the template index of the whole set.
  const texts = Object.entries(files).filter(([f]) => f.endsWith('.txt'));
  const tpl = buildTemplateIndex(texts.map(([, t]) => t));
  for (const [f, t] of texts) {
    const want = clean(t, analyze(t, { entities: false, quotes: false, templates: tpl }));
    assert.equal(fs.readFileSync(path.join(o2, f), 'utf8'), want, f);
  }
  // --no-templates is honoured
  const r3 = run(['clean', d, '--out', path.join(tmp, 'batch-o3'), '--no-templates', '--json']);
  assert.equal(JSON.parse(r3.stdout).templates, null);
  assert.equal(JSON.parse(r3.stdout).files, 40, 'not recursive without --recursive');
});

test('symlinks leading out of the folder are not followed; skipped with a reason', () => {
  const outside = dir('outside', { 'secret.txt': fixture });
  const d = dir('links', { 'a.txt': fixture });
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(d, 'evil.txt'));
  fs.symlinkSync(path.join(d, 'a.txt'), path.join(d, 'inside.txt'));
  const before = snapshot(outside);
  const o = path.join(tmp, 'links-out');
  const r = run(['clean', d, '--out', o, '--json']);
  assert.equal(r.status, 1);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.skipped.map((s: { path: string }) => path.basename(s.path)), ['evil.txt']);
  assert.match(j.skipped[0].reason, /out of the folder/);
  assert.deepEqual(Object.keys(snapshot(o)).sort(), ['a.txt', 'inside.txt']);
  // in place: the outside file must stay untouched
  const r2 = run(['clean', d, '--in-place']);
  assert.equal(r2.status, 1);
  assert.match(r2.stderr, /evil\.txt: symbolic link leads out of the folder/);
  assert.deepEqual(snapshot(outside), before);
  assert.ok(fs.lstatSync(path.join(d, 'evil.txt')).isSymbolicLink());
});

test('CRLF and BOM kept; UTF-16LE written back as UTF-16LE; binary and invalid UTF-8 skipped, never rewritten', () => {
  const crlf = '\ufeff' + fixture.replace(/\n/g, '\r\n');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture, 'utf16le')]);
  const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41, 0x42, 0x0a]);
  const badUtf8 = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' latin-1 text\n' + fixture)]);
  const d = dir('enc', { 'crlf.txt': crlf, 'u16.txt': utf16, 'bin.txt': binary, 'latin.txt': badUtf8 });
  const before = snapshot(d);
  const o = path.join(tmp, 'enc-out');
  const r = run(['clean', d, '--out', o, '--json']);
  assert.equal(r.status, 1);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.skipped.map((s: { path: string }) => path.basename(s.path)).sort(), ['bin.txt', 'latin.txt']);
  const out = fs.readFileSync(path.join(o, 'crlf.txt'));
  assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  const s = out.toString('utf8');
  assert.ok(s.includes('\r\n'));
  assert.ok(!/[^\r]\n/.test(s), 'no bare LF');
  assert.equal(s, expectedClean(crlf));
  const o16 = fs.readFileSync(path.join(o, 'u16.txt'));
  assert.deepEqual([...o16.subarray(0, 2)], [0xff, 0xfe]);
  assert.equal(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(o16), expectedClean('\ufeff' + fixture));
  assert.ok(!fs.existsSync(path.join(o, 'bin.txt')) && !fs.existsSync(path.join(o, 'latin.txt')));
  // in place: skipped files keep their bytes
  const r2 = run(['clean', d, '--in-place']);
  assert.equal(r2.status, 1);
  assert.equal(fs.readFileSync(path.join(d, 'bin.txt')).toString('hex'), before['bin.txt']);
  assert.equal(fs.readFileSync(path.join(d, 'latin.txt')).toString('hex'), before['latin.txt']);
  // stdin keeps CRLF + BOM too
  const r3 = run(['clean', '-'], { input: Buffer.from(crlf, 'utf8') });
  assert.equal(r3.stdoutBytes.toString('hex'), Buffer.from(expectedClean(crlf), 'utf8').toString('hex'));
});

test('progress bar on stderr only when it is a terminal (pseudo-terminal via script(1))', { skip: !fs.existsSync('/usr/bin/script') && 'script(1) not installed' }, () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`p${i}.txt`] = siteDump(i);
  const d = dir('progress', files);
  const o = path.join(tmp, 'progress-out');
  const cmd = [process.execPath, CLI, 'clean', d, '--out', o, '--jobs', '2'].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('/usr/bin/script', ['-qc', cmd, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\[[#-]{30}\] \d+\/20 files/);
  assert.equal(fs.readdirSync(o).length, 20);
  // and quiet with --quiet even on a terminal
  const r2 = spawnSync('/usr/bin/script', ['-qc', cmd.replace(`'${o}'`, `'${o}2' '--quiet'`), '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r2.status, 0);
  assert.doesNotMatch(r2.stdout, /files/);
});

test('--dry-run reports what would be removed and writes nothing', () => {
  const d = dir('dry', { 'a.txt': fixture, 'b.txt': siteDump(3) });
  const before = snapshot(d);
  const o = path.join(tmp, 'dry-out');
  const r = run(['clean', d, '--out', o, '--dry-run', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.dryRun, true);
  assert.equal(j.wouldClean, 2);
  assert.ok(j.linesRemoved > 5);
  assert.ok(!fs.existsSync(o));
  assert.deepEqual(snapshot(d), before);
});

test('a dump that is HTML markup is converted to text lines first (batch, --jobs 1 and 2, --in-place, stdin); --keep-markup cleans it as it is', () => {
  const html = fs.readFileSync('test/fixtures/l3s-raw-html.txt', 'utf8');
  const files: Record<string, string> = { 'page.txt': html };
  for (let i = 0; i < 6; i++) files[`d${i}.txt`] = siteDump(i);
  const d = dir('markup', files);
  const o1 = path.join(tmp, 'markup-o1');
  const o2 = path.join(tmp, 'markup-o2');
  const r1 = run(['clean', d, '--out', o1, '--jobs', '1', '--json']);
  const r2 = run(['clean', d, '--out', o2, '--jobs', '2', '--json']);
  assert.equal(r1.status, 0, r1.stderr);
  assert.equal(r2.status, 0, r2.stderr);
  assert.deepEqual(snapshot(o2), snapshot(o1));
  // the core's conversion, then the core's clean with the template index of the converted set
  const texts = Object.entries(files).map(([f, t]) => [f, textOf(t)] as const);
  const tpl = buildTemplateIndex(texts.map(([, t]) => t));
  for (const [f, t] of texts) assert.equal(fs.readFileSync(path.join(o1, f), 'utf8'), clean(t, analyze(t, { entities: false, quotes: false, templates: tpl })), f);
  const out = fs.readFileSync(path.join(o1, 'page.txt'), 'utf8');
  assert.ok(out.includes('President Bush is urging OPEC nations to put more oil into the world market.'));
  assert.ok(!out.includes('<') && !out.includes('function'), 'no markup, no script left');
  // --keep-markup: the one line of markup is cleaned as it is (kept whole)
  const o3 = path.join(tmp, 'markup-o3');
  assert.equal(run(['clean', d, '--out', o3, '--keep-markup']).status, 0);
  assert.ok(fs.readFileSync(path.join(o3, 'page.txt'), 'utf8').includes('<div'));
  // stdin
  const s = run(['clean', '-'], { input: html });
  assert.equal(s.status, 0, s.stderr);
  assert.equal(s.stdout, clean(textOf(html), analyze(textOf(html), { entities: false, quotes: false })));
  // --in-place rewrites a converted dump even when its text lines are all kept (the file on disk is markup)
  const wrap = '<div class="container main-content article-body story-text" data-tracking-id="story-123-body-section" style="margin: 0 auto">';
  const page = '<html><head><script src="/static/js/tracking-and-analytics.bundle.min.js" type="text/javascript"></script></head><body>' +
    wrap.repeat(20) + '<p class="paragraph">The council met on Tuesday and approved the budget after a long and heated debate.</p>' + '</div>'.repeat(20) + '</body></html>';
  const one = dir('markup-inplace', { 'page.txt': page });
  assert.equal(textOf(page), 'The council met on Tuesday and approved the budget after a long and heated debate.\n');
  const r4 = run(['clean', path.join(one, 'page.txt'), '--in-place', '--json']);
  assert.equal(r4.status, 0, r4.stderr);
  assert.equal(JSON.parse(r4.stdout).cleaned, 1);
  assert.ok(!fs.readFileSync(path.join(one, 'page.txt'), 'utf8').includes('<'));
});

/**
 * Cleans the folder of `files` with `--jobs 1` and `--jobs 2`: both succeed, their outputs are identical and each file
 * is cleaned as the core cleans it with the set's template index. Returns the `--jobs 1` output folder.
 */
function cleanedLikeCore(name: string, files: Record<string, string>): string {
  const d = dir(name, files);
  const o1 = path.join(tmp, `${name}-o1`);
  const o2 = path.join(tmp, `${name}-o2`);
  const r1 = run(['clean', d, '--out', o1, '--jobs', '1']);
  const r2 = run(['clean', d, '--out', o2, '--jobs', '2']);
  for (const r of [r1, r2]) assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(snapshot(o2), snapshot(o1));
  const tpl = buildTemplateIndex(Object.values(files));
  for (const [f, t] of Object.entries(files)) assert.equal(fs.readFileSync(path.join(o1, f), 'utf8'), clean(t, analyze(t, { entities: false, quotes: false, templates: tpl })), f);
  return o1;
}

test('Markdown dumps (also wrapped at 78) are cleaned as the core cleans them, with the set\'s templates (--jobs 1 and 2 identical)', () => {
  const files: Record<string, string> = { 'sputnik.md.txt': toMarkdown(fixture), 'sputnik78.md.txt': wrapText(toMarkdown(fixture), 78) };
  for (let i = 0; i < 6; i++) files[`d${i}.txt`] = toMarkdown(siteDump(i));
  const o1 = cleanedLikeCore('markdown', files);
  // the menu links are gone, the article's paragraphs (with their links) are there
  const out = fs.readFileSync(path.join(o1, 'sputnik.md.txt'), 'utf8');
  assert.ok(!out.includes('](https://www.example.com/section/'), 'no menu link left');
  assert.ok(out.includes('](https://www.example.com/2008/'), 'links inside paragraphs kept');
});

test('a file of several pages (cat *.txt > all.txt) is read page by page: each page\'s article kept as alone (--jobs 1 and 2, with the set\'s templates)', () => {
  const articles = PAGE_ARTICLES.map((f) => fs.readFileSync(path.join('test/fixtures', f), 'utf8'));
  const pages = articles.map((a, k) => pageOf(a, k));
  const all = pages.join('\n\n') + '\n';
  const files: Record<string, string> = { 'all.txt': all, 'all-wrapped.txt': wrapText(all, 78) };
  for (let i = 0; i < 4; i++) files[`d${i}.txt`] = siteDump(i);
  const o1 = cleanedLikeCore('pages', files);
  // every article line a page keeps alone is in the cleaned file (read as one page, the third page lost most of its
  // article), and the pages' menus are gone
  const out = fs.readFileSync(path.join(o1, 'all.txt'), 'utf8');
  const outLines = new Set(out.split('\n'));
  for (const [k, p] of pages.entries()) {
    const alone = analyze(p, { entities: false, quotes: false });
    const kept = alone.lines.filter((l) => l.label === 'article').map((l) => p.slice(l.start, l.end));
    assert.ok(kept.length >= 8, `page ${k}`); // 8: the Sputnik page (see pages.test.ts)
    // Every line of five words or more; of the shorter ones at most one may differ: the set's templates (here every
    // short line of all.txt repeats in all-wrapped.txt) change the lines' probabilities and so the page's threshold
    // (the WSJ page's one-word link fragment “fin-de-siecle”: 0.85 alone, 0.415 here, threshold 0.425)
    const missing = kept.filter((line) => !outLines.has(line));
    for (const line of missing) assert.ok(line.split(/\s+/).length < 5, `page ${k}: ${line.slice(0, 60)}`);
    assert.ok(missing.length <= 1, `page ${k}: ${missing.join(' | ')}`);
    assert.ok(!outLines.has(`Newsletter ${k}`) && !outLines.has(`Site map · ${k}`), `page ${k}: menus removed`);
  }
});

test('hard-wrapped dumps are judged paragraph by paragraph (--jobs 1 and 2, templates, stdin); --no-unwrap judges each line', () => {
  const wrap78 = (t: string) => wrapText(t, 78);
  const files: Record<string, string> = { 'sputnik.txt': wrap78(fixture) };
  for (let i = 0; i < 6; i++) files[`d${i}.txt`] = wrap78(siteDump(i));
  const d = dir('wrapped', files);
  const o1 = path.join(tmp, 'wrapped-o1');
  const o2 = path.join(tmp, 'wrapped-o2');
  const o3 = path.join(tmp, 'wrapped-o3');
  const r1 = run(['clean', d, '--out', o1, '--jobs', '1']);
  const r2 = run(['clean', d, '--out', o2, '--jobs', '2']);
  const r3 = run(['clean', d, '--out', o3, '--no-unwrap']);
  for (const r of [r1, r2, r3]) assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(snapshot(o2), snapshot(o1));
  // the core's clean with the template index of the set (the CLI's per-line template counts, mapped to paragraphs,
  // give the same labels as the core's own look-ups)
  const tpl = buildTemplateIndex(Object.values(files));
  for (const [f, t] of Object.entries(files)) {
    assert.equal(fs.readFileSync(path.join(o1, f), 'utf8'), clean(t, analyze(t, { entities: false, quotes: false, templates: tpl })), f);
    assert.equal(fs.readFileSync(path.join(o3, f), 'utf8'), clean(t, analyze(t, { entities: false, quotes: false, templates: tpl, unwrap: false })), f);
  }
  assert.notEqual(fs.readFileSync(path.join(o1, 'sputnik.txt'), 'utf8'), fs.readFileSync(path.join(o3, 'sputnik.txt'), 'utf8'));
  const s = run(['clean', '-'], { input: files['sputnik.txt'] });
  assert.equal(s.status, 0, s.stderr);
  assert.equal(s.stdout, clean(files['sputnik.txt'], analyze(files['sputnik.txt'], { entities: false, quotes: false })));
});

/** A dump whose converter joined the page's lines into one (jsoup's text()): a header line, then the page on line 1. */
function joinedDump(layout: string): string {
  const page = fs.readFileSync(`test/fixtures/layouts/${layout}`, 'utf8');
  return 'Scraped 2026-11-30\n' + page.split(/\r?\n/).filter((l) => l.trim()).join(' ') + '\n';
}

const JOINED_WARNING = /^scraped-news: warning: (.+): line 2 holds a whole page \(4,470 characters, with the text of \d+ kinds of page widgets.*convert the page again with line breaks \(innerText, get_text\("\\n"\), jsoup's wholeText\(\)\)/im;

test('a page joined into one line (one file, stdin): a warning on stderr (file, line, why, how to fix); written as the core cleans it; exit 0', () => {
  const joined = joinedDump('handwritten-telegraph-layout.txt');
  assert.ok(analyze(joined, { entities: false, quotes: false }).stats.joined, 'the fixture is a joined page');
  const one = dir('joined-one', { 'page.txt': joined });
  const r = run(['clean', path.join(one, 'page.txt'), '--out', path.join(tmp, 'joined-one-out')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.equal(r.stderr.match(JOINED_WARNING)?.[1], path.join(one, 'page.txt'), r.stderr);
  assert.match(r.stderr, /so the cleaned text still holds the page's noise/);
  assert.match(r.stderr, /jsoup's text\(\), get_text\(\) without a separator/);
  assert.equal(fs.readFileSync(path.join(tmp, 'joined-one-out', 'page.txt'), 'utf8'), expectedClean(joined));
  const s = run(['clean', '-'], { input: joined });
  assert.equal(s.status, 0, s.stderr);
  assert.equal(s.stdout, expectedClean(joined));
  assert.equal(s.stderr.match(JOINED_WARNING)?.[1], 'stdin');
});

/** A folder of two joined pages (j1.txt: its line kept; j2.txt) and six normal dumps; its files. */
let joinedFolder: { d: string; files: Record<string, string> } | null = null;
function joinedBatch(): { d: string; files: Record<string, string> } {
  if (joinedFolder) return joinedFolder;
  const files: Record<string, string> = { 'j1.txt': joinedDump('handwritten-telegraph-layout.txt'), 'j2.txt': joinedDump('handwritten-corriere-layout.txt') };
  for (let i = 0; i < 6; i++) files[`d${i}.txt`] = siteDump(i);
  return (joinedFolder = { d: dir('joined-batch', files), files });
}

test('a page joined into one line in a batch (--jobs 1 and 2): a warning per file in the input order and a count at the end; the same files written as the core cleans them; exit 0', () => {
  const { d, files } = joinedBatch();
  const tpl = buildTemplateIndex(Object.values(files));
  const outs: string[] = [];
  for (const jobs of ['1', '2']) {
    const o = path.join(tmp, `joined-batch-o${jobs}`);
    outs.push(o);
    const h = run(['clean', d, '--out', o, '--jobs', jobs]);
    assert.equal(h.status, 0, h.stderr);
    const lines = h.stderr.trim().split('\n');
    assert.equal(lines.length, 3, h.stderr);
    assert.equal(lines[0].match(JOINED_WARNING)?.[1], path.join(d, 'j1.txt'), jobs);
    assert.match(lines[1], /^scraped-news: warning: .*j2\.txt: line 2 holds a whole page/);
    assert.equal(lines[2], 'scraped-news: 2 of 8 files hold a page joined into one line (warnings above); they were written all the same');
    for (const [f, t] of Object.entries(files)) assert.equal(fs.readFileSync(path.join(o, f), 'utf8'), clean(t, analyze(t, { entities: false, quotes: false, templates: tpl })), f);
  }
  assert.deepEqual(snapshot(outs[1]), snapshot(outs[0]));
});

test('a page joined into one line, --json (--jobs 1 and 2, --dry-run): the summary lists each file with annotate\'s stats.joined (0-based line) and whether its line was kept; a normal folder: an empty list, no warning', () => {
  const { d, files } = joinedBatch();
  const tpl = buildTemplateIndex(Object.values(files));
  for (const jobs of ['1', '2']) {
    const j = run(['clean', d, '--out', path.join(tmp, `joined-json-o${jobs}`), '--jobs', jobs, '--json']);
    assert.equal(j.status, 0, j.stderr);
    const sum = JSON.parse(j.stdout);
    assert.equal(sum.cleaned, 8);
    assert.equal(sum.joined.length, 2, jobs);
    for (const [k, f] of ['j1.txt', 'j2.txt'].entries()) {
      const an = analyze(files[f], { entities: false, quotes: false, templates: tpl });
      assert.deepEqual(sum.joined[k], { path: path.join(d, f), ...an.stats.joined, kept: an.lines[an.stats.joined!.line].label === 'article' }, f);
    }
    assert.equal(sum.joined[0].kept, true);
    assert.equal(j.stderr.trim().split('\n').length, 3, 'the warnings on stderr with --json too');
  }
  // annotate prints the same stats.joined
  const an = run(['annotate', path.join(d, 'j1.txt'), '--no-entities', '--no-quotes']);
  assert.deepEqual(JSON.parse(an.stdout).stats.joined, analyze(files['j1.txt'], { entities: false, quotes: false }).stats.joined);
  // --dry-run says it too
  const dry = run(['clean', d, '--out', path.join(tmp, 'joined-dry'), '--dry-run', '--json']);
  assert.equal(dry.status, 0, dry.stderr);
  const dj = JSON.parse(dry.stdout);
  assert.deepEqual(dj.joined.map((x: { path: string; line: number }) => [path.basename(x.path), x.line]), [['j1.txt', 1], ['j2.txt', 1]]);
  assert.equal(dj.perFile.filter((x: { joined?: unknown }) => x.joined).length, 2);
  assert.equal(dry.stderr.match(JOINED_WARNING)?.[1], path.join(d, 'j1.txt'));
  assert.ok(!fs.existsSync(path.join(tmp, 'joined-dry')));
  // a normal folder: no warning, an empty list
  const n = dir('joined-none', { 'a.txt': fixture, 'b.txt': siteDump(1), 'c.txt': siteDump(2) });
  for (const jobs of ['1', '2']) {
    const h = run(['clean', n, '--out', path.join(tmp, `joined-none-o${jobs}`), '--jobs', jobs, '--json']);
    assert.equal(h.status, 0, h.stderr);
    assert.equal(h.stderr, '');
    assert.deepEqual(JSON.parse(h.stdout).joined, []);
  }
});
