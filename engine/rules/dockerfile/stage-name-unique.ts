import { defineRule } from '../../define-rule';

export default defineRule({
  id: 'dockerfile/stage-name-unique',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'Every build stage has a unique name',
  sources: ['hadolint DL3024', 'BuildKit DuplicateStageName', 'Trivy DS-0012', 'Checkov CKV_DOCKER_11', 'dockerfile-utils DUPLICATE_BUILD_STAGE_NAME'],
  messages: {
    duplicate: 'Stage name "{{name}}" is already used on line {{line}}: the build fails with duplicate stage names.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    const seen = new Map<string, number>();
    const taken = new Set(doc.stages.map((s) => s.name).filter((n): n is string => !!n));
    for (const stage of doc.stages) {
      const name = stage.from.stageName;
      const range = stage.from.stageNameRange;
      if (!name || !range || name.includes('$')) continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, stage.from.instruction.range.start);
        continue;
      }
      let n = 2;
      while (taken.has(`${name}-${n}`)) n++;
      const renamed = `${name}-${n}`;
      taken.add(renamed);
      ctx.report({
        range,
        messageId: 'duplicate',
        data: { name, line: file.lines.positionAt(first).line + 1 },
        fixes: [{ title: `Rename this stage to "${renamed}"`, edits: [{ range, text: renamed }] }],
      });
    }
  },
});
