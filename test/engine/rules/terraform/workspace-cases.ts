// Cases for the cross-file Terraform rules: several files of a workspace (complete, as in the
// editor and the CLI), one of them linted; the same assertions as rule-tester.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResolvedConfig, Workspace, applyEdits, lint, snippetToText, type Finding, type Rule, type RuleSetting } from '../../../../engine/index';
import { assertParses } from '../../rule-tester';

export interface WorkspaceCase {
  name: string;
  files: Record<string, string>;
  /** The file linted. */
  lint: string;
  options?: Record<string, unknown>;
  /** `messageId line:column-endLine:endColumn` (1-based), in order. */
  errors: string[];
  /** The linted file after the first fix of every finding (snippets filled with their defaults). */
  output?: string;
}

export function lintInWorkspace(rule: Rule, files: Record<string, string>, path: string, options?: Record<string, unknown>): { findings: Finding[]; ws: Workspace } {
  const ws = new Workspace(undefined, true);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const setting: RuleSetting = [rule.meta.severity, options ?? {}];
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: setting } }]);
  const file = ws.get(path);
  assert.ok(file, `${path} is one of the files`);
  const result = lint(file, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, [], 'the rule threw');
  assert.equal(result.skipped, undefined);
  return { findings: result.findings, ws };
}

export function workspaceCases(rule: Rule, cases: WorkspaceCase[]) {
  describe(`${rule.meta.id} (workspace)`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const { findings, ws } = lintInWorkspace(rule, c.files, c.lint, c.options);
        const lines = ws.get(c.lint)!.lines;
        const pos = (o: number) => {
          const p = lines.positionAt(o);
          return `${p.line + 1}:${p.character + 1}`;
        };
        assert.deepEqual(
          findings.map((f) => `${f.messageId} ${pos(f.range.start)}-${pos(f.range.end)}`),
          c.errors,
        );
        if (c.output === undefined) return;
        const edits = findings.flatMap((f) => (f.fixes[0] ? f.fixes[0].edits.map((e) => (f.fixes[0].snippet ? { ...e, text: snippetToText(e.text) } : e)) : []));
        const fixed = applyEdits(c.files[c.lint], edits);
        assert.equal(fixed, c.output);
        assertParses('terraform', c.lint, fixed);
        const again = lintInWorkspace(rule, { ...c.files, [c.lint]: fixed }, c.lint, c.options).findings;
        assert.deepEqual(again.map((f) => f.message), [], 'the fixed text re-lints clean');
      });
    }
  });
}
