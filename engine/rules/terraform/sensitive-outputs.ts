import { defineRule } from '../../define-rule';
import { attr, boolValue, insertIntoBlock } from '../../documents/hcl';
import { isSecretName, moduleFiles } from '../../documents/terraform';

/** Attributes that identify a secret without revealing it. */
const HARMLESS_LEAF = /^(?:arn|id|name|.+_arn|.+_id|.+_ids|.+_name|endpoint|address|port|version|.+_version|.+_at|length|keepers)$/;

export default defineRule({
  id: 'terraform/sensitive-outputs',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Outputs that expose secrets are marked sensitive = true',
  sources: ['Trivy/tfsec general secrets (related)', 'Terraform docs: Suppressing values in CLI output'],
  messages: {
    secret: 'Output "{{name}}" exposes {{what}} without sensitive = true: it is printed by plan and apply and lands in CI logs.',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    let sensitiveVars: Set<string> | undefined;
    for (const o of doc.outputs) {
      const s = attr(o, 'sensitive');
      if (s && boolValue(s.value) !== false) continue;
      const value = attr(o, 'value');
      if (!value) continue;
      const refs = doc.hcl.references.filter((r) => r.range.start >= value.value.range.start && r.range.end <= value.value.range.end);
      let what: string | undefined;
      for (const r of refs) {
        const leaf = r.parts[r.parts.length - 1];
        if (r.parts[0] === 'var' && r.parts.length >= 2) {
          sensitiveVars ??= new Set(
            moduleFiles(file, workspace)
              .flatMap((f) => f.terraform.variables)
              .filter((v) => boolValue(attr(v, 'sensitive')?.value) === true)
              .map((v) => v.labels[0]?.value ?? ''),
          );
          if (sensitiveVars.has(r.parts[1]) || isSecretName(r.parts[1])) what = r.parts.slice(0, 2).join('.');
        } else if (r.parts.length >= 2 && !HARMLESS_LEAF.test(leaf) && r.parts.some((p) => isSecretName(p))) {
          what = r.parts.join('.');
        }
        if (what) break;
      }
      if (!what) continue;
      const name = o.labels[0]?.value ?? '';
      const edit = s ? { range: s.value.range, text: 'true' } : insertIntoBlock(file.text, o, ['sensitive = true']);
      ctx.report({ range: o.labels[0]?.range ?? o.typeRange, messageId: 'secret', data: { name, what }, fixes: edit ? [{ title: 'Mark the output sensitive', edits: [edit] }] : [] });
    }
  },
});
