import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/probe-matches-healthcheck';
import { lint, ResolvedConfig, SourceFile, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
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
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
`;
const compose = 'services:\n  api:\n    build: .\n    image: ghcr.io/acme/api:dev\n';
const dockerfile = 'FROM node:22-slim\nEXPOSE 8080\nHEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n';

// Linted alone, the rule cannot see the Dockerfile and stays silent.
ruleTester(rule, { valid: [deploy], invalid: [] });

describe('workspace/probe-matches-healthcheck', () => {
  it("reports the liveness probe path when no probe uses the Dockerfile's health endpoint", () => {
    const f = lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, Dockerfile: dockerfile });
    assert.deepEqual(f.map((x) => at(deploy, x)), ['differs 19:21-19:29']);
    assert.equal(f[0].message, "The Dockerfile of this image (Dockerfile) checks health at /health, but none of this container's HTTP probes uses it (they use /healthz, /ready): one of them is probably stale.");
    assert.equal(f[0].related![0].path, 'Dockerfile');
  });

  it('stays silent when a probe uses it, without an HTTP HEALTHCHECK, with an unclear link or a partial workspace', () => {
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy.replace('/healthz', '/health/'), 'compose.yaml': compose, Dockerfile: dockerfile }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, Dockerfile: dockerfile.replace(/HEALTHCHECK.*\n/, 'HEALTHCHECK CMD ["/app/healthcheck"]\n') }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, Dockerfile: dockerfile.replace(/HEALTHCHECK.*\n/, '') }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, Dockerfile: dockerfile }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'compose.yaml': compose, Dockerfile: dockerfile }, false), []);
  });
});
