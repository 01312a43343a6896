// Limits instead of hangs: file size and per-file time budget.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile, lint, defineRule, ResolvedConfig } from '../../engine/index';

const slow = defineRule({
  id: 'dockerfile/test-slow',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'test',
  sources: [],
  messages: { m: 'slow' },
  fixable: false,
  check(ctx) {
    const until = performance.now() + 30;
    while (performance.now() < until);
    ctx.report({ range: { start: 0, end: 4 }, messageId: 'm' });
  },
});
const second = defineRule({
  id: 'dockerfile/test-second',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'test',
  sources: [],
  messages: { m: 'fast' },
  fixable: false,
  check: (ctx) => ctx.report({ range: { start: 0, end: 4 }, messageId: 'm' }),
});

describe('limits', () => {
  it('stops starting rules after the time budget and says so', () => {
    const rules = [slow, second];
    const r = lint(new SourceFile('Dockerfile', 'FROM scratch\n'), { rules, config: new ResolvedConfig(rules), timeBudgetMs: 10 });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['dockerfile/test-slow']);
    assert.match(r.skipped ?? '', /^linting stopped after \d+ ms \(time budget 10 ms\)/);
  });

  it('does not lint a file over the size limit, and says why', () => {
    const config = new ResolvedConfig([slow], [{ maxFileSizeKB: 1 }]);
    const r = lint(new SourceFile('Dockerfile', 'FROM scratch\n' + '#'.repeat(2048)), { rules: [slow], config });
    assert.deepEqual(r.findings, []);
    assert.match(r.skipped ?? '', /^file too large to lint: 0\.0 MB > limit 0\.0 MB/);
  });
});
