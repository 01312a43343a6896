import rule from '../../../../engine/rules/actions/security-scan';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
      - run: trivy image app
      - run: docker push app
`,
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
`,
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
      - run: docker push app
`,
      errors: [
        { messageId: 'noScan', line: 8, column: 14, endLine: 8, endColumn: 29, fixes: ["Insert a Trivy scan step before the push"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
      - name: Scan the image for vulnerabilities
        uses: aquasecurity/trivy-action@<full commit SHA> # <version>
        with:
          image-ref: IMAGE
          exit-code: "1"
          severity: CRITICAL,HIGH
      - run: docker push app
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          push: true
`,
      errors: [
        { messageId: 'noScan', line: 7, column: 15, endLine: 7, endColumn: 42, fixes: ["Insert a Trivy scan step before the push"] },
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

describe('actions/security-scan (workspace)', () => {
  const push = 'name: Publish\non: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t app . && docker push app\n';
  it('a scan in another workflow of the repository counts', () => {
    const scan = 'name: Scan\non:\n  schedule:\n    - cron: "0 6 * * 1"\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          image-ref: app\n';
    assert.deepEqual(lintIn({ '.github/workflows/publish.yml': push, '.github/workflows/scan.yml': scan }), []);
  });
  it('a dependency scanner is not an image scanner', () => {
    const vuln = 'name: Vuln\non: push\njobs:\n  v:\n    runs-on: ubuntu-latest\n    steps:\n      - run: govulncheck ./...\n';
    assert.equal(lintIn({ '.github/workflows/publish.yml': push, '.github/workflows/vuln.yml': vuln }).length, 1);
  });
});
