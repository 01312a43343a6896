// Runs the built CLI (dist/cli.js) on fixture folders: output formats and exit codes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PINNED_CONFIG } from '../fixtures/pinned-config';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const SARIF_SCHEMA = path.resolve(__dirname, '../fixtures/sarif-2.1.0.schema.json');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(root: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const CLEAN = 'FROM node:22-alpine\nUSER node\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/health || exit 1\nCMD ["node", "server.js"]\n';

describe('shipready CLI', { skip: !fs.existsSync(CLI) && 'run npm run build first' }, () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-cli-'));
    write(root, {
      'api/Dockerfile': 'FROM node:latest\nCMD node server.js\n',
      'web/Containerfile': CLEAN,
      'web/Dockerfile.prod': 'FROM nginx:1.27\nUSER 101\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["nginx"]\n',
      'node_modules/pkg/Dockerfile': 'FROM ubuntu\n',
      '.git/Dockerfile': 'FROM ubuntu\n',
      'notes.txt': 'FROM ubuntu\n',
      'clean/Dockerfile': CLEAN,
      '.shipready.yaml': PINNED_CONFIG,
      'crlf/Dockerfile': '\uFEFFFROM node:22-alpine\r\nUSER node\r\nHEALTHCHECK CMD true\r\nCMD node  server.js\r\n',
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists every rule as JSON', () => {
    const r = run(['rules', '--format', 'json'], root);
    assert.equal(r.code, 0);
    const rules = JSON.parse(r.stdout) as { id: string; severity: string; summary: string; fixable: boolean; docsUrl: string; sources: string[] }[];
    const ids = rules.map((x) => x.id);
    for (const id of ['dockerfile/no-latest-tag', 'dockerfile/no-root-user', 'dockerfile/json-form-cmd']) assert.ok(ids.includes(id), id);
    assert.deepEqual(ids, [...ids].sort());
    for (const x of rules) {
      assert.match(x.docsUrl, new RegExp(`docs/rules/${x.id}\\.md$`));
      assert.ok(x.summary && x.sources.length > 0);
    }
  });

  it('recurses with kind detection, skips node_modules and .git, and reports JSON with 0-based ranges', () => {
    const r = run(['check', '--format', 'json', '.'], root);
    assert.equal(r.code, 1, 'errors → exit 1');
    const out = JSON.parse(r.stdout) as { file: string; ruleId: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fix?: { title: string; edits: unknown[] } }[];
    const files = [...new Set(out.map((o) => o.file))].sort();
    assert.deepEqual(files, ['api/Dockerfile', 'crlf/Dockerfile']);
    const latest = out.find((o) => o.ruleId === 'dockerfile/no-latest-tag')!;
    assert.equal(latest.severity, 'error');
    assert.deepEqual(latest.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
    const cmd = out.find((o) => o.file === 'api/Dockerfile' && o.ruleId === 'dockerfile/json-form-cmd')!;
    assert.equal(cmd.fix!.title, 'Use the JSON form: ["node","server.js"]');
    // CRLF + BOM: the position is the one an editor shows (BOM stripped, \r\n one line break).
    const crlf = out.find((o) => o.file === 'crlf/Dockerfile')!;
    assert.equal(crlf.ruleId, 'dockerfile/json-form-cmd');
    assert.deepEqual(crlf.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 19 } });
  });

  it('exits 0 on clean files', () => {
    const r = run(['check', 'clean', 'web'], root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /3 files checked, no problems/);
  });

  it('exits 1 over --max-warnings, 0 within it', () => {
    assert.equal(run(['check', 'crlf', '--max-warnings', '0'], root).code, 1);
    assert.equal(run(['check', 'crlf', '--max-warnings', '1'], root).code, 0);
  });

  it('prints text with 1-based positions and a per-rule count', () => {
    const r = run(['check', 'api', '--stats', '--no-color'], root);
    assert.match(r.stdout, /api\/Dockerfile\n {2}1:1 {2}info/);
    assert.match(r.stdout, / {2}1:11 {2}error {2}Base image "node:latest" uses the latest tag.* {2}dockerfile\/no-latest-tag/);
    assert.match(r.stdout, /rule +count\n/);
    assert.match(r.stdout, /dockerfile\/no-latest-tag +1/);
  });

  it('writes SARIF 2.1.0 that validates against the official schema', () => {
    const r = run(['check', '--format', 'sarif', 'api'], root);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as { runs: any[] };
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(log) as boolean, JSON.stringify(validate.errors, null, 2));
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'Shipready');
    const latest = run0.results.find((x: { ruleId: string }) => x.ruleId === 'dockerfile/no-latest-tag');
    assert.equal(latest.level, 'error');
    assert.deepEqual(latest.locations[0].physicalLocation.region, { startLine: 1, startColumn: 11, endLine: 1, endColumn: 17 });
    assert.equal(latest.locations[0].physicalLocation.artifactLocation.uri, 'api/Dockerfile');
    const rule = run0.tool.driver.rules[latest.ruleIndex];
    assert.equal(rule.id, 'dockerfile/no-latest-tag');
    assert.match(rule.helpUri, /^https:\/\//);
  });

  it('honours .shipready.yaml and --config, and exits 2 on a broken configuration', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-cfg-'));
    write(dir, { Dockerfile: 'FROM node:latest\n', '.shipready.yaml': PINNED_CONFIG.replace('no-latest-tag: error', 'no-latest-tag: warning'), 'strict.yaml': 'extends: none\nrules:\n  dockerfile/no-root-user: error\n', 'bad.yaml': 'rules:\n  dockerfile/no-latest-tag: loud\n' });
    const viaFile = JSON.parse(run(['check', '--format', 'json'], dir).stdout) as { ruleId: string; severity: string }[];
    assert.equal(viaFile.find((x) => x.ruleId === 'dockerfile/no-latest-tag')!.severity, 'warning');
    const viaFlag = JSON.parse(run(['check', '--format', 'json', '--config', 'strict.yaml'], dir).stdout) as { ruleId: string }[];
    assert.deepEqual(viaFlag.map((x) => x.ruleId), ['dockerfile/no-root-user']);
    const bad = run(['check', '--config', 'bad.yaml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid configuration bad\.yaml:\n\s+:2 .*must be one of/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run(['check', '--format', 'xml'], root).code, 2);
    assert.equal(run(['check', 'does-not-exist'], root).code, 2);
    assert.equal(run(['frobnicate'], root).code, 2);
    assert.equal(run(['check', '--max-warnings', 'many'], root).code, 2);
  });

  it('--fix writes safe fixes and leaves placeholders alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-fix-'));
    write(dir, { Dockerfile: 'FROM node:20-alpine AS build\nRUN npm ci\nFROM node:latest\nCMD node server.js\n', '.shipready.yaml': PINNED_CONFIG });
    const r = run(['check', '--fix', '--format', 'json'], dir);
    const text = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    assert.equal(text, 'FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20-alpine\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\nCMD ["node", "server.js"]\n');
    const left = JSON.parse(r.stdout) as { ruleId: string }[];
    assert.deepEqual(left.map((x) => x.ruleId), ['dockerfile/healthcheck-missing']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
