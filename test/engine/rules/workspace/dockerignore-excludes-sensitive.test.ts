import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/dockerignore-excludes-sensitive';
import { applyEdits, lint, ResolvedConfig, Workspace, singleFileWorkspace } from '../../../../engine/index';

function run(files: Record<string, string>, path: string) {
  const ws = new Workspace(undefined, true);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: rule.meta.severity } }]);
  const file = ws.get(path)!;
  assert.equal(file.kind, 'dockerignore');
  const result = lint(file, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return { ws, file, findings: result.findings };
}

const COPY_ALL = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\n';

describe(rule.meta.id, () => {
  it('accepts a .dockerignore that leaves out everything sensitive', () => {
    const good = '.git\nnode_modules\n.env\n.env.*\n!.env.example\n*.pem\n*.key\n';
    assert.deepEqual(run({ '.dockerignore': good, 'package.json': '{}', 'Dockerfile': COPY_ALL }, '.dockerignore').findings, []);
  });

  it('accepts an allow-list .dockerignore (exclude everything, re-include the sources)', () => {
    assert.deepEqual(run({ '.dockerignore': '*\n!src\n!package.json\n', 'package.json': '{}', 'Dockerfile': COPY_ALL }, '.dockerignore').findings, []);
  });

  it('reports what is missing on the first pattern line and appends the patterns', () => {
    const text = '# build output\ndist\n.git';
    const { file, findings } = run({ 'web/.dockerignore': text, 'web/package.json': '{}', 'web/Dockerfile': COPY_ALL }, 'web/.dockerignore');
    assert.equal(findings.length, 1);
    const f = findings[0];
    assert.equal(f.messageId, 'missing');
    assert.equal(file.text.slice(f.range.start, f.range.end), 'dist');
    assert.match(f.message, /node_modules, \.env files, private keys/);
    const fixed = applyEdits(file.text, f.fixes[0].edits);
    assert.equal(fixed, '# build output\ndist\n.git\n**/node_modules\n**/.env\n**/.env.*\n!**/.env.example\n**/*.pem\n**/*.key\n');
    assert.deepEqual(run({ 'web/.dockerignore': fixed, 'web/package.json': '{}', 'web/Dockerfile': COPY_ALL }, 'web/.dockerignore').findings, [], 'the fixed file re-lints clean');
  });

  it('does not ask for node_modules outside Node.js contexts, and knows that .env.example stays', () => {
    const { findings } = run({ '.dockerignore': '.git\n.env*\n!.env.example\n*.pem\n*.key\n', 'Dockerfile': 'FROM python:3.12\nCOPY . /srv\n' }, '.dockerignore');
    assert.deepEqual(findings, []);
  });

  it('stays silent when the Dockerfiles of the folder copy only named files', () => {
    assert.deepEqual(run({ '.dockerignore': 'tmp\n', 'Dockerfile': 'FROM redis:7\nCOPY entrypoint.sh /usr/local/bin/\n' }, '.dockerignore').findings, []);
  });

  it('reports an empty file, and a context used from elsewhere (no Dockerfile in the folder)', () => {
    const { file, findings } = run({ 'ctx/.dockerignore': '' }, 'ctx/.dockerignore');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, { start: 0, end: 0 });
    assert.equal(applyEdits(file.text, findings[0].fixes[0].edits), '.git\n**/.env\n**/.env.*\n!**/.env.example\n**/*.pem\n**/*.key\n');
  });

  it('stays silent without the workspace', () => {
    const ws = new Workspace(undefined, true);
    const file = ws.set('.dockerignore', 'dist\n');
    const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: rule.meta.severity } }]);
    assert.deepEqual(lint(file, { config, rules: [rule], workspace: singleFileWorkspace(file) }).findings, []);
  });
});
