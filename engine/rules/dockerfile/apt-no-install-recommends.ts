import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';
import { hasOption, packageCommands } from '../../documents/shell';

export default defineRule({
  id: 'dockerfile/apt-no-install-recommends',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'apt-get install uses --no-install-recommends, so only the packages asked for are installed',
  sources: ['hadolint DL3015', 'Trivy DS-0029'],
  messages: {
    recommends: '{{manager}} install without --no-install-recommends also installs "recommended" packages nobody asked for, making the image larger.',
  },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    // An apt configuration written earlier in the file may already turn recommends off.
    const configured = instructionsOf(doc, 'RUN').some((i) => /APT::Install-Recommends/i.test(i.argsText));
    if (configured) return;
    for (const { pc } of packageCommands(doc)) {
      if ((pc.manager !== 'apt-get' && pc.manager !== 'apt') || pc.action !== 'install' || !pc.actionWord) continue;
      if (hasOption(pc, '', ['--no-install-recommends'])) continue;
      if (pc.values.size && [...pc.values.values()].some((v) => /Install-Recommends\s*=\s*(?:false|0|no)/i.test(v.value))) continue;
      const at = pc.actionWord.range.end;
      ctx.report({
        range: { start: pc.managerWord.range.start, end: at },
        messageId: 'recommends',
        data: { manager: pc.manager },
        fixes: [{ title: 'Add --no-install-recommends', edits: [{ range: { start: at, end: at }, text: ' --no-install-recommends' }] }],
      });
    }
  },
});
