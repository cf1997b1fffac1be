// Shared helpers: start code-server (from test-host/) and Debian's chromium (through playwright-core),
// offline. Used by run-code-server-tests.mjs, ui-check.mjs and demo.mjs.
// Recipe and pitfalls: see the offline VS Code tests document (code-server 4.100.3, playwright-core 1.65.1).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const testHostDir = join(root, 'test-host');
export const codeServerEntry = join(testHostDir, 'node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const APT_HINT = 'apt-get install -y chromium ripgrep libkrb5-dev';
export const HOST_HINT = 'sh scripts/install-test-host.sh';

/** What is missing to run the test host, as one-line messages (empty when all is there). */
export function missingPrerequisites({ needHost = true } = {}) {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push(`chromium not found at ${chromiumPath}: run \`${APT_HINT}\` (as root)`);
  if (needHost && !existsSync(codeServerEntry)) {
    missing.push(`test host (code-server) not installed: run \`${HOST_HINT}\` (needs \`${APT_HINT}\` first)`);
  }
  return missing;
}

/** Debian packages missing for installing the test host (ripgrep, libkrb5-dev) and, if asked, for chromium. */
export function missingInstallPackages({ needChromium = true } = {}) {
  const missing = [];
  if (needChromium && !existsSync(chromiumPath)) missing.push('chromium');
  const path = (process.env.PATH || '/usr/bin').split(':');
  if (!path.some((d) => d && existsSync(join(d, 'rg')))) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  return missing;
}

/** Runs scripts/install-test-host.sh when test-host/node_modules has no code-server. Resolves true when installed. */
export async function ensureTestHost({ log = console.log, needChromium = true } = {}) {
  if (existsSync(codeServerEntry)) return true;
  const pkgs = missingInstallPackages({ needChromium });
  if (pkgs.length) {
    console.error(`cannot install the test host: missing Debian packages (${pkgs.join(', ')}): run \`${APT_HINT}\` (as root)`);
    return false;
  }
  log('test host (code-server 4.100.3) missing: installing it with scripts/install-test-host.sh (about 1 min)…');
  const code = await new Promise((res) => {
    const p = spawn('sh', [join(root, 'scripts/install-test-host.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('exit', (c) => res(c ?? 1));
    p.on('error', () => res(1));
  });
  if (code !== 0 || !existsSync(codeServerEntry)) {
    console.error(`test host install failed (exit ${code}): see the output above; retry with \`${HOST_HINT}\``);
    return false;
  }
  return true;
}

/** A fresh, short scratch folder under /tmp (unix sockets are created inside it). */
export function makeScratch(prefix = 'sn-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'user-data/User', 'extensions', 'workspace', 'browser-profile']) {
    mkdirSync(join(dir, d), { recursive: true });
  }
  return dir;
}

export function removeScratch(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  } catch {
    /* best effort */
  }
}

/**
 * A once-only teardown for a run: closes the browser, stops code-server and removes the scratch folder (or says where
 * it was kept). `resources()` is read at teardown time, so the caller can start them after creating the teardown.
 */
export function makeCleanup(scratch, resources, { keep = false } = {}) {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    const { server, browser } = resources();
    if (browser) await browser.close();
    if (server) await server.stop();
    if (keep) console.log(`scratch kept: ${scratch}`);
    else removeScratch(scratch);
  };
}

/** Copies a folder's contents into the scratch workspace; returns the workspace path. */
export function fillWorkspace(scratch, fromDir) {
  const ws = join(scratch, 'workspace');
  if (fromDir) cpSync(fromDir, ws, { recursive: true });
  return ws;
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/** code-server processes started by this process and not yet exited (stopped on SIGINT/SIGTERM even mid-start). */
const live = new Set();
// Last resort: if this process exits for any reason (even an uncaught exception) with a code-server still
// running, kill its whole process group so nothing is left behind.
process.on('exit', () => {
  for (const s of live) {
    try { process.kill(-s.proc.pid, 'SIGKILL'); } catch { /* gone */ }
  }
});
export async function stopAllServers() {
  await Promise.all([...live].map((s) => s.stop()));
}

/**
 * Starts code-server for `scratch`. Resolves { url, port, host, proc, log(), stop() } once it listens.
 * `port` 0 lets the OS pick a free port. Rejects if it exits early or does not listen in `startTimeout` ms.
 */
export function startCodeServer(scratch, { port = 0, settings = {}, startTimeout = 60000 } = {}) {
  writeFileSync(join(scratch, 'user-data/User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  writeFileSync(join(scratch, 'xdg-config/config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--config', join(scratch, 'xdg-config/config.yaml'),
    '--user-data-dir', join(scratch, 'user-data'), '--extensions-dir', join(scratch, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
  ];
  const proc = spawn(process.execPath, args, {
    cwd: scratch,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
      XDG_DATA_HOME: join(scratch, 'xdg-data'),
      XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
      TMPDIR: join(scratch, 'tmp'),
      XDG_RUNTIME_DIR: join(scratch, 'tmp'),
      EXTENSIONS_GALLERY: '{}',
    },
  });
  let out = '';
  const onData = (b) => {
    out += b.toString();
    if (out.length > 400_000) out = out.slice(-200_000);
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  let exited = false;
  const exitPromise = new Promise((res) => proc.on('exit', (code, sig) => { exited = true; live.delete(server); res({ code, sig }); }));

  const server = {
    proc,
    url: '',
    port: 0,
    host: '',
    get exited() { return exited; },
    exitPromise,
    log: () => out,
    tail: (n = 40) => out.trimEnd().split('\n').slice(-n).join('\n'),
    async stop() {
      if (exited) return;
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* gone */ }
      const t = setTimeout(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 6000))]);
      clearTimeout(t);
      // the group may outlive the leader (extension host, pty host): make sure it is gone
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
  live.add(server);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      cleanupListeners();
      server.stop().finally(() => reject(Object.assign(new Error(`code-server did not listen within ${startTimeout / 1000} s`), { server })));
    }, startTimeout);
    const check = () => {
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\/?/.exec(out);
      if (m) {
        cleanupListeners();
        server.url = m[1];
        server.port = Number(m[2]);
        server.host = `127.0.0.1:${m[2]}`;
        resolvePromise(server);
      }
    };
    const early = ({ code, sig }) => {
      cleanupListeners();
      reject(Object.assign(new Error(`code-server exited early (code ${code}, signal ${sig})`), { server }));
    };
    function cleanupListeners() {
      clearTimeout(timer);
      proc.stdout.off('data', check);
      proc.stderr.off('data', check);
    }
    proc.stdout.on('data', check);
    proc.stderr.on('data', check);
    exitPromise.then((r) => { if (!server.url) early(r); });
    proc.on('error', (e) => { cleanupListeners(); reject(Object.assign(e, { server })); });
  });
}

