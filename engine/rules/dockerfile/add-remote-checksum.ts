import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';

const URL = /^https?:\/\//i;
const GIT = /^git@|^(?:git|ssh):\/\/|\.git(?:#.*)?$|^https?:\/\/[^#]*\.git(?:#|$)/i;

export default defineRule({
  id: 'dockerfile/add-remote-checksum',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'ADD of a URL is verified with --checksum, and ADD of a git repository is pinned to a commit or tag, not a branch',
  sources: ['beyond'],
  messages: {
    url: 'ADD downloads {{source}} without --checksum: if the file changes or is tampered with, the build silently uses it. Add --checksum=sha256:….',
    git: 'ADD of the git repository {{source}} follows a branch: pin it to a commit (#<full commit SHA>) or a release tag, so the build gets the code you reviewed.',
  },
  fixable: false,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'ADD')) {
      if (ins.jsonForm || ins.flags.some((f) => f.name === 'checksum')) continue;
      for (const src of ins.args.slice(0, -1)) {
        const v = src.value;
        if (GIT.test(v)) {
          // A branch (or no ref) moves; a commit SHA, a version tag or a variable is a deliberate pin.
          const ref = /#([^:]*)/.exec(v)?.[1] ?? '';
          const floating = ref === '' || /^(?:main|master|develop|dev|trunk|head|latest|stable|next|nightly)$/i.test(ref) || !/[\d$]/.test(ref);
          if (floating) ctx.report({ range: src.range, messageId: 'git', data: { source: v } });
        } else if (URL.test(v)) ctx.report({ range: src.range, messageId: 'url', data: { source: v } });
      }
    }
  },
});
