import rule from '../../../../engine/rules/compose/non-root-user';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    user: "1000:1000"
`,
    `services:
  api:
    image: postgres:16
`,
    `services:
  api:
    image: bitnami/redis:7.4
`,
    `services:
  api:
    build: .
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Run as a non-root user"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    user: "1000:1000"
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    user: root
`,
      errors: [
        { messageId: 'root', line: 4, column: 11, endLine: 4, endColumn: 15 },
      ],
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

describe('compose/non-root-user (workspace)', () => {
  const compose = 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/api.Dockerfile\n';
  it('a non-root USER in the Dockerfile counts', () => {
    assert.deepEqual(lintIn({ 'deploy/compose.yaml': compose, 'deploy/docker/api.Dockerfile': 'FROM node:22\nUSER node\n' }), []);
  });
  it('a Dockerfile that ends as root is reported', () => {
    const f = lintIn({ 'deploy/compose.yaml': compose, 'deploy/docker/api.Dockerfile': 'FROM node:22\nUSER node\nUSER root\n' });
    assert.deepEqual(f.map((x) => x.messageId), ['missing']);
  });
});
