import { defineRule } from '../../define-rule';

export default defineRule({
  id: 'dockerfile/pin-base-image-digest',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'Base images are pinned by digest as well as tag, so a rebuild uses the same bytes',
  sources: ['brief'],
  messages: {
    noDigest: 'Base image "{{image}}" is not pinned by digest: the tag can be moved to different content. Append @sha256:… (keep the tag for readability).',
    argNoDigest: 'Base image "{{image}}" (resolves to "{{resolved}}") is not pinned by digest: pin the ARG default with @sha256:….',
  },
  fixable: true,
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const from = stage.from;
      if (from.fromStage || from.scratch || !from.ref || from.ref.digest || !from.resolved) continue;
      if (from.hasVariables) {
        ctx.report({ range: from.imageRange, messageId: 'argNoDigest', data: { image: from.image, resolved: from.resolved } });
        continue;
      }
      const end = from.imageRange.end;
      ctx.report({
        range: from.imageRange,
        messageId: 'noDigest',
        data: { image: from.image },
        // The digest cannot be known offline: the user pastes it (e.g. from `docker buildx imagetools inspect`).
        fixes: [{ title: 'Pin by digest (paste the digest)…', snippet: true, edits: [{ range: { start: end, end }, text: '@${1:sha256:DIGEST}' }] }],
      });
    }
  },
});
