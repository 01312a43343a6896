// ESLint-style RuleTester on node:test: valid and invalid cases per rule, exact ranges, fixes
// applied, re-parsed and re-linted.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile, lint, ResolvedConfig, applyEdits, snippetToText, initEngine, type Rule, type Finding, type RuleSetting } from '../../engine/index';

// The Terraform parser loads asynchronously; lint() is synchronous and skips .tf files until then.
before(() => initEngine());

export interface ValidCase {
  code: string;
  /** File path used for classification; defaults by rule kind. */
  path?: string;
  options?: Record<string, unknown>;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  /** 1-based, like ESLint; endColumn is the column just after the last character. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Titles of the rule's own fixes, in order (suppression fixes are not listed). */
  fixes?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /**
   * Text after applying the first fix of every finding (snippet placeholders filled with their
   * defaults). The result must parse and re-lint without this rule's findings. `null` = no fix.
   */
  output?: string | null;
}

const DEFAULT_PATH: Record<string, string> = {
  dockerfile: 'Dockerfile',
  kubernetes: 'k8s/manifest.yaml',
  workflow: '.github/workflows/ci.yml',
  compose: 'compose.yaml',
  dockerignore: '.dockerignore',
  terraform: 'main.tf',
};

export function lintWith(rule: Rule, code: string, path?: string, options?: Record<string, unknown>): Finding[] {
  const file = new SourceFile(path ?? DEFAULT_PATH[rule.meta.kind] ?? 'file.yaml', code);
  assert.equal(file.kind, rule.meta.kind, `test file is classified as ${file.kind}, rule expects ${rule.meta.kind}`);
  const setting: RuleSetting = [rule.meta.severity, options ?? {}];
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: setting } }]);
  const result = lint(file, { config, rules: [rule] });
  assert.deepEqual(result.ruleErrors, [], 'the rule threw');
  for (const f of result.findings) {
    assert.ok(f.range.start >= 0 && f.range.end <= code.length && f.range.start <= f.range.end, 'range inside the text');
    assert.ok(rule.meta.messages[f.messageId], `messageId ${f.messageId} is declared`);
    for (const fix of f.fixes) assertNoOverlap(fix.edits);
  }
  return result.findings;
}

function assertNoOverlap(edits: { range: { start: number; end: number } }[]) {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].range.start >= sorted[i - 1].range.end, 'edits of one fix overlap');
}

function position(file: SourceFile, offset: number) {
  const p = file.lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

/** Assert that a fixed text still parses for its kind. */
export function assertParses(kind: string, path: string, text: string) {
  const file = new SourceFile(path, text);
  if (kind === 'dockerfile') {
    const df = file.dockerfile;
    for (const ins of df.instructions) assert.match(ins.keyword, /^[A-Z]+$/, `fixed Dockerfile has a broken instruction: ${ins.keywordText}`);
  } else if (['kubernetes', 'workflow', 'compose', 'yaml'].includes(kind)) {
    assert.deepEqual(file.yaml.errors.map((e) => e.message), [], 'fixed YAML parses');
  } else if (kind === 'terraform') {
    assert.ok(file.terraform.hcl.ready, 'the Terraform parser is loaded');
    assert.deepEqual(file.terraform.hcl.errors, [], 'fixed Terraform parses');
  }
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }) {
  describe(rule.meta.id, () => {
    const seen = new Set<string>();
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { code: v } : v;
      assert.ok(!seen.has(c.code + c.path), `duplicate case: ${c.code}`);
      seen.add(c.code + c.path);
      it(`valid: ${c.name ?? c.code.split('\n').slice(0, 3).join(' ⏎ ').slice(0, 70)}`, () => {
        const findings = lintWith(rule, c.code, c.path, c.options);
        assert.deepEqual(findings.map((f) => `${f.messageId}: ${f.message}`), []);
      });
    }
    for (const c of cases.invalid) {
      assert.ok(!seen.has(c.code + c.path), `duplicate case: ${c.code}`);
      seen.add(c.code + c.path);
      it(`invalid: ${c.name ?? c.code.split('\n').slice(0, 3).join(' ⏎ ').slice(0, 70)}`, () => {
        const path = c.path ?? DEFAULT_PATH[rule.meta.kind];
        const findings = lintWith(rule, c.code, path, c.options);
        const file = new SourceFile(path, c.code);
        const actual = findings.map((f) => {
          const s = position(file, f.range.start);
          const e = position(file, f.range.end);
          const out: ExpectedError = { messageId: f.messageId, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
          return out;
        });
        const expected = c.errors.map(({ fixes: _f, ...e }) => e);
        assert.deepEqual(actual, expected);
        c.errors.forEach((e, i) => {
          if (e.fixes) assert.deepEqual(findings[i].fixes.map((f) => f.title), e.fixes);
        });
        if (c.output === undefined) return;
        const firstFixes = findings.map((f) => f.fixes[0]).filter((f) => f !== undefined);
        if (c.output === null) {
          assert.equal(firstFixes.length, 0, 'expected no fix');
          return;
        }
        assert.ok(firstFixes.length > 0, 'expected a fix');
        const edits = firstFixes.flatMap((f) => f.edits.map((e) => (f.snippet ? { ...e, text: snippetToText(e.text) } : e)));
        const fixed = applyEdits(c.code, edits);
        assert.equal(fixed, c.output);
        assert.notEqual(fixed, c.code, 'a fix must change the text');
        assertParses(rule.meta.kind, path, fixed);
        const again = lintWith(rule, fixed, path, c.options);
        assert.deepEqual(again.map((f) => `${f.messageId}: ${f.message}`), [], 'the fixed text re-lints clean');
      });
    }
  });
}
