#!/usr/bin/env node
// UI check: opens code-server with the extension loaded (dist/extension.js) and the auto-blog fixture
// (test/fixtures/sputnik-antonov.txt, copied as sputnik-antonov.news.txt) in headless chromium, and asserts in
// the DOM what a user sees: the file is in the Scraped News language, boilerplate lines are rendered dimmed by
// the extension's decorations (elements with a `ced-` class, opacity < 1), article lines are not dimmed;
// saves docs/screenshot.png (before cleaning); then runs "Scraped News: Clean Article" from the command
// palette and asserts the noise lines are gone and the article stays.
// Prints one line per check and `N passed, N failed` last. Exit 0 only when every check passed.
//
// Usage: node scripts/ui-check.mjs [--screenshot PATH] [--after PATH] [--timeout SECONDS] [--keep]
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  root, missingPrerequisites, makeScratch, makeCleanup, startCodeServer, remoteUri, workbenchUrl, launchChromium,
  onSignals, waitForWorkbench, openWithQuickOpen, runFromPalette, decoratedLines, renderedLines,
} from './code-server-host.mjs';

const argv = process.argv.slice(2);
const option = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const screenshotPath = resolve(root, option('--screenshot', 'docs/screenshot.png'));
const afterPath = option('--after') ? resolve(option('--after')) : null;
const timeoutMs = Number(option('--timeout', process.env.UI_TIMEOUT || 180)) * 1000;
const keep = argv.includes('--keep');

const FIXTURE = join(root, 'test/fixtures/sputnik-antonov.txt');
const FILE = 'sputnik-antonov.news.txt';
// Lines the foundation issue names as boilerplate in this dump, and article text that must survive.
const NOISE = ['[ad_1]', 'Get short URL', 'Source link', 'Leave a Reply', 'Forgot password?', 'Privacy Policy'];
// (with word wrap a paragraph spans several rendered lines, so article text is looked for in the joined text)
const ARTICLE = 'Anatoly Antonov will fly to Moscow';

