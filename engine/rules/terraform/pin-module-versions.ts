import { defineRule } from '../../define-rule';
import { attr, insertIntoBlock, strValue } from '../../documents/hcl';
import { isLocalSource } from '../../documents/terraform';

/** `namespace/name/provider` or `host/namespace/name/provider` (optionally `//subdir`). */
const REGISTRY = /^(?:[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\/)?[A-Za-z0-9][\w-]*\/[A-Za-z0-9][\w-]*\/[a-z0-9]+(?:\/\/.*)?$/;
const GIT = /^(?:git::|git@|github\.com[/:]|bitbucket\.org\/|gitlab\.com\/)/;
const BRANCH = /^(?:main|master|develop|dev|trunk|HEAD)$/;

export default defineRule({
  id: 'terraform/pin-module-versions',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Module calls pin a version: registry modules with version, git sources with a ref',
  sources: ['tflint terraform_module_version', 'tflint terraform_module_pinned_source', 'Terraform docs: Module sources'],
  messages: {
    registry: 'Registry module "{{source}}" has no version: every `terraform init` may pull a newer release.',
    git: 'Git module source has no ?ref=: it follows the default branch.',
    branch: 'Git module source is pinned to the branch "{{ref}}", which moves: pin a tag or a commit.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready) return;
    for (const m of doc.modules) {
      const src = attr(m, 'source');
      const source = strValue(src?.value);
      if (!src || source === undefined || src.value.type !== 'string' || isLocalSource(source)) continue;
      if (GIT.test(source)) {
        const ref = /[?&]ref=([^&]*)/.exec(source);
        const at = src.value.valueRange.end;
        if (!ref) {
          ctx.report({
            range: src.value.range,
            messageId: 'git',
            fixes: [{ title: 'Pin the source to a tag', snippet: true, edits: [{ range: { start: at, end: at }, text: `${source.includes('?') ? '&' : '?'}ref=\${1:v1.0.0}` }] }],
          });
        } else if (BRANCH.test(ref[1])) ctx.report({ range: src.value.range, messageId: 'branch', data: { ref: ref[1] } });
      } else if (REGISTRY.test(source) && !/^(?:s3|gcs|https?)::/.test(source) && !attr(m, 'version')) {
        const edit = insertIntoBlock(file.text, m, ['version = "${1:~> 1.0}"']);
        ctx.report({ range: src.value.range, messageId: 'registry', data: { source }, fixes: edit ? [{ title: 'Add a version constraint', snippet: true, edits: [edit] }] : [] });
      }
    }
  },
});
