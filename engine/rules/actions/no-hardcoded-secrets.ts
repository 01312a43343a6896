import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { secretLiteral } from '../../documents/compose';
import { asMap, get, mapPairs, nodeRange, type YNode, isScalar } from '../../documents/yaml-nav';

export default defineRule({
  id: 'actions/no-hardcoded-secrets',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'No literal secrets or tokens in workflows: env, with and container credentials read from secrets',
  sources: ['brief (secrets never in pipeline files)', 'actionlint credentials', 'zizmor hardcoded-container-credentials'],
  messages: {
    secret: '"{{key}}" holds {{what}} in plain text: anyone who can read the repository can use it. Store it as a repository or environment secret.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    const scan = (map: YNode, label = '') => {
      for (const { key, value } of mapPairs(map)) {
        if (!isScalar(value) || value.value === null || typeof value.value === 'object') continue;
        const v = String(value.value);
        const what = secretLiteral(key, v);
        if (!what) continue;
        const r = nodeRange(value)!;
        const name = (label || key).toUpperCase().replace(/[^A-Z0-9_]/g, '_');
        ctx.report({
          range: r,
          messageId: 'secret',
          data: { key, what },
          fixes: [{ title: `Read ${key} from secrets.${name}`, snippet: true, edits: [{ range: r, text: `"\\\${{ secrets.\${1:${name}} }}"` }] }],
        });
      }
    };
    scan(m.env);
    for (const job of m.jobs) {
      scan(job.env);
      const containers = [job.container, ...mapPairs(job.services).map((p) => p.value)];
      for (const c of containers) {
        const cm = asMap(c);
        if (!cm) continue;
        scan(get(cm, 'env'));
        const cred = asMap(get(cm, 'credentials'));
        if (cred) scan(cred, '');
      }
      scan(asMap(job.withPair?.value));
      for (const step of job.steps) {
        scan(step.env);
        scan(step.with);
      }
    }
    void text;
  },
});
