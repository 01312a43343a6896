// After opening many documents and closing them, the server holds what it held before.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, uri, SERVER } from './lsp-client';
import type { ServerStats } from '../../protocol/protocol';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

/** Real files from the shared corpus when it is there, generated ones otherwise. */
function documents(): { path: string; text: string; languageId: string }[] {
  const out: { path: string; text: string; languageId: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'licenses') walk(p);
      } else if (/Dockerfile|\.ya?ml$/.test(e.name)) out.push({ path: p, text: fs.readFileSync(p, 'utf8'), languageId: /\.ya?ml$/.test(e.name) ? 'yaml' : 'dockerfile' });
    }
  };
  if (fs.existsSync(CORPUS)) walk(CORPUS);
  else for (let i = 0; i < 100; i++) out.push({ path: `/generated/${i}/Dockerfile`, text: `FROM node:${i}\nCMD node a.js\n`, languageId: 'dockerfile' });
  return out;
}

describe('server memory', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-mem-'));
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM node:22-alpine\nCMD ["node", "a.js"]\n');
    client = new TestClient({ rootPath: root });
    await client.initialize();
    await client.waitFor(uri(path.join(root, 'Dockerfile')));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('releases the documents of the whole corpus once they are closed', async () => {
    const baseline = await client.conn.sendRequest<ServerStats>('shipready/stats');
    const docs = documents();
    const uris = docs.map((d) => uri(d.path));
    const since = client.published.length;
    for (let i = 0; i < docs.length; i++) await client.open(uris[i], docs[i].languageId, docs[i].text, 1);
    await Promise.all(uris.map((u) => client.waitFor(u, () => true, since, 60000).catch(() => undefined)));
    const loaded = await client.conn.sendRequest<ServerStats>('shipready/stats');
    assert.ok(loaded.indexed > baseline.indexed, 'the documents were indexed');
    const closing = client.published.length;
    for (const u of uris) await client.close(u);
    await Promise.all(uris.map((u) => client.waitFor(u, (p) => p.diagnostics.length === 0, closing, 60000)));
    const after = await client.conn.sendRequest<ServerStats>('shipready/stats');
    assert.equal(after.indexed, baseline.indexed);
    assert.equal(after.documents, baseline.documents);
  });
});
