import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule, { envKeys } from '../../../../engine/rules/workspace/env-example';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

function lintIn(files: Record<string, string>, options: Record<string, unknown> = {}, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) if (!p.endsWith('.env') && !p.includes('.env.') && !p.endsWith('.gitignore')) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, options] } }]);
  const result = lint(ws.get(Object.keys(files)[0])!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

const compose = 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n      LOG_LEVEL: ${LOG_LEVEL:-info}\n      STRIPE_KEY: $STRIPE_KEY\n      PRICE: $$5\n';

// Linted alone, the rule cannot see .env.example and stays silent.
ruleTester(rule, { valid: [compose], invalid: [] });

describe('workspace/env-example', () => {
  it('reads dotenv keys', () => {
    assert.deepEqual([...envKeys('# comment\nA=1\nexport B=2\nC\n  D = 4\nnot valid line\n')], ['A', 'B', 'C', 'D']);
  });

  it('reports a missing .env.example once and offers to create it', () => {
    const f = lintIn({ 'deploy/compose.yaml': compose });
    assert.deepEqual(f.map((x) => x.messageId), ['noExample']);
    assert.equal(f[0].message, 'This file needs $DATABASE_URL, $STRIPE_KEY from the environment, but there is no .env.example next to it: a new developer has to read the whole file to find out what to set.');
    assert.deepEqual(f[0].fixes[0].fileEdits, [{ path: '.env.example', create: 'DATABASE_URL=\nSTRIPE_KEY=\n' }]);
    assert.equal(compose.slice(f[0].range.start, f[0].range.end), '${DATABASE_URL}');
  });

  it('reports each variable missing from .env.example with an append fix', () => {
    const f = lintIn({ 'compose.yaml': compose, '.env.example': 'DATABASE_URL=postgres://localhost/app' });
    assert.deepEqual(f.map((x) => x.message), ['"STRIPE_KEY" is not in .env.example.']);
    assert.deepEqual(f[0].fixes[0].fileEdits, [{ path: '.env.example', edits: [{ range: { start: 37, end: 37 }, text: '\nSTRIPE_KEY=\n' }] }]);
  });

  it('accepts .env.sample and the envExampleFile option', () => {
    assert.deepEqual(lintIn({ 'compose.yaml': compose, '.env.sample': 'DATABASE_URL=\nSTRIPE_KEY=\n' }), []);
    assert.deepEqual(lintIn({ 'compose.yaml': compose, '.env.defaults': 'DATABASE_URL=\nSTRIPE_KEY=\n' }, { envExampleFile: '.env.defaults' }), []);
  });

  it('reports an env_file .env without example, and a .env that is not git-ignored', () => {
    const c = 'services:\n  api:\n    image: a:1\n    env_file: .env\n';
    assert.deepEqual(lintIn({ 'compose.yaml': c, '.env': 'DB_PASSWORD=hunter22\n' }).map((x) => x.messageId), ['noExample', 'dotenvTracked']);
    assert.deepEqual(lintIn({ 'compose.yaml': c, '.env': 'A=1\n', '.gitignore': 'node_modules\n.env\n', '.env.example': 'A=\n' }), []);
  });

  it('a committed .env of non-secret defaults documents its keys', () => {
    const c = 'services:\n  db:\n    image: postgres:${PG_VERSION}\n  api:\n    image: acme/api:${API_VERSION}\n';
    assert.deepEqual(lintIn({ 'compose.yaml': c, '.env': 'PG_VERSION=16.4\nAPI_VERSION=1.2.3\n' }), []);
    assert.deepEqual(lintIn({ 'compose.yaml': c, '.env': 'PG_VERSION=16.4\n' }).map((x) => x.message), ['"API_VERSION" is not in .env.']);
  });

  it('stays silent without the whole workspace', () => {
    assert.deepEqual(lintIn({ 'compose.yaml': compose }, {}, false), []);
  });
});
