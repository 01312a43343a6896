import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { asMap, get, keyRange, mapPairs, type YNode } from '../../documents/yaml-nav';

export default defineRule({
  id: 'actions/env-var-names',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'env: keys are valid environment variable names',
  sources: ['actionlint env-var'],
  messages: {
    invalid: 'Environment variable name "{{name}}" contains {{what}}: the variable cannot be set or read.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const scan = (map: YNode) => {
      for (const { key, pair } of mapPairs(map)) {
        if (key.includes('${{')) continue;
        const what = /=/.test(key) ? '"="' : /\s/.test(key) ? 'whitespace' : /&/.test(key) ? '"&"' : /\0/.test(key) ? 'a NUL character' : undefined;
        if (what) ctx.report({ range: keyRange(pair)!, messageId: 'invalid', data: { name: key, what } });
      }
    };
    scan(m.env);
    for (const job of m.jobs) {
      scan(job.env);
      scan(get(asMap(job.container), 'env'));
      for (const s of job.steps) scan(s.env);
    }
  },
});
