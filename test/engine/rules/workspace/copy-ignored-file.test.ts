import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/copy-ignored-file';
import { lint, ResolvedConfig, Workspace, singleFileWorkspace } from '../../../../engine/index';
import { parseDockerignore } from '../../../../engine/documents/dockerignore';

function run(files: Record<string, string>, path = 'Dockerfile') {
  const ws = new Workspace(undefined, true);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: rule.meta.severity } }]);
  const file = ws.get(path)!;
  const result = lint(file, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map((f) => ({ messageId: f.messageId, text: file.text.slice(f.range.start, f.range.end), message: f.message, fixes: f.fixes.length }));
}

describe(rule.meta.id, () => {
  it('reports a COPY source the .dockerignore leaves out', () => {
    const found = run({ '.dockerignore': '# deps\nnode_modules\n**/*.md\n', Dockerfile: 'FROM node:22\nWORKDIR /app\nCOPY package.json ./\nCOPY node_modules ./node_modules\nCOPY ./docs/README.md /docs/\n' });
    assert.deepEqual(
      found.map((f) => [f.messageId, f.text, f.fixes]),
      [
        ['ignored', 'node_modules', 0],
        ['ignored', './docs/README.md', 0],
      ],
    );
    assert.equal(found[0].message, '"node_modules" is excluded from the build context by .dockerignore line 2 ("node_modules"): COPY fails with "not found". Remove the pattern, add an exception (!node_modules), or stop copying it.');
  });

  it('honours ! exceptions, last match wins', () => {
    assert.deepEqual(run({ '.dockerignore': '*.md\n!README.md\n', Dockerfile: 'FROM alpine:3.20\nCOPY README.md /\n' }), []);
    assert.equal(run({ '.dockerignore': '!README.md\n*.md\n', Dockerfile: 'FROM alpine:3.20\nCOPY README.md /\n' }).length, 1);
  });

  it('does not report a directory with re-included files below it', () => {
    assert.deepEqual(run({ '.dockerignore': 'docs\n!docs/api.md\n', Dockerfile: 'FROM alpine:3.20\nCOPY docs /docs\n' }), []);
  });

  it('uses <Dockerfile>.dockerignore before .dockerignore', () => {
    const files = { '.dockerignore': 'config\n', 'Dockerfile.prod': 'FROM alpine:3.20\nCOPY config /etc/app\n', 'Dockerfile.prod.dockerignore': '.git\n' };
    assert.deepEqual(run(files, 'Dockerfile.prod'), []);
  });

  it('skips globs, variables, URLs, heredocs and COPY --from', () => {
    const dockerfile = 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY *.md /docs/\nCOPY $DIR /x\nADD https://example.com/secret /x\nCOPY --from=b /secret /x\nCOPY <<EOF /secret\nx\nEOF\n';
    assert.deepEqual(run({ '.dockerignore': '*.md\nsecret\n', Dockerfile: dockerfile }), []);
  });

  it('stays silent without a .dockerignore or without the workspace', () => {
    assert.deepEqual(run({ Dockerfile: 'FROM alpine:3.20\nCOPY node_modules /x\n' }), []);
    const ws = new Workspace(undefined, true);
    ws.set('.dockerignore', 'node_modules\n');
    const file = ws.set('Dockerfile', 'FROM alpine:3.20\nCOPY node_modules /x\n');
    const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: rule.meta.severity } }]);
    assert.deepEqual(lint(file, { config, rules: [rule], workspace: singleFileWorkspace(file) }).findings, []);
  });
});

describe('parseDockerignore (Docker semantics)', () => {
  const ignores = (text: string, path: string) => parseDockerignore(text).ignores(path);
  it('anchors patterns at the context root and cleans them', () => {
    assert.equal(ignores('node_modules', 'node_modules'), true);
    assert.equal(ignores('node_modules', 'web/node_modules'), false);
    assert.equal(ignores('**/node_modules', 'web/node_modules'), true);
    assert.equal(ignores('/build/', 'build/out.js'), true, 'leading and trailing / are removed; children of a match are ignored');
    assert.equal(ignores('./tmp//cache', 'tmp/cache'), true);
  });
  it('matches * within one path segment, dot-files like any file, and ** across segments', () => {
    assert.equal(ignores('*.log', 'app.log'), true);
    assert.equal(ignores('*.log', 'logs/app.log'), false);
    assert.equal(ignores('*', '.env'), true);
    assert.equal(ignores('.env*', '.env.local'), true);
    assert.equal(ignores('docs/**/*.md', 'docs/a/b/c.md'), true);
    assert.equal(ignores('docs/**/*.md', 'docs/c.md'), true);
    assert.equal(ignores('file?.txt', 'file1.txt'), true);
    assert.equal(ignores('[abc].txt', 'b.txt'), true);
  });
  it('ignores comments and blank lines, trims, and treats ! as an exception', () => {
    const m = parseDockerignore('# comment\n\n  *.md  \n! README.md\n');
    assert.deepEqual(m.patterns.map((p) => [p.pattern, p.exception, p.line]), [
      ['*.md', false, 2],
      ['README.md', true, 3],
    ]);
    assert.equal(m.ignores('CHANGELOG.md'), true);
    assert.equal(m.ignores('README.md'), false);
    assert.equal(m.excludedBy('CHANGELOG.md')?.line, 2);
  });
});
