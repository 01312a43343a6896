import { type Scalar } from 'yaml';
import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { splitImage } from '../../documents/compose';
import { get, mapPairs, isScalar } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

export default defineRule({
  id: 'actions/container-image-pinned',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'Job containers, service containers and docker:// steps use a pinned image tag',
  sources: ['brief (pin images)', 'zizmor unpinned-images'],
  messages: {
    latest: 'Image "{{image}}" uses the latest tag: every run may get a different image. Pin a version (and a digest).',
    untagged: 'Image "{{image}}" has no tag, so it means latest: every run may get a different image. Pin a version (and a digest).',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    const images: { node: Scalar; image: string; offset: number }[] = [];
    const add = (n: unknown) => {
      const node = isScalar(n) ? n : isScalar(get(n, 'image')) ? (get(n, 'image') as Scalar) : undefined;
      if (!node || typeof node.value !== 'string' || !node.range) return;
      const src = text.slice(node.range[0], node.range[1]);
      const q = src.startsWith('"') || src.startsWith("'") ? 1 : 0;
      images.push({ node, image: node.value.trim(), offset: node.range[0] + q });
    };
    for (const j of m.jobs) {
      if (j.container) add(j.container);
      for (const { value } of mapPairs(j.services)) add(value);
    }
    for (const s of m.steps()) {
      if (s.uses?.startsWith('docker://') && s.usesNode) {
        const src = text.slice(s.usesNode.range![0], s.usesNode.range![1]);
        const at = src.indexOf('docker://');
        images.push({ node: s.usesNode, image: s.uses.slice(9), offset: s.usesNode.range![0] + at + 9 });
      }
    }
    for (const { image, offset } of images) {
      if (!image || image.includes('${{')) continue;
      const ref = splitImage(image);
      if (ref.digest || (ref.tag && ref.tag !== 'latest')) continue;
      const nameEnd = offset + ref.nameEnd;
      const range = ref.tag ? { start: nameEnd + 1, end: nameEnd + 1 + ref.tag.length } : { start: offset, end: offset + image.length };
      const fixes: Fix[] = [{ title: `Pin ${ref.name} to a version…`, snippet: true, edits: [{ range: { start: nameEnd, end: ref.tag ? nameEnd + 1 + ref.tag.length : nameEnd }, text: ':${1:VERSION}' }] }];
      ctx.report({ range, messageId: ref.tag ? 'latest' : 'untagged', data: { image }, fixes });
    }
  },
});
