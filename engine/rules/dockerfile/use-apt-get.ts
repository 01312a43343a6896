import { defineRule } from '../../define-rule';
import { packageCommands } from '../../documents/shell';
import type { Fix } from '../../types';

/** apt subcommands that apt-get has under the same name. */
const SAME = new Set(['install', 'remove', 'purge', 'update', 'upgrade', 'autoremove', 'autoclean', 'clean', 'source', 'build-dep', 'download', 'check', 'satisfy', 'reinstall']);

export default defineRule({
  id: 'dockerfile/use-apt-get',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Scripts use apt-get (stable interface), not apt (meant for people at a terminal)',
  sources: ['hadolint DL3027', 'Checkov CKV_DOCKER_9'],
  messages: {
    apt: 'apt is meant for interactive use and warns that its interface may change; use apt-get (or apt-cache) in scripts.',
  },
  fixable: true,
  check(ctx) {
    for (const { pc } of packageCommands(ctx.doc)) {
      if (pc.manager !== 'apt') continue;
      const fixes: Fix[] = pc.managerWord.value === 'apt' && pc.action && SAME.has(pc.action) ? [{ title: 'Replace apt with apt-get', edits: [{ range: pc.managerWord.range, text: 'apt-get' }] }] : [];
      ctx.report({ range: pc.managerWord.range, messageId: 'apt', fixes });
    }
  },
});
