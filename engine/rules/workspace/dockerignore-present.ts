import { defineRule } from '../../define-rule';
import { copiesWholeContext, dirOf, dockerignoreFor, joinPath, sensitiveEntries } from '../../documents/dockerignore';

export default defineRule({
  id: 'workspace/dockerignore-present',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'The build context of a Dockerfile has a .dockerignore',
  sources: ['brief', 'beyond'],
  messages: {
    missing: 'No .dockerignore in the build context ({{dir}}), and the Dockerfile copies the whole context: COPY sends everything, including .git, local dependencies and .env files, to the builder and possibly into the image. Add a .dockerignore.',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!workspace.complete) return;
    // BuildKit sends only the files COPY names; the whole context matters when COPY takes all of it.
    if (!copiesWholeContext(doc) || dockerignoreFor(workspace, file.path)) return;
    const dir = dirOf(file.path);
    const first = doc.stages[0]?.from;
    const range = first ? { start: first.instruction.keywordRange.start, end: first.imageRange.end } : doc.instructions[0]?.range ?? { start: 0, end: 0 };
    const lines = ['# Keep the build context small and free of secrets.', ...sensitiveEntries(workspace, dir).flatMap((e) => e.lines)];
    ctx.report({
      range,
      messageId: 'missing',
      data: { dir: dir || 'the workspace root' },
      fixes: [{ title: `Create ${joinPath(dir, '.dockerignore')}`, edits: [], fileEdits: [{ path: '.dockerignore', create: `${lines.join('\n')}\n` }] }],
    });
  },
});
