import { defineRule } from '../../define-rule';
import { composeModel, dockerfileOf, imageHandlesUser, isOneShot } from '../../documents/compose';
import { nodeRange, isMap } from '../../documents/yaml-nav';
import { insertPairs, raw } from '../../fixes/yaml';
import type { Fix } from '../../types';

export default defineRule({
  id: 'compose/non-root-user',
  kind: 'compose',
  type: 'suggestion',
  severity: 'warning',
  crossFile: true,
  summary: 'Services run as a non-root user (user: or a Dockerfile USER)',
  sources: ['brief (non-root users)'],
  messages: {
    missing: 'Service "{{service}}" runs as root: a compromised process owns the container and everything mounted into it. Set "user:" to a non-root uid:gid.',
    root: 'Service "{{service}}" explicitly runs as root.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    if (m.fragment) return;
    const text = ctx.file.text;
    for (const s of m.services) {
      if (!s.node || s.get('extends')) continue;
      if (s.userPair) {
        const u = (s.user ?? '').split(':')[0];
        if (u === 'root' || u === '0') ctx.report({ range: nodeRange(s.userPair.value)!, messageId: 'root', data: { service: s.name } });
        continue;
      }
      if (isOneShot(s)) continue;
      if (s.buildPair) {
        const df = dockerfileOf(ctx.workspace, ctx.file.path, s);
        if (df === undefined) continue;
        const users = [...df.matchAll(/^\s*USER\s+(\S+)/gim)].map((x) => x[1]);
        const last = users[users.length - 1];
        if (last && !/^(root|0)(:|$)/.test(last)) continue;
      } else if (!s.image || s.image.includes('$') || imageHandlesUser(s.image)) continue;
      const fixes: Fix[] = [];
      if (isMap(s.node) && !s.node.flow && s.node.items.length) fixes.push({ title: 'Run as a non-root user', snippet: true, edits: [insertPairs(text, s.node, { user: raw('"${1:1000:1000}"') }, m.style)] });
      ctx.report({ range: s.keyRange, messageId: 'missing', data: { service: s.name }, fixes });
    }
  },
});
