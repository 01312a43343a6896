// Shared by the robustness suites: run settings, document kinds, and the invariants every lint must keep.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SourceFile, lint, applyEdits, suppressionFixes, ResolvedConfig, rules, type Finding } from '../../engine/index';

/**
 * `npm test` runs a bounded number of cases with a fixed seed. `npm run fuzz` (or FUZZ_LONG=1) runs
 * the same files long: 20x the cases, bigger inputs, the whole corpus. FUZZ_RUNS scales the number of
 * cases (100 = the fast run's), FUZZ_SEED changes the seed; a failure prints the seed and the path
 * of the counterexample, and the same FUZZ_SEED replays it.
 */
export const LONG = process.env.FUZZ_LONG === '1' || process.env.npm_lifecycle_event === 'fuzz';
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20260101;
export function runs(fast: number, long = fast * 20): number {
  if (process.env.FUZZ_RUNS) return Math.max(1, Math.round((Number(process.env.FUZZ_RUNS) * fast) / 100));
  return LONG ? long : fast;
}

/** Every rule, strict ones included, so the fuzzer reaches all of them. */
export const ALL = new ResolvedConfig(rules, [{ extends: 'all' }]);

export type LintKind = 'dockerfile' | 'kubernetes' | 'workflow' | 'compose' | 'dockerignore';
export const KINDS: readonly LintKind[] = ['dockerfile', 'kubernetes', 'workflow', 'compose', 'dockerignore'];
export const PATH_OF: Record<LintKind, string> = {
  dockerfile: 'app/Dockerfile',
  kubernetes: 'k8s/deploy.yaml',
  workflow: '.github/workflows/ci.yml',
  compose: 'compose.yaml',
  dockerignore: '.dockerignore',
};

/**
 * Rule bugs the fuzzer found and reported, not yet fixed (rules are not this suite's to fix): the fix
 * property tolerates them so the suite stays green, and known-bugs.test.ts keeps each one visible as
 * a todo with a minimal reproduction. Remove an entry when its rule is fixed.
 */
export const KNOWN_FIX_BUGS: { ruleId: RegExp; when: (text: string) => boolean; what: string }[] = [];
/** Rules that throw on some input (reported); tolerated by the properties, reproduced as todos. */
export const KNOWN_RULE_ERRORS: { ruleId: RegExp; error: RegExp; what: string }[] = [];
const knownRuleError = (e: { ruleId: string; error: string }) => KNOWN_RULE_ERRORS.some((k) => k.ruleId.test(e.ruleId) && k.error.test(e.error));

/**
 * Rules whose run time grows quadratically on some input (reported). The size tests run without
 * them so they guard the rest; known-bugs.test.ts times them as todos.
 */
export const KNOWN_SLOW_RULES: string[] = [];
export const ALL_BUT_SLOW = new ResolvedConfig(rules, [{ extends: 'all', rules: Object.fromEntries(KNOWN_SLOW_RULES.map((id) => [id, 'off'])) }]);

const knownFixBug = (ruleId: string, text: string) => KNOWN_FIX_BUGS.some((k) => k.ruleId.test(ruleId) && k.when(text));

const key = (f: Finding) => `${f.ruleId}|${f.range.start}|${f.range.end}|${f.message}`;

/** Touch every model of a file (parsers run even for kinds no rule is registered for yet). */
function parseAll(file: SourceFile) {
  void file.lines.lineCount;
  if (file.kind === 'dockerfile') void file.dockerfile;
  else if (file.kind !== 'dockerignore' && file.kind !== 'unknown') void file.yaml;
}

export interface CheckOptions {
  /** Also apply each finding's first auto-applicable fix and re-lint (slower). */
  fixes?: boolean;
  /** Also lint with the previous version handed over (incremental YAML re-parse) and compare. */
  previous?: string;
  /** Default: every rule (ALL). */
  config?: ResolvedConfig;
}

/**
 * Lint `text` as `kind` and assert the invariants: nothing throws and no rule fails; every range
 * lies inside the text; every fix applies cleanly; linting is deterministic; re-parsing
 * incrementally gives the same findings; applying a finding's first non-snippet fix removes it.
 */
