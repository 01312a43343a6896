// --shard, --cache and --jobs give the same findings as a plain run.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PINNED_CONFIG } from '../fixtures/pinned-config';
import { mixedWorkspace } from '../fixtures/mixed-workspace';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
type Result = { ruleId: string; file: string; range: unknown; message: string };
const key = (r: Result) => `${r.file}|${r.ruleId}|${JSON.stringify(r.range)}|${r.message}`;

describe('CLI at scale', { skip: !fs.existsSync(CLI) && 'run npm run build first' }, () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-scale-'));
    fs.writeFileSync(path.join(root, '.shipready.yaml'), PINNED_CONFIG);
    for (let i = 0; i < 60; i++) {
      const dir = path.join(root, `svc-${i}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'Dockerfile'), i % 3 === 0 ? `FROM node:${20 + (i % 3)}-alpine\nUSER node\nHEALTHCHECK CMD true\nCMD ["node", "s.js"]\n` : `FROM node:latest\nCMD node s${i}.js\n`);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('shards partition the files and their SARIF runs add up to the full run', () => {
    const full = (JSON.parse(run(['check', '--format', 'json'], root).stdout) as Result[]).map(key).sort();
    const union: string[] = [];
    const files = new Set<string>();
    for (let i = 1; i <= 3; i++) {
      const json = JSON.parse(run(['check', '--format', 'json', '--shard', `${i}/3`], root).stdout) as Result[];
      for (const r of json) {
        union.push(key(r));
        files.add(r.file);
      }
      const sarif = JSON.parse(run(['check', '--format', 'sarif', '--shard', `${i}/3`], root).stdout);
      assert.equal(sarif.runs[0].automationDetails.id, `shipready/shard-${i}-of-3/`);
      assert.equal(sarif.runs[0].results.length, json.length);
    }
    assert.deepEqual(union.sort(), full);
    assert.ok(files.size >= 30, 'every failing file is in exactly one shard');
  });

  it('--jobs 2 gives exactly the findings of one thread, in the same order', () => {
    const one = run(['check', '--format', 'json', '--jobs', '1'], root);
    const two = run(['check', '--format', 'json', '--jobs', '2'], root);
    assert.equal(two.code, one.code);
    assert.equal(two.stdout, one.stdout);
  });

  it('--cache reuses unchanged files and notices a change', () => {
    const cacheFile = path.join(root, '.shipready-cache');
    const first = run(['check', '--format', 'json', '--cache'], root);
    assert.ok(fs.existsSync(cacheFile));
    const second = run(['check', '--format', 'json', '--cache'], root);
    assert.equal(second.stdout, first.stdout);
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, unknown> };
    assert.equal(Object.keys(cache.files).length, 61, '60 Dockerfiles and .shipready.yaml');
    fs.writeFileSync(path.join(root, 'svc-1/Dockerfile'), 'FROM node:22-alpine\nUSER node\nHEALTHCHECK CMD true\nCMD ["node", "s.js"]\n');
    const third = JSON.parse(run(['check', '--format', 'json', '--cache'], root).stdout) as Result[];
    assert.ok(!third.some((r) => r.file === 'svc-1/Dockerfile'), 'the edited file is linted again');
    const before = JSON.parse(first.stdout) as Result[];
    assert.equal(third.length, before.length - before.filter((r) => r.file === 'svc-1/Dockerfile').length);
    fs.rmSync(cacheFile);
  });

  it('rejects malformed --shard and --jobs', () => {
    assert.equal(run(['check', '--shard', '4/3'], root).code, 2);
    assert.equal(run(['check', '--shard', 'x'], root).code, 2);
    assert.equal(run(['check', '--jobs', '0'], root).code, 2);
  });
});

describe('CLI in parallel on files that refer to each other', { skip: !fs.existsSync(CLI) && 'run npm run build first' }, () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-mixed-'));
    for (const [rel, text] of Object.entries(mixedWorkspace(4))) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('--jobs 2 and --jobs 3 (workers exchange facts instead of parsing each other\'s files) give the serial output', () => {
    const one = run(['check', '--format', 'json', '--jobs', '1'], root);
    assert.ok((JSON.parse(one.stdout) as Result[]).some((r) => r.ruleId === 'kubernetes/service-targets-pods'), 'cross-file findings');
    for (const jobs of ['2', '3']) {
      const many = run(['check', '--format', 'json', '--jobs', jobs], root);
      assert.equal(many.stderr, one.stderr);
      assert.equal(many.code, one.code);
      assert.equal(many.stdout, one.stdout);
    }
  });

  it('shards add up to the full run', () => {
    const full = (JSON.parse(run(['check', '--format', 'json'], root).stdout) as Result[]).map(key).sort();
    const union = [1, 2].flatMap((i) => (JSON.parse(run(['check', '--format', 'json', '--shard', `${i}/2`], root).stdout) as Result[]).map(key));
    assert.deepEqual(union.sort(), full);
  });
});
