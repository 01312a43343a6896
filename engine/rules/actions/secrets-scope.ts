import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { nodeRange, str } from '../../documents/yaml-nav';

export default defineRule({
  id: 'actions/secrets-scope',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'Secrets are passed one by one: no secrets: inherit, no dumping the whole secrets context',
  sources: ['brief (least privilege)', 'zizmor secrets-inherit, overprovisioned-secrets'],
  messages: {
    inherit: '"secrets: inherit" hands every secret of the repository and organisation to {{callee}}. Pass only the secrets it needs.',
    dump: '{{expr}} exposes every secret at once (and defeats log masking for derived values). Reference only the secrets you need.',
    dynamic: 'secrets[…] with a computed name can read any secret; reference secrets by name.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const job of m.jobs) {
      const p = job.secretsPair;
      if (p && str(p.value) === 'inherit') {
        const r = nodeRange(p.value)!;
        const col = r.start - (text.lastIndexOf('\n', r.start - 1) + 1);
        const keyCol = (p.key as { range: number[] }).range[0] - (text.lastIndexOf('\n', (p.key as { range: number[] }).range[0] - 1) + 1);
        void col;
        const ind = ' '.repeat(keyCol + m.style.indent);
        ctx.report({
          range: r,
          messageId: 'inherit',
          data: { callee: job.uses ?? 'the called workflow' },
          fixes: [{ title: 'Pass secrets explicitly', snippet: true, edits: [{ range: r, text: `\n${ind}\${1:SECRET_NAME}: \\\${{ secrets.\${1:SECRET_NAME} }}` }] }],
        });
      }
    }
    if (!m.root) return;
    for (const { node, hasExpression } of m.scan().strings) {
      if (!hasExpression) continue;
      for (const e of m.expressionsOf(node)) {
        for (const c of e.calls) {
          const lower = c.name.toLowerCase();
          if ((lower === 'tojson' || lower === 'join') && c.args[0]?.length === 1 && c.args[0][0].text.toLowerCase() === 'secrets') {
            ctx.report({ range: c.callRange, messageId: 'dump', data: { expr: text.slice(c.callRange.start, c.callRange.end) } });
          }
        }
        for (const r of e.refs) if (r.path[0] === 'secrets' && r.path[1] === '*?') ctx.report({ range: r.range, messageId: 'dynamic' });
      }
    }
  },
});
