import { defineRule } from '../../define-rule';
import { parseImageRef } from '../../documents/image-ref';
import type { Range } from '../../types';

/** Used when the option is not set: the major public registries, so typo-squatted or unknown hosts stand out. */
const DEFAULT_REGISTRIES = ['docker.io', 'ghcr.io', 'gcr.io', '*.gcr.io', '*.pkg.dev', 'quay.io', 'mcr.microsoft.com', 'public.ecr.aws', 'registry.k8s.io', 'cgr.dev', 'registry.access.redhat.com', 'registry.gitlab.com'];

export default defineRule({
  id: 'dockerfile/trusted-registries',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  preset: 'strict',
  summary: 'Base images come only from allowed registries (option registries; by default the major public ones)',
  sources: ['hadolint DL3026'],
  messages: {
    untrusted: 'Image "{{image}}" comes from {{registry}}, which is not in the allowed registries ({{allowed}}).',
  },
  fixable: false,
  options: {
    type: 'object',
    properties: {
      registries: {
        type: 'array',
        items: { type: 'string' },
        description: 'Allowed registries or repository prefixes: "docker.io", "*.gcr.io", "ghcr.io/my-org". Default: the major public registries. [] = the rule reports nothing.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const allowed = Array.isArray(ctx.options.registries) ? (ctx.options.registries as string[]) : DEFAULT_REGISTRIES;
    if (allowed.length === 0) return;
    const { doc } = ctx;
    const check = (image: string, range: Range) => {
      const ref = parseImageRef(image);
      if (!ref) return;
      const registry = (ref.registry ?? 'docker.io').toLowerCase();
      let path = ref.name.toLowerCase();
      if (!ref.registry) path = `docker.io/${path.includes('/') ? path : `library/${path}`}`;
      const ok = allowed.some((a) => {
        const e = a.toLowerCase().replace(/\/+$/, '');
        if (e.startsWith('*.')) return registry.endsWith(e.slice(1));
        return registry === e || path === e || path.startsWith(`${e}/`) || (e === 'docker.io' && registry === 'index.docker.io');
      });
      if (!ok) ctx.report({ range, messageId: 'untrusted', data: { image, registry, allowed: allowed.join(', ') } });
    };
    for (const stage of doc.stages) {
      const from = stage.from;
      if (from.fromStage || from.scratch || !from.resolved) continue;
      check(from.resolved, from.imageRange);
    }
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'COPY') continue;
      const flag = ins.flags.find((f) => f.name === 'from');
      const v = flag?.value;
      if (!flag || !v || v.includes('$') || /^\d+$/.test(v) || doc.stageByName(v) || !/[/:@.]/.test(v)) continue;
      check(v, { start: flag.range.end - v.length, end: flag.range.end });
    }
  },
});
