import { defineRule } from '../../define-rule';
import { attr, insertIntoBlock, type HclExpr } from '../../documents/hcl';

/** The type a default value implies, if it is clear. */
function typeOf(e: HclExpr | undefined): string | undefined {
  if (!e) return undefined;
  switch (e.type) {
    case 'string':
    case 'template':
    case 'heredoc':
      return 'string';
    case 'number':
      return 'number';
    case 'bool':
      return 'bool';
    case 'tuple': {
      const t = new Set(e.items.map(typeOf));
      return t.size === 1 && !t.has(undefined) ? `list(${[...t][0]})` : e.items.length === 0 ? 'list(string)' : undefined;
    }
    case 'object': {
      const t = new Set(e.entries.map((x) => typeOf(x.value)));
      return t.size === 1 && !t.has(undefined) ? `map(${[...t][0]})` : e.entries.length === 0 ? 'map(string)' : undefined;
    }
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'terraform/variables-typed-documented',
  kind: 'terraform',
  type: 'suggestion',
  severity: 'info',
  summary: 'Variables declare a type and a description; outputs a description',
  sources: ['tflint terraform_typed_variables', 'tflint terraform_documented_variables', 'tflint terraform_documented_outputs'],
  messages: {
    variable: 'Variable "{{name}}" has no {{missing}}: callers cannot tell what to pass, and Terraform accepts any value.',
    output: 'Output "{{name}}" has no description.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    for (const v of doc.variables) {
      const name = v.labels[0]?.value ?? '';
      const desc = attr(v, 'description');
      const noDesc = !desc || (desc.value.type === 'string' && !desc.value.value.trim());
      const noType = !attr(v, 'type');
      if (!noDesc && !noType) continue;
      const inferred = typeOf(attr(v, 'default')?.value);
      const lines: string[] = [];
      let tab = 1;
      if (noDesc && !desc) lines.push(`description = "\${${tab++}:${name.replace(/_/g, ' ')}}"`);
      if (noType) lines.push(inferred ? `type = ${inferred}` : `type = \${${tab++}:string}`);
      const edits = [];
      if (desc && noDesc) edits.push({ range: desc.value.range, text: `"\${${tab++}:${name.replace(/_/g, ' ')}}"` });
      if (lines.length) {
        const e = insertIntoBlock(file.text, v, lines, 'first');
        if (e) edits.push(e);
      }
      const missing = noDesc && noType ? 'type and no description' : noType ? 'type' : 'description';
      const snippet = tab > 1;
      ctx.report({
        range: v.labels[0]?.range ?? v.typeRange,
        messageId: 'variable',
        data: { name, missing },
        fixes: edits.length ? [{ title: noDesc && noType ? 'Add a type and a description' : noType ? `Add type = ${inferred ?? '…'}` : 'Add a description', ...(snippet ? { snippet } : {}), edits }] : [],
      });
    }
    for (const o of doc.outputs) {
      const desc = attr(o, 'description');
      if (desc && !(desc.value.type === 'string' && !desc.value.value.trim())) continue;
      const name = o.labels[0]?.value ?? '';
      const text = `"\${1:${name.replace(/_/g, ' ')}}"`;
      const edit = desc ? { range: desc.value.range, text } : insertIntoBlock(file.text, o, [`description = ${text}`], 'first');
      ctx.report({ range: o.labels[0]?.range ?? o.typeRange, messageId: 'output', data: { name }, fixes: edit ? [{ title: 'Add a description', snippet: true, edits: [edit] }] : [] });
    }
  },
});
