import { defineRule } from '../../define-rule';
import { composeModel, splitImage } from '../../documents/compose';
import type { Fix } from '../../types';

const FLOATING = new Set(['latest', 'stable', 'edge', 'nightly', 'mainline', 'current', 'master', 'main']);

export default defineRule({
  id: 'compose/no-latest-tag',
  kind: 'compose',
  type: 'problem',
  severity: 'error',
  summary: 'Service images are pinned to a version tag, never latest, a floating tag or untagged',
  sources: ['brief (no latest tags)', 'dclint service-image-require-explicit-tag'],
  messages: {
    latest: 'Image "{{image}}" uses the floating tag "{{tag}}": each pull may bring a different version. Pin a version.',
    untagged: 'Image "{{image}}" has no tag, so it means latest: each pull may bring a different version. Pin a version.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of m.services) {
      if (!s.image || !s.imageNode?.range) continue;
      const image = s.image.trim();
      // built images are tagged by the build; interpolated images are decided by the environment
      if (s.buildPair || image.includes('$')) continue;
      const ref = splitImage(image);
      if (ref.digest || (ref.tag && !FLOATING.has(ref.tag.toLowerCase()))) continue;
      const r = s.imageNode.range;
      const src = text.slice(r[0], r[1]);
      const q = src.startsWith('"') || src.startsWith("'") ? 1 : 0;
      const base = r[0] + q + (src.slice(q).length - src.slice(q).trimStart().length);
      const nameEnd = base + ref.nameEnd;
      const range = ref.tag ? { start: nameEnd + 1, end: nameEnd + 1 + ref.tag.length } : { start: base, end: base + image.length };
      const fixes: Fix[] = [{ title: `Pin ${ref.name} to a version…`, snippet: true, edits: [{ range: { start: nameEnd, end: ref.tag ? nameEnd + 1 + ref.tag.length : nameEnd }, text: ':${1:VERSION}' }] }];
      ctx.report({ range, messageId: ref.tag ? 'latest' : 'untagged', data: { image, tag: ref.tag ?? '' }, fixes });
    }
  },
});
