import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/image-scan-in-ci';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) if (!p.startsWith('.gitlab') && p !== 'Jenkinsfile') ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(Object.keys(files)[0])!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

const dockerfile = 'FROM node:22-slim\nCOPY . .\nCMD ["node", "s.js"]\n';
const scanWorkflow = 'name: Scan\non: push\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t app . && trivy image app\n';

// Linted alone, the rule cannot see the workflows and stays silent.
ruleTester(rule, { valid: [dockerfile], invalid: [] });

describe('workspace/image-scan-in-ci', () => {
  it('reports once, on the first Dockerfile, with a fix that creates a scan workflow', () => {
    const files = { 'services/api/Dockerfile': dockerfile, 'services/web/Dockerfile': dockerfile };
    const f = lintIn(files);
    assert.deepEqual(f.map((x) => x.messageId), ['noScan']);
    assert.deepEqual({ start: f[0].range.start, end: f[0].range.end }, { start: 0, end: 4 });
    const edit = f[0].fixes[0].fileEdits![0];
    assert.equal(edit.path, '../../.github/workflows/image-scan.yml');
    assert.match(edit.create!, /docker build -t local\/image-scan:\$\{\{ github\.sha \}\} -f services\/api\/Dockerfile services\/api/);
    assert.deepEqual(lintIn({ 'services/web/Dockerfile': dockerfile, 'services/api/Dockerfile': dockerfile }), []);
  });

  it('a workflow, another CI system or a scanning build stage counts', () => {
    assert.deepEqual(lintIn({ Dockerfile: dockerfile, '.github/workflows/scan.yml': scanWorkflow }), []);
    assert.deepEqual(lintIn({ Dockerfile: dockerfile, '.gitlab-ci.yml': 'scan:\n  script:\n    - grype myimage\n' }), []);
    assert.deepEqual(lintIn({ Dockerfile: `${dockerfile}FROM aquasec/trivy:0.56.2 AS scan\nCOPY --from=0 / /r\nRUN trivy rootfs --exit-code 1 /r\n` }), []);
  });

  it('a workflow without a scanner does not count', () => {
    assert.equal(lintIn({ Dockerfile: dockerfile, '.github/workflows/ci.yml': 'name: CI\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build .\n' }).length, 1);
  });

  it('stays silent without the whole workspace', () => {
    assert.deepEqual(lintIn({ Dockerfile: dockerfile }, false), []);
  });
});
