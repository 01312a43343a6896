// A RuleTester for cross-file rules: the linted file sits in a complete workspace with other files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, lint, ResolvedConfig, applyEdits, snippetToText, type Rule, type Finding } from '../../../../engine/index';
import { assertParses, type ExpectedError } from '../../rule-tester';

export interface CrossCase {
  name: string;
  /** The linted file first; then the other files of the workspace, by path. */
  files: Record<string, string>;
  options?: Record<string, unknown>;
}

export interface CrossInvalid extends CrossCase {
  errors: (ExpectedError & { related?: string[] })[];
  output?: string | null;
}

function run(rule: Rule, files: Record<string, string>, options?: Record<string, unknown>, complete = true): { findings: Finding[]; text: string; path: string; ws: Workspace } {
  const ws = new Workspace(undefined, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const [path, text] = Object.entries(files)[0];
  const file = ws.get(path)!;
  assert.equal(file.kind, 'kubernetes');
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, options ?? {}] } }]);
  const result = lint(file, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, [], 'the rule threw');
  return { findings: result.findings, text, path, ws };
}

/** `localMessageIds`: findings the rule still reports when the workspace is incomplete (single-file checks). */
export function crossFileTester(rule: Rule, cases: { valid: CrossCase[]; invalid: CrossInvalid[] }, localMessageIds: string[] = []) {
  describe(`${rule.meta.id} (workspace)`, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const { findings } = run(rule, c.files, c.options);
        assert.deepEqual(findings.map((f) => f.message), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const { findings, text, path, ws } = run(rule, c.files, c.options);
        const file = ws.get(path)!;
        const pos = (o: number) => file.lines.positionAt(o);
        const actual = findings.map((f) => ({ messageId: f.messageId, line: pos(f.range.start).line + 1, column: pos(f.range.start).character + 1, endLine: pos(f.range.end).line + 1, endColumn: pos(f.range.end).character + 1 }));
        assert.deepEqual(actual, c.errors.map(({ fixes: _f, related: _r, ...e }) => e));
        c.errors.forEach((e, i) => {
          if (e.fixes) assert.deepEqual(findings[i].fixes.map((f) => f.title), e.fixes);
          if (e.related) assert.deepEqual((findings[i].related ?? []).map((r) => r.path), e.related);
        });
        if (c.output === undefined) return;
        const first = findings.map((f) => f.fixes[0]).filter((f) => f !== undefined);
        if (c.output === null) {
          assert.equal(first.length, 0, 'expected no fix');
          return;
        }
        const fixed = applyEdits(text, first.flatMap((f) => f.edits.map((e) => (f.snippet ? { ...e, text: snippetToText(e.text) } : e))));
        assert.equal(fixed, c.output);
        assertParses('kubernetes', path, fixed);
        const again = run(rule, { ...c.files, [path]: fixed }, c.options);
        assert.deepEqual(again.findings.map((f) => f.message), [], 'the fixed workspace re-lints clean');
      });
      it(`silent without the whole workspace: ${c.name}`, () => {
        const { findings } = run(rule, c.files, c.options, false);
        assert.deepEqual(findings.filter((f) => !localMessageIds.includes(f.messageId)).map((f) => f.message), []);
      });
    }
  });
}
