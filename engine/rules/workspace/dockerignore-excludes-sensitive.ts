import { defineRule } from '../../define-rule';
import { copiesWholeContext, dirOf, dockerignoreOf, sensitiveEntries } from '../../documents/dockerignore';

export default defineRule({
  id: 'workspace/dockerignore-excludes-sensitive',
  kind: 'dockerignore',
  type: 'problem',
  severity: 'warning',
  summary: '.dockerignore leaves out .git, node_modules, .env files and private keys',
  sources: ['brief', 'beyond'],
  messages: {
    missing: '.dockerignore does not leave out {{what}}: COPY . sends them to the builder and into the image. Add {{lines}}.',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { file, workspace } = ctx;
    if (!workspace.complete) return;
    // The ignore file matters when a Dockerfile of its folder copies the whole context, or when
    // no Dockerfile of the folder is known (the context is used from elsewhere, e.g. Compose).
    const dir = dirOf(file.path);
    const name = file.path.slice(dir ? dir.length + 1 : 0);
    const users = workspace.files('dockerfile').filter((f) => dirOf(f.path) === dir && (name === '.dockerignore' || `${f.path.slice(dir ? dir.length + 1 : 0)}.dockerignore` === name));
    if (users.length && !users.some((f) => copiesWholeContext(f.dockerfile))) return;
    const model = dockerignoreOf(file);
    const missing = sensitiveEntries(workspace, dir).filter((e) => e.probes.some((p) => !model.ignores(p)));
    if (missing.length === 0) return;
    const lines = missing.flatMap((e) => e.lines);
    const eol = file.lines.eol();
    const text = file.text;
    const prefix = text === '' || /[\r\n]$/.test(text) ? '' : eol;
    const end = text.length;
    // On the first pattern line, so a `# shipready-ignore` comment above it applies.
    const first = model.patterns[0];
    ctx.report({
      range: first ? first.range : { start: 0, end: file.lines.lineEnd(0) },
      messageId: 'missing',
      data: { what: missing.map((e) => e.what).join(', '), lines: lines.join(' ') },
      fixes: [{ title: `Add ${lines.join(', ')}`, edits: [{ range: { start: end, end }, text: `${prefix}${lines.join(eol)}${eol}` }] }],
    });
  },
});
