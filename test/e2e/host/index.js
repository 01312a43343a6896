// Extension-host test suite: runs inside VS Code's extension host (the real `vscode` API), the way
// @vscode/test-electron runs a suite. test/e2e/host.test.ts starts code-server and opens the
// workbench with extensionDevelopmentPath/extensionTestsPath pointing here; VS Code calls run().
// Plain CommonJS on purpose: the extension host `require`s it as is (no TypeScript loader there).
'use strict';
const path = require('node:path');

function loadMocha() {
  // mocha 12 is ESM with a CommonJS build beside it; Node 20.19+ can also require() the ESM entry.
  try {
    return require('mocha/lib/mocha.cjs');
  } catch {
    const m = require('mocha');
    return m.default ?? m.Mocha ?? m;
  }
}

/** Called by VS Code; resolves when every test passed. */
exports.run = function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  const results = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // One machine-readable line for the launcher, which turns it into node:test results.
      console.log(`SHIPREADY_HOST_RESULTS ${JSON.stringify(results)}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', duration: t.duration }));
    runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String((err && err.stack) || err) }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'skipped' }));
  });
};
