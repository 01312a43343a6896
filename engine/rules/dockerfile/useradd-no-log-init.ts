import { defineRule } from '../../define-rule';
import { commandWords, commandsNamed } from '../../documents/shell';

export default defineRule({
  id: 'dockerfile/useradd-no-log-init',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'useradd with a large UID uses -l (--no-log-init), so the image does not grow by gigabytes',
  sources: ['hadolint DL3046'],
  messages: {
    logInit: 'useradd -u {{uid}} without -l writes a sparse /var/log/lastlog and faillog sized by the UID, which Docker stores at full size (gigabytes). Add -l (--no-log-init).',
  },
  fixable: true,
  check(ctx) {
    for (const { command: c } of commandsNamed(ctx.doc, 'useradd')) {
      const w = commandWords(c);
      const values = w.map((x) => x.value);
      if (values.some((v) => v === '-l' || v === '--no-log-init' || /^-[a-zA-Z]*l[a-zA-Z]*$/.test(v))) continue;
      const i = values.findIndex((v) => v === '-u' || v === '--uid');
      const uid = i >= 0 ? values[i + 1] : values.find((v) => v.startsWith('--uid='))?.slice(6);
      // hadolint's threshold: UIDs of more than five digits.
      if (!uid || !/^\d{6,}$/.test(uid)) continue;
      const at = w[0].range.end;
      ctx.report({ range: { start: w[0].range.start, end: at }, messageId: 'logInit', data: { uid }, fixes: [{ title: 'Add -l', edits: [{ range: { start: at, end: at }, text: ' -l' }] }] });
    }
  },
});
