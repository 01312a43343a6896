import { defineRule } from '../../define-rule';
import { headRange, insertIntoBlock } from '../../documents/hcl';
import { anchorFile, backendOf, dirOf, isRootModule, moduleFiles } from '../../documents/terraform';
import type { Fix } from '../../types';

/** Backends that keep the state on the machine that runs Terraform. */
const LOCAL = new Set(['local']);

export default defineRule({
  id: 'terraform/remote-backend',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Root modules keep their state in a remote backend, not on a laptop',
  sources: ['brief (remote state)', 'Terraform docs: Backends', 'HashiCorp recommended practices'],
  messages: {
    missing: 'Root module "{{dir}}" has no backend: its state stays in a local terraform.tfstate file that nobody else can see or lock.',
    local: 'The "local" backend keeps the state on one machine: use a remote backend (s3, gcs, azurerm, Terraform Cloud).',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    for (const t of doc.terraform) {
      for (const b of t.body.blocks) if (b.type === 'backend' && LOCAL.has(b.labels[0]?.value ?? '')) ctx.report({ range: b.labels[0].range, messageId: 'local' });
    }
    const files = moduleFiles(file, workspace);
    if (backendOf(files)) return;
    if (isRootModule(file, workspace) !== true) return; // a child module, or we cannot tell
    if (anchorFile(files) !== file) return;
    const dir = dirOf(file.path) || '.';
    const tBlock = doc.terraform[0];
    const first = doc.hcl.body.blocks[0];
    const range = tBlock ? tBlock.typeRange : first ? headRange(first) : { start: 0, end: 0 };
    const providers = files.flatMap((f) => [...f.terraform.providers.map((p) => p.labels[0]?.value ?? ''), ...f.terraform.resources.map((r) => r.labels[0]?.value ?? '')]);
    const kind = providers.some((p) => p.startsWith('google')) ? 'gcs' : providers.some((p) => p.startsWith('azurerm')) ? 'azurerm' : 's3';
    const key = `${dir === '.' ? 'root' : dir}/terraform.tfstate`;
    const skeleton: Record<string, string> = {
      s3: `backend "s3" {\n  bucket       = "\${1:my-org-terraform-state}"\n  key          = "\${2:${key}}"\n  region       = "\${3:eu-west-1}"\n  encrypt      = true\n  use_lockfile = true\n}`,
      gcs: `backend "gcs" {\n  bucket = "\${1:my-org-terraform-state}"\n  prefix = "\${2:${dir === '.' ? 'root' : dir}}"\n}`,
      azurerm: `backend "azurerm" {\n  resource_group_name  = "\${1:tfstate}"\n  storage_account_name = "\${2:myorgtfstate}"\n  container_name       = "\${3:tfstate}"\n  key                  = "\${4:${key}}"\n}`,
    };
    const fixes: Fix[] = [];
    const title = `Add a remote "${kind}" backend`;
    if (tBlock) {
      const edit = insertIntoBlock(file.text, tBlock, [skeleton[kind]], 'last');
      if (edit) fixes.push({ title, snippet: true, edits: [edit] });
    } else {
      const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
      const at = first ? file.text.lastIndexOf('\n', first.range.start - 1) + 1 : file.text.length;
      const body = skeleton[kind].split('\n').map((l) => `  ${l}`).join(eol);
      fixes.push({ title, snippet: true, edits: [{ range: { start: at, end: at }, text: `terraform {${eol}${body}${eol}}${eol}${first ? eol : ''}` }] });
    }
    ctx.report({ range, messageId: 'missing', data: { dir }, fixes });
  },
});
