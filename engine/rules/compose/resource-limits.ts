import { defineRule } from '../../define-rule';
import { composeModel, longRunningServices } from '../../documents/compose';
import { get, getPair, isMap } from '../../documents/yaml-nav';
import { ensurePath, raw } from '../../fixes/yaml';
import type { Fix } from '../../types';

export default defineRule({
  id: 'compose/resource-limits',
  kind: 'compose',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Services set a memory limit (deploy.resources.limits or mem_limit)',
  sources: ['brief (resource limits)'],
  messages: {
    missing: 'Service "{{service}}" has no memory limit: a leak or a traffic spike can take all the host\'s memory and get other containers killed.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of longRunningServices(m)) {
      if (s.get('mem_limit') !== undefined) continue;
      const limits = get(get(get(s.deploy, 'resources'), 'limits'), 'memory');
      if (limits !== undefined) continue;
      const fixes: Fix[] = [];
      if (isMap(s.node) && !s.node.flow && s.node.items.length && (!s.deploy || (!s.deploy.flow && s.deploy.items.length)) && getPair(s.node, 'deploy') !== undefined === !!s.deploy) {
        try {
          fixes.push({ title: 'Add deploy.resources.limits', snippet: true, edits: ensurePath(text, s.node, ['deploy', 'resources', 'limits'], { cpus: raw("'${1:0.50}'"), memory: raw('${2:512M}') }, { style: m.style }) });
        } catch {
          // an empty block map on the way: no fix
        }
      }
      ctx.report({ range: s.keyRange, messageId: 'missing', data: { service: s.name }, fixes });
    }
  },
});
