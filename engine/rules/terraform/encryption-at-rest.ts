import { defineRule } from '../../define-rule';
import { attr, blocksOf, boolValue, headRange, insertIntoBlock, strValue, type HclBlock } from '../../documents/hcl';
import { hasCompanion, moduleFiles, resourceAfter } from '../../documents/terraform';
import type { Fix } from '../../types';

/** Resource type → the attribute that turns encryption at rest on. */
const FLAG: Record<string, string> = {
  aws_ebs_volume: 'encrypted',
  aws_db_instance: 'storage_encrypted',
  aws_rds_cluster: 'storage_encrypted',
  aws_docdb_cluster: 'storage_encrypted',
  aws_neptune_cluster: 'storage_encrypted',
  aws_efs_file_system: 'encrypted',
  aws_elasticache_replication_group: 'at_rest_encryption_enabled',
  aws_redshift_cluster: 'encrypted',
};

export default defineRule({
  id: 'terraform/encryption-at-rest',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Storage is encrypted at rest: S3 buckets, EBS volumes, databases, file systems, caches',
  sources: ['brief (encryption at rest)', 'Trivy/tfsec aws-ebs-enable-volume-encryption, aws-rds-encrypt-instance-storage-data, aws-s3-enable-bucket-encryption', 'Checkov CKV_AWS_3, CKV_AWS_16, CKV_AWS_19, CKV_AWS_145'],
  messages: {
    missing: '{{address}} is not encrypted at rest: set {{flag}} = true.',
    disabled: '{{address}} turns encryption at rest off.',
    device: 'The {{device}} of {{address}} is not encrypted: set encrypted = true.',
    bucket: 'S3 bucket {{address}} has no server-side encryption configuration: declare it (aws:kms with a key you control) so encryption is explicit and reviewable.',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    const flag = (b: HclBlock, name: string, address: string, device?: string) => {
      const a = attr(b, name);
      const v = boolValue(a?.value);
      if (v === true || (a && v === undefined)) return;
      const fixTitle = `Set ${name} = true`;
      if (a) ctx.report({ range: a.value.range, messageId: 'disabled', data: { address }, fixes: [{ title: fixTitle, edits: [{ range: a.value.range, text: 'true' }] }] });
      else {
        const edit = insertIntoBlock(file.text, b, [`${name} = true`]);
        const fixes: Fix[] = edit ? [{ title: fixTitle, edits: [edit] }] : [];
        if (device) ctx.report({ range: b.typeRange, messageId: 'device', data: { address, device }, fixes });
        else ctx.report({ range: headRange(b), messageId: 'missing', data: { address, flag: name }, fixes });
      }
    };
    let files: ReturnType<typeof moduleFiles> | undefined;
    for (const r of doc.resources) {
      const [type, name] = r.labels.map((l) => l.value);
      const address = `${type}.${name}`;
      if (FLAG[type]) {
        if (type === 'aws_db_instance' && attr(r, 'replicate_source_db')) continue; // replicas inherit the source's encryption
        if (type === 'aws_rds_cluster' && strValue(attr(r, 'engine_mode')?.value) === 'serverless') continue; // always encrypted
        flag(r, FLAG[type], address);
      } else if (type === 'aws_instance') {
        for (const d of [...blocksOf(r, 'root_block_device'), ...blocksOf(r, 'ebs_block_device')]) flag(d, 'encrypted', address, d.type);
      } else if (type === 'aws_s3_bucket' && workspace.complete) {
        if (blocksOf(r, 'server_side_encryption_configuration').length) continue; // the pre-v4 inline form
        files ??= moduleFiles(file, workspace);
        if (hasCompanion(files, r, 'aws_s3_bucket_server_side_encryption_configuration') !== 'no') continue;
        const iterated = attr(r, 'count') || attr(r, 'for_each');
        const fixes: Fix[] = iterated
          ? []
          : [
              {
                title: 'Add an aws_s3_bucket_server_side_encryption_configuration (aws:kms)',
                edits: [
                  resourceAfter(file.text, r, [
                    `resource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {`,
                    `  bucket = aws_s3_bucket.${name}.id`,
                    '',
                    '  rule {',
                    '    apply_server_side_encryption_by_default {',
                    '      sse_algorithm = "aws:kms"',
                    '    }',
                    '    bucket_key_enabled = true',
                    '  }',
                    '}',
                  ]),
                ],
              },
            ];
        ctx.report({ range: headRange(r), messageId: 'bucket', data: { address }, fixes });
      }
    }
  },
});
