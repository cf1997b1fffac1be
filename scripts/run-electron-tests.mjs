#!/usr/bin/env node
// Runs the same mocha suite (out/test/test/integration/index.js) in desktop VS Code 1.100.3 through
// @vscode/test-electron, for developers with internet access (it downloads VS Code into .vscode-test/).
// Offline and in CI use `npm run test:offline` (code-server + chromium) instead.
// Usage: npm run test:electron   (TEST_GREP=regex filters tests; needs a display, or run it under xvfb-run)
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = '1.100.3';
const testsEntry = join(root, 'out/test/test/integration/index.js');
if (!existsSync(testsEntry)) {
  console.error('tests not compiled: run `npm run compile:tests`');
  process.exit(2);
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH']);
function networkCode(e) {
  for (let x = e, i = 0; x && i < 5; x = x.cause, i++) {
    if (NETWORK_CODES.has(x.code)) return x.code;
    const m = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/.exec(String(x.message ?? x));
    if (m) return m[1];
  }
  return null;
}

const workspace = mkdtempSync(join(tmpdir(), 'sn-e-'));
cpSync(join(root, 'test/fixtures'), workspace, { recursive: true });
let code = 1;
try {
  const { runTests } = await import('@vscode/test-electron');
  code = await runTests({
    version: VERSION,
    extensionDevelopmentPath: root,
    extensionTestsPath: testsEntry,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: process.env.TEST_GREP ? { TEST_GREP: process.env.TEST_GREP } : undefined,
  });
} catch (e) {
  const net = networkCode(e);
  if (net) {
    console.error(`test:electron needs internet to download VS Code ${VERSION} (${net}); offline, run \`npm run test:offline\` (code-server + chromium) instead`);
  } else if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'number') {
    console.error(`test:electron: tests failed (VS Code exited with ${e.code})`);
  } else {
    console.error(`test:electron failed: ${e && e.message ? e.message.split('\n')[0] : e}`);
  }
  code = typeof e?.code === 'number' && e.code !== 0 ? e.code : 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
