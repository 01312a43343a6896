import { defineRule } from '../../define-rule';
import { composeModel, dockerfileOf, longRunningServices } from '../../documents/compose';
import { insertPairs, raw } from '../../fixes/yaml';
import type { Fix } from '../../types';
import { isMap } from '../../documents/yaml-nav';

export default defineRule({
  id: 'compose/healthcheck',
  kind: 'compose',
  type: 'suggestion',
  severity: 'warning',
  crossFile: true,
  summary: 'Long-running services define a healthcheck (or inherit one from their Dockerfile)',
  sources: ['brief (health checks on every service)'],
  messages: {
    missing: 'Service "{{service}}" has no healthcheck: Compose reports it "running" while it is still starting or already broken, and depends_on cannot wait for it to be ready.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of longRunningServices(m)) {
      if (s.pairOf('healthcheck')) continue;
      if (s.buildPair) {
        // the image built from the Dockerfile may define HEALTHCHECK: only judge what we can read
        const df = dockerfileOf(ctx.workspace, ctx.file.path, s);
        if (df === undefined || /^\s*HEALTHCHECK\s+(?!NONE\b)/im.test(df)) continue;
      }
      const fixes: Fix[] = [];
      if (isMap(s.node) && !s.node.flow && s.node.items.length) {
        fixes.push({
          title: 'Add a healthcheck',
          snippet: true,
          edits: [insertPairs(text, s.node, { healthcheck: { test: raw('["CMD-SHELL", "${1:curl -fsS http://localhost:8080/health || exit 1}"]'), interval: '30s', timeout: '5s', retries: 3, start_period: '10s' } }, m.style)],
        });
      }
      ctx.report({ range: s.keyRange, messageId: 'missing', data: { service: s.name }, fixes });
    }
  },
});
