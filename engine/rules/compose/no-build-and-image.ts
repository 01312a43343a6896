import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { nodeRange, str } from '../../documents/yaml-nav';

export default defineRule({
  id: 'compose/no-build-and-image',
  kind: 'compose',
  type: 'suggestion',
  severity: 'warning',
  summary: 'A service with both build and image says which one wins (pull_policy)',
  sources: ['dclint no-build-and-image'],
  messages: {
    both: 'Service "{{service}}" has both "build" and "image": "docker compose up" pulls "{{image}}" when it exists in the registry instead of building. Set pull_policy: build (always build) or never, or drop one of them.',
  },
  fixable: false,
  check(ctx) {
    const m = composeModel(ctx.file);
    for (const s of m.services) {
      if (!s.buildPair || !s.imageNode || !s.node?.has('build')) continue;
      const policy = str(s.get('pull_policy'));
      if (policy && policy !== 'always' && policy !== 'missing') continue;
      ctx.report({ range: nodeRange(s.imageNode)!, messageId: 'both', data: { service: s.name, image: s.image ?? '' } });
    }
  },
});
