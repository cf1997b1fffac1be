// Analyses that fail, in a real extension host: an analysis that throws (a bug in the core), and a worker that runs
// out of memory. This file runs last (files run in name order): the out-of-memory test leaves the worker with a heap
// grown by its 400,000-line document, which made the perf suite's first request wait for seconds when it ran first.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ServiceRequest } from '../../src/extension/analysisProtocol';
import { BRIDGE_DUMP, EXTENSION_ID, openDump, until, writeWorkspaceFile } from './util';

interface FailureApi {
  statusBar(): { text: string; visible: boolean };
  analysis(uri: vscode.Uri): { lines: { label: string }[] } | undefined;
  cacheStats(): { backend: string; workerRestarts: number; failedDocuments: number; analyses: number };
  cache: { failure(doc: vscode.TextDocument): string | undefined; failureMessages: readonly string[]; peek(doc: vscode.TextDocument): unknown; optionsFor(doc: vscode.TextDocument): object };
}

async function failureApi(): Promise<FailureApi> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return (await ext.activate()) as FailureApi;
}

suite('a document whose analysis throws (a bug in the core)', function () {
  this.timeout(60000);

  /**
   * Fault injection: the next `n` analyze requests for `uri` that go to the worker carry options the core throws on
   * (`keepLines` that is not a list), so the real core in the real worker throws and the service answers `error`.
   * Every request for `uri` is recorded. The cache's backend is private: reached here for the test only.
   */
  function poison(api: FailureApi, uri: vscode.Uri, doc: () => vscode.TextDocument | undefined) {
    const backend = (api.cache as unknown as { backend: { kind: string; post(req: ServiceRequest): void } }).backend;
    assert.strictEqual(backend.kind, 'worker');
    const post = backend.post;
    const sent: { full: boolean; changes: boolean; poisoned: boolean }[] = [];
    const state = { left: 0 };
    backend.post = function (req: ServiceRequest) {
      if (req.type === 'analyze' && req.id === uri.toString()) {
        const full = req.text !== undefined || req.textParts !== undefined;
        const poisoned = state.left > 0;
        sent.push({ full, changes: !!req.changes?.length, poisoned });
        if (poisoned) {
          state.left--;
          const options = req.options ?? api.cache.optionsFor(doc() ?? assert.fail('the document of an incremental request'));
          req = { ...req, options: { ...options, keepLines: { length: 1 } as unknown as string[] } };
        }
      }
      post.call(this, req);
    };
    return { sent, state, restore: () => void (backend.post = post) };
  }

  test('an edit whose incremental analysis throws is analysed again from the full text', async () => {
    const api = await failureApi();
    const uri = await writeWorkspaceFile('throws-once.news.txt', BRIDGE_DUMP);
    const messages = api.cache.failureMessages.length;
    const editor = await openDump(uri);
    const doc = editor.document;
    const p = poison(api, uri, () => doc);
    try {
      await until('the document analysed', () => api.cache.peek(doc));
      p.state.left = 1;
      const n = p.sent.length;
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), 'One more sentence of the article, written after the dump was saved.\n'));
      await until('the edited version analysed', () => api.cache.peek(doc), 15000);
      const after = p.sent.slice(n);
      assert.ok(after.length >= 2, `two requests after the edit: ${JSON.stringify(after)}`);
      assert.deepStrictEqual(after[0], { full: false, changes: true, poisoned: true }, 'the edit went as changes (and threw)');
      // then the full text (an options-only request may come between, e.g. when the folder's templates change: the
      // service, which dropped the document's state, answers it with a resync)
      assert.ok(after.slice(1).some((x) => x.full && !x.poisoned), `then the full text: ${JSON.stringify(after)}`);
      assert.strictEqual(api.cache.failure(doc), undefined);
      assert.strictEqual(api.cache.failureMessages.length, messages, 'no message');
      assert.strictEqual(api.cacheStats().backend, 'worker');
    } finally {
      p.restore();
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('an analysis that throws again from the full text: not analysed, said so, never run on the host; analysed when reopened or when its options change', async () => {
    const api = await failureApi();
    const config = vscode.workspace.getConfiguration('scrapedNews');
    const uri = await writeWorkspaceFile('throws-twice.news.txt', BRIDGE_DUMP);
    const restarts = api.cacheStats().workerRestarts;
    let doc: vscode.TextDocument | undefined;
    const p = poison(api, uri, () => doc);
    p.state.left = 1000; // every request throws until the document is marked (an options-only request may come between)
    try {
      const editor = await openDump(uri);
      doc = editor.document;
      const why = await until('the document marked as not analysed', () => api.cache.failure(doc!), 15000);
      assert.match(why, /^its analysis failed \(.*keepLines.*\), which is a bug in Scraped News: please report it/);
      p.state.left = 0;
      assert.ok(p.sent.length >= 2 && p.sent[0].full && p.sent[p.sent.length - 1].full, `the last request was the full text: ${JSON.stringify(p.sent)}`);
      const msg = api.cache.failureMessages.find((m) => m.includes('throws-twice.news.txt'));
      assert.ok(msg, `a message names the file: ${api.cache.failureMessages.join(' | ')}`);
      assert.match(msg, /is not analysed: its analysis failed .* Reopen the file to try again\.$/);
      await until('the status bar says so', () => api.statusBar().text.includes('not analysed') && api.statusBar().visible);
      // nothing ran on the host in its place, and the worker did not restart
      const clean = (await vscode.commands.executeCommand('scrapedNews.cleanArticle')) as { applied: boolean; reason?: string };
      assert.deepStrictEqual([clean.applied, clean.reason], [false, 'not-analysed']);
      assert.strictEqual(doc.getText(), BRIDGE_DUMP, 'nothing was removed');
      assert.strictEqual(api.cache.peek(doc), undefined);
      assert.strictEqual(api.cacheStats().backend, 'worker');
      assert.strictEqual(api.cacheStats().workerRestarts, restarts);
      // an edit sends nothing
      const n = p.sent.length;
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
      await new Promise((r) => setTimeout(r, 1000));
      assert.strictEqual(p.sent.length, n, 'no request after the edit');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      // reopened (the fault gone): analysed. VS Code keeps a document an extension opened for minutes after its
      // editor closes; a change of language closes and reopens it at once (onDidClose/OpenTextDocument).
      await until('the edit reverted', () => !doc!.isDirty && doc!.getText() === BRIDGE_DUMP);
      const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
      const again = await vscode.languages.setTextDocumentLanguage(plain, 'scraped-news');
      await until('the reopened document analysed', () => api.cache.peek(again), 15000);
      assert.strictEqual(api.cache.failure(again), undefined);
      // failed again (after an edit); a change of its options (a setting) tries again, and it is analysed
      doc = again;
      p.state.left = 1000;
      const ed2 = await vscode.window.showTextDocument(again);
      await ed2.edit((b) => b.insert(new vscode.Position(0, 0), 'Breaking: '));
      await until('failed again after the edit', () => api.cache.failure(again), 15000);
      p.state.left = 0;
      await config.update('boilerplatePatterns', ['^Zzz never matches$'], vscode.ConfigurationTarget.Workspace);
      await until('analysed after the setting changed', () => api.cache.failure(again) === undefined && api.cache.peek(again), 15000);
      await until('the status bar no longer says not analysed', () => !api.statusBar().text.includes('not analysed'));
      await vscode.commands.executeCommand('undo');
    } finally {
      p.restore();
      await config.update('boilerplatePatterns', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});

suite('a document whose analysis runs out of the analysis worker\'s memory', function () {
  this.timeout(120000);

  // The flake of the twenty-first session: documents left open by earlier suites ran out of a lowered limit one after
  // the other; every stop counted toward the worker's restarts, and after three all analysis went to the host thread,
  // where a big document blocks every extension. A stop that takes its document out of the rotation cannot loop, so it
  // must not use up a restart.
  test('more documents out of memory than the worker may restart: each one not analysed, the worker stays; documents queued behind them are analysed', async () => {
    const api = await failureApi();
    const config = vscode.workspace.getConfiguration('scrapedNews');
    const bigText = (i: number) => `${i}2345 67\n`.repeat(400_000);
    const bigs: vscode.Uri[] = [];
    for (let i = 1; i <= 4; i++) bigs.push(await writeWorkspaceFile(`memory-many-${i}.news.txt`, bigText(i)));
    const small = await writeWorkspaceFile('memory-many-small.news.txt', BRIDGE_DUMP);
    const docs: vscode.TextDocument[] = [];
    try {
      // the limit first (a document analysed before it keeps its analysis), then the documents, one after the other
      const restarts = api.cacheStats().workerRestarts;
      await config.update('analysisMemoryLimitMB', 48, vscode.ConfigurationTarget.Global);
      await until('the worker restarted with the limit', () => api.cacheStats().workerRestarts > restarts);
      for (const uri of bigs) docs.push((await openDump(uri)).document);
      // the small one last: queued behind big ones in the worker
      const smallDoc = (await openDump(small)).document;
      await until('each big document marked as not analysed', () => docs.every((d) => api.cache.failure(d) !== undefined), 90000);
      for (const d of docs) assert.match(api.cache.failure(d)!, /more memory than the analysis worker may use/);
      assert.strictEqual(api.cacheStats().backend, 'worker', 'the analysis stayed off the extension host thread');
      await until('the small document analysed', () => api.cache.peek(smallDoc), 30000);
      assert.strictEqual(api.cache.failure(smallDoc), undefined);
      assert.strictEqual(api.cacheStats().backend, 'worker');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // out of the cache now (VS Code keeps the documents open for minutes): another language closes them for it
      for (const d of docs) if (!d.isClosed) await vscode.languages.setTextDocumentLanguage(d, 'log');
      await config.update('analysisMemoryLimitMB', undefined, vscode.ConfigurationTarget.Global);
      for (const uri of [...bigs, small]) await vscode.workspace.fs.delete(uri);
    }
  });

  test('not analysed, said politely (message, status bar, Clean refused); never run on the host; other documents go on; a higher limit analyses it', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const api = (await ext.activate()) as FailureApi;
    const config = vscode.workspace.getConfiguration('scrapedNews');
    const small = await writeWorkspaceFile('memory-small.news.txt', BRIDGE_DUMP);
    // 400,000 short lines (2.4 MB): its analysis needs a few hundred MB of heap, the worker gets 48
    const bigText = '12345 67\n'.repeat(400_000);
    const big = await writeWorkspaceFile('memory-big.news.txt', bigText);
    const before = api.cacheStats();
    // Documents the earlier suites opened may still be open (VS Code keeps documents an extension opened for a few
    // minutes after their editors close); the restarted worker analyses them again, and the big ones among them may
    // run out of the same 48 MB. That is right; this test only allows it for documents that were open before it.
    const openBefore = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    try {
      await config.update('analysisMemoryLimitMB', 48, vscode.ConfigurationTarget.Global);
      await until('the worker restarted with the limit', () => api.cacheStats().workerRestarts > before.workerRestarts);
      const editor = await openDump(big);
      const doc = editor.document;
      const why = await until('the big document marked as not analysed', () => api.cache.failure(doc));
      assert.match(why, /more memory than the analysis worker may use \(scrapedNews\.analysisMemoryLimitMB: 48 MB\)/);
      const msg = api.cache.failureMessages.find((m) => m.includes('memory-big.news.txt'));
      assert.ok(msg, `a message names the file: ${api.cache.failureMessages.join(' | ')}`);
      assert.match(msg, /is not analysed: .*Reopen the file to try again, or raise the limit\./);
      // the extension host never analysed it in its place: a worker is still the backend, and no analysis exists
      const stats = api.cacheStats();
      assert.strictEqual(stats.backend, 'worker');
      const failed = vscode.workspace.textDocuments.filter((d) => api.cache.failure(d) !== undefined).map((d) => d.uri.toString());
      assert.strictEqual(stats.failedDocuments, failed.length, `failed: ${failed.join(', ')}`);
      const others = failed.filter((u) => u !== big.toString());
      assert.ok(others.every((u) => openBefore.has(u)), `only documents open before the test may fail besides it: ${others.join(', ')}`);
      assert.strictEqual(api.analysis(big), undefined);
      await until('the status bar says so', () => api.statusBar().text.includes('not analysed') && api.statusBar().visible);
      const clean = (await vscode.commands.executeCommand('scrapedNews.cleanArticle')) as { applied: boolean; reason?: string };
      assert.deepStrictEqual([clean.applied, clean.reason], [false, 'not-analysed']);
      assert.strictEqual(doc.getText(), bigText, 'nothing was removed');
      // an edit does not send it to the worker again
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
      await new Promise((r) => setTimeout(r, 1500));
      assert.strictEqual(api.cacheStats().workerRestarts, stats.workerRestarts, 'the worker did not stop again');
      await vscode.commands.executeCommand('undo');
      await until('the edit undone', () => !doc.isDirty && doc.getText() === bigText);
      // another document is analysed by the new worker
      const smallEditor = await openDump(small);
      await until('the small document analysed', () => api.analysis(small)?.lines.some((l) => l.label === 'boilerplate'));
      assert.strictEqual(api.cache.failure(smallEditor.document), undefined);
      // back to Node's default limit: the worker restarts and the big document is analysed after all
      await config.update('analysisMemoryLimitMB', undefined, vscode.ConfigurationTarget.Global);
      await until('the big document analysed with the default limit', () => api.cache.failure(doc) === undefined && api.cache.peek(doc), 90000);
      assert.strictEqual(api.cacheStats().failedDocuments, 0);
      // the same value again restarts nothing
      const restarts = api.cacheStats().workerRestarts;
      await config.update('analysisMemoryLimitMB', 0, vscode.ConfigurationTarget.Global);
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(api.cacheStats().workerRestarts, restarts, 'no restart for an unchanged limit');
    } finally {
      // the documents closed first: a restart after that has nothing to analyse again
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await config.update('analysisMemoryLimitMB', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(big);
      await vscode.workspace.fs.delete(small);
    }
  });
});
