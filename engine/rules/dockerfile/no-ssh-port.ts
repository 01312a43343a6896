import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';
import { deleteInstruction } from '../../fixes/dockerfile';
import type { Fix } from '../../types';

export default defineRule({
  id: 'dockerfile/no-ssh-port',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'Images do not expose the SSH port 22',
  sources: ['Trivy DS-0004', 'Checkov CKV_DOCKER_1'],
  messages: {
    ssh: 'EXPOSE 22: running an SSH server in a container adds an attack surface and a second process to manage. Use docker exec / kubectl exec to get a shell.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const ins of instructionsOf(doc, 'EXPOSE')) {
      for (const arg of ins.args) {
        if (!/^22(?:\/tcp)?$/i.test(arg.value)) continue;
        let fix: Fix;
        if (ins.args.length === 1) fix = { title: 'Remove EXPOSE 22', edits: [deleteInstruction(file, ins)] };
        else {
          let start = arg.range.start;
          let end = arg.range.end;
          if (arg === ins.args[0]) while (end < file.text.length && /[ \t]/.test(file.text[end])) end++;
          else while (start > 0 && /[ \t]/.test(file.text[start - 1])) start--;
          fix = { title: 'Remove port 22', edits: [{ range: { start, end }, text: '' }] };
        }
        ctx.report({ range: arg.range, messageId: 'ssh', fixes: [fix] });
      }
    }
  },
});
