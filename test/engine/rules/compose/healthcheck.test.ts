import rule from '../../../../engine/rules/compose/healthcheck';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    healthcheck:
      test: ["CMD", "true"]
`,
    `services:
  migrate:
    image: acme/tools:1
`,
    `services:
  api:
    build: .
`,
    `services:
  api:
    environment:
      A: b
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add a healthcheck"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    healthcheck:
      test: ["CMD-SHELL", "curl -fsS http://localhost:8080/health || exit 1"]
      interval: 30s
      timeout: 5s
      retries: 3
      start_period: 10s
`,
    },
  ],
});

// --- with the workspace ---------------------------------------------------------------------------
function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const path = Object.keys(files)[0];
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(path)!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

describe('compose/healthcheck (workspace)', () => {
  const compose = 'services:\n  api:\n    build: ./api\n';
  it('reads the Dockerfile of a build service: no HEALTHCHECK is reported', () => {
    const f = lintIn({ 'compose.yaml': compose, 'api/Dockerfile': 'FROM node:22\nCMD ["node", "s.js"]\n' });
    assert.deepEqual(f.map((x) => x.messageId), ['missing']);
  });
  it('a HEALTHCHECK in the Dockerfile counts', () => {
    assert.deepEqual(lintIn({ 'compose.yaml': compose, 'api/Dockerfile': 'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' }), []);
  });
  it('stays silent when the Dockerfile cannot be read', () => {
    assert.deepEqual(lintIn({ 'compose.yaml': compose }), []);
    assert.deepEqual(lintIn({ 'compose.yaml': compose, 'api/Dockerfile': 'FROM node:22\n' }, false), []);
  });
  it('follows merge keys', () => {
    assert.deepEqual(lintIn({ 'compose.yaml': 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  api:\n    <<: *hc\n    image: a:1\n' }), []);
  });
});
