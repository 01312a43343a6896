import { editDistance } from '../../text/distance';
import { defineRule } from '../../define-rule';
import type { Fix } from '../../types';

export default defineRule({
  id: 'dockerfile/copy-from-valid-stage',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'COPY --from names an existing earlier stage (or an image), never its own stage',
  sources: ['hadolint DL3022', 'hadolint DL3023', 'Trivy DS-0006'],
  messages: {
    ownStage: 'COPY --from={{from}} refers to the stage it is in: a stage cannot copy from itself.',
    laterStage: 'COPY --from={{from}} refers to a stage that is not defined before this one.',
    unknownStage: 'COPY --from={{from}}: no stage is named "{{from}}", so the builder pulls an image called "{{from}}". Use one of the stage names ({{stages}}), or write the image with its tag.',
  },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    for (const stage of doc.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY') continue;
        const flag = ins.flags.find((f) => f.name === 'from');
        if (!flag || !flag.value || flag.value.includes('$')) continue;
        const value = flag.value;
        const valueRange = { start: flag.range.end - value.length, end: flag.range.end };
        if (/^\d+$/.test(value)) {
          const n = Number(value);
          if (n === stage.index) ctx.report({ range: valueRange, messageId: 'ownStage', data: { from: value } });
          else if (n > stage.index) ctx.report({ range: valueRange, messageId: 'laterStage', data: { from: value } });
          continue;
        }
        const target = doc.stageByName(value);
        if (target === stage) {
          ctx.report({ range: valueRange, messageId: 'ownStage', data: { from: value } });
          continue;
        }
        if (target) {
          if (target.index > stage.index) ctx.report({ range: valueRange, messageId: 'laterStage', data: { from: value } });
          continue;
        }
        // Anything that looks like an image reference is one.
        if (/[/:@.]/.test(value)) continue;
        const earlier = doc.stages.filter((s) => s.index < stage.index && s.name);
        if (earlier.length === 0) continue;
        const names = earlier.map((s) => s.name!);
        const ranked = [...names].sort((a, b) => editDistance(value.toLowerCase(), a) - editDistance(value.toLowerCase(), b));
        const fixes: Fix[] = ranked.map((n) => ({ title: `Copy from stage "${n}"`, edits: [{ range: valueRange, text: n }] }));
        ctx.report({ range: valueRange, messageId: 'unknownStage', data: { from: value, stages: names.join(', ') }, fixes });
      }
    }
  },
});