export function checkInvariants(kind: LintKind, text: string, options: CheckOptions = {}): Finding[] {
  const path = PATH_OF[kind];
  const config = options.config ?? ALL;
  const file = new SourceFile(path, text, kind);
  parseAll(file);
  const result = lint(file, { config, timeBudgetMs: Infinity });
  assert.deepEqual(result.ruleErrors.filter((e) => !knownRuleError(e)).map((e) => `${e.ruleId}: ${e.error.split('\n').slice(0, 3).join(' ')}`), [], 'no rule throws');
  const n = text.length;
  const inside = (r: { start: number; end: number }) => Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= n;
  for (const f of result.findings) {
    assert.ok(inside(f.range), `${f.ruleId}: finding range ${JSON.stringify(f.range)} inside [0, ${n}]`);
    assert.ok(f.message && !/\{\{\w+\}\}/.test(f.message), `${f.ruleId}: message has no unfilled placeholder: ${f.message}`);
    for (const r of f.related ?? []) if (r.path === path) assert.ok(inside(r.range), `${f.ruleId}: related range inside the text`);
    for (const fix of [...f.fixes, ...suppressionFixes(file, f)]) {
      for (const e of fix.edits) assert.ok(inside(e.range), `${f.ruleId}: fix "${fix.title}" edit ${JSON.stringify(e.range)} inside [0, ${n}]`);
      assert.doesNotThrow(() => applyEdits(text, fix.edits), `${f.ruleId}: fix "${fix.title}" edits do not overlap`);
    }
  }
  // Deterministic: a fresh parse of the same text gives identical findings.
  const again = lint(new SourceFile(path, text, kind), { config, timeBudgetMs: Infinity });
  assert.deepEqual(again.findings.map(key), result.findings.map(key), 'same input, same findings');
  if (options.previous !== undefined) {
    const prev = new SourceFile(path, options.previous, kind);
    parseAll(prev);
    lint(prev, { config, timeBudgetMs: Infinity });
    const incremental = lint(new SourceFile(path, text, kind, undefined, prev), { config, timeBudgetMs: Infinity });
    assert.deepEqual(incremental.findings.map(key), result.findings.map(key), 'incremental re-parse gives the findings of a fresh parse');
  }
  if (options.fixes) {
    for (const f of result.findings) {
      const fix = f.fixes.find((x) => !x.snippet && !x.fileEdits?.length && x.edits.length > 0);
      if (!fix) continue;
      const fixed = applyEdits(text, fix.edits);
      if (fixed === text) continue;
      const after = lint(new SourceFile(path, fixed, kind), { config, timeBudgetMs: Infinity });
      assert.deepEqual(after.ruleErrors.filter((e) => !knownRuleError(e)).map((e) => e.ruleId), [], `no rule throws after applying "${fix.title}"`);
      if (knownFixBug(f.ruleId, text)) continue;
      assert.ok(!after.findings.some((g) => key(g) === key(f)), `${f.ruleId}: applying "${fix.title}" removes the finding "${f.message}" at ${f.range.start}-${f.range.end}`);
    }
  }
  return result.findings;
}

/** Time `fn`, for bounds that catch hangs (generous: they are not speed assertions). */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/**
 * fc.assert with a readable failure: the assertion that failed, the seed and path to replay it
 * (FUZZ_SEED=<seed>), and the counterexample (cut to 3,000 characters).
 */
export function assertProperty<T>(property: fc.IProperty<T>, numRuns: number): void {
  const out = fc.check(property, { numRuns, seed: SEED, endOnFailure: true });
  if (!out.failed) return;
  const err = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
  const example = JSON.stringify(out.counterexample);
  throw new Error(
    `property failed after ${out.numRuns} runs (seed ${out.seed}, path "${out.counterexamplePath}"; replay with FUZZ_SEED=${out.seed}):\n${err}\n` +
      `counterexample (${example.length} chars): ${example.length > 3000 ? example.slice(0, 3000) + '…' : example}`,
  );
}
