// `shipready checklist`: formats and exit codes for CI release gates.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('shipready checklist', { skip: !fs.existsSync(CLI) && 'run npm run build first' }, () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-checklist-'));
    const files: Record<string, string> = {
      'ready/Dockerfile': 'FROM node:22-alpine AS build\nRUN npm ci\nFROM node:22-alpine\nUSER 1000\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/health || exit 1\nCMD ["node", "server.js"]\n',
      'ready/.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  deploy:\n    needs: test\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: kubectl apply -f k8s/\n',
      'ready/.env.example': 'PORT=3000\n',
      'ready/.shipready/checklist.json': '{ "version": 1, "items": { "mvp/backups": { "done": true, "by": "ana" } } }\n',
      'empty/README.md': '# nothing to ship yet\n',
      'team/.shipready/checklist.yaml': 'lists:\n  - id: launch\n    title: Launch\n    items:\n      - id: blog\n        title: Blog post written\n',
      'broken/.shipready/checklist.yaml': 'lists: [ { id: 7 } ]\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('exits 0 when the automatic items of the chosen list pass, and counts manual ticks', () => {
    const r = run(['checklist', 'ready', '--list', 'mvp', '--no-color'], root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^MVP {2}5\/5 ready\n/);
    assert.match(r.stdout, /✓ Database backups enabled \(manual\)/);
  });

  it('exits 1 when an automatic item fails, and shows the evidence', () => {
    const r = run(['checklist', 'empty', '--list', 'mvp', '--no-color'], root);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /✗ A working Dockerfile\n {6}No Dockerfile in the workspace/);
  });

  it('prints the JSON the release gate reads', () => {
    const r = run(['checklist', 'ready', '--format', 'json'], root);
    const json = JSON.parse(r.stdout) as { lists: { id: string; items: { id: string; kind: string; status: string; evidence: { file: string; line: number; message: string }[] }[] }[] };
    assert.deepEqual(json.lists.map((l) => l.id), ['mvp', 'production', 'pre-deploy', 'security', 'critical']);
    const dockerfile = json.lists[0].items.find((i) => i.id === 'dockerfile')!;
    assert.deepEqual(dockerfile, { id: 'dockerfile', title: 'A working Dockerfile', kind: 'auto', status: 'pass', evidence: [{ file: 'Dockerfile', line: 1, message: 'Dockerfile' }] });
    const backups = json.lists[0].items.find((i) => i.id === 'backups')!;
    assert.equal(backups.kind, 'manual');
    assert.equal(backups.status, 'done');
    assert.equal(json.lists[2].items.find((i) => i.id === 'reviewed')!.status, 'todo');
  });

  it('prints Markdown task lists', () => {
    const r = run(['checklist', 'ready', '--format', 'markdown', '--list', 'critical'], root);
    assert.match(r.stdout, /<!-- shipready:checklist:start -->\n## Release checklist/);
    assert.match(r.stdout, /### Critical issues \(\d\/6 ready\)/);
    assert.match(r.stdout, /- \[x\] A CI\/CD pipeline exists _\(auto\)_/);
  });

  it("includes a team's own lists", () => {
    const r = run(['checklist', 'team', '--list', 'launch', '--format', 'json'], root);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).lists[0].items.map((i: { id: string }) => i.id), ['blog']);
  });

  it('exits 2 on an unknown list, format or a broken team file', () => {
    assert.equal(run(['checklist', 'ready', '--list', 'nope'], root).code, 2);
    assert.equal(run(['checklist', 'ready', '--format', 'xml'], root).code, 2);
    const broken = run(['checklist', 'broken'], root);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /invalid \.shipready\/checklist\.yaml/);
  });
});
