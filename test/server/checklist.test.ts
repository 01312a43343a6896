// The checklist over LSP: evaluate, tick (persisted), export, change notifications.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, uri, SERVER } from './lsp-client';
import type { ChecklistResponse } from '../../protocol/protocol';

describe('checklist requests', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-lsp-checklist-'));
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM node:22-alpine\nUSER node\nCMD ["node", "server.js"]\n');
    client = new TestClient({ rootPath: root });
    await client.initialize();
    await client.waitFor(uri(path.join(root, 'Dockerfile')));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const item = (r: ChecklistResponse, list: string, id: string) => r.lists.find((l) => l.id === list)!.items.find((i) => i.id === id)!;

  it('evaluates the lists for the workspace folder', async () => {
    const r = await client.conn.sendRequest<ChecklistResponse>('shipready/checklist');
    assert.equal(r.folder, root);
    assert.deepEqual(r.errors, []);
    assert.equal(item(r, 'mvp', 'dockerfile').status, 'pass');
    assert.equal(item(r, 'production', 'multi-stage').status, 'fail');
    assert.deepEqual(item(r, 'production', 'multi-stage').evidence, [{ file: 'Dockerfile', line: 1, message: 'Single-stage build' }]);
  });

  it('ticks a manual item into .shipready/checklist.json and reports it done', async () => {
    const r = await client.conn.sendRequest<ChecklistResponse>('shipready/setManualItem', { list: 'production', item: 'backups', done: true });
    assert.equal(item(r, 'mvp', 'backups').status, 'done', 'the item belongs to MVP, included by Production');
    const saved = JSON.parse(fs.readFileSync(path.join(root, '.shipready/checklist.json'), 'utf8'));
    assert.equal(saved.items['mvp/backups'].done, true);
    const again = await client.conn.sendRequest<ChecklistResponse>('shipready/checklist');
    assert.equal(item(again, 'production', 'backups').status, 'done');
    const reset = await client.conn.sendRequest<ChecklistResponse>('shipready/resetManualItems');
    assert.equal(item(reset, 'mvp', 'backups').status, 'todo');
  });

  it('exports Markdown into an existing document section', async () => {
    const md = await client.conn.sendRequest<string>('shipready/checklistMarkdown', { document: '# Deployment\n' });
    assert.match(md, /^# Deployment\n\n<!-- shipready:checklist:start -->/);
    assert.match(md, /<!-- shipready:checklist:end -->\n$/);
  });

  it('announces a change when a checklist input changes', async () => {
    fs.writeFileSync(path.join(root, 'DEPLOYMENT.md'), '# Deploy\n## Rollback\n## Verify\n');
    const since = client.notifications.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.join(root, 'DEPLOYMENT.md')), type: 1 }] });
    await client.waitForNotification('shipready/checklistChanged', since);
    const r = await client.conn.sendRequest<ChecklistResponse>('shipready/checklist');
    assert.equal(item(r, 'production', 'deployment-doc').status, 'pass');
  });
});
