import { defineRule } from '../../define-rule';
import { runs } from '../../documents/shell';
import type { Fix } from '../../types';

/** `NAME=value` before a command (compiled once: the test runs per command). */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export default defineRule({
  id: 'dockerfile/no-sudo',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'RUN does not use sudo',
  sources: ['hadolint DL3004', 'Trivy DS-0010', 'Checkov CKV2_DOCKER_1'],
  messages: {
    sudo: 'sudo in a RUN: build steps already run as the current USER, and sudo in the image lets its processes become root. Switch with USER root … USER app around the step instead.',
  },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    for (const { ins, commands } of runs(doc)) {
      // Removing sudo is only safe where the step already runs as root (looked up for a RUN with sudo only).
      let asRoot: boolean | undefined;
      for (const cmd of commands) {
        let i = 0;
        while (i < cmd.words.length && ASSIGNMENT.test(cmd.words[i].value)) i++;
        const sudo = cmd.words[i];
        if (sudo?.value !== 'sudo') continue;
        if (asRoot === undefined) {
          const users = ins.stage!.instructions.filter((u) => u.keyword === 'USER' && u.range.start < ins.range.start);
          asRoot = users.length === 0 || /^(?:root|0)(?::.*)?$/.test(users[users.length - 1].args[0]?.value ?? '');
        }
        const next = cmd.words[i + 1];
        const fixes: Fix[] = [];
        // Plain `sudo cmd` (or -E/-H/-n, which change nothing for root) can simply go; -u user cannot.
        let j = i + 1;
        while (cmd.words[j] && /^-[EHn]+$/.test(cmd.words[j].value)) j++;
        if (asRoot && next && cmd.words[j] && !cmd.words[j].value.startsWith('-')) {
          fixes.push({ title: 'Remove sudo', edits: [{ range: { start: sudo.range.start, end: cmd.words[j].range.start }, text: '' }] });
        }
        ctx.report({ range: sudo.range, messageId: 'sudo', fixes });
      }
    }
  },
});
