import { defineRule } from '../../define-rule';
import { attr, headRange, insertIntoBlock } from '../../documents/hcl';
import { anchorFile, isRootModule, moduleFiles } from '../../documents/terraform';
import type { Fix } from '../../types';

export default defineRule({
  id: 'terraform/required-version',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Root modules constrain the Terraform version with required_version',
  sources: ['tflint terraform_required_version', 'Terraform docs: Version constraints'],
  messages: {
    missing: 'No required_version in the terraform block of this root module: any Terraform version may run it and upgrade the state format.',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    const files = moduleFiles(file, workspace);
    if (files.some((f) => f.terraform.terraform.some((t) => attr(t, 'required_version')))) return;
    if (isRootModule(file, workspace) !== true) return;
    if (anchorFile(files) !== file) return;
    const tBlock = doc.terraform[0];
    const first = doc.hcl.body.blocks[0];
    const line = 'required_version = "${1:>= 1.10}"';
    const fixes: Fix[] = [];
    if (tBlock) {
      const edit = insertIntoBlock(file.text, tBlock, [line], 'first');
      if (edit) fixes.push({ title: 'Add required_version', snippet: true, edits: [edit] });
    } else {
      const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
      const at = first ? file.text.lastIndexOf('\n', first.range.start - 1) + 1 : file.text.length;
      fixes.push({ title: 'Add a terraform block with required_version', snippet: true, edits: [{ range: { start: at, end: at }, text: `terraform {${eol}  ${line}${eol}}${eol}${first ? eol : ''}` }] });
    }
    ctx.report({ range: tBlock ? tBlock.typeRange : first ? headRange(first) : { start: 0, end: 0 }, messageId: 'missing', fixes });
  },
});
