import { defineRule } from '../../define-rule';
import { composeModel, longRunningServices } from '../../documents/compose';
import { get, isMap } from '../../documents/yaml-nav';
import { insertPairs } from '../../fixes/yaml';
import type { Fix } from '../../types';

export default defineRule({
  id: 'compose/restart-policy',
  kind: 'compose',
  type: 'suggestion',
  severity: 'info',
  summary: 'Long-running services have a restart policy',
  sources: ['beyond (Compose restart documentation)'],
  messages: {
    missing: 'Service "{{service}}" has no restart policy: after a crash or a host reboot it stays down until someone notices.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of longRunningServices(m)) {
      if (s.get('restart') !== undefined || get(s.deploy, 'restart_policy') !== undefined) continue;
      const fixes: Fix[] = [];
      if (isMap(s.node) && !s.node.flow && s.node.items.length) fixes.push({ title: 'Add restart: unless-stopped', edits: [insertPairs(text, s.node, { restart: 'unless-stopped' }, m.style)] });
      ctx.report({ range: s.keyRange, messageId: 'missing', data: { service: s.name }, fixes });
    }
  },
});
