import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/actions/reusable-workflow-contract';
import { applyEdits, lint, ResolvedConfig, snippetToText, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

const callee = `name: Deploy
on:
  workflow_call:
    inputs:
      environment:
        type: string
        required: true
      dry-run:
        type: boolean
        required: false
    secrets:
      KUBE_CONFIG:
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: echo deploying
`;
const caller = (call: string) => `name: Release\non: push\njobs:\n  deploy:\n${call}`;

function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = new Workspace(undefined, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(Object.keys(files)[0])!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

// Linted alone (no workspace), the rule cannot read the callee and stays silent.
ruleTester(rule, {
  valid: [caller('    uses: ./.github/workflows/deploy.yml\n    with:\n      enviroment: prod\n')],
  invalid: [],
});

describe('actions/reusable-workflow-contract (workspace)', () => {
  const files = (call: string) => ({ '.github/workflows/release.yml': caller(call), '.github/workflows/deploy.yml': callee });

  it('accepts a call that matches the contract', () => {
    assert.deepEqual(lintIn(files('    uses: ./.github/workflows/deploy.yml\n    with:\n      environment: prod\n    secrets:\n      KUBE_CONFIG: ${{ secrets.KUBE_CONFIG }}\n')), []);
    assert.deepEqual(lintIn(files('    uses: ./.github/workflows/deploy.yml\n    with:\n      environment: prod\n    secrets: inherit\n')), []);
  });

  it('reports missing and unknown inputs and secrets', () => {
    const f = lintIn(files('    uses: ./.github/workflows/deploy.yml\n    with:\n      enviroment: prod\n    secrets:\n      TOKEN: x\n'));
    assert.deepEqual(f.map((x) => x.messageId).sort(), ['missingInput', 'missingSecret', 'unknownInputDid', 'unknownSecret']);
    const typo = f.find((x) => x.messageId === 'unknownInputDid')!;
    assert.equal(typo.message, './.github/workflows/deploy.yml declares no input "enviroment": did you mean "environment"?');
  });

  it('offers the missing input as a snippet', () => {
    const text = caller('    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n');
    const f = lintIn({ '.github/workflows/release.yml': text, '.github/workflows/deploy.yml': callee });
    assert.deepEqual(f.map((x) => x.messageId), ['missingInput']);
    const fix = f[0].fixes[0];
    assert.equal(fix.snippet, true);
    const fixed = applyEdits(text, fix.edits.map((e) => ({ ...e, text: snippetToText(e.text) })));
    assert.equal(fixed, caller('    uses: ./.github/workflows/deploy.yml\n    with:\n      environment: VALUE\n    secrets: inherit\n'));
  });

  it('reports a callee without workflow_call', () => {
    const f = lintIn({ '.github/workflows/release.yml': caller('    uses: ./.github/workflows/ci.yml\n'), '.github/workflows/ci.yml': 'name: CI\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n' });
    assert.deepEqual(f.map((x) => x.messageId), ['notCallable']);
  });

  it('stays silent without the whole workspace or for remote workflows', () => {
    assert.deepEqual(lintIn(files('    uses: ./.github/workflows/deploy.yml\n'), false), []);
    assert.deepEqual(lintIn(files('    uses: acme/platform/.github/workflows/deploy.yml@v1\n')), []);
  });
});
