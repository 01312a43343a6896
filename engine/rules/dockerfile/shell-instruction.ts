import { defineRule } from '../../define-rule';
import { commandWords, commandsNamed } from '../../documents/shell';

export default defineRule({
  id: 'dockerfile/shell-instruction',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'The default shell is changed with SHELL, not by relinking /bin/sh in a RUN',
  sources: ['hadolint DL4005'],
  messages: {
    relink: 'Relinking /bin/sh changes the shell for every program in the image, not just for the build. Use SHELL ["/bin/bash", "-c"] to change the shell of later RUN instructions.',
  },
  fixable: false,
  check(ctx) {
    for (const { command: c } of commandsNamed(ctx.doc, 'ln')) {
      const w = commandWords(c).map((x) => x.value);
      const target = w[w.length - 1];
      if (w.length >= 3 && w.slice(1).some((x) => /^-[a-zA-Z]*s/.test(x)) && /^\/(?:usr\/)?bin\/sh$/.test(target)) ctx.report({ range: c.range, messageId: 'relink' });
    }
  },
});
