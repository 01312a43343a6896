import type { Scalar } from 'yaml';
import { defineRule } from '../../define-rule';
import { FULL_SHA, parseUses, workflowModel } from '../../documents/workflow';
import type { Fix, Range } from '../../types';

const DEFAULT_TRUSTED = ['actions', 'github'];

export default defineRule({
  id: 'actions/pin-actions',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'Third-party actions and reusable workflows are pinned to a full commit SHA',
  sources: ['zizmor unpinned-uses', 'GitHub security hardening guide (pin actions to a full-length commit SHA)'],
  messages: {
    unpinned: '"{{uses}}" is pinned to "{{ref}}", which its owner can move at any time (tags are mutable). Pin the full commit SHA and keep the tag as a comment.',
    noRef: '"{{uses}}" has no ref at all.',
  },
  fixable: true,
  options: {
    type: 'object',
    properties: { trustedOwners: { type: 'array', items: { type: 'string' }, description: 'Owners whose actions may use tags (default: actions, github).' } },
    additionalProperties: false,
  },
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    const trusted = ((ctx.options.trustedOwners as string[] | undefined) ?? DEFAULT_TRUSTED).map((o) => o.toLowerCase());
    const nodes: Scalar[] = [];
    for (const s of m.steps()) if (s.usesNode) nodes.push(s.usesNode);
    for (const j of m.jobs) if (j.usesNode) nodes.push(j.usesNode);
    for (const node of nodes) {
      const uses = String(node.value).trim();
      const p = parseUses(uses);
      if (!p || uses.includes('${{')) continue;
      if (trusted.includes(p.owner.toLowerCase())) continue;
      if (p.ref && FULL_SHA.test(p.ref)) continue;
      const r = node.range!;
      const src = text.slice(r[0], r[1]);
      const at = src.lastIndexOf('@');
      if (at < 0 || !p.ref) continue; // uses-format reports a missing ref
      const refRange: Range = { start: r[0] + at + 1, end: r[0] + at + 1 + p.ref.length };
      const lineEnd = text.indexOf('\n', r[1]);
      const rest = text.slice(r[1], lineEnd < 0 ? text.length : lineEnd);
      const edits = [{ range: refRange, text: `\${1:<full commit SHA of ${p.ref}>}` }];
      if (!rest.includes('#')) edits.push({ range: { start: r[1], end: r[1] }, text: ` # ${p.ref}` });
      const fixes: Fix[] = [{ title: `Pin to the commit SHA of ${p.ref} (look it up, then fill it in)`, snippet: true, edits }];
      ctx.report({ range: refRange, messageId: 'unpinned', data: { uses, ref: p.ref }, fixes });
    }
  },
});
