import rule from '../../../../engine/rules/actions/self-repository-ref';
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
      - uses: acme/api/.github/actions/setup@main
`,
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    if: github.repository == 'acme/api'
    steps:
      - uses: ./.github/actions/setup
`,
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    if: github.repository == 'acme/api'
    steps:
      - uses: acme/api/.github/actions/setup@main
`,
      errors: [
        { messageId: 'remote', line: 8, column: 15, endLine: 8, endColumn: 50, fixes: ["Use ./.github/actions/setup"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    if: github.repository == 'acme/api'
    steps:
      - uses: ./.github/actions/setup
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

describe('actions/self-repository-ref (workspace)', () => {
  const wfText = 'name: CI\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: Acme/API/.github/actions/setup@v1\n';
  it('identifies the repository from the git remote', () => {
    const f = lintIn({ '.github/workflows/ci.yml': wfText, '.git/config': '[remote "origin"]\n\turl = git@github.com:acme/api.git\n' });
    assert.deepEqual(f.map((x) => x.messageId), ['remote']);
  });
  it('stays silent for another repository', () => {
    assert.deepEqual(lintIn({ '.github/workflows/ci.yml': wfText, '.git/config': '[remote "origin"]\n\turl = https://github.com/acme/web\n' }), []);
  });
});
