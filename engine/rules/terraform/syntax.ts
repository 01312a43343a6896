import { defineRule } from '../../define-rule';
import type { HclBody } from '../../documents/hcl';

/** Top-level blocks Terraform knows and how many labels each takes. */
const TOP_LEVEL: Record<string, number> = {
  terraform: 0,
  locals: 0,
  moved: 0,
  import: 0,
  removed: 0,
  provider: 1,
  variable: 1,
  output: 1,
  module: 1,
  check: 1,
  resource: 2,
  data: 2,
  ephemeral: 2,
};
const MAX_ERRORS = 20;

export default defineRule({
  id: 'terraform/syntax',
  kind: 'terraform',
  type: 'problem',
  severity: 'error',
  summary: 'Terraform files parse: blocks and attributes are well-formed',
  sources: ['tflint (core)', 'Terraform language: syntax'],
  messages: {
    unexpected: 'Syntax error: unexpected "{{text}}".',
    missing: 'Syntax error: missing "{{text}}".',
    unknownBlock: 'Unknown top-level block type "{{type}}" (expected one of {{known}}).',
    labels: 'A {{type}} block takes {{want}} label(s), this one has {{got}}.',
    blockInVars: 'A variables file holds only `name = value` assignments, not blocks.',
    duplicate: 'Attribute "{{name}}" is already set in this block (line {{line}}).',
  },
  fixable: false,
  check(ctx) {
    const { hcl, isVars } = ctx.doc;
    if (!hcl.ready) return;
    for (const e of hcl.errors.slice(0, MAX_ERRORS)) {
      const text = e.text.length > 40 ? `${e.text.slice(0, 37)}…` : e.text;
      ctx.report({ range: e.range, messageId: e.kind, data: { text: text.replace(/\s+/g, ' ') } });
    }
    if (hcl.errors.length) return; // error recovery makes the rest unreliable
    for (const b of hcl.body.blocks) {
      if (isVars) {
        ctx.report({ range: b.typeRange, messageId: 'blockInVars' });
        continue;
      }
      const want = TOP_LEVEL[b.type];
      if (want === undefined) ctx.report({ range: b.typeRange, messageId: 'unknownBlock', data: { type: b.type, known: Object.keys(TOP_LEVEL).sort().join(', ') } });
      else if (b.labels.length !== want) ctx.report({ range: b.labels.length ? { start: b.labels[0].range.start, end: b.labels[b.labels.length - 1].range.end } : b.typeRange, messageId: 'labels', data: { type: b.type, want, got: b.labels.length } });
    }
    const dupes = (body: HclBody) => {
      const seen = new Map<string, number>();
      for (const a of body.attributes) {
        const prev = seen.get(a.name);
        if (prev !== undefined) ctx.report({ range: a.nameRange, messageId: 'duplicate', data: { name: a.name, line: ctx.file.lines.positionAt(prev).line + 1 } });
        else seen.set(a.name, a.nameRange.start);
      }
      for (const b of body.blocks) dupes(b.body);
    };
    dupes(hcl.body);
  },
});
