import { defineRule } from '../../define-rule';
import { cleanPath, dockerignoreFor, parseDockerignore } from '../../documents/dockerignore';

export default defineRule({
  id: 'workspace/copy-ignored-file',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'COPY and ADD do not name files that .dockerignore leaves out of the build context',
  sources: ['BuildKit CopyIgnoredFile'],
  messages: {
    ignored: '"{{source}}" is excluded from the build context by {{ignoreFile}} line {{line}} ("{{pattern}}"): {{keyword}} fails with "not found". Remove the pattern, add an exception (!{{path}}), or stop copying it.',
  },
  fixable: false,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!workspace.complete) return;
    const ignore = dockerignoreFor(workspace, file.path);
    if (!ignore) return;
    const model = parseDockerignore(ignore.text);
    if (model.patterns.length === 0) return;
    const ignoreFile = ignore.path.slice(ignore.path.lastIndexOf('/') + 1);
    for (const ins of doc.instructions) {
      if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.jsonForm || ins.flags.some((f) => f.name === 'from') || /^\s*<</.test(ins.argsText)) continue;
      for (const src of ins.args.slice(0, -1)) {
        const v = src.value;
        // Variables, globs and remote sources cannot be checked against the patterns.
        if (/[$*?[\]]/.test(v) || /^(?:https?|git|ssh):\/\/|^git@/.test(v)) continue;
        const path = cleanPath(v);
        if (!path) continue;
        const by = model.excludedBy(path);
        if (!by || model.hasExceptionUnder(path)) continue;
        ctx.report({ range: src.range, messageId: 'ignored', data: { source: v, ignoreFile, line: by.line + 1, pattern: by.text.trim(), keyword: ins.keyword, path } });
      }
    }
  },
});
