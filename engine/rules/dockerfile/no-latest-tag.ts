import { defineRule } from '../../define-rule';
import type { DfFrom } from '../../documents/dockerfile';
import type { Fix } from '../../types';

export default defineRule({
  id: 'dockerfile/no-latest-tag',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'Base images are pinned to a version tag, never latest or untagged',
  sources: ['brief', 'hadolint DL3006', 'hadolint DL3007', 'Trivy DS-0001', 'Checkov CKV_DOCKER_7'],
  messages: {
    latest: 'Base image "{{image}}" uses the latest tag: builds are not reproducible. Pin a version.',
    untagged: 'Base image "{{image}}" has no tag, so it means latest: builds are not reproducible. Pin a version.',
    argLatest: 'Base image "{{image}}" resolves to "{{resolved}}" through ARG defaults: pin a version in the ARG default.',
  },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    for (const stage of doc.stages) {
      const from = stage.from;
      if (from.fromStage || from.scratch || !from.ref || from.ref.digest) continue;
      const tag = from.ref.tag;
      if (tag !== undefined && tag !== 'latest') continue;
      if (from.hasVariables) {
        ctx.report({ range: from.imageRange, messageId: 'argLatest', data: { image: from.image, resolved: from.resolved! } });
        continue;
      }
      const base = from.imageRange.start;
      const range = tag === 'latest' ? { start: base + from.ref.tagStart!, end: base + from.ref.tagEnd! } : from.imageRange;
      const fixes: Fix[] = [];
      const known = knownTag(doc.stages.map((s) => s.from), from.ref.name);
      const nameEnd = base + from.ref.nameEnd;
      const replace = { start: nameEnd, end: tag === 'latest' ? base + from.ref.tagEnd! : nameEnd };
      if (known) {
        fixes.push({ title: `Pin ${from.ref.name} to ${from.ref.name}:${known} (the tag used elsewhere in this file)`, edits: [{ range: replace, text: `:${known}` }] });
      }
      fixes.push({ title: `Pin ${from.ref.name} to a version…`, snippet: true, edits: [{ range: replace, text: ':${1:VERSION}' }] });
      ctx.report({ range, messageId: tag === 'latest' ? 'latest' : 'untagged', data: { image: from.image }, fixes });
    }
  },
});

/** A pinned tag already used for the same image in another stage. */
function knownTag(froms: DfFrom[], name: string): string | undefined {
  for (const f of froms) {
    const t = f.ref?.tag;
    if (f.ref?.name === name && t && t !== 'latest' && !f.hasVariables) return t;
  }
  return undefined;
}
