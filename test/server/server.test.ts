// Speaks LSP over stdio to the built server (dist/server.js) and asserts what it answers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, applyWorkspaceEdit, uri, SERVER } from './lsp-client';
import { PINNED_CONFIG } from '../fixtures/pinned-config';

const DOCKERFILE = 'FROM node:latest\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nUSER node\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/health || exit 1\nCMD node server.js\n';

function tempWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const ids = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code).sort();

describe('language server over stdio', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  let root: string;
  let client: TestClient;
  const docUri = () => uri(path.join(root, 'app/Dockerfile'));

  before(async () => {
    root = tempWorkspace({ '.shipready.yaml': PINNED_CONFIG, 'app/Dockerfile': DOCKERFILE, 'svc/Dockerfile': 'FROM python\nCMD ["python"]\n', 'README.md': '# hi\n' });
    client = new TestClient({ rootPath: root, snippetSupport: true });
    const init = await client.initialize();
    assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
    assert.ok(init.capabilities.codeActionProvider);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lints the workspace on start-up, before any file is opened', async () => {
    const p = await client.waitFor(uri(path.join(root, 'svc/Dockerfile')));
    assert.ok(ids(p).includes('dockerfile/no-latest-tag'));
    assert.ok(ids(p).includes('dockerfile/no-root-user'));
  });

  it('publishes diagnostics for an opened document with ids, exact ranges and docs links', async () => {
    const since = client.published.length;
    await client.open(docUri(), 'dockerfile', DOCKERFILE, 1);
    const p = await client.waitFor(docUri(), (x) => x.version === 1, since);
    assert.deepEqual(ids(p), ['dockerfile/json-form-cmd', 'dockerfile/no-latest-tag']);
    const latest = p.diagnostics.find((d) => d.code === 'dockerfile/no-latest-tag')!;
    assert.deepEqual(latest.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
    assert.equal(latest.source, 'shipready');
    assert.equal(latest.severity, 1);
    assert.match(latest.codeDescription!.href, /docs\/rules\/dockerfile\/no-latest-tag\.md$/);
    const cmd = p.diagnostics.find((d) => d.code === 'dockerfile/json-form-cmd')!;
    assert.deepEqual(cmd.range, { start: { line: 7, character: 4 }, end: { line: 7, character: 18 } });
  });

  it('re-lints on change and publishes only the newest version', async () => {
    const since = client.published.length;
    for (let v = 2; v <= 30; v++) await client.change(docUri(), v, DOCKERFILE.replace('node:latest', v === 30 ? 'node:22-alpine' : `node:latest`));
    const p = await client.waitFor(docUri(), (x) => x.version === 30, since);
    assert.deepEqual(ids(p), ['dockerfile/json-form-cmd']);
    const stale = client.published.slice(since).filter((x) => x.uri === docUri() && (x.version ?? 0) < 30);
    assert.ok(stale.length <= 1, `at most one intermediate publish inside the debounce, got ${stale.length}`);
  });

  it('offers the rule fix, disable-line and disable-file; applying the fix removes the finding', async () => {
    const text = DOCKERFILE.replace('node:latest', 'node:22-alpine');
    const p = client.published.filter((x) => x.uri === docUri()).at(-1)!;
    const diag = p.diagnostics.find((d) => d.code === 'dockerfile/json-form-cmd')!;
    const actions = await client.codeActions(docUri(), [diag]);
    assert.deepEqual(
      actions.filter((a) => a.kind === 'quickfix').map((a) => a.title),
      ['Use the JSON form: ["node","server.js"]', 'Disable dockerfile/json-form-cmd for this line', 'Disable dockerfile/json-form-cmd in this file'],
    );
    assert.equal(actions[0].isPreferred, true);
    const fixed = applyWorkspaceEdit(text, actions[0].edit, docUri());
    assert.ok(fixed.endsWith('CMD ["node", "server.js"]\n'));
    const since = client.published.length;
    await client.change(docUri(), 31, fixed);
    const after = await client.waitFor(docUri(), (x) => x.version === 31, since);
    assert.deepEqual(ids(after), []);

    // Back to the broken text: disable-for-line inserts the directive and the finding goes away.
    await client.change(docUri(), 32, text);
    const again = await client.waitFor(docUri(), (x) => x.version === 32, since);
    const d2 = again.diagnostics.find((d) => d.code === 'dockerfile/json-form-cmd')!;
    const disable = (await client.codeActions(docUri(), [d2])).find((a) => a.title.startsWith('Disable') && a.title.endsWith('for this line'))!;
    const suppressed = applyWorkspaceEdit(text, disable.edit, docUri());
    assert.match(suppressed, /# shipready-ignore dockerfile\/json-form-cmd\nCMD node server\.js/);
    await client.change(docUri(), 33, suppressed);
    const clean = await client.waitFor(docUri(), (x) => x.version === 33, since);
    assert.deepEqual(ids(clean), []);
  });

  it('sends snippet edits to clients that support them', async () => {
    const since = client.published.length;
    await client.change(docUri(), 34, DOCKERFILE);
    const p = await client.waitFor(docUri(), (x) => x.version === 34, since);
    const diag = p.diagnostics.find((d) => d.code === 'dockerfile/no-latest-tag')!;
    const actions = await client.codeActions(docUri(), [diag]);
    const pin = actions.find((a) => a.title.startsWith('Pin node'))!;
    const edit = (pin.edit.documentChanges![0] as { edits: { snippet?: { value: string } }[] }).edits[0];
    assert.equal(edit.snippet?.value, ':${1:VERSION}');
    assert.equal(pin.isPreferred, false, 'a placeholder fix is never the preferred one');
  });

  it('fix-all applies every safe fix (source.fixAll.shipready)', async () => {
    const text = 'FROM node:20-alpine AS build\nFROM node:latest\nCMD node server.js\n';
    const since = client.published.length;
    await client.change(docUri(), 35, text);
    const p = await client.waitFor(docUri(), (x) => x.version === 35, since);
    const actions = await client.codeActions(docUri(), p.diagnostics, ['source.fixAll.shipready']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.shipready');
    const fixed = applyWorkspaceEdit(text, actions[0].edit, docUri());
    assert.match(fixed, /^FROM node:20-alpine AS build\nFROM node:20-alpine\n/);
    assert.match(fixed, /CMD \["node", "server\.js"\]/);
    assert.match(fixed, /USER 10001:10001/);
  });

  it('applies .shipready.yaml, re-lints when it changes, and reports a broken one in that file', async () => {
    const configPath = path.join(root, '.shipready.yaml');
    fs.writeFileSync(configPath, PINNED_CONFIG.replace('no-latest-tag: error', 'no-latest-tag: off'));
    const since = client.published.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(configPath), type: 1 }] });
    const p = await client.waitFor(docUri(), (x) => !ids(x).includes('dockerfile/no-latest-tag'), since);
    assert.ok(!ids(p).includes('dockerfile/no-latest-tag'));

    fs.writeFileSync(configPath, 'rules:\n  dockerfile/no-latest-tag: loud\n  nope/rule: off\n');
    const s2 = client.published.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(configPath), type: 2 }] });
    const cfg = await client.waitFor(uri(configPath), (x) => x.diagnostics.length > 0, s2);
    assert.equal(cfg.diagnostics[0].source, 'shipready');
    assert.equal(cfg.diagnostics[0].range.start.line, 1);
    assert.match(String(cfg.diagnostics[0].message), /must be one of/);
    // Defaults apply again: the rule is back on.
    await client.waitFor(docUri(), (x) => ids(x).includes('dockerfile/no-latest-tag'), s2);
    fs.writeFileSync(configPath, PINNED_CONFIG);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(configPath), type: 2 }] });
  });

  it('follows settings pulled from the client', async () => {
    client.settings = { rules: { 'dockerfile/json-form-cmd': 'off' } };
    const since = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitFor(docUri(), (x) => !ids(x).includes('dockerfile/json-form-cmd'), since);
    assert.ok(ids(p).includes('dockerfile/no-latest-tag'));
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(docUri(), (x) => ids(x).includes('dockerfile/json-form-cmd'), since);
  });

  it('clears diagnostics of a closed file that is not in the workspace', async () => {
    const outside = 'file:///nowhere/Dockerfile';
    const since = client.published.length;
    await client.open(outside, 'dockerfile', 'FROM ubuntu\n', 1);
    await client.waitFor(outside, (x) => x.diagnostics.length > 0, since);
    await client.close(outside);
    await client.waitFor(outside, (x) => x.diagnostics.length === 0, since);
  });

  it('survives binary junk and an empty file, and still answers', async () => {
    const junk = uri(path.join(root, 'junk/Dockerfile'));
    const since = client.published.length;
    await client.open(junk, 'dockerfile', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'), 1);
    await client.waitFor(junk, () => true, since);
    await client.change(junk, 2, '');
    await client.waitFor(junk, (x) => x.version === 2, since);
    assert.equal(client.proc.exitCode, null, 'server still running');
  });
});

