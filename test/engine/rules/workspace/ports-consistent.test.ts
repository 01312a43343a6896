import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/ports-consistent';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(Object.keys(files)[0])!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nEXPOSE 8080\nCMD ["node", "server.js"]\n';
const compose = 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:dev\n    ports:\n      - "127.0.0.1:3000:3000"\n';
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
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
          ports:
            - containerPort: 3000
`;

// Linted alone, the rule cannot see the manifests and stays silent.
ruleTester(rule, { valid: [dockerfile], invalid: [] });

describe('workspace/ports-consistent', () => {
  it('reports each port a Compose service or a Kubernetes container expects that the Dockerfile does not EXPOSE, on the EXPOSE', () => {
    const f = lintIn({ 'api/Dockerfile': dockerfile, 'compose.yaml': compose, 'k8s/api.yaml': deploy });
    assert.deepEqual(f.map((x) => [x.messageId, x.range.start, x.range.end]), [['mismatch', dockerfile.indexOf('EXPOSE'), dockerfile.indexOf('8080') + 4]]);
    assert.equal(f[0].message, 'This image EXPOSEs 8080, but compose.yaml (service api), k8s/api.yaml (Deployment api) expects the container to listen on port 3000: one of them is stale.');
    assert.deepEqual(f[0].related!.map((r) => [r.path, compose.slice(r.range.start, r.range.end) || deploy.slice(r.range.start, r.range.end)]), [
      ['compose.yaml', '"127.0.0.1:3000:3000"'],
      ['k8s/api.yaml', '3000'],
    ]);
  });

  it('stays silent when ports agree, without EXPOSE, with variables, with an unclear link or a partial workspace', () => {
    assert.deepEqual(lintIn({ 'api/Dockerfile': dockerfile.replace('8080', '3000/tcp'), 'compose.yaml': compose, 'k8s/api.yaml': deploy }), []);
    assert.deepEqual(lintIn({ 'api/Dockerfile': dockerfile.replace('EXPOSE 8080\n', ''), 'compose.yaml': compose }), []);
    assert.deepEqual(lintIn({ 'api/Dockerfile': dockerfile.replace('8080', '${PORT}'), 'compose.yaml': compose }), []);
    assert.deepEqual(lintIn({ 'api/Dockerfile': dockerfile, 'k8s/api.yaml': deploy }), []);
    assert.deepEqual(lintIn({ 'api/Dockerfile': dockerfile, 'compose.yaml': compose }, false), []);
  });
});
