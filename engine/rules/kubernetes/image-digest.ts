import { parseImageRef } from '../../documents/image-ref';
import { scalarValueStart } from '../../fixes/yaml';
import { containersOf, defineK8sRule } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/image-digest',
  type: 'suggestion',
  severity: 'info',
  summary: 'Container images are pinned by digest (@sha256:…) for reproducible rollouts',
  sources: ['brief (prefer digest)', 'beyond'],
  messages: {
    noDigest: 'Image "{{image}}" is not pinned by digest: the tag can be moved to other content.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s)) {
      if (!c.image || !c.imageNode) continue;
      const ref = parseImageRef(c.image);
      if (!ref || ref.digest) continue;
      const start = scalarValueStart(k8s.text, c.imageNode as Scalar);
      const end = start === undefined ? undefined : start + c.image.length;
      ctx.report({
        range: { start: c.imageNode.range![0], end: c.imageNode.range![1] },
        messageId: 'noDigest',
        data: { image: c.image },
        // The digest cannot be looked up offline: the user pastes it into the placeholder.
        fixes: end === undefined ? [] : [{ title: 'Append the image digest…', snippet: true, edits: [{ range: { start: end, end }, text: '@sha256:${1:DIGEST}' }] }],
      });
    }
  },
});