describe('the Terraform parser loads on demand', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  // The server answers initialize without waiting for the wasm parser; a Terraform file opened
  // first must still get its findings, never the "parser is not loaded yet" notice.
  const TF = 'resource "aws_ebs_volume" "v" {\n  size = 1\n}\n';
  const notLoaded = (p: { diagnostics: { message: unknown }[] }) => p.diagnostics.some((d) => /Terraform parser/.test(String(d.message)));

  for (const [name, rootFiles] of [
    ['with no workspace folder', undefined],
    ['in a workspace scanned at start-up', { 'infra/main.tf': TF }],
  ] as const) {
    it(`lints a Terraform file opened right after initialize (${name})`, async () => {
      const root = rootFiles ? tempWorkspace(rootFiles) : undefined;
      const client = new TestClient({ rootPath: root, settings: { lintDebounceMs: 0 } });
      try {
        await client.initialize();
        const tf = root ? uri(path.join(root, 'infra/main.tf')) : 'file:///nowhere/main.tf';
        await client.open(tf, 'terraform', TF, 1);
        const p = await client.waitFor(tf, (x) => x.version === 1);
        assert.ok(!notLoaded(p), JSON.stringify(p.diagnostics));
        assert.ok(ids(p).includes('terraform/encryption-at-rest'), JSON.stringify(ids(p)));
        assert.ok(!client.published.some(notLoaded), 'no publish says the parser is not loaded');
      } finally {
        await client.stop();
        if (root) fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

describe('the lint debounce', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  // The debounce waits for typing to stop; a document just opened shows its findings at once.
  it('applies to edits, not to opening a document', async () => {
    const client = new TestClient({ settings: { lintDebounceMs: 600_000 } });
    const doc = 'file:///nowhere/Dockerfile';
    try {
      await client.initialize();
      await client.open(doc, 'dockerfile', DOCKERFILE, 1);
      const p = await client.waitFor(doc, (x) => x.version === 1);
      assert.ok(ids(p).includes('dockerfile/no-latest-tag'), JSON.stringify(ids(p)));
      const since = client.published.length;
      await client.change(doc, 2, DOCKERFILE.replace('node:latest', 'node:22-alpine'));
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(
        client.published.slice(since).filter((x) => x.uri === doc),
        [],
        'an edit waits for the debounce (10 minutes here)',
      );
    } finally {
      await client.stop();
    }
  });
});
