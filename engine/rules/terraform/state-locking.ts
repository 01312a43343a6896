import { defineRule } from '../../define-rule';
import { attr, boolValue, insertIntoBlock, strValue } from '../../documents/hcl';

export default defineRule({
  id: 'terraform/state-locking',
  kind: 'terraform',
  type: 'problem',
  severity: 'warning',
  summary: 'Remote state is locked, so two applies cannot run at once',
  sources: ['brief (remote state with locking)', 'Terraform docs: S3 backend state locking'],
  messages: {
    s3: 'The s3 backend has no locking: two concurrent applies can corrupt the state. Set use_lockfile = true (Terraform 1.10+) or a dynamodb_table.',
    disabled: 'use_lockfile = false and no dynamodb_table: state locking is off.',
    http: 'The http backend locks only with a lock_address.',
    oss: 'The oss backend locks only with a tablestore_table.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready) return;
    for (const t of doc.terraform) {
      for (const b of t.body.blocks) {
        if (b.type !== 'backend') continue;
        const type = b.labels[0]?.value;
        const label = b.labels[0]?.range ?? b.typeRange;
        if (type === 's3') {
          if (strValue(attr(b, 'dynamodb_table')?.value)?.trim() || (attr(b, 'dynamodb_table') && attr(b, 'dynamodb_table')!.value.type !== 'string')) continue;
          const lock = attr(b, 'use_lockfile');
          const on = boolValue(lock?.value);
          if (on === true || (lock && on === undefined)) continue;
          if (lock) {
            ctx.report({ range: lock.value.range, messageId: 'disabled', fixes: [{ title: 'Turn on S3 native locking (use_lockfile = true)', edits: [{ range: lock.value.range, text: 'true' }] }] });
          } else {
            const edit = insertIntoBlock(file.text, b, ['use_lockfile = true']);
            ctx.report({ range: label, messageId: 's3', fixes: edit ? [{ title: 'Turn on S3 native locking (use_lockfile = true)', edits: [edit] }] : [] });
          }
        } else if (type === 'http' && !attr(b, 'lock_address')) ctx.report({ range: label, messageId: 'http' });
        else if (type === 'oss' && !attr(b, 'tablestore_table')) ctx.report({ range: label, messageId: 'oss' });
      }
    }
  },
});
