import { parseImageRef } from '../../documents/image-ref';
import { scalarValueStart } from '../../fixes/yaml';
import { containersOf, defineK8sRule, imageTagEdit } from '../../documents/k8s';
import type { Fix } from '../../types';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/no-latest-tag',
  type: 'problem',
  severity: 'error',
  summary: 'Container images are pinned to a version tag, never latest or untagged',
  sources: ['brief', 'kube-linter latest-tag', 'kube-score container-image-tag', 'Polaris tagNotSpecified'],
  messages: {
    latest: 'Image "{{image}}" uses the latest tag: rollouts are not reproducible and rollbacks do not roll back. Pin a version.',
    untagged: 'Image "{{image}}" has no tag, so it means latest. Pin a version.',
  },
  fixable: true,
  check(ctx, k8s) {
    const all = [...containersOf(k8s, ['initContainer', 'container', 'ephemeralContainer'], { helmTests: true })];
    // The first pinned tag of each image name in this file, for the "tag used elsewhere" fix.
    const pinned = new Map<string, string>();
    for (const { c } of all) {
      const r = c.image ? parseImageRef(c.image) : undefined;
      if (r?.tag && r.tag !== 'latest' && !pinned.has(r.name)) pinned.set(r.name, r.tag);
    }
    for (const { c } of all) {
      if (!c.image || !c.imageNode) continue;
      const ref = parseImageRef(c.image);
      if (!ref || ref.digest) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      const start = scalarValueStart(k8s.text, c.imageNode as Scalar);
      const whole = { start: c.imageNode.range![0], end: c.imageNode.range![1] };
      const range = start !== undefined && ref.tag === 'latest' ? { start: start + ref.tagStart!, end: start + ref.tagEnd! } : whole;
      const fixes: Fix[] = [];
      const known = pinned.get(ref.name);
      if (known) {
        const e = imageTagEdit(k8s.text, c.imageNode, ref, known);
        if (e) fixes.push({ title: `Pin ${ref.name} to ${known} (the tag used elsewhere in this file)`, edits: [e] });
      }
      const e = imageTagEdit(k8s.text, c.imageNode, ref, '${1:VERSION}');
      if (e) fixes.push({ title: `Pin ${ref.name} to a version…`, snippet: true, edits: [e] });
      ctx.report({ range, messageId: ref.tag === 'latest' ? 'latest' : 'untagged', data: { image: c.image }, fixes });
    }
  },
});
