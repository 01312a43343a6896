import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/dockerignore-present';
import { lint, ResolvedConfig, Workspace, singleFileWorkspace } from '../../../../engine/index';

/** Lint `path` in a workspace made of `files` (plus folders that exist on "disk"). */
function run(files: Record<string, string>, path: string, folders: string[] = []) {
  const ws = new Workspace({ exists: (p) => folders.includes(p), readFile: () => undefined }, true);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: rule.meta.severity } }]);
  const file = ws.get(path)!;
  const result = lint(file, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return { file, findings: result.findings };
}

const NODE_DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n';

describe(rule.meta.id, () => {
  it('reports a Dockerfile that copies its whole context when the folder has no .dockerignore', () => {
    const { file, findings } = run({ 'api/Dockerfile': NODE_DOCKERFILE, 'api/package.json': '{}' }, 'api/Dockerfile');
    assert.equal(findings.length, 1);
    const f = findings[0];
    assert.equal(f.messageId, 'missing');
    assert.equal(file.text.slice(f.range.start, f.range.end), 'FROM node:22-alpine');
    assert.match(f.message, /\(api\)/);
    const fix = f.fixes[0];
    assert.equal(fix.title, 'Create api/.dockerignore');
    assert.deepEqual(fix.edits, []);
    assert.deepEqual(fix.fileEdits, [
      {
        path: '.dockerignore',
        create: '# Keep the build context small and free of secrets.\n.git\n**/node_modules\n**/.env\n**/.env.*\n!**/.env.example\n**/*.pem\n**/*.key\n',
      },
    ]);
  });

  it('adds node_modules only for Node.js contexts', () => {
    const { findings } = run({ 'Dockerfile': 'FROM python:3.12-slim\nCOPY . /srv\n' }, 'Dockerfile');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /the workspace root/);
    assert.doesNotMatch(findings[0].fixes[0].fileEdits![0].create!, /node_modules/);
    const withFolder = run({ 'Dockerfile': 'FROM node:22\nCOPY ./ /app\n' }, 'Dockerfile', ['node_modules']);
    assert.match(withFolder.findings[0].fixes[0].fileEdits![0].create!, /\*\*\/node_modules/);
  });

  it('is satisfied by .dockerignore or <Dockerfile>.dockerignore next to the Dockerfile', () => {
    assert.deepEqual(run({ 'api/Dockerfile': NODE_DOCKERFILE, 'api/.dockerignore': '.git\n' }, 'api/Dockerfile').findings, []);
    assert.deepEqual(run({ 'api/Dockerfile.prod': NODE_DOCKERFILE, 'api/Dockerfile.prod.dockerignore': '.git\n' }, 'api/Dockerfile.prod').findings, []);
  });

  it('does not look at other folders', () => {
    assert.equal(run({ 'api/Dockerfile': NODE_DOCKERFILE, '.dockerignore': '.git\n' }, 'api/Dockerfile').findings.length, 1);
  });

  it('stays silent when the Dockerfile copies only named files or from other stages', () => {
    assert.deepEqual(run({ 'Dockerfile': 'FROM redis:7\nCOPY docker-entrypoint.sh /usr/local/bin/\n' }, 'Dockerfile').findings, []);
    assert.deepEqual(run({ 'Dockerfile': 'FROM golang:1.23 AS b\nFROM alpine:3.20\nCOPY --from=b / /\nCOPY <<EOF /x\nhi\nEOF\n' }, 'Dockerfile').findings, []);
  });

  it('stays silent without the workspace', () => {
    const ws = new Workspace(undefined, true);
    const file = ws.set('Dockerfile', NODE_DOCKERFILE);
    const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: rule.meta.severity } }]);
    assert.deepEqual(lint(file, { config, rules: [rule], workspace: singleFileWorkspace(file) }).findings, []);
  });
});
