import { defineRule } from '../../define-rule';
import { commandName, commandWords, runs } from '../../documents/shell';

const INTERPRETER = /^(?:sh|bash|ash|dash|zsh|ksh|python\d*(?:\.\d+)?|perl|ruby|node|php)$/;
const DOWNLOADER = /^(?:curl|wget)$/;

export default defineRule({
  id: 'dockerfile/no-curl-pipe-shell',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'Remote scripts are not piped straight into a shell (curl … | sh)',
  sources: ['beyond'],
  messages: {
    pipe: '{{downloader}} output is piped into {{shell}}: the script runs unseen and unverified, and whatever the server (or an attacker) sends that day is executed. Download it, check its checksum or signature, then run it.',
    substitution: '{{shell}} runs a script downloaded by {{downloader}}: whatever the server (or an attacker) sends that day is executed. Download it, check its checksum or signature, then run it.',
  },
  fixable: false,
  check(ctx) {
    for (const { commands } of runs(ctx.doc)) {
      commands.forEach((cmd, i) => {
        const name = commandName(cmd);
        if (name && DOWNLOADER.test(name) && cmd.next === '|') {
          // Follow the pipeline to its end (curl … | tee x | sh).
          for (let j = i + 1; j < commands.length; j++) {
            const stage = commandName(commands[j]);
            if (stage && INTERPRETER.test(stage)) {
              ctx.report({ range: { start: cmd.range.start, end: commands[j].range.end }, messageId: 'pipe', data: { downloader: name, shell: stage } });
              break;
            }
            if (commands[j].next !== '|') break;
          }
        }
        if (name && INTERPRETER.test(name) && cmd.nested !== 'substitution') {
          const hit = commandWords(cmd).slice(1).map((w) => /(?:\$\(|<\(|`)\s*(curl|wget)\b/.exec(w.value)).find((m) => m);
          if (hit) ctx.report({ range: cmd.range, messageId: 'substitution', data: { downloader: hit[1], shell: name } });
        }
      });
    }
  },
});
