import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule, { builtImages, imageName } from '../../../../engine/rules/workspace/user-consistent';
import { lint, ResolvedConfig, SourceFile, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

function workspace(files: Record<string, string>, complete = true) {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  return ws;
}

function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = workspace(files, complete);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(Object.keys(files)[0])!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

function at(text: string, f: Finding) {
  const file = new SourceFile('k8s/api.yaml', text);
  const s = file.lines.positionAt(f.range.start);
  const e = file.lines.positionAt(f.range.end);
  return `${f.messageId} ${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
`;
const compose = 'services:\n  api:\n    build: ./services/api\n    image: ghcr.io/acme/api:dev\n';
const workflow = `name: Release
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/build-push-action@v6
        with:
          context: services/api
          tags: |
            ghcr.io/acme/api:\${{ github.sha }}
          push: true
`;
const named = 'FROM node:22-slim\nWORKDIR /app\nUSER node\nCMD ["node", "server.js"]\n';

// Linted alone, the rule cannot see the Dockerfile and stays silent.
ruleTester(rule, { valid: [deploy], invalid: [] });

describe('workspace/user-consistent', () => {
  it('links images to Dockerfiles through Compose and CI builds', () => {
    assert.equal(imageName('docker.io/library/nginx:1.27'), 'nginx');
    assert.equal(imageName('ghcr.io/${OWNER}/api:1'), undefined);
    const ws = workspace({ 'compose.yaml': compose, 'services/api/Dockerfile': named, 'web/Dockerfile': named, '.github/workflows/release.yml': workflow.replace('context: services/api', 'context: web').replace('acme/api', 'acme/web') + '      - run: docker build -t ghcr.io/acme/worker:latest -f web/Dockerfile .\n' });
    assert.deepEqual([...builtImages(ws)], [['ghcr.io/acme/api', 'services/api/Dockerfile'], ['ghcr.io/acme/web', 'web/Dockerfile'], ['ghcr.io/acme/worker', 'web/Dockerfile']]);
  });

  it('reports runAsNonRoot on an image whose Dockerfile ends with a named or root USER', () => {
    const f = lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, 'services/api/Dockerfile': named });
    assert.deepEqual(f.map((x) => at(deploy, x)), ['named 13:23-13:27']);
    assert.equal(f[0].related![0].path, 'services/api/Dockerfile');
    const root = lintIn({ 'k8s/api.yaml': deploy, '.github/workflows/release.yml': workflow, 'services/api/Dockerfile': 'FROM node:22-slim\nUSER 1000\nRUN id\nUSER root\n' });
    assert.deepEqual(root.map((x) => at(deploy, x)), ['root 13:23-13:27']);
  });

  it('stays silent for a numeric USER, runAsUser, no USER, an unclear link or a partial workspace', () => {
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, 'services/api/Dockerfile': named.replace('USER node', 'USER 1000:1000') }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy.replace('runAsNonRoot: true', 'runAsNonRoot: true\n        runAsUser: 1000'), 'compose.yaml': compose, 'services/api/Dockerfile': named }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, 'services/api/Dockerfile': 'FROM node:22-slim\nCMD ["node"]\n' }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose.replace('acme/api', 'acme/other'), 'services/api/Dockerfile': named }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, 'services/api/Dockerfile': named, 'compose.prod.yaml': 'services:\n  api:\n    build: ./other\n    image: ghcr.io/acme/api:prod\n', 'other/Dockerfile': named }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, 'services/api/Dockerfile': named }, false), []);
  });
});
