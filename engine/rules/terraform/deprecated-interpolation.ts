import { defineRule } from '../../define-rule';
import { allBlocks, type HclExpr } from '../../documents/hcl';

export default defineRule({
  id: 'terraform/deprecated-interpolation',
  kind: 'terraform',
  type: 'style',
  severity: 'info',
  summary: 'No interpolation-only strings such as "${var.name}": write the expression itself',
  sources: ['tflint terraform_deprecated_interpolation', 'Terraform 0.12 upgrade guide'],
  messages: {
    only: 'Interpolation-only string: write {{expr}} instead of "${{{expr}}}" (Terraform 0.11 syntax).',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready) return;
    const visit = (e: HclExpr) => {
      if (e.type === 'template') {
        if (e.interpolationOnly && e.interpolations.length === 1) {
          const inner = e.interpolations[0];
          const text = file.text.slice(inner.range.start, inner.range.end);
          // `~` strip markers and multi-line expressions are left alone.
          if (!/[\r\n]/.test(text) && file.text.slice(e.range.start, e.range.start + 3) === '"${' && file.text.slice(e.range.end - 2, e.range.end) === '}"') {
            ctx.report({ range: e.range, messageId: 'only', data: { expr: text }, fixes: [{ title: `Replace with ${text}`, edits: [{ range: e.range, text }] }] });
            return;
          }
        }
        for (const i of e.interpolations) visit(i);
      } else if (e.type === 'tuple') e.items.forEach(visit);
      else if (e.type === 'object') e.entries.forEach((x) => visit(x.value));
      else if (e.type === 'call') e.args.forEach(visit);
    };
    for (const a of doc.hcl.body.attributes) visit(a.value);
    for (const b of allBlocks(doc.hcl.body)) for (const a of b.body.attributes) visit(a.value);
  },
});
