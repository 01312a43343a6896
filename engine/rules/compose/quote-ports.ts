import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { seqItems, isScalar } from '../../documents/yaml-nav';

export default defineRule({
  id: 'compose/quote-ports',
  kind: 'compose',
  type: 'problem',
  severity: 'warning',
  summary: 'Port mappings are quoted strings',
  sources: ['dclint require-quotes-in-ports', 'Compose documentation (quote port mappings)'],
  messages: {
    unquoted: 'Quote "{{port}}": YAML 1.1 parsers read unquoted xx:yy values below 60 as base-60 numbers (22:22 becomes 1342).',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    for (const s of m.services) {
      for (const key of ['ports', 'expose']) {
        for (const it of seqItems(s.node?.get(key))) {
          if (!isScalar(it) || it.type !== 'PLAIN' || !it.range) continue;
          const raw = ctx.file.text.slice(it.range[0], it.range[1]);
          if (!raw.includes(':')) continue;
          const range = { start: it.range[0], end: it.range[1] };
          ctx.report({ range, messageId: 'unquoted', data: { port: raw }, fixes: [{ title: 'Quote the port mapping', edits: [{ range, text: `"${raw}"` }] }] });
        }
      }
    }
  },
});
