import { defineRule } from '../../define-rule';
import { attr, boolValue, headRange, insertIntoBlock, strValue, type HclExpr } from '../../documents/hcl';
import { hasCompanion, moduleFiles, resourceAfter } from '../../documents/terraform';
import type { Fix } from '../../types';

const PUBLIC_ACL = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PAB_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

export default defineRule({
  id: 'terraform/no-public-buckets',
  kind: 'terraform',
  type: 'problem',
  severity: 'error',
  summary: 'Buckets are not public: no public ACLs, and every S3 bucket has a public access block',
  sources: ['Trivy/tfsec aws-s3-block-public-acls, aws-s3-no-public-access-with-acl, aws-s3-specify-public-access-block', 'Checkov CKV_AWS_20, CKV2_AWS_6, CKV_GCP_28'],
  messages: {
    acl: 'ACL "{{acl}}" makes the bucket readable by anyone on the internet.',
    flagOff: '{{flag}} = false lets the bucket become public.',
    flagMissing: 'The public access block of {{address}} does not set {{flags}} (they default to false).',
    noBlock: 'S3 bucket {{address}} has no aws_s3_bucket_public_access_block: one ACL or policy change makes it public.',
    member: '{{member}} can read this bucket: it is public.',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    let accountBlock: boolean | undefined;
    for (const r of doc.resources) {
      const [type, name] = r.labels.map((l) => l.value);
      const address = `${type}.${name}`;
      if (type === 'aws_s3_bucket' || type === 'aws_s3_bucket_acl') {
        const acl = attr(r, 'acl');
        const v = strValue(acl?.value);
        if (acl && v && PUBLIC_ACL.has(v)) ctx.report({ range: acl.value.range, messageId: 'acl', data: { acl: v }, fixes: [{ title: 'Make the ACL private', edits: [{ range: acl.value.range, text: '"private"' }] }] });
      }
      if (type === 'aws_s3_bucket_public_access_block' || type === 'aws_s3_account_public_access_block') {
        const missing: string[] = [];
        for (const f of PAB_FLAGS) {
          const a = attr(r, f);
          const b = boolValue(a?.value);
          if (a && b === false) ctx.report({ range: a.value.range, messageId: 'flagOff', data: { flag: f }, fixes: [{ title: `Set ${f} = true`, edits: [{ range: a.value.range, text: 'true' }] }] });
          else if (!a) missing.push(f);
        }
        if (missing.length) {
          const edit = insertIntoBlock(file.text, r, missing.map((f) => `${f} = true`));
          ctx.report({ range: headRange(r), messageId: 'flagMissing', data: { address, flags: missing.join(', ') }, fixes: edit ? [{ title: 'Block all public access', edits: [edit] }] : [] });
        }
      }
      if (type === 'aws_s3_bucket' && workspace.complete) {
        accountBlock ??= workspace.files('terraform').some((f) => f.terraform.resources.some((x) => x.labels[0]?.value === 'aws_s3_account_public_access_block'));
        if (accountBlock) continue;
        if (hasCompanion(moduleFiles(file, workspace), r, 'aws_s3_bucket_public_access_block') !== 'no') continue;
        const fixes: Fix[] =
          attr(r, 'count') || attr(r, 'for_each')
            ? []
            : [
                {
                  title: 'Add an aws_s3_bucket_public_access_block that blocks all public access',
                  edits: [
                    resourceAfter(file.text, r, [
                      `resource "aws_s3_bucket_public_access_block" "${name}" {`,
                      `  bucket = aws_s3_bucket.${name}.id`,
                      '',
                      '  block_public_acls       = true',
                      '  block_public_policy     = true',
                      '  ignore_public_acls      = true',
                      '  restrict_public_buckets = true',
                      '}',
                    ]),
                  ],
                },
              ];
        ctx.report({ range: headRange(r), messageId: 'noBlock', data: { address }, fixes });
      }
      if (type === 'google_storage_bucket_iam_member' || type === 'google_storage_bucket_iam_binding') {
        const m = attr(r, 'member') ?? attr(r, 'members');
        const items: HclExpr[] = m ? (m.value.type === 'tuple' ? m.value.items : [m.value]) : [];
        for (const it of items) {
          const v = strValue(it);
          if (v && PUBLIC_MEMBERS.has(v)) ctx.report({ range: it.range, messageId: 'member', data: { member: v } });
        }
      }
    }
  },
});
