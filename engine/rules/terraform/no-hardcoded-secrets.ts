import { defineRule } from '../../define-rule';
import { blockAddress, hclString, type HclBlock, type HclExpr } from '../../documents/hcl';
import { freeVariableName, isSecretLiteral, isSecretName, moduleFiles, secretValueKind, variableBlock } from '../../documents/terraform';
import type { Fix, Range } from '../../types';

export default defineRule({
  id: 'terraform/no-hardcoded-secrets',
  kind: 'terraform',
  type: 'problem',
  severity: 'error',
  summary: 'No literal passwords, tokens or keys in Terraform attributes, variable defaults or locals',
  sources: ['brief', 'tflint aws ruleset (aws_db_instance_default_parameter_group …)', 'Trivy/tfsec general secrets', 'Checkov CKV_SECRET_*'],
  messages: {
    attribute: '"{{name}}" of {{where}} is a literal secret: pass it in through a sensitive variable or read it from a secrets manager.',
    default: 'Variable "{{name}}" has a literal secret as its default: it ends up in version control and in every plan.',
    vars: '"{{name}}" is a literal secret in a variables file that is committed: set it through TF_VAR_{{name}} or a secrets manager.',
    pattern: 'This string looks like {{what}}: never commit credentials, even in Terraform.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready) return;
    const reported = new Set<number>();
    const report = (range: Range, messageId: 'attribute' | 'default' | 'vars' | 'pattern', data: Record<string, string>, fixes: Fix[] = []) => {
      if (reported.has(range.start)) return;
      reported.add(range.start);
      ctx.report({ range, messageId, data, fixes });
    };
    const files = () => moduleFiles(file, ctx.workspace);
    const toVariable = (value: Extract<HclExpr, { type: 'string' }>, wanted: string, what: string): Fix => {
      const name = freeVariableName(files(), wanted);
      return {
        title: `Replace with the sensitive variable var.${name}`,
        edits: [
          { range: value.range, text: `var.${name}` },
          variableBlock(file.text, name, [`description = ${hclString(`${what} (set it through TF_VAR_${name} or a secrets manager).`)}`, 'type = string', 'sensitive = true']),
        ],
      };
    };

    // Walk a value: secret-named object keys, and credential-shaped strings anywhere.
    const walk = (e: HclExpr, name: string, where: string, inBlock: HclBlock | undefined, canFix: boolean) => {
      if (e.type === 'string') {
        const kind = secretValueKind(e.value);
        if (isSecretName(name) && isSecretLiteral(e.value)) {
          if (doc.isVars) report(e.range, 'vars', { name });
          else report(e.range, 'attribute', { name, where }, canFix ? [toVariable(e, inBlock && inBlock.labels.length ? `${inBlock.labels[inBlock.labels.length - 1].value}_${name}` : name, `${name} of ${where}`)] : []);
        } else if (kind) report(e.range, 'pattern', { what: kind });
      } else if (e.type === 'object') {
        for (const en of e.entries) if (en.key !== undefined) walk(en.value, en.key, where, inBlock, canFix);
      } else if (e.type === 'tuple') {
        for (const it of e.items) walk(it, name, where, inBlock, canFix);
      } else if (e.type === 'heredoc' || e.type === 'template') {
        const kind = secretValueKind(file.text.slice(e.range.start, e.range.end));
        if (kind) report(e.range, 'pattern', { what: kind });
      }
    };
    const walkBlock = (b: HclBlock, top: HclBlock, canFix: boolean) => {
      const where = top.type === 'locals' ? 'locals' : top.type === 'provider' ? `provider "${top.labels[0]?.value ?? ''}"` : blockAddress(top);
      for (const a of b.body.attributes) walk(a.value, a.name, where, top, canFix);
      for (const c of b.body.blocks) walkBlock(c, top, canFix);
    };

    for (const a of doc.hcl.body.attributes) walk(a.value, a.name, 'this file', undefined, false);
    for (const b of doc.hcl.body.blocks) {
      if (b.type === 'variable') {
        const name = b.labels[0]?.value ?? '';
        const def = b.body.attributes.find((a) => a.name === 'default');
        if (def?.value.type === 'string' && isSecretName(name) && isSecretLiteral(def.value.value)) {
          const sensitive = b.body.attributes.some((a) => a.name === 'sensitive');
          const lineStart = file.text.lastIndexOf('\n', def.range.start - 1) + 1;
          const indent = file.text.slice(lineStart, def.range.start);
          const end = file.text.indexOf('\n', def.range.end);
          const fix: Fix = sensitive
            ? { title: 'Remove the default value', edits: [{ range: { start: lineStart, end: end < 0 ? file.text.length : end + 1 }, text: '' }] }
            : { title: 'Remove the default value and mark the variable sensitive', edits: [{ range: { start: def.range.start, end: def.range.end }, text: 'sensitive = true' }] };
          if (/^[ \t]*$/.test(indent)) report(def.value.range, 'default', { name }, [fix]);
          else report(def.value.range, 'default', { name });
        } else if (def) walk(def.value, '', blockAddress(b), b, false);
        continue;
      }
      if (b.type === 'terraform') {
        // Backends cannot read variables: credentials belong in the environment or -backend-config.
        walkBlock(b, b, false);
        continue;
      }
      walkBlock(b, b, ['resource', 'data', 'provider', 'module', 'locals'].includes(b.type));
    }
  },
});
