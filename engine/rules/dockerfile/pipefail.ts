import { defineRule } from '../../define-rule';
import type { DfInstruction, Stage } from '../../documents/dockerfile';
import { commandWords, runCommands, shellHasPipefail, type ShellCommand } from '../../documents/shell';
import { imageFamily } from '../../fixes/dockerfile';
import type { Fix } from '../../types';

export default defineRule({
  id: 'dockerfile/pipefail',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'RUN instructions with a pipe fail when any command of the pipe fails (pipefail)',
  sources: ['hadolint DL4006'],
  messages: {
    noPipefail: 'Without pipefail only the last command of this pipe decides whether the RUN succeeds: a failing "{{first}}" goes unnoticed. Set SHELL ["/bin/bash", "-o", "pipefail", "-c"] (or start the RUN with set -o pipefail).',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      let firstOffender: DfInstruction | undefined;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN') continue;
        const commands = runCommands(doc, ins);
        if (shellHasPipefail(doc, ins)) continue;
        const pipe = firstPipeline(commands);
        if (!pipe) continue;
        const [pipeStart, end] = pipe;
        const first = commands[pipeStart];
        if (commands.slice(0, pipeStart + 1).some(setsPipefail)) continue;
        firstOffender ??= ins;
        const fix = fixFor(stage, firstOffender);
        ctx.report({
          range: { start: first.range.start, end: commands[end].range.end },
          messageId: 'noPipefail',
          data: { first: commandWords(first)[0]?.value ?? first.words[0].value },
          fixes: fix ? [fix] : [],
        });
      }
    }

    function fixFor(stage: Stage, before: DfInstruction): Fix | undefined {
      const family = imageFamily(stage);
      const shell = family === 'debian' ? '/bin/bash' : family === 'alpine' ? '/bin/ash' : undefined;
      if (!shell) return undefined;
      const line = file.lines.positionAt(before.range.start).line;
      const at = file.lines.lineStart(line);
      const indent = /^[ \t]*/.exec(file.lines.lineText(line))![0];
      return {
        title: `Insert SHELL ["${shell}", "-o", "pipefail", "-c"] before this RUN`,
        edits: [{ range: { start: at, end: at }, text: `${indent}SHELL ["${shell}", "-o", "pipefail", "-c"]${file.lines.eol()}` }],
      };
    }
  },
});

/** First and last index of the first pipeline whose failure pipefail would catch. */
function firstPipeline(commands: ShellCommand[]): [number, number] | undefined {
  for (let i = 0; i < commands.length; i++) {
    if (commands[i].next !== '|' || commands[i].nested === 'substitution') continue;
    let end = i + 1;
    while (end < commands.length - 1 && commands[end].next === '|') end++;
    // echo/printf of a value cannot fail in a way pipefail would catch.
    const producers = commands.slice(i, end);
    if (!producers.every((c) => /^(?:echo|printf|yes|true)$/.test(commandWords(c)[0]?.value ?? ''))) return [i, end];
    i = end;
  }
  return undefined;
}

function setsPipefail(c: ShellCommand): boolean {
  const w = commandWords(c).map((x) => x.value);
  if (w[0] !== 'set') return false;
  return w.some((x, i) => x === 'pipefail' && /^-[a-z]*o$/.test(w[i - 1] ?? ''));
}
