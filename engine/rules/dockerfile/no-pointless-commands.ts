import { defineRule } from '../../define-rule';
import { commandName, commandWords, runs } from '../../documents/shell';

/** Commands that only make sense on an interactive machine or a booted host. */
const POINTLESS: Record<string, string> = {
  ssh: 'opens a remote session', vim: 'is an interactive editor', vi: 'is an interactive editor', nano: 'is an interactive editor', emacs: 'is an interactive editor',
  shutdown: 'shuts a host down', reboot: 'reboots a host', halt: 'halts a host', poweroff: 'powers a host off',
  top: 'is an interactive monitor', htop: 'is an interactive monitor', free: 'shows the build machine\'s memory', ifconfig: 'shows the build container\'s network',
};

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
    for (const { commands } of runs(ctx.doc)) {
      for (const c of commands) {
        const name = commandName(c);
        if (!name || !Object.hasOwn(POINTLESS, name) || c.nested === 'substitution') continue;
        // `ssh-keyscan`, `vim --version` and friends are fine; only the bare interactive use is pointless.
        const w = commandWords(c);
        if (w.slice(1).some((x) => /^(?:--version|--help|-V)$/.test(x.value))) continue;
        ctx.report({ range: w[0].range, messageId: 'pointless', data: { command: name, why: POINTLESS[name] } });
      }
    }
  },
});
