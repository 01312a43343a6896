import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';

export default defineRule({
  id: 'dockerfile/no-maintainer',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'The deprecated MAINTAINER is replaced by the org.opencontainers.image.authors label',
  sources: ['hadolint DL4000', 'BuildKit MaintainerDeprecated', 'dockerfile-utils DEPRECATED_MAINTAINER', 'Trivy DS-0022', 'Checkov CKV_DOCKER_6'],
  messages: {
    maintainer: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="…", which tools and registries read.',
  },
  fixable: true,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'MAINTAINER')) {
      const value = ins.argsText.replace(/\\\r?\n\s*/g, ' ').trim().replace(/^"(.*)"$/, '$1');
      const quoted = `"${value.replace(/[\\"$]/g, '\\$&')}"`;
      const label = ins.keywordText === ins.keywordText.toLowerCase() ? 'label' : 'LABEL';
      const end = ins.argsRange?.end ?? ins.keywordRange.end;
      ctx.report({
        range: ins.keywordRange,
        messageId: 'maintainer',
        fixes: [{ title: 'Replace with LABEL org.opencontainers.image.authors', edits: [{ range: { start: ins.keywordRange.start, end }, text: `${label} org.opencontainers.image.authors=${quoted}` }] }],
      });
    }
  },
});