const started = Date.now();
let passed = 0;
let failed = 0;
const check = (ok, name, detail = '') => {
  if (ok) passed++;
  else failed++;
  const t = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`  ${ok ? '✔' : '✘'} ui-check: ${name} (${t} s)${!ok && detail ? `\n      ${detail}` : ''}`);
  return ok;
};
const done = (code) => {
  console.log(`ui check: ${passed} passing, ${failed} failing`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
};

const missing = missingPrerequisites();
if (missing.length) {
  for (const m of missing) console.log(m);
  failed = 1;
  done(3);
}
if (!existsSync(join(root, 'dist/extension.js'))) {
  console.log('extension not built (dist/extension.js missing): run `npm run build`');
  failed = 1;
  done(2);
}

const scratch = makeScratch('sn-u-');
const workspace = join(scratch, 'workspace');
copyFileSync(FIXTURE, join(workspace, FILE));
let server;
let browser;
const cleanup = makeCleanup(scratch, () => ({ server, browser }), { keep });
onSignals(cleanup);
const watchdog = setTimeout(async () => {
  check(false, `finished within ${timeoutMs / 1000} s`, 'watchdog fired');
  if (browser) {
    try { await browser.page.screenshot({ path: join(root, 'out/ui-check-timeout.png'), timeout: 5000 }); console.log('  (screenshot of the hung workbench: out/ui-check-timeout.png)'); } catch { /* ignore */ }
  }
  await cleanup();
  done(124);
}, timeoutMs);

let stage = 'start';
try {
  console.log('UI check (code-server + chromium, extension loaded from this folder)');
  stage = 'start code-server';
  server = await startCodeServer(scratch, {
    settings: { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false, 'editor.occurrencesHighlight': 'off' },
  });
  stage = 'launch chromium';
  browser = await launchChromium(scratch, { width: 1280, height: 860 });
  const { page } = browser;
  const url = workbenchUrl(server, workspace, [['extensionDevelopmentPath', remoteUri(server, root)]]);
  stage = 'open the workbench';
  await page.goto(url);
  await waitForWorkbench(page, FILE);
  stage = `open ${FILE}`;
  await openWithQuickOpen(page, FILE, 'Anatoly Antonov');
  check(true, `workbench loads and opens ${FILE}`);

  stage = 'language mode';
  const mode = await page
    .waitForFunction(() => document.querySelector('#status\\.editor\\.mode')?.textContent?.trim() || null, null, { timeout: 30000 })
    .then((h) => h.jsonValue())
    .catch(() => null);
  check(mode === 'Scraped News', 'the dump opens in the "Scraped News" language', `status bar language: ${mode}`);

  stage = 'decorations';
  // wait until the extension has decorated the visible noise lines
  let lines = [];
  const until = Date.now() + 30000;
  while (Date.now() < until) {
    lines = await decoratedLines(page);
    if (lines.some((l) => l.dimmed && NOISE.some((n) => l.text.trim() === n))) break;
    await page.waitForTimeout(250);
  }
  const noiseLines = lines.filter((l) => NOISE.some((n) => l.text.trim() === n));
  const dimmedNoise = noiseLines.filter((l) => l.dimmed);
  check(
    noiseLines.length > 0 && dimmedNoise.length === noiseLines.length,
    `boilerplate lines render dimmed (${dimmedNoise.length}/${noiseLines.length} visible noise lines: ${dimmedNoise.map((l) => JSON.stringify(l.text.trim())).join(', ')})`,
    `visible noise lines: ${JSON.stringify(noiseLines.map((l) => ({ text: l.text.trim(), decorations: l.decorations, classes: l.classes })))}`,
  );
  const articleLines = lines.filter((l) => l.text.includes('Anatoly Antonov') || l.text.includes('Dmitry Peskov'));
  check(
    articleLines.length > 0 && articleLines.every((l) => !l.dimmed),
    `article lines are not dimmed (${articleLines.length} checked)`,
    JSON.stringify(articleLines.map((l) => ({ text: l.text.slice(0, 60), dimmed: l.dimmed, classes: l.classes }))),
  );
  const decoratedArticle = articleLines.some((l) => l.decorations > 0);
  check(decoratedArticle, 'article lines carry highlight decorations (quotes/entities)',
    JSON.stringify(articleLines.map((l) => ({ text: l.text.slice(0, 60), decorations: l.decorations }))));

  stage = 'screenshot';
  await page.mouse.move(200, 450); // empty Explorer area: no hover widget or tooltip in the picture
  await page.waitForTimeout(300);
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath });
  check(existsSync(screenshotPath), `screenshot saved: ${screenshotPath.startsWith(root) ? screenshotPath.slice(root.length + 1) : screenshotPath}`);

  stage = 'footer decorations';
  // the end of the dump (comment and login widgets): scroll there with Ctrl+End and check it is dimmed too
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+End');
  let bottom = [];
  const until2 = Date.now() + 15000;
  while (Date.now() < until2) {
    bottom = await decoratedLines(page);
    if (bottom.some((l) => l.text.trim() === 'Source link' && l.dimmed)) break;
    await page.waitForTimeout(250);
  }
  const footer = bottom.filter((l) => NOISE.some((n) => l.text.trim() === n));
  check(
    footer.length > 0 && footer.every((l) => l.dimmed),
    `footer noise lines render dimmed after scrolling to the end (${footer.filter((l) => l.dimmed).length}/${footer.length}: ${footer.map((l) => JSON.stringify(l.text.trim())).join(', ')})`,
    JSON.stringify(footer.map((l) => ({ text: l.text.trim(), dimmed: l.dimmed, classes: l.classes }))),
  );
  await page.keyboard.press('Control+Home');

  stage = 'Clean Article';
  await runFromPalette(page, 'Scraped News: Clean Article');
  const cleanedOk = await page
    .waitForFunction(
      ({ noise, article }) => {
        const text = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')]
          .map((e) => e.textContent.replace(/\u00a0/g, ' ').trim());
        return text.join(' ').replace(/\s+/g, ' ').includes(article) && !text.some((t) => noise.includes(t));
      },
      { noise: NOISE, article: ARTICLE },
      { timeout: 30000 },
    )
    .then(() => true)
    .catch(() => false);
  const after = await renderedLines(page);
  check(
    cleanedOk,
    '"Scraped News: Clean Article" from the command palette removes the noise lines and keeps the article',
    `rendered lines now: ${JSON.stringify(after.map((t) => t.trim()).filter(Boolean).map((t) => t.slice(0, 50)))}`,
  );
  if (afterPath) await page.screenshot({ path: afterPath });
} catch (e) {
  check(false, `UI check stage "${stage}"`, String(e && e.message ? e.message.split('\n')[0] : e));
  if (browser) {
    try { mkdirSync(join(root, 'out'), { recursive: true }); await browser.page.screenshot({ path: join(root, 'out/ui-check-failure.png'), timeout: 5000 }); console.log('  (screenshot of the failure: out/ui-check-failure.png)'); } catch { /* ignore */ }
  }
  if (server) console.log(`--- code-server log (tail) ---\n${server.tail(20)}\n---`);
}
clearTimeout(watchdog);
await cleanup();
console.log(`ui check took ${((Date.now() - started) / 1000).toFixed(1)} s`);
done(failed === 0 && passed > 0 ? 0 : 1);
