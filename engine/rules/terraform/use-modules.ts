import { defineRule } from '../../define-rule';
import { headRange } from '../../documents/hcl';
import { anchorFile, isRootModule, moduleFiles } from '../../documents/terraform';

const DEFAULT_MAX = 15;

export default defineRule({
  id: 'terraform/use-modules',
  kind: 'terraform',
  type: 'suggestion',
  severity: 'info',
  summary: 'Root modules compose reusable modules instead of declaring many resources directly',
  sources: ['brief (Terraform: modules)', 'HashiCorp recommended practices: module composition'],
  messages: {
    many: 'Root module "{{dir}}" declares {{count}} resources directly{{calls}}: move them into a module that staging and production both call, so the environments cannot drift apart.',
  },
  options: {
    type: 'object',
    properties: { maxResources: { type: 'integer', minimum: 1 } },
    additionalProperties: false,
  },
  fixable: false,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    const files = moduleFiles(file, workspace);
    if (anchorFile(files) !== file || isRootModule(file, workspace) !== true) return;
    const max = (ctx.options.maxResources as number | undefined) ?? DEFAULT_MAX;
    const count = files.reduce((n, f) => n + f.terraform.resources.length, 0);
    if (count <= max) return;
    const calls = files.reduce((n, f) => n + f.terraform.modules.length, 0);
    const first = doc.terraform[0] ?? doc.resources[0] ?? doc.hcl.body.blocks[0];
    ctx.report({
      range: first ? (first.type === 'terraform' ? first.typeRange : headRange(first)) : { start: 0, end: 0 },
      messageId: 'many',
      data: { dir: file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '.', count, calls: calls ? ` (and calls only ${calls} module${calls > 1 ? 's' : ''})` : ' and calls no module' },
    });
  },
});
