import { defineRule } from '../../define-rule';
import type { ShellWord } from '../../documents/shell';
import { commandName, commandWords, runs } from '../../documents/shell';

export default defineRule({
  id: 'dockerfile/single-download-tool',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'The shipped image uses one download tool, curl or wget, not both',
  sources: ['hadolint DL4001', 'Trivy DS-0014'],
  messages: {
    both: 'Both curl and wget are used in the shipped image: settle on one ({{keep}} is used more) so only one needs to be installed.',
  },
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const uses: Record<'curl' | 'wget', ShellWord[]> = { curl: [], wget: [] };
    for (const { commands } of runs(doc, [...doc.shippedStages].sort((a, b) => a.index - b.index))) {
      for (const c of commands) {
        const name = commandName(c);
        if (name === 'curl' || name === 'wget') uses[name].push(commandWords(c)[0]);
      }
    }
    if (!uses.curl.length || !uses.wget.length) return;
    const minor = uses.wget.length <= uses.curl.length ? 'wget' : 'curl';
    const keep = minor === 'wget' ? 'curl' : 'wget';
    ctx.report({ range: uses[minor][0].range, messageId: 'both', data: { keep } });
  },
});
