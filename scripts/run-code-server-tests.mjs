#!/usr/bin/env node
// Offline integration test runner: runs the mocha suite (out/test/test/integration/index.js, compiled by
// `npm run compile:tests`) inside code-server's real extension host, driven headless by Debian's chromium
// through playwright-core; then runs the UI check (scripts/ui-check.mjs) and prints one combined
// `N passed, N failed` line as the very last line.
//
// Usage: node scripts/run-code-server-tests.mjs [--timeout SECONDS] [--max-time SECONDS] [--keep] [--shot FILE.png]
//                                               [--no-ui] [--install-host] [--verbose]
//   --timeout         watchdog: fail when the extension host prints nothing for this long (default 240 s)
//   --max-time        watchdog: fail when the suite has not finished after this long (default 1500 s)
//   TEST_GREP=regex   only tests whose full title matches (the UI check runs only if "ui-check" matches too)
//   --install-host    install the test host first when test-host/node_modules is missing (used by `npm test`)
//   --keep            keep the scratch folder (path printed); --shot saves a screenshot when the run ends
//
// Exit codes: 0 all passed and at least one test ran; 1 a test failed or none ran; 2 not compiled/built;
// 3 prerequisites missing or code-server failed; 4 payload path rejected; 124 watchdog timeout.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import {
  root, missingPrerequisites, ensureTestHost, makeScratch, makeCleanup, fillWorkspace, startCodeServer,
  remoteUri, workbenchUrl, launchChromium, onSignals,
} from './code-server-host.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const known = new Set(['--timeout', '--max-time', '--keep', '--shot', '--no-ui', '--install-host', '--verbose']);
for (let i = 0; i < argv.length; i++) {
  if (!known.has(argv[i])) { console.error(`unknown argument: ${argv[i]}`); process.exit(2); }
  if (['--timeout', '--max-time', '--shot'].includes(argv[i])) i++;
}
const idleMs = Number(option('--timeout', process.env.TEST_TIMEOUT || 240)) * 1000;
const maxMs = Number(option('--max-time', process.env.TEST_MAX_TIME || 1500)) * 1000;
const keep = flag('--keep');
const shot = option('--shot');
const verbose = flag('--verbose') || !!process.env.TEST_VERBOSE;
const grep = process.env.TEST_GREP;
let grepRe = null;
if (grep) {
  try { grepRe = new RegExp(grep); } catch (e) { console.error(`TEST_GREP is not a valid regular expression: ${e.message}`); process.exit(2); }
}
const runUi = !flag('--no-ui') && (!grepRe || grepRe.test('ui-check'));

const extensionDir = root;
const testsEntry = join(root, 'out/test/test/integration/index.js');
const fixturesDir = join(root, 'test/fixtures');

