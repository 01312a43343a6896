import { defineRule } from '../../define-rule';
import { removeLines } from '../../documents/hcl';
import { isReferenced, moduleFiles } from '../../documents/terraform';

export default defineRule({
  id: 'terraform/unused-declarations',
  kind: 'terraform',
  type: 'suggestion',
  severity: 'info',
  summary: 'Variables, locals and data sources that nothing in the module references',
  sources: ['tflint terraform_unused_declarations'],
  messages: {
    variable: 'Variable "{{name}}" is declared but never used in this module.',
    local: 'Local value "{{name}}" is never used in this module.',
    data: 'Data source data.{{type}}.{{name}} is read but never used: it still costs an API call on every plan.',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars || !workspace.complete) return;
    const files = moduleFiles(file, workspace);
    const remove = (range: { start: number; end: number }, what: string) => [{ title: `Remove ${what}`, edits: [removeLines(file.text, range)] }];
    for (const v of doc.variables) {
      const name = v.labels[0]?.value;
      if (!name || isReferenced(files, ['var', name])) continue;
      ctx.report({ range: v.labels[0].range, messageId: 'variable', data: { name }, fixes: remove(v.range, `variable "${name}"`) });
    }
    for (const l of doc.locals) {
      if (isReferenced(files, ['local', l.name], { file, start: l.range.start, end: l.range.end })) continue;
      ctx.report({ range: l.nameRange, messageId: 'local', data: { name: l.name }, fixes: remove(l.range, `local.${l.name}`) });
    }
    for (const d of doc.data) {
      const [type, name] = d.labels.map((x) => x.value);
      if (!type || !name || isReferenced(files, ['data', type, name], { file, start: d.range.start, end: d.range.end })) continue;
      ctx.report({ range: d.labels[1].range, messageId: 'data', data: { type, name }, fixes: remove(d.range, `data.${type}.${name}`) });
    }
  },
});
