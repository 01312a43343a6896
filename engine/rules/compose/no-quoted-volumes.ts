import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { seqItems, isScalar } from '../../documents/yaml-nav';
import { scalarText } from '../../fixes/yaml';

export default defineRule({
  id: 'compose/no-quoted-volumes',
  kind: 'compose',
  type: 'style',
  severity: 'info',
  preset: 'strict',
  summary: 'Volume entries are written without quotes',
  sources: ['dclint no-quotes-in-volumes'],
  messages: {
    quoted: 'Volume "{{volume}}" does not need quotes.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    for (const s of m.services) {
      for (const it of seqItems(s.node?.get('volumes'))) {
        if (!isScalar(it) || (it.type !== 'QUOTE_DOUBLE' && it.type !== 'QUOTE_SINGLE') || !it.range || typeof it.value !== 'string') continue;
        const plain = scalarText(it.value);
        if (plain.startsWith('"')) continue; // needs its quotes
        const range = { start: it.range[0], end: it.range[1] };
        ctx.report({ range, messageId: 'quoted', data: { volume: it.value }, fixes: [{ title: 'Remove the quotes', edits: [{ range, text: plain }] }] });
      }
    }
  },
});
