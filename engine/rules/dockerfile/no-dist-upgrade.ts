import { defineRule } from '../../define-rule';
import { packageCommands } from '../../documents/shell';

export default defineRule({
  id: 'dockerfile/no-dist-upgrade',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'Images do not run a distribution upgrade (apt-get dist-upgrade, zypper dist-upgrade)',
  sources: ['hadolint DL3035', 'Trivy DS-0024'],
  messages: {
    distUpgrade: '{{manager}} {{action}} may move the image to another distribution release and removes or replaces packages at will: use a newer base image instead.',
  },
  fixable: false,
  check(ctx) {
    for (const { pc } of packageCommands(ctx.doc)) {
      const apt = (pc.manager === 'apt-get' || pc.manager === 'apt') && (pc.action === 'dist-upgrade' || pc.action === 'full-upgrade');
      const zypper = pc.manager === 'zypper' && (pc.action === 'dist-upgrade' || pc.action === 'dup');
      if ((apt || zypper) && pc.actionWord) ctx.report({ range: { start: pc.managerWord.range.start, end: pc.actionWord.range.end }, messageId: 'distUpgrade', data: { manager: pc.manager, action: pc.action! } });
    }
  },
});
