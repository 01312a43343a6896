// The bundled server (dist/server.js) loads the Terraform parser from dist/ before it answers
// initialize: the workspace scan and an opened .tf file get Terraform diagnostics with UTF-16
// positions, and a quick fix edits the right characters.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, applyWorkspaceEdit, uri, SERVER } from '../server/lsp-client';

const ROOT_MODULE = 'terraform {\n  required_version = ">= 1.10"\n  backend "s3" {\n    bucket = "state"\n  }\n}\n';
// Non-ASCII text before the finding: positions must count UTF-16 code units.
const MAIN = '# Überwachung 😀\nresource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n';

describe('language server with Terraform files', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-tf-'));
    fs.mkdirSync(path.join(root, 'live'));
    fs.writeFileSync(path.join(root, 'live/versions.tf'), ROOT_MODULE);
    fs.writeFileSync(path.join(root, 'live/main.tf'), MAIN);
    client = new TestClient({ rootPath: root });
    await client.initialize();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lints .tf files found by the workspace scan', async () => {
    const p = await client.waitFor(uri(path.join(root, 'live/versions.tf')));
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['terraform/state-locking']);
    assert.deepEqual(p.diagnostics[0].range, { start: { line: 2, character: 10 }, end: { line: 2, character: 14 } });
  });

  it('publishes diagnostics for an opened .tf document in UTF-16 positions', async () => {
    const u = uri(path.join(root, 'live/main.tf'));
    const since = client.published.length;
    await client.open(u, 'terraform', MAIN, 1);
    const p = await client.waitFor(u, (x) => x.version === 1, since);
    const enc = p.diagnostics.find((d) => d.code === 'terraform/encryption-at-rest')!;
    assert.ok(enc, JSON.stringify(p.diagnostics.map((d) => d.code)));
    assert.deepEqual(enc.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 32 } });
    const actions = await client.codeActions(u, [enc]);
    const fix = actions.find((a) => a.title === 'Set encrypted = true')!;
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(applyWorkspaceEdit(MAIN, fix.edit, u), MAIN.replace('  size              = 10\n', '  size              = 10\n  encrypted         = true\n'));
  });
});
