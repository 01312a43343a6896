import { defineRule } from '../../define-rule';
import { insertIntoObject, strValue } from '../../documents/hcl';

/** Current major versions, offered as the placeholder's default. */
const KNOWN: Record<string, string> = { aws: '~> 6.0', google: '~> 6.0', azurerm: '~> 4.0', kubernetes: '~> 2.0', helm: '~> 3.0', random: '~> 3.0', tls: '~> 4.0', null: '~> 3.0', local: '~> 2.0', archive: '~> 2.0', cloudflare: '~> 5.0', github: '~> 6.0', datadog: '~> 3.0' };

export default defineRule({
  id: 'terraform/pin-provider-versions',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Every required provider has a version constraint',
  sources: ['tflint terraform_required_providers', 'Terraform docs: Provider requirements'],
  messages: {
    missing: 'Provider "{{name}}" has no version constraint: `terraform init -upgrade` can pull a new major version with breaking changes.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready) return;
    for (const t of doc.terraform) {
      for (const rp of t.body.blocks.filter((b) => b.type === 'required_providers')) {
        for (const a of rp.body.attributes) {
          if (a.value.type !== 'object') continue; // the legacy `aws = "~> 5.0"` form is a constraint
          const version = a.value.entries.find((e) => e.key === 'version');
          if (version && (version.value.type !== 'string' || strValue(version.value)!.trim())) continue;
          const placeholder = `"\${1:${KNOWN[a.name] ?? '~> 1.0'}}"`;
          const edit = version ? { range: version.value.range, text: placeholder } : insertIntoObject(file.text, a.value, 'version', placeholder);
          ctx.report({ range: a.nameRange, messageId: 'missing', data: { name: a.name }, fixes: [{ title: `Add a version constraint for ${a.name}`, snippet: true, edits: [edit] }] });
        }
      }
    }
  },
});
