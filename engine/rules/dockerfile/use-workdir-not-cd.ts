import { defineRule } from '../../define-rule';
import { commandWords, runCommands } from '../../documents/shell';
import { endOfInstruction, insertLines } from '../../fixes/dockerfile';
import type { Fix } from '../../types';

/** Commands that may come before the `cd` without changing its meaning. */
const PREAMBLE = /^(?:set|:|true)$/;

export default defineRule({
  id: 'dockerfile/use-workdir-not-cd',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'A RUN that starts by changing directory uses WORKDIR instead of cd',
  sources: ['hadolint DL3003', 'Trivy DS-0013'],
  messages: {
    cd: 'RUN starts with "cd {{dir}}": set the directory with WORKDIR {{dir}}, which is clearer and applies to the following instructions too.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      stage.instructions.forEach((ins, k) => {
        if (ins.keyword !== 'RUN') return;
        const commands = runCommands(doc, ins);
        const first = commands.findIndex((c) => !PREAMBLE.test(commandWords(c)[0]?.value ?? ''));
        const cd = commands[first];
        if (!cd || cd.nested || cd.compound || cd.heredoc) return;
        const w = commandWords(cd);
        if (w[0]?.value !== 'cd' || w.length !== 2 || cd.next !== '&&') return;
        const dir = w[1].value;
        // cd into a temporary or computed directory is the shell's job, not WORKDIR's.
        if (dir.includes('$') || dir === '-' || /^\/tmp(?:\/|$)/.test(dir) || !dir.startsWith('/')) return;
        const fixes: Fix[] = [];
        // Only when nothing after the RUN depends on the directory it leaves: WORKDIR would change it.
        const rest = stage.instructions.slice(k + 1);
        const nextWorkdir = rest.findIndex((i) => i.keyword === 'WORKDIR' && i.argsText.trim().startsWith('/'));
        const dependent = (nextWorkdir < 0 ? rest : rest.slice(0, nextWorkdir)).some((i) => /^(?:RUN|COPY|ADD|CMD|ENTRYPOINT)$/.test(i.keyword));
        // When later instructions depend on the directory, restore the previous WORKDIR after the RUN.
        const before = stage.instructions.slice(0, k).filter((i) => i.keyword === 'WORKDIR').pop()?.argsText.trim();
        const restore = dependent ? (before && /^\/[^$"']*$/.test(before) ? before : undefined) : '';
        const next = commands[first + 1];
        if (first === 0 && restore !== undefined && next && !ins.flags.length) {
          const line = file.lines.positionAt(ins.range.start).line;
          const lineStart = file.lines.lineStart(line);
          const indent = /^[ \t]*/.exec(file.lines.lineText(line))![0];
          fixes.push({
            title: `Use WORKDIR ${dir}`,
            edits: [
              { range: { start: lineStart, end: lineStart }, text: `${indent}WORKDIR ${dir}${file.lines.eol()}` },
              { range: { start: cd.range.start, end: next.words[0].range.start }, text: '' },
              ...(restore ? [insertLines(file, endOfInstruction(file, ins), [`${indent}WORKDIR ${restore}`])] : []),
            ],
          });
        }
        ctx.report({ range: cd.range, messageId: 'cd', data: { dir }, fixes });
      });
    }
  },
});
