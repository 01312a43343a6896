import { defineRule } from '../../define-rule';
import { commandName, commandWords, runs } from '../../documents/shell';

/** Flags that skip package signature checks, and the tools they belong to (undefined = any). */
const FLAGS = new Map<string, RegExp | undefined>(Object.entries({
  '--allow-untrusted': /^apk$/,
  '--allow-unauthenticated': /^apt(?:-get)?$/,
  '--allow-insecure-repositories': /^apt(?:-get)?$/,
  '--force-yes': /^apt(?:-get)?$/,
  '--nogpgcheck': /^(?:yum|dnf|microdnf|tdnf|rpm)$/,
  '--nosignature': /^rpm$/,
  '--nodigest': /^rpm$/,
  '--no-gpg-checks': /^zypper$/,
  '--no-gpg-check': /^zypper$/,
  '--skip-signature-check': undefined,
}));
/** Repository options that turn signature checks off; the shortest match is `gpgcheck=0` (10 characters). */
const OPTION = /(?:^|[\s;=])gpgcheck\s*=\s*(?:0|false|no)\b|AllowUnauthenticated[" =]*(?:true|1)\b|AllowInsecureRepositories[" =]*(?:true|1)\b/i;
const OPTION_MIN_LENGTH = 10;

export default defineRule({
  id: 'dockerfile/no-unsigned-packages',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'Package signature checks stay on (no --allow-untrusted, --allow-unauthenticated, --nogpgcheck, --force-yes …)',
  sources: ['Checkov CKV2_DOCKER_7', 'Checkov CKV2_DOCKER_8', 'Checkov CKV2_DOCKER_9', 'Checkov CKV2_DOCKER_10', 'Checkov CKV2_DOCKER_11'],
  messages: {
    flag: '"{{flag}}" makes {{tool}} install packages without checking their signatures: a tampered package would be installed silently.',
    option: '"{{option}}" turns off package signature checks: a tampered package would be installed silently.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const { commands } of runs(doc)) {
      for (const cmd of commands) {
        const tool = commandName(cmd);
        if (!tool) continue;
        const words = commandWords(cmd);
        for (let k = 1; k < words.length; k++) {
          const w = words[k];
          const eq = w.value.indexOf('=');
          const v = eq < 0 ? w.value : w.value.slice(0, eq);
          const only = FLAGS.get(v);
          if (FLAGS.has(v) && (only === undefined || only.test(tool)) && !/=(?:false|0)$/.test(w.value)) {
            let start = w.range.start;
            while (start > 0 && /[ \t]/.test(file.text[start - 1])) start--;
            ctx.report({ range: w.range, messageId: 'flag', data: { flag: w.value, tool }, fixes: [{ title: `Remove ${w.value}`, edits: [{ range: { start, end: w.range.end }, text: '' }] }] });
          } else if (w.value.length >= OPTION_MIN_LENGTH && OPTION.test(w.value)) {
            ctx.report({ range: w.range, messageId: 'option', data: { option: w.value.length > 60 ? `${w.value.slice(0, 57)}…` : w.value } });
          }
        }
      }
    }
  },
});
