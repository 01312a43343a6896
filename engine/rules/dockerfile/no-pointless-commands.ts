import { defineRule } from '../../define-rule';
import { commandWords, commandsNamed } from '../../documents/shell';

/** Commands that only make sense on an interactive machine or a booted host. */
const POINTLESS: Record<string, string> = {
  ssh: 'opens a remote session', vim: 'is an interactive editor', vi: 'is an interactive editor', nano: 'is an interactive editor', emacs: 'is an interactive editor',
  shutdown: 'shuts a host down', reboot: 'reboots a host', halt: 'halts a host', poweroff: 'powers a host off',
  top: 'is an interactive monitor', htop: 'is an interactive monitor', free: 'shows the build machine\'s memory', ifconfig: 'shows the build container\'s network',
};

const POINTLESS_NAMES = Object.keys(POINTLESS);

export default defineRule({
  id: 'dockerfile/no-pointless-commands',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'RUN does not call interactive or host-level commands (vim, ssh, shutdown, top …)',
  sources: ['hadolint DL3001'],
  messages: {
    pointless: '"{{command}}" {{why}}: running it during an image build does nothing useful (or hangs the build).',
  },
  fixable: false,
  check(ctx) {
    // (name by name from the document's index of command names; the runner orders findings by range)
    for (const name of POINTLESS_NAMES) {
      for (const { command: c } of commandsNamed(ctx.doc, name)) {
        if (c.nested === 'substitution') continue;
        // `ssh-keyscan`, `vim --version` and friends are fine; only the bare interactive use is pointless.
        const w = commandWords(c);
        if (w.slice(1).some((x) => /^(?:--version|--help|-V)$/.test(x.value))) continue;
        ctx.report({ range: w[0].range, messageId: 'pointless', data: { command: name, why: POINTLESS[name] } });
      }
    }
  },
});
