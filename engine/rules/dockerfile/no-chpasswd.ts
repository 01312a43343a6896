import { defineRule } from '../../define-rule';
import { commandWords, commandsNamed } from '../../documents/shell';

export default defineRule({
  id: 'dockerfile/no-chpasswd',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'Images do not set account passwords (chpasswd) at build time',
  sources: ['Checkov CKV2_DOCKER_17'],
  messages: {
    chpasswd: 'chpasswd sets a password inside the image: it ends up in the image history and every container shares it. Containers need no login passwords; use docker exec / kubectl exec.',
  },
  fixable: false,
  check(ctx) {
    for (const { command } of commandsNamed(ctx.doc, 'chpasswd')) ctx.report({ range: commandWords(command)[0].range, messageId: 'chpasswd' });
  },
});
