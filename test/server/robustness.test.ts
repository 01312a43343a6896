// The built server under stress, over stdio: bursts of changes, hostile and huge documents, closes.
// (A throwing rule is isolated at engine level: test/engine/engine-core.test.ts; a malformed
// .shipready.yaml is covered in server.test.ts.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, uri, SERVER } from './lsp-client';

/** Generous: a guard against hangs and crashes, not a speed assertion. */
const SLOW_MS = 90_000;

/** Any request the server must answer: code actions for a range of the document. */
function ping(client: TestClient, docUri: string) {
  return client.codeActions(docUri, []);
}

describe('language server robustness over stdio', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-robust-'));
    client = new TestClient({ rootPath: root, settings: { scanWorkspace: false } });
    await client.initialize();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('500 rapid changes: versions are published in order and the last publish is for version 500', async () => {
    const docUri = uri(path.join(root, 'burst/Dockerfile'));
    const since = client.published.length;
    await client.open(docUri, 'dockerfile', 'FROM node:latest\n', 1);
    for (let v = 2; v <= 500; v++) void client.change(docUri, v, `FROM node:latest\nRUN echo ${v}\n${v % 2 ? 'USER root\n' : ''}`);
    const last = await client.waitFor(docUri, (p) => p.version === 500, since, SLOW_MS);
    assert.ok(last.diagnostics.length > 0);
    // Let any late lint land, then check the whole sequence.
    await ping(client, docUri);
    await new Promise((r) => setTimeout(r, 1_000));
    const versions = client.published.slice(since).filter((p) => p.uri === docUri).map((p) => p.version);
    for (let i = 1; i < versions.length; i++) assert.ok((versions[i] ?? 0) >= (versions[i - 1] ?? 0), `no publish for a version older than one already published: ${versions.join(',')}`);
    assert.equal(versions[versions.length - 1], 500, 'the last publish is for the final version');
    assert.ok(versions.length < 50, `the burst is debounced (${versions.length} publishes)`);
    const actions = await ping(client, docUri);
    assert.ok(Array.isArray(actions), 'the server still answers requests');
    await client.close(docUri);
  });

  it('binary junk, a 100,000-line manifest and a 5 MB Dockerfile: published, answered, no crash', { timeout: 4 * SLOW_MS }, async () => {
    let s = 7;
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      bytes[i] = s >>> 24;
    }
    // 100,000 lines: workloads every container rule inspects, then a large ConfigMap.
    const deployments = Array.from({ length: 500 }, (_, i) => `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${i}\nspec:\n  selector: {matchLabels: {app: d${i}}}\n  template:\n    metadata: {labels: {app: d${i}}}\n    spec:\n      containers:\n        - name: c\n          image: nginx:latest\n`).join('');
    const data = Array.from({ length: 100_000 - deployments.split('\n').length }, (_, i) => `  key${i}: value ${i}`).join('\n');
    const manifest = deployments + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n' + data + '\n';
    assert.ok(manifest.split('\n').length >= 100_000);
    const line = 'RUN echo "padding the layer cache with a long line of text" && true\n';
    const dockerfile = 'FROM node:22\n' + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const docs: [string, string, string][] = [
      [uri(path.join(root, 'junk/Dockerfile')), 'dockerfile', bytes.toString('latin1')],
      [uri(path.join(root, 'junk/k8s.yaml')), 'yaml', 'apiVersion: v1\nkind: Pod\n' + bytes.toString('utf8')],
      [uri(path.join(root, '.github/workflows/junk.yml')), 'yaml', 'on: push\njobs:\n' + bytes.toString('latin1')],
      [uri(path.join(root, 'compose.yaml')), 'yaml', 'services:\n' + bytes.toString('utf8')],
      [uri(path.join(root, 'big/manifest.yaml')), 'yaml', manifest],
      [uri(path.join(root, 'big/Dockerfile')), 'dockerfile', dockerfile],
    ];
    for (const [docUri, languageId, text] of docs) {
      const since = client.published.length;
      await client.open(docUri, languageId, text, 1);
      const p = await client.waitFor(docUri, (x) => x.version === 1, since, SLOW_MS);
      assert.ok(Array.isArray(p.diagnostics));
      assert.ok(Array.isArray(await ping(client, docUri)), `answers after ${docUri}`);
      assert.equal(client.proc.exitCode, null, 'server still running');
    }
    // Edit the big ones once more: still published.
    for (const [docUri, , text] of docs.slice(-2)) {
      const since = client.published.length;
      await client.change(docUri, 2, text + '\n# edited\n');
      await client.waitFor(docUri, (x) => x.version === 2, since, SLOW_MS);
    }
    for (const [docUri] of docs) await client.close(docUri);
    assert.equal(client.proc.exitCode, null, 'server still running');
  });

  it('closing documents clears their diagnostics (outside the workspace and unsaved inside it)', async () => {
    const docs = [
      'file:///elsewhere/a/Dockerfile',
      'file:///elsewhere/b/Dockerfile',
      uri(path.join(root, 'unsaved/Dockerfile')),
      uri(path.join(root, 'unsaved/deploy.yaml')),
    ];
    const since = client.published.length;
    for (const d of docs) {
      if (d.endsWith('.yaml')) await client.open(d, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: nginx}]\n', 1);
      else await client.open(d, 'dockerfile', 'FROM ubuntu\nUSER root\n', 1);
    }
    for (const d of docs) await client.waitFor(d, (x) => x.diagnostics.length > 0, since, SLOW_MS);
    const closed = client.published.length;
    for (const d of docs) await client.close(d);
    for (const d of docs) await client.waitFor(d, (x) => x.diagnostics.length === 0, closed, SLOW_MS);
    // Nothing re-publishes findings for a closed document afterwards.
    await new Promise((r) => setTimeout(r, 1_000));
    for (const d of docs) {
      const after = client.published.slice(closed).filter((p) => p.uri === d);
      assert.equal(after[after.length - 1].diagnostics.length, 0, `${d} stays clear`);
    }
  });
});
