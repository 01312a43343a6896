import { defineRule } from '../../define-rule';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'dockerfile/stage-name-style',
  kind: 'dockerfile',
  type: 'style',
  severity: 'warning',
  summary: 'Stage names are lowercase and not reserved words (scratch, context)',
  sources: ['hadolint DL3063', 'BuildKit StageNameCasing', 'BuildKit ReservedStageName', 'dockerfile-utils INVALID_BUILD_STAGE_NAME'],
  messages: {
    casing: 'Stage name "{{name}}" should be lowercase: stage names are case-insensitive and references to it are written in lowercase.',
    reserved: 'Stage name "{{name}}" is reserved: "{{lower}}" already means {{meaning}}, so references to this stage are ambiguous.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      const range = stage.from.stageNameRange;
      if (!range) continue;
      const name = file.text.slice(range.start, range.end);
      if (name.includes('$')) continue;
      const lower = name.toLowerCase();
      if (RESERVED.has(lower)) {
        ctx.report({ range, messageId: 'reserved', data: { name, lower, meaning: lower === 'scratch' ? 'the empty image' : 'the build context (in --from and named contexts)' } });
      } else if (name !== lower) {
        ctx.report({ range, messageId: 'casing', data: { name }, fixes: [{ title: `Rename to "${lower}"`, edits: [{ range, text: lower }] }] });
      }
    }
  },
});
