import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { keyRange, mapPairs, nodeRange, str, type YPair, isMap, isScalar } from '../../documents/yaml-nav';
import { insertPairs } from '../../fixes/yaml';
import type { Fix } from '../../types';

const SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses', 'artifact-metadata'];

export default defineRule({
  id: 'actions/explicit-permissions',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Workflows set least-privilege permissions for the GITHUB_TOKEN at workflow or job level',
  sources: ['brief (least privilege)', 'actionlint permissions', 'zizmor excessive-permissions'],
  messages: {
    missing: 'No "permissions:" at workflow level, and none on job(s) {{jobs}}: the GITHUB_TOKEN gets the repository default, which may be read-write on everything.',
    writeAll: '"{{value}}" grants every scope; list only the scopes this {{where}} needs.',
    unknownScope: 'Unknown permission scope "{{scope}}".',
    badValue: 'Permission "{{scope}}" must be read, write or none, not "{{value}}".',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction || !m.root || !m.jobsPair) return;
    const text = ctx.file.text;
    const checkValue = (pair: YPair, where: string) => {
      const v = pair.value;
      if (isScalar(v)) {
        const s = str(v);
        if (s === 'write-all') ctx.report({ range: nodeRange(v)!, messageId: 'writeAll', data: { value: s, where } });
        return;
      }
      if (!isMap(v)) return;
      for (const { key, pair: p, value } of mapPairs(v)) {
        if (!SCOPES.includes(key)) ctx.report({ range: keyRange(p)!, messageId: 'unknownScope', data: { scope: key } });
        const s = str(value);
        if (s !== undefined && !['read', 'write', 'none'].includes(s) && !s.includes('${{')) ctx.report({ range: nodeRange(value)!, messageId: 'badValue', data: { scope: key, value: s } });
        if (key === 'id-token' && s === 'read') ctx.report({ range: nodeRange(value)!, messageId: 'badValue', data: { scope: key, value: s } });
      }
    };
    if (m.permissionsPair) checkValue(m.permissionsPair, 'workflow');
    for (const job of m.jobs) if (job.permissionsPair) checkValue(job.permissionsPair, 'job');
    if (m.permissionsPair) return;
    const missing = m.jobs.filter((j) => !j.permissionsPair);
    if (!missing.length) return;
    const fixes: Fix[] = [];
    const after = m.onPair ? String((m.onPair.key as { value?: unknown }).value) : undefined;
    if (after) fixes.push({ title: 'Add "permissions: contents: read" at workflow level', edits: [insertPairs(text, m.root, { permissions: { contents: 'read' } }, m.style, after)] });
    ctx.report({ range: keyRange(m.jobsPair)!, messageId: 'missing', data: { jobs: missing.map((j) => `"${j.id}"`).join(', ') }, fixes });
  },
});
