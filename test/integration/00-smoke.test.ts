// Smoke test: the extension under development is loaded into this extension host, activates, and registers
// every command it contributes. Runs first (file-name order) so infrastructure problems show up at once.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'scraped-news.scraped-news';

suite('smoke: extension host', () => {
  test('runs inside a real VS Code extension host with the fixtures workspace open', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'the runner opens exactly one workspace folder');
    assert.strictEqual(folders[0].uri.scheme, 'file');
  });

  test('the workspace folder holds the test fixtures', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const entries = await vscode.workspace.fs.readDirectory(root);
    const names = entries.map(([name]) => name);
    assert.ok(names.includes('sputnik-antonov.txt'), `fixtures missing from the workspace: ${names.join(', ')}`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'sputnik-antonov.txt'));
    assert.ok(doc.getText().includes('Anatoly Antonov'));
  });

  test('the extension is installed from the development path and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded (check engines.vscode against the host's ${vscode.version})`);
    assert.strictEqual(ext.packageJSON.name, 'scraped-news');
    const api = await ext.activate();
    assert.ok(ext.isActive, 'extension did not become active');
    assert.ok(api !== undefined && api !== null && typeof api === 'object', 'activate() must return the test API object');
  });

  test('every contributed command is registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const contributed: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.includes('scrapedNews.cleanArticle'), 'package.json must contribute scrapedNews.cleanArticle');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
