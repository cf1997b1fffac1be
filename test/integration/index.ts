// Extension-host test entry. VS Code require()s this file (as extensionTestsPath) inside the extension host
// and calls run(); resolve = exit code 0, reject = 1.
// Mocha UI: 'tdd' — write tests with suite()/test()/suiteSetup()/setup()/teardown().
// Test files: test/integration/*.test.ts, run in file-name order. TEST_GREP (environment) filters by title.
// The workspace folder (vscode.workspace.workspaceFolders[0]) is a scratch copy of test/fixtures/.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

// The web workbench forwards extension-host console calls with printf arguments unformatted, and console.*
// cannot be reassigned in the extension host. Mocha's reporters print through Base.consoleLog: format there.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000, reporter: 'spec' });
  if (process.env.TEST_GREP) mocha.grep(process.env.TEST_GREP);
  const files = fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
