import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';

export default defineRule({
  id: 'dockerfile/no-copy-whole-stage-fs',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'COPY --from copies the built output, not the whole filesystem of another stage',
  sources: ['hadolint DL3067'],
  messages: {
    whole: 'COPY --from={{from}} / copies the entire filesystem of "{{from}}", toolchain and caches included, which defeats the multi-stage build. Copy only the directories the image needs.',
  },
  fixable: false,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'COPY')) {
      const from = ins.flags.find((f) => f.name === 'from')?.value;
      if (!from || ins.args.length < 2) continue;
      // Only a build stage of this file that runs commands on a real OS carries a toolchain and caches;
      // images made to be copied whole (tool images, FROM scratch output stages) are fine.
      let source = ctx.doc.stageByName(from) ?? (/^\d+$/.test(from) ? ctx.doc.stages[Number(from)] : undefined);
      if (!source) continue;
      let runsCommands = false;
      const seen = new Set();
      for (;;) {
        seen.add(source);
        if (source.instructions.some((i) => i.keyword === 'RUN')) runsCommands = true;
        if (!source.from.fromStage || seen.has(source.from.fromStage)) break;
        source = source.from.fromStage;
      }
      if (!runsCommands || source.from.scratch || source.from.hasVariables) continue;
      for (const src of ins.args.slice(0, -1)) {
        if (/^\/+\.?$|^\/\*$/.test(src.value)) ctx.report({ range: src.range, messageId: 'whole', data: { from } });
      }
    }
  },
});
