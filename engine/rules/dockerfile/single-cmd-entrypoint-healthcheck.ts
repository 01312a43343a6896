import { defineRule } from '../../define-rule';
import { instructionsOf, type DfInstruction } from '../../documents/dockerfile';
import { deleteInstruction } from '../../fixes/dockerfile';

const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export default defineRule({
  id: 'dockerfile/single-cmd-entrypoint-healthcheck',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'A stage has at most one CMD, ENTRYPOINT and HEALTHCHECK (only the last one takes effect)',
  sources: ['hadolint DL4003', 'hadolint DL4004', 'hadolint DL3012', 'BuildKit MultipleInstructionsDisallowed', 'Trivy DS-0007', 'Trivy DS-0016', 'Trivy DS-0023', 'dockerfile-utils MULTIPLE_INSTRUCTIONS'],
  messages: {
    overridden: 'This {{keyword}} has no effect: a later {{keyword}} on line {{line}} of the same stage replaces it.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      for (const keyword of SINGLE) {
        const list: DfInstruction[] = instructionsOf(doc, keyword).filter((i) => i.stage === stage);
        const last = list[list.length - 1];
        for (const ins of list.slice(0, -1)) {
          ctx.report({
            range: ins.range,
            messageId: 'overridden',
            data: { keyword, line: file.lines.positionAt(last.range.start).line + 1 },
            fixes: [{ title: `Remove this ${keyword}`, edits: [deleteInstruction(file, ins)] }],
          });
        }
      }
    }
  },
});
