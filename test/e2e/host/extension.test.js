// Tests against the real `vscode` API in the extension host, on a copy of sample/ opened as the
// workspace (see index.js and ../host.test.ts). Conditions are polled; nothing sleeps blindly.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'shipready.shipready';

/** Polls `fn` until it returns a truthy value. */
async function waitFor(what, fn, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (let delay = 50; ; delay = Math.min(delay * 2, 400)) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const shipready = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipready');
const finding = (uri, ruleId) => shipready(uri).find((d) => codeOf(d) === ruleId);

describe('Shipready in the extension host', () => {
  let uri;
  let doc;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    uri = vscode.Uri.joinPath(folder.uri, 'Dockerfile');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('shipready').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('activates on a Dockerfile', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is known`);
    assert.equal(doc.languageId, 'dockerfile');
    await waitFor('activation', () => ext.isActive);
    // A failed activation still counts as active: activate() rejects then, and exports are missing.
    const api = await ext.activate();
    assert.ok(api && api.client, 'activate() returned the language client');
  });

  it('publishes shipready diagnostics with the rule id and its docs link', async () => {
    const d = await waitFor('the no-latest-tag diagnostic', () => finding(uri, 'dockerfile/no-latest-tag'));
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [0, 10, 0, 16]);
    assert.match(d.message, /latest/);
    const href = d.code && typeof d.code === 'object' ? String(d.code.target) : '';
    assert.match(href, /docs\/rules\/dockerfile\/no-latest-tag(\.md)?$/);
    assert.ok(shipready(uri).every((x) => /^[a-z]+\/[a-z0-9-]+$/.test(codeOf(x))), 'every code is a rule id');
  });

  it('offers the JSON-form quick fix through vscode.executeCodeActionProvider, and applying it clears the finding', async () => {
    const d = await waitFor('the json-form-cmd diagnostic', () => finding(uri, 'dockerfile/json-form-cmd'));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title.startsWith('Use the JSON form'));
    assert.ok(fix, `quick fixes: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Disable dockerfile/json-form-cmd for this line'), `quick fixes: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Disable dockerfile/json-form-cmd in this file'), `quick fixes: ${JSON.stringify(titles)}`);

    const original = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'edit applied');
    assert.match(doc.getText(), /^CMD \["node", ?"src\/server\.js"\]$/m);
    await waitFor('json-form-cmd to disappear', () => !finding(uri, 'dockerfile/json-form-cmd'));

    // Put the text back for the next test.
    const restore = new vscode.WorkspaceEdit();
    restore.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    await waitFor('json-form-cmd to come back', () => finding(uri, 'dockerfile/json-form-cmd'));
  });

  it('turns a rule off through the shipready.rules setting', async () => {
    await waitFor('the no-latest-tag diagnostic', () => finding(uri, 'dockerfile/no-latest-tag'));
    const config = vscode.workspace.getConfiguration('shipready');
    await config.update('rules', { 'dockerfile/no-latest-tag': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('no-latest-tag to disappear', () => !finding(uri, 'dockerfile/no-latest-tag'));
    assert.ok(finding(uri, 'dockerfile/json-form-cmd'), 'other rules still report');

    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('no-latest-tag to come back', () => finding(uri, 'dockerfile/no-latest-tag'));
  });
});
