#!/usr/bin/env node
// The demo: builds the extension, installs the test host (code-server 4.100.3) when missing, and starts
// code-server bound to 127.0.0.1 with a scratch copy of samples/ as the workspace and this extension loaded.
// Open the printed URL in a browser; Ctrl+C stops everything and deletes the scratch copy.
//
// Usage: npm start                       (PORT=8765 by default; PORT=... overrides)
//        npm start -- --check            headless self-test: opens a sample in chromium, checks the noise is
//                                        dimmed, saves out/demo-check.png (--screenshot PATH), exits 0/1
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  root, chromiumPath, APT_HINT, ensureTestHost, makeScratch, makeCleanup, fillWorkspace, startCodeServer,
  remoteUri, workbenchUrl, launchChromium, onSignals, shuttingDown, waitForWorkbench, openWithQuickOpen, decoratedLines,
} from './code-server-host.mjs';

const argv = process.argv.slice(2);
const check = argv.includes('--check');
const option = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--screenshot') { i++; continue; }
  if (argv[i] !== '--check') { console.error(`unknown argument: ${argv[i]} (use --check, --screenshot PATH; PORT=... for the port)`); process.exit(2); }
}
const DEFAULT_PORT = 8765;
const port = check ? 0 : Number(process.env.PORT || DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error(`bad PORT: ${process.env.PORT}`); process.exit(2); }

// 1. build
const build = await new Promise((res) => {
  const p = spawn(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  p.on('exit', (c) => res(c ?? 1));
});
if (build !== 0) { console.error('build failed: fix the errors above (npm run build)'); process.exit(1); }

// 2. test host (code-server) and, for --check, chromium
if (check && !existsSync(chromiumPath)) { console.error(`chromium not found at ${chromiumPath}: run \`${APT_HINT}\` (as root)`); process.exit(3); }
if (!(await ensureTestHost({ needChromium: check }))) process.exit(3);

// 3. code-server on a scratch copy of samples/
const scratch = makeScratch('sn-d-');
const workspace = fillWorkspace(scratch, join(root, 'samples'));
let server;
let browser;
const cleanup = makeCleanup(scratch, () => ({ server, browser }));
onSignals(async () => {
  console.log('\nstopping code-server…');
  await cleanup();
});

try {
  server = await startCodeServer(scratch, {
    port,
    settings: { 'editor.wordWrap': 'on' },
  });
} catch (e) {
  const inUse = e.server && /EADDRINUSE/.test(e.server.log());
  console.error(inUse ? `port ${port} is in use: run with another one, e.g. PORT=8766 npm start` : `code-server failed to start: ${e.message}`);
  if (!inUse && e.server) console.error(e.server.tail(20));
  await cleanup();
  process.exit(3);
}
const url = workbenchUrl(server, workspace, [['extensionDevelopmentPath', remoteUri(server, root)]]);

if (!check) {
  console.log('');
  console.log('Scraped News demo: code-server (VS Code 1.100.3) with the extension loaded, on a copy of samples/');
  console.log('Open this URL in a browser on this machine (bound to 127.0.0.1 only):');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log('Open e.g. harbour-bridge-vote.news.txt, or coastal-rail-strike.txt to see detection. Ctrl+C stops the demo.');
  const { code, sig } = await server.exitPromise;
  if (!stopping && !shuttingDown()) {
    console.error(`code-server stopped (code ${code}, signal ${sig})`);
    await cleanup();
    process.exit(1);
  }
} else {
  // --check: open a sample headless, assert dimmed noise lines in the DOM, screenshot
  const shot = resolve(root, option('--screenshot', 'out/demo-check.png'));
  let ok = false;
  const results = [];
  const watchdog = setTimeout(async () => { console.error('demo check: timed out after 150 s'); await cleanup(); process.exit(124); }, 150000);
  try {
    browser = await launchChromium(scratch, { width: 1280, height: 860 });
    const { page } = browser;
    await page.goto(url);
    const file = 'harbour-bridge-vote.news.txt';
    await waitForWorkbench(page, file);
    await openWithQuickOpen(page, file, 'Kessington');
    let lines = [];
    const until = Date.now() + 30000;
    while (Date.now() < until) {
      lines = await decoratedLines(page);
      if (lines.some((l) => l.dimmed)) break;
      await page.waitForTimeout(250);
    }
    const dimmed = lines.filter((l) => l.dimmed).map((l) => l.text.trim());
    await page.mouse.move(200, 450);
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    ok = dimmed.length > 0;
    results.push(ok);
    console.log(ok
      ? `demo check: ${file} opened, ${dimmed.length} rendered lines dimmed (e.g. ${JSON.stringify(dimmed.slice(0, 3))}); screenshot ${shot.slice(root.length + 1)}`
      : `demo check FAILED: ${file} opened but no line is rendered dimmed; screenshot ${shot.slice(root.length + 1)}`);
    // the plain .txt sample must be detected as a dump (scrapedNews.detection = auto)
    const plain = 'coastal-rail-strike.txt';
    await openWithQuickOpen(page, plain, 'Coastway Rail');
    const mode = await page
      .waitForFunction(() => (document.querySelector('#status\\.editor\\.mode')?.textContent?.trim() === 'Scraped News') || null, null, { timeout: 20000 })
      .then(() => 'Scraped News')
      .catch(() => page.$eval('#status\\.editor\\.mode', (e) => e.textContent.trim()).catch(() => '?'));
    const detected = mode === 'Scraped News';
    console.log(detected
      ? `demo check: ${plain} (plain .txt) was detected and switched to Scraped News`
      : `demo check FAILED: ${plain} stayed in language "${mode}" (detection)`);
    results.push(detected);
  } catch (e) {
    console.error(`demo check FAILED: ${e && e.message ? e.message.split('\n')[0] : e}`);
    results.push(false);
  }
  clearTimeout(watchdog);
  await cleanup();
  const pass = results.filter(Boolean).length;
  const fail = results.length - pass;
  console.log(`${pass} passed, ${fail} failed`);
  process.exit(fail === 0 && pass > 0 ? 0 : 1);
}
