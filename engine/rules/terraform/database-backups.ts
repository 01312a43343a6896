import { defineRule } from '../../define-rule';
import { attr, blocksOf, boolValue, headRange, insertIntoBlock, numValue, strValue, type HclBlock } from '../../documents/hcl';
import { isProductionPath } from '../../documents/terraform';

const MIN_DAYS = 7;
const DATABASES = new Set(['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster']);

export default defineRule({
  id: 'terraform/database-backups',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Managed databases keep automated backups (7 days or more) and a final snapshot in production',
  sources: ['brief (database backups enabled)', 'Checkov CKV_AWS_128, CKV_AWS_133, CKV_GCP_14', 'Trivy/tfsec aws-rds-specify-backup-retention'],
  messages: {
    retention: '{{address}} keeps backups for {{days}} day(s): keep at least {{min}} so a problem found after a weekend can still be restored.',
    off: '{{address}} has automated backups off (backup_retention_period = 0).',
    default: '{{address}} sets no backup_retention_period, so AWS keeps backups for 1 day only.',
    finalSnapshot: 'skip_final_snapshot = true in a production configuration: deleting {{address}} loses its data for good.',
    gcp: 'Cloud SQL instance {{address}} has automated backups off.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    const prod = isProductionPath(file.path);
    const retention = (b: HclBlock, address: string, required: boolean) => {
      const a = attr(b, 'backup_retention_period');
      const days = numValue(a?.value);
      const title = `Keep backups for ${MIN_DAYS} days`;
      if (a && days !== undefined && days < MIN_DAYS) {
        ctx.report({ range: a.value.range, messageId: days === 0 ? 'off' : 'retention', data: { address, days, min: MIN_DAYS }, fixes: [{ title, edits: [{ range: a.value.range, text: String(MIN_DAYS) }] }] });
      } else if (!a && required) {
        const edit = insertIntoBlock(file.text, b, [`backup_retention_period = ${MIN_DAYS}`]);
        ctx.report({ range: headRange(b), messageId: 'default', data: { address }, fixes: edit ? [{ title, edits: [edit] }] : [] });
      }
    };
    const finalSnapshot = (b: HclBlock, address: string, name: string, resource: boolean) => {
      const a = attr(b, 'skip_final_snapshot');
      if (!prod || boolValue(a?.value) !== true) return;
      const edits = [{ range: a!.value.range, text: 'false' }];
      if (resource && !attr(b, 'final_snapshot_identifier')) {
        const e = insertIntoBlock(file.text, b, [`final_snapshot_identifier = "${name.replace(/_/g, '-')}-final"`]);
        if (e) edits.push(e);
      }
      ctx.report({ range: a!.value.range, messageId: 'finalSnapshot', data: { address }, fixes: [{ title: 'Take a final snapshot on delete', edits }] });
    };
    for (const r of doc.resources) {
      const [type, name] = r.labels.map((l) => l.value);
      const address = `${type}.${name}`;
      if (DATABASES.has(type)) {
        if (type === 'aws_db_instance' && attr(r, 'replicate_source_db')) continue;
        retention(r, address, true);
        finalSnapshot(r, address, name, true);
      } else if (type === 'google_sql_database_instance') {
        const settings = blocksOf(r, 'settings')[0];
        if (!settings) continue;
        const bc = blocksOf(settings, 'backup_configuration')[0];
        const enabled = attr(bc, 'enabled');
        if (bc && boolValue(enabled?.value) === true) continue;
        if (bc && enabled && boolValue(enabled.value) === undefined) continue;
        if (enabled) ctx.report({ range: enabled.value.range, messageId: 'gcp', data: { address }, fixes: [{ title: 'Turn automated backups on', edits: [{ range: enabled.value.range, text: 'true' }] }] });
        else {
          const edit = bc ? insertIntoBlock(file.text, bc, ['enabled = true']) : insertIntoBlock(file.text, settings, ['backup_configuration {\n  enabled = true\n}']);
          ctx.report({ range: headRange(r), messageId: 'gcp', data: { address }, fixes: edit ? [{ title: 'Turn automated backups on', edits: [edit] }] : [] });
        }
      }
    }
    // Values passed to a database module: the module's own defaults are unknown here.
    for (const m of doc.modules) {
      const address = `module.${m.labels[0]?.value ?? ''}`;
      if (!strValue(attr(m, 'source')?.value)) continue;
      retention(m, address, false);
      finalSnapshot(m, address, m.labels[0]?.value ?? 'db', false);
    }
  },
});
