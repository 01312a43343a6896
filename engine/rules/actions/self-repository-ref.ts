import { defineRule } from '../../define-rule';
import { parseUses, workflowModel } from '../../documents/workflow';
import { readOptional } from '../../documents/compose';

/** `owner/repo` of the workspace's git remote "origin", read from .git/config. */
function originRepo(config: string | undefined): string | undefined {
  if (!config) return undefined;
  const sect = /\[remote "origin"\]([^[]*)/.exec(config);
  const url = sect && /url\s*=\s*(\S+)/.exec(sect[1])?.[1];
  const mm = url && /github\.com[:/]([^/]+)\/([^/\s]+?)(\.git)?$/.exec(url);
  return mm ? `${mm[1]}/${mm[2]}`.toLowerCase() : undefined;
}

export default defineRule({
  id: 'actions/self-repository-ref',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  crossFile: true,
  summary: 'Actions of this repository are used by local path, not through a remote ref',
  sources: ['zizmor self-repository'],
  messages: {
    remote: '"{{uses}}" is an action of this repository fetched from GitHub at "{{ref}}": the workflow runs a different version than the commit it belongs to. Use "./{{path}}" (after actions/checkout).',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    // the repository: the git remote, else a `github.repository == 'owner/repo'` guard in the file
    const guard = /github\.repository\s*==\s*'([\w.-]+\/[\w.-]+)'|'([\w.-]+\/[\w.-]+)'\s*==\s*github\.repository\b/.exec(text);
    const self = (ctx.workspace.complete ? originRepo(readOptional(ctx.workspace, '.git/config')) : undefined) ?? (guard ? (guard[1] ?? guard[2]).toLowerCase() : undefined);
    if (!self) return;
    for (const s of m.steps()) {
      const p = s.uses ? parseUses(s.uses) : undefined;
      if (!p || p.action !== self || !p.path || !s.usesNode) continue;
      if (/\.ya?ml$/.test(p.path)) continue; // a reusable workflow: see actions/uses-format
      const r = s.usesNode.range!;
      const src = text.slice(r[0], r[1]);
      const q = src.startsWith('"') || src.startsWith("'") ? 1 : 0;
      const range = { start: r[0] + q, end: r[1] - q };
      ctx.report({ range, messageId: 'remote', data: { uses: s.uses!, ref: p.ref ?? '', path: p.path }, fixes: [{ title: `Use ./${p.path}`, edits: [{ range, text: `./${p.path}` }] }] });
    }
  },
});
