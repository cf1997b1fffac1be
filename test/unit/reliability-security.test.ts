/**
 * Security invariants of the source tree (issue 7, items 4 and 5; SECURITY.md): no eval, no new Function, no
 * shelling out, no network modules anywhere in src/; the core stays pure (no vscode, no Node-only API) so it can
 * run in a web worker; the manifest declares limited support for untrusted workspaces with the pattern setting
 * restricted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|js|mjs|cjs)$/.test(name)) out.push(p);
  }
  return out;
}

/** The code with block comments and whole-line // comments removed (string and regex literals kept). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/^\s*\/\/.*$/gm, '');
}

const FORBIDDEN: [RegExp, string][] = [
  [/(^|[^\w.$])eval\s*\(/, 'eval('],
  [/\bnew\s+Function\b/, 'new Function'],
  [/(^|[^\w.$])Function\s*\(\s*['"`]/, 'Function("…")'],
  [/child_process/, 'child_process'],
  [/\b(execSync|execFileSync|spawnSync)\b/, 'process spawning'],
  [/(from\s+|require\(\s*|import\(\s*)['"`](node:)?(https?|http2|net|tls|dgram|dns|vm|inspector)['"`]/, 'network / vm module'],
  [/\bfetch\s*\(/, 'fetch('],
  [/\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b/, 'browser network API'],
  [/\bsetTimeout\s*\(\s*['"`]|\bsetInterval\s*\(\s*['"`]/, 'string timer (eval)'],
];

test('src/ has no eval, new Function, child_process, network modules or fetch', () => {
  const files = sources('src');
  assert.ok(files.length > 10, 'found the sources');
  const hits: string[] = [];
  for (const f of files) {
    const c = code(f);
    for (const [re, what] of FORBIDDEN) {
      const m = re.exec(c);
      if (m) hits.push(`${f}:${c.slice(0, m.index).split('\n').length}: ${what}`);
    }
  }
  assert.deepEqual(hits, []);
});

test('src/core is pure: no vscode, no Node-only API (it must run in a web worker)', () => {
  const hits: string[] = [];
  for (const f of sources('src/core')) {
    const c = code(f);
    const checks: [RegExp, string][] = [
      [/from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/, 'vscode'],
      [/(from\s+|require\(\s*|import\(\s*)['"](node:)?(fs|fs\/promises|path|os|process|buffer|worker_threads|stream|crypto|url|util|module)['"]/, 'Node module'],
      [/(^|[^\w.$'"])(process|Buffer|__dirname|__filename)\s*\./, 'Node global'],
      [/(^|[^\w.$])require\s*\(/, 'require('],
    ];
    for (const [re, what] of checks) {
      const m = re.exec(c);
      if (m) hits.push(`${f}:${c.slice(0, m.index).split('\n').length}: ${what}`);
    }
  }
  assert.deepEqual(hits, []);
});

test('manifest: limited untrusted-workspace support, pattern setting restricted, no * activation', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const uw = pkg.capabilities?.untrustedWorkspaces;
  assert.ok(uw, 'capabilities.untrustedWorkspaces declared');
  assert.equal(uw.supported, 'limited');
  assert.ok(Array.isArray(uw.restrictedConfigurations) && uw.restrictedConfigurations.includes('scrapedNews.boilerplatePatterns'));
  assert.ok(typeof uw.description === 'string' && uw.description.length > 0);
  for (const e of pkg.activationEvents ?? []) assert.notEqual(e, '*');
  // no network-capable runtime dependency
  for (const d of Object.keys(pkg.dependencies ?? {})) assert.ok(!/axios|node-fetch|got|request|undici|ws/.test(d), d);
});

test('SECURITY.md exists and covers reads, writes, network, untrusted workspaces and reporting', () => {
  assert.ok(existsSync('SECURITY.md'));
  const s = readFileSync('SECURITY.md', 'utf8');
  for (const w of [/read/i, /writ/i, /network/i, /eval/i, /untrusted/i, /scrapedNews\.boilerplatePatterns/, /report/i, /--in-place/, /rename/i]) {
    assert.match(s, w);
  }
});
