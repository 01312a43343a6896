import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/dependency-update-automation';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

const INDEXED = /(^|\/)(Dockerfile|[^/]+\.ya?ml)$/;

function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) if (INDEXED.test(p) && !p.includes('dependabot')) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(Object.keys(files)[0])!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const ci = `name: CI
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA} # v4.1.1
      - run: npm test
`;
const tagged = ci.replace(`@${SHA} # v4.1.1`, '@v4');

// Linted alone, the rule cannot see the repository's configuration and stays silent.
ruleTester(rule, {
  valid: [ci, tagged],
  invalid: [],
});

describe('workspace/dependency-update-automation', () => {
  it('reports the first SHA pin once and offers a dependabot.yml covering the ecosystems present, with a cooldown', () => {
    const files = {
      '.github/workflows/ci.yml': ci,
      '.github/workflows/release.yml': ci,
      'services/api/Dockerfile': 'FROM node:22-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
      'package.json': '{"name":"x"}',
    };
    const f = lintIn(files);
    assert.deepEqual(f.map((x) => [x.messageId, x.range.start, x.range.end]), [['noAutomation', ci.indexOf('actions/checkout'), ci.indexOf(' # v4.1.1')]]);
    assert.match(f[0].message, /pinned to commit SHAs and base images to digests/);
    const edit = f[0].fixes[0].fileEdits![0];
    assert.equal(edit.path, '../dependabot.yml');
    assert.equal(
      edit.create,
      '# Keeps the pinned SHAs and digests up to date; cooldown waits a week before proposing a new release.\nversion: 2\nupdates:\n' +
        '  - package-ecosystem: github-actions\n    directory: "/"\n    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n' +
        '  - package-ecosystem: docker\n    directory: "/services/api"\n    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n' +
        '  - package-ecosystem: npm\n    directory: "/"\n    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n',
    );
    assert.deepEqual(lintIn({ '.github/workflows/release.yml': ci, '.github/workflows/ci.yml': ci }), []);
  });

  it('stays silent with Dependabot or Renovate, without SHA pins, or without the whole workspace', () => {
    assert.deepEqual(lintIn({ '.github/workflows/ci.yml': ci, '.github/dependabot.yml': 'version: 2\n' }), []);
    assert.deepEqual(lintIn({ '.github/workflows/ci.yml': ci, 'renovate.json': '{}' }), []);
    assert.deepEqual(lintIn({ '.github/workflows/ci.yml': ci, 'package.json': '{"renovate": {"extends": ["config:recommended"]}}' }), []);
    assert.deepEqual(lintIn({ '.github/workflows/ci.yml': tagged }), []);
    assert.deepEqual(lintIn({ '.github/workflows/ci.yml': ci }, false), []);
  });
});