/** `vscode-remote://127.0.0.1:<port>/abs/path` — the only form the web workbench accepts for payload paths. */
export function remoteUri(server, absPath) {
  return `vscode-remote://${server.host}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The workbench URL for a folder, with an optional payload ([[key, value], ...]). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Launches Debian's chromium headless with a fresh profile in the scratch folder. Returns { context, page, close() }. */
export async function launchChromium(scratch, { width = 1280, height = 800 } = {}) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(scratch, 'browser-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg-config'), XDG_CACHE_HOME: join(scratch, 'xdg-cache') },
    viewport: { width, height },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
    },
  };
}

let signalled = false;
/** True once SIGINT/SIGTERM/SIGHUP was received (shutdown in progress). */
export const shuttingDown = () => signalled;

/**
 * On SIGINT/SIGTERM/SIGHUP: stops every code-server this process started (even one still starting), then
 * calls `cleanup` once and exits with 130/143.
 * Returns an `uninstall` function.
 */
export function onSignals(cleanup) {
  let done = false;
  const handler = (sig) => {
    if (done) return;
    done = true;
    signalled = true;
    Promise.resolve()
      .then(() => stopAllServers())
      .then(() => cleanup(sig))
      .catch(() => {})
      .finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    process.off('SIGHUP', handler);
  };
}

// ---- workbench helpers (playwright page) -----------------------------------------------------------------

const norm = (s) => s.replace(/\u00a0/g, ' ');

/** Waits for the workbench and for `fileName` to show in the Explorer. */
export async function waitForWorkbench(page, fileName, timeout = 90000) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  if (fileName) {
    await page.waitForSelector(`.explorer-folders-view .monaco-list-row:has-text("${fileName}")`, { timeout });
  }
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits until the editor shows `expectText`. */
export async function openWithQuickOpen(page, fileName, expectText, timeout = 60000) {
  await page.click('.monaco-workbench .part.editor', { timeout });
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout });
  await page.keyboard.type(fileName, { delay: 10 });
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${fileName}")`, { timeout });
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('.monaco-editor .view-lines')].some((e) => e.textContent.replace(/\u00a0/g, ' ').includes(t)),
    expectText,
    { timeout },
  );
}

/** Runs a command from the command palette (F1) by its full title, e.g. "Scraped News: Clean Article". */
export async function runFromPalette(page, title, timeout = 30000) {
  await page.click('.monaco-editor .view-lines', { timeout });
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout });
  await page.keyboard.type(title, { delay: 10 });
  // pick the row whose label is exactly the title (not e.g. "Preview Clean Article")
  const handle = await page.waitForFunction(
    (t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
      .find((r) => (r.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim() === t) ?? null,
    title,
    { timeout },
  );
  await handle.asElement().click();
}

/** The text of every rendered editor line (non-breaking spaces normalised). */
export async function renderedLines(page) {
  return page.$$eval('.monaco-editor .view-lines .view-line', (els) =>
    els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top).map((l) => l.text));
}

/**
 * For each rendered line: its text, the number of decoration elements (class starting `ced-`, as created by
 * createTextEditorDecorationType) and whether one of them renders the text dimmed (opacity < 1 or a
 * translucent text colour).
 */
export async function decoratedLines(page) {
  return page.$$eval('.monaco-editor .view-lines .view-line', (els) =>
    els.map((line) => {
      const ced = [...line.querySelectorAll('*')].filter((e) => [...e.classList].some((c) => c.startsWith('ced-')));
      const alpha = (color) => {
        const m = /rgba?\(([^)]+)\)/.exec(color);
        if (!m) return 1;
        const parts = m[1].split(/[ ,/]+/).filter(Boolean);
        return parts.length >= 4 ? parseFloat(parts[3]) : 1;
      };
      const dimmed = ced.some((e) => {
        const cs = getComputedStyle(e);
        return parseFloat(cs.opacity) < 1 || alpha(cs.color) < 1;
      });
      return {
        top: parseFloat(line.style.top) || 0,
        text: line.textContent.replace(/\u00a0/g, ' '),
        decorations: ced.length,
        dimmed,
        classes: [...new Set(ced.flatMap((e) => [...e.classList].filter((c) => c.startsWith('ced-'))))],
      };
    }).sort((a, b) => a.top - b.top));
}
export { norm as normaliseSpaces };
