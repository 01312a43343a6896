import { defineRule } from '../../define-rule';
import type { Stage } from '../../documents/dockerfile';
import { insertLines } from '../../fixes/dockerfile';

const ABSOLUTE = /^(?:\/|\$|[A-Za-z]:[\\/]|\\)/;

export default defineRule({
  id: 'dockerfile/copy-dest-needs-workdir',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'COPY to a relative destination comes after a WORKDIR that says where that is',
  sources: ['hadolint DL3045'],
  messages: {
    noWorkdir: '{{keyword}} to the relative destination "{{dest}}" with no WORKDIR set in this stage: the files land in whatever directory the base image uses. Set WORKDIR first (or use an absolute destination).',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
        if (ins.jsonForm || /^\s*<</.test(ins.argsText) || ins.args.length < 2) continue;
        const destArg = ins.args[ins.args.length - 1];
        const dest = destArg.value.replace(/["']/g, '');
        if (ABSOLUTE.test(dest) || hasWorkdir(stage, ins.range.start)) continue;
        const line = file.lines.positionAt(ins.range.start).line;
        const at = { offset: file.lines.lineStart(line), prefix: '' };
        ctx.report({
          range: destArg.range,
          messageId: 'noWorkdir',
          data: { keyword: ins.keyword, dest },
          fixes: [{ title: 'Set a WORKDIR before this line…', snippet: true, edits: [insertLines(file, at, ['WORKDIR ${1:/app}'])] }],
        });
      }
    }
  },
});

/** Is a WORKDIR set before `offset` in the stage or in a stage it builds FROM? */
function hasWorkdir(stage: Stage, offset: number): boolean {
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.from.fromStage) {
    seen.add(s);
    if (s.instructions.some((i) => i.keyword === 'WORKDIR' && (s !== stage || i.range.start < offset))) return true;
  }
  return false;
}
