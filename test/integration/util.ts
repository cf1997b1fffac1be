// Helpers shared by the integration suites that talk to the extension through the vscode API.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'scraped-news.scraped-news';
export const LANG = 'scraped-news';

// A small realistic dump with clear attributions (written by us for the tests).
export const BRIDGE_DUMP = [
  'Mayor Promises New River Bridge Before Winter Storms Arrive',
  '',
  'Home',
  'News',
  'Share on Facebook',
  '',
  'Mayor Jane Holloway said on Monday that the city would open the new river bridge before the first winter storms, ending months of delays for commuters.',
  '',
  '“We will open the bridge in November, whatever it takes, and the crews know it,” Holloway said at a news conference in Riverton on Monday afternoon.',
  '',
  'The chair of the council finance committee, Peter Marsh, was less certain about the date and the final cost of the project for the city.',
  '',
  '“The budget has no room for overtime, and the contractor knows that very well,” Marsh told reporters after the meeting in the council chamber.',
  '',
  'Holloway added that the contractor had already hired extra crews for the night shifts and that the steel deliveries were on schedule again.',
  '',
  '“We are not going to let the residents of the east side wait another winter for a safe crossing,” Holloway said.',
  '',
  'Leave a Reply',
  'Log In',
  'Privacy Policy',
  '',
].join('\n');

export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders;
  assert.ok(f && f.length > 0, 'a workspace folder is open');
  return f[0].uri;
}

/** Polls `f` every 50 ms until it returns a truthy value (which it returns), failing after `ms`. */
export async function until<T>(what: string, f: () => T | undefined | false, ms = 30000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() - t0 > ms) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'extension loaded');
  await ext.activate();
}

export async function openDump(uri: vscode.Uri): Promise<vscode.TextEditor> {
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== LANG) doc = await vscode.languages.setTextDocumentLanguage(doc, LANG);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}