function finish(code, passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

// ---- prerequisites -------------------------------------------------------------------------------------
if (flag('--install-host') && !(await ensureTestHost())) process.exit(3);
const missing = missingPrerequisites();
if (missing.length) {
  for (const m of missing) console.error(m);
  process.exit(3);
}
if (!existsSync(testsEntry)) {
  console.error(`tests not compiled (${testsEntry.slice(root.length + 1)} missing): run \`npm run compile:tests\``);
  process.exit(2);
}
if (!existsSync(join(root, 'dist/extension.js'))) {
  console.error('extension not built (dist/extension.js missing): run `npm run build`');
  process.exit(2);
}

// ---- mocha suite in the extension host ------------------------------------------------------------------
async function runSuite() {
  const started = Date.now();
  const scratch = makeScratch('sn-t-');
  const workspace = fillWorkspace(scratch, fixturesDir);
  let server;
  let browser;
  const cleanup = makeCleanup(scratch, () => ({ server, browser }), { keep });
  const uninstall = onSignals(async () => {
    console.error('interrupted: stopping code-server and chromium');
    await cleanup();
  });

  let passing = 0;
  let failing = 0;
  let pending = 0;
  let sawSummary = false;
  // live counts from the spec reporter, used when the run ends without mocha's summary (watchdog, crash)
  let livePass = 0;
  let liveFail = 0;
  let lastActivity = Date.now();
  let result; // { code, reason }
  let settle;
  const done = new Promise((r) => { settle = r; });
  const finishWith = (code, reason) => { if (!result) { result = { code, reason }; settle(); } };

  const BAD_PAYLOAD = /No extension host found that can launch the test runner/;
  const handleLine = (level, text) => {
    if (BAD_PAYLOAD.test(text)) finishWith(4, 'extensionTestsPath was not accepted (it must be a vscode-remote:// URI)');
    let m;
    if (!sawSummary && /^\s*(✔|✓)/.test(text)) livePass++;
    if (!sawSummary && /^\s*\d+\) /.test(text)) liveFail++;
    if ((m = /^\s*(\d+) passing\b/.exec(text))) { passing = Number(m[1]); sawSummary = true; }
    else if ((m = /^\s*(\d+) failing\b/.exec(text))) failing = Number(m[1]);
    else if ((m = /^\s*(\d+) pending\b/.exec(text))) pending = Number(m[1]);
  };
  // Mocha's output arrives through the workbench log. Print it; hide the workbench's own chatter
  // unless --verbose (it starts with a timestamp/level tag or is a known harmless 404).
  let inMocha = false;
  const print = (level, message) => {
    const text = String(message);
    const lines = text.split('\n');
    for (const line of lines) {
      handleLine(level, line);
      if (isMochaLine(line)) lastActivity = Date.now(); // the workbench's own chatter does not count as progress
    }
    if (verbose) { for (const line of lines) console.log(`[${level}] ${line}`); return; }
    if (level === 'error' && !isMochaLine(lines[0]) && !inMocha) {
      // a workbench/extension-host error: its first line only (run with --verbose for everything)
      if (!/vsda|Failed to load resource|favicon/.test(lines[0])) console.log(`[workbench error] ${lines[0]}${lines.length > 1 ? ' …' : ''}`);
      return;
    }
    for (const line of lines) {
      if (/^\s*(\d+) (passing|failing|pending)\b/.test(line)) inMocha = true;
      if (isMochaLine(line) || inMocha) console.log(line);
    }
  };

  try {
    try {
      server = await startCodeServer(scratch);
    } catch (e) {
      console.error(`code-server failed to start: ${e.message}`);
      if (e.server) console.error(e.server.tail(30));
      server = e.server;
      await cleanup();
      uninstall();
      return { code: 3, passing: 0, failing: 0, reason: 'code-server failed' };
    }
    browser = await launchChromium(scratch);
    const { page } = browser;
    await page.exposeFunction('codeAutomationLog', (level, message) => print(level, message));
    await page.exposeFunction('codeAutomationExit', (code) => finishWith(code === 0 ? 0 : 1, code === 0 ? '' : `extension host reported exit code ${code}`));
    page.on('console', (msg) => {
      const t = msg.text();
      if (BAD_PAYLOAD.test(t)) handleLine('error', t);
    });
    server.exitPromise.then(({ code }) => finishWith(3, `code-server exited during the run (code ${code})`));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, extensionDir)],
      ['extensionTestsPath', remoteUri(server, testsEntry)],
    ];
    const t0 = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - lastActivity > idleMs) finishWith(124, `the extension host printed nothing for ${idleMs / 1000} s (watchdog; a test or run() hangs)`);
      else if (Date.now() - t0 > maxMs) finishWith(124, `the suite did not finish within ${maxMs / 1000} s (watchdog)`);
    }, 1000);
    console.log(`extension host tests: code-server ${server.url}, workspace = copy of test/fixtures${grep ? `, TEST_GREP=${grep}` : ''}`);
    page.goto(workbenchUrl(server, workspace, payload)).catch((e) => finishWith(3, `could not open the workbench: ${e.message}`));
    await done;
    clearInterval(watchdog);
    if (shot) {
      try { await page.screenshot({ path: resolve(shot), timeout: 10000 }); console.log(`screenshot: ${shot}`); } catch (e) { console.error(`screenshot failed: ${e.message}`); }
    }
  } catch (e) {
    finishWith(3, `runner error: ${e && e.message}`);
  }

  let { code, reason } = result;
  if (!sawSummary) { passing = livePass; failing = liveFail; }
  if (code === 0 && (!sawSummary || passing === 0)) { code = 1; reason = 'no test ran (mocha reported no passing test)'; }
  if (code === 0 && failing > 0) { code = 1; reason = `${failing} test(s) failed`; }
  if (code !== 0) {
    console.error(`extension host tests FAILED: ${reason || 'see above'}`);
    if (server && code !== 1) console.error(`--- code-server log (tail) ---\n${server.tail(40)}\n---`);
  }
  await cleanup();
  uninstall();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`extension host tests: ${passing} passing, ${failing} failing${pending ? `, ${pending} pending` : ''} (${secs} s)`);
  // a harness failure with no failing test still counts as one failure
  return { code, passing, failing: code !== 0 && failing === 0 ? 1 : failing };
}

// Spec reporter lines: suite titles, ✔/✓ passes, "  1) title" failures, and the failure details.
function isMochaLine(line) {
  return /^\s*(✔|✓|√|\d+\) |\d+ (passing|failing|pending))/.test(line) || /^ {2,}\S/.test(line) && !/^\s*\[/.test(line);
}

// ---- UI check (separate process, same setup) -------------------------------------------------------------
function runUiCheck() {
  return new Promise((res) => {
    const p = spawn(process.execPath, [join(root, 'scripts/ui-check.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    p.stdout.on('data', (b) => {
      process.stdout.write(b);
      tail = (tail + b.toString()).slice(-4000);
    });
    p.on('close', (code) => {
      const lines = tail.trimEnd().split('\n');
      const m = /^(\d+) passed, (\d+) failed$/.exec(lines[lines.length - 1].trim());
      const passed = m ? Number(m[1]) : 0;
      let failed = m ? Number(m[2]) : 0;
      if (code !== 0 && failed === 0) failed = 1;
      res({ code: code ?? 1, passed, failed });
    });
  });
}

const suite = await runSuite();
let total = { passed: suite.passing, failed: suite.failing };
let code = suite.code;
if (runUi) {
  console.log('');
  const ui = await runUiCheck();
  total = { passed: total.passed + ui.passed, failed: total.failed + ui.failed };
  if (code === 0 && ui.code !== 0) code = 1;
}
finish(code, total.passed, total.failed);
