// Rule bugs the robustness suites found, reported and not fixed here (rules are their authors'):
// each is a minimal reproduction asserting the correct behaviour, run as a todo so it stays visible
// without failing the build. When one passes, fix its entry in harness.ts (KNOWN_*) and drop it here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile, lint, applyEdits, ruleById, type Finding } from '../../engine/index';
import { ALL, LONG, timed, type LintKind, PATH_OF } from './harness';

function lintOne(ruleId: string, kind: LintKind, text: string) {
  const rule = ruleById.get(ruleId);
  assert.ok(rule, `${ruleId} is registered`);
  return lint(new SourceFile(PATH_OF[kind], text, kind), { config: ALL, rules: [rule], timeBudgetMs: Infinity });
}

/** Apply the finding's first automatic fix and assert the same finding is gone. */
function fixRemoves(ruleId: string, kind: LintKind, text: string) {
  const { findings, ruleErrors } = lintOne(ruleId, kind, text);
  assert.deepEqual(ruleErrors, []);
  assert.ok(findings.some((x) => x.ruleId === ruleId), `${ruleId} reports a finding`);
  const f = findings.find((x) => x.fixes.some((fx) => !fx.snippet));
  // Where the file's own syntax is left open, offering no fix is right; a fix that is offered must work.
  if (!f) return;
  const fixed = applyEdits(text, f.fixes.find((fx) => !fx.snippet)!.edits);
  const same = (g: Finding) => g.ruleId === f.ruleId && g.message === f.message && g.range.start === f.range.start && g.range.end === f.range.end;
  assert.ok(!lintOne(ruleId, kind, fixed).findings.some(same), `the fix removes the finding; text after the fix: ${JSON.stringify(fixed)}`);
}


/** Slow reproductions take seconds each: timed in the long run (npm run fuzz) only. */
const slowTodo = (what: string, id: string) => (!ruleById.has(id) ? { skip: `${id} is not registered` } : LONG ? { todo: what } : { skip: `known (npm run fuzz times it): ${what}` });

describe('reported rule bugs (todo until fixed)', () => {
  it('dockerfile/no-root-user: no fix lands inside an unterminated heredoc', () => {
    fixRemoves('dockerfile/no-root-user', 'dockerfile', 'FROM alpine:3.20\nRUN <<EOF\necho unterminated\n');
  });

  it('dockerfile/package-cache-cleanup: no fix lands inside an unclosed quote', () => {
    fixRemoves('dockerfile/package-cache-cleanup', 'dockerfile', "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends gfortran '\\\n    gcc && apt-get clean\n");
  });

  it('kubernetes/pdb-unhealthy-eviction-policy: no fix misplaced by a lone CR line break', () => {
    fixRemoves('kubernetes/pdb-unhealthy-eviction-policy', 'kubernetes', 'apiVersion: policy/v1\r\nkind: PodDisruptionBudget\nmetadata: {name: web}\r\nspec:\r\n  minAvailable: 1\r\n  selector: {matchLabels: {app: web}}\r');
  });

  for (const id of ['kubernetes/pdb-allows-disruption', 'kubernetes/pdb-unhealthy-eviction-policy']) {
    it(`${id}: does not throw on a PDB whose spec is tab-indented (not a map)`, () => {
      const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: "a:1"}]}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n\tminAvailable: 3\n\tselector: {matchLabels: {app: web}}\n';
      assert.deepEqual(lintOne(id, 'kubernetes', text).ruleErrors, []);
    });
  }

  it('compose/schema: does not throw on an alias bomb', () => {
    const laughs = ['services:', '  a:', '    image: a:1', 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++) laughs.push(`x-${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    assert.deepEqual(lintOne('compose/schema', 'compose', laughs.join('\n') + '\n').ruleErrors, []);
  });

  it('compose/schema: does not throw on an alias whose anchor is missing', () => {
    assert.deepEqual(lintOne('compose/schema', 'compose', 'services:\n  api:\n    <<: *common\n    image: a:1\n').ruleErrors, []);
  });

  it('compose rules: a self-referencing merge key does not overflow the stack in documents/compose.ts', () => {
    assert.deepEqual(lintOne('compose/schema', 'compose', 'services:\n  a:\n    image: a:1\nx-a: &a\n  <<: *a\n').ruleErrors, []);
  });

  // Quadratic rules: 50,000 characters (or 10,000 containers) must lint in time linear in the text.
  // The budget is relative to parsing the same text in the same moment, so that a loaded machine
  // slows both alike; the quadratic versions of these rules took seconds to minutes.
  const quick = (id: string, kind: LintKind, text: string) => {
    const parse = () => {
      const file = new SourceFile(PATH_OF[kind], text, kind);
      return kind === 'dockerfile' ? file.dockerfile : file.yaml;
    };
    const parseMs = Math.min(timed(parse).ms, timed(parse).ms);
    const { ms } = timed(() => lintOne(id, kind, text));
    const budget = 500 + 8 * parseMs;
    assert.ok(ms < budget, `${id}: ${ms.toFixed(0)} ms on ${text.length} chars (parse ${parseMs.toFixed(0)} ms, budget ${budget.toFixed(0)} ms)`);
  };
  it('kubernetes/no-latest-tag: linear in the number of containers', () => {
    const containers = Array.from({ length: 10_000 }, (_, i) => `    - name: c${i}\n      image: nginx:latest`).join('\n');
    quick('kubernetes/no-latest-tag', 'kubernetes', `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n${containers}\n`);
  });
  it('dockerfile/package-cache-cleanup: a RUN with a long run of spaces', () => {
    quick('dockerfile/package-cache-cleanup', 'dockerfile', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl' + ' '.repeat(50_000) + 'x\n');
  });
  it('dockerfile/syntax: a directive value with a long run of spaces', () => {
    quick('dockerfile/syntax', 'dockerfile', '# syntax=a' + ' '.repeat(50_000) + 'b\nFROM alpine:3.20\n');
  });
  it('dockerfile/no-secret-files-copied: a COPY source of slashes', () => {
    quick('dockerfile/no-secret-files-copied', 'dockerfile', 'FROM alpine:3.20\nCOPY ' + '/'.repeat(50_000) + 'x /app/\n');
  });
  it('compose rules: super-linear in the length of a merge-key chain (first seen in compose/container-name-format)', slowTodo('200 services each merging the previous one take tens of seconds', 'compose/container-name-format'), () => {
    quick('compose/container-name-format', 'compose', 'services:\n' + Array.from({ length: 200 }, (_, i) => `  s${i}: &s${i}\n    <<: ${i ? `*s${i - 1}` : '{image: a:1}'}\n    environment: {A${i}: x}`).join('\n') + '\n');
  });
  it('kubernetes/no-sensitive-host-mounts: a hostPath of slashes', () => {
    quick('kubernetes/no-sensitive-host-mounts', 'kubernetes', `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes:\n    - name: a\n      hostPath:\n        path: "${'/'.repeat(50_000)}x"\n  containers: [{name: a, image: "a:1"}]\n`);
  });
});
