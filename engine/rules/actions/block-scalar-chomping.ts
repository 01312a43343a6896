import { type Scalar } from 'yaml';
import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { keyString, isPair, isScalar } from '../../documents/yaml-nav';

/** Keys whose value is one word or one expression: a trailing newline changes its meaning. */
const KEYS = new Set(['runs-on', 'environment', 'group', 'shell', 'working-directory', 'timeout-minutes', 'name', 'uses', 'url', 'node-version', 'python-version', 'go-version', 'java-version', 'ref', 'token', 'registry', 'image', 'key']);

export default defineRule({
  id: 'actions/block-scalar-chomping',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'One-line values written as | or > blocks strip the trailing newline (|- or >-)',
  sources: ['actions/languageservices block-scalar-chomping'],
  messages: {
    chomp: '"{{key}}: {{indicator}}" keeps a trailing newline in the value. Use "{{indicator}}-".',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    if (!m.root) return;
    for (const node of m.scan().maps) {
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.value)) continue;
        const s = item.value as Scalar;
        if ((s.type !== 'BLOCK_LITERAL' && s.type !== 'BLOCK_FOLDED') || !s.range) continue;
        const key = keyString(item);
        if (key === undefined || !KEYS.has(key)) continue;
        const head = text.slice(s.range[0], text.indexOf('\n', s.range[0]) < 0 ? s.range[1] : text.indexOf('\n', s.range[0]));
        const hm = /^([|>])([1-9]?)([-+]?)/.exec(head);
        if (!hm || hm[3]) continue;
        const v = String(s.value);
        if (!v.endsWith('\n')) continue;
        const at = s.range[0] + hm[0].length;
        ctx.report({ range: { start: s.range[0], end: at }, messageId: 'chomp', data: { key, indicator: hm[1] }, fixes: [{ title: `Use ${hm[1]}-`, edits: [{ range: { start: at, end: at }, text: '-' }] }] });
      }
    }
  },
});
