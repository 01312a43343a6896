import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';
import { hasOption, packageCommands, commandName } from '../../documents/shell';

const APT_ACTIONS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall']);
const YUM_ACTIONS = new Set(['install', 'update', 'upgrade', 'remove', 'erase', 'groupinstall', 'reinstall', 'downgrade', 'autoremove', 'localinstall', 'group']);
const ZYPPER_ACTIONS = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si']);

/** -qq and friends imply -y (compiled once: the test runs per option). */
const QUIET = /^-qq$|^-q=?[2-9]$|^--quiet=[2-9]$/;

export default defineRule({
  id: 'dockerfile/non-interactive-install',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'Package installs answer yes on their own (-y, --non-interactive), so the build never waits for input',
  sources: ['hadolint DL3014', 'hadolint DL3030', 'hadolint DL3034', 'hadolint DL3038', 'Trivy DS-0021'],
  messages: {
    yes: '{{manager}} {{action}} without {{flag}} asks for confirmation, which a build cannot give: the step aborts. Add {{flag}}.',
  },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const assumeYes = instructionsOf(doc, 'RUN').some((i) => /APT::Get::Assume-Yes/i.test(i.argsText));
    for (const { pc, commands } of packageCommands(doc)) {
      const { manager, action, actionWord } = pc;
      if (!action || !actionWord) continue;
      let flag: string;
      let insertAt: number;
      if (manager === 'apt-get' || manager === 'apt') {
        if (!APT_ACTIONS.has(action) || assumeYes) continue;
        if (hasOption(pc, 'y', ['--yes', '--assume-yes']) || pc.options.some((o) => QUIET.test(o.value))) continue;
        if (pc.values.size && [...pc.values.values()].some((v) => /Assume-Yes\s*=\s*(?:true|1|yes)/i.test(v.value))) continue;
        flag = '-y';
        insertAt = actionWord.range.end;
      } else if (manager === 'yum' || manager === 'dnf') {
        if (!YUM_ACTIONS.has(action) || hasOption(pc, 'y', ['--assumeyes'])) continue;
        flag = '-y';
        insertAt = actionWord.range.end;
      } else if (manager === 'zypper') {
        if (!ZYPPER_ACTIONS.has(action) || hasOption(pc, 'ny', ['--non-interactive', '--no-confirm'])) continue;
        flag = '--non-interactive';
        insertAt = pc.managerWord.range.end;
      } else continue;
      // `yes | apt-get install …` answers the prompt too.
      const index = commands.indexOf(pc.command);
      if (index > 0 && commands[index - 1].next === '|' && commandName(commands[index - 1]) === 'yes') continue;
      ctx.report({
        range: { start: pc.managerWord.range.start, end: actionWord.range.end },
        messageId: 'yes',
        data: { manager, action, flag },
        fixes: [{ title: `Add ${flag}`, edits: [{ range: { start: insertAt, end: insertAt }, text: ` ${flag}` }] }],
      });
    }
  },
});
