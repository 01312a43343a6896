import { defineRule } from '../../define-rule';
import type { Stage } from '../../documents/dockerfile';
import { imageFamily, insertionPointBeforeRun, insertLines } from '../../fixes/dockerfile';

export default defineRule({
  id: 'dockerfile/healthcheck-missing',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'The shipped stage declares a HEALTHCHECK',
  sources: ['brief', 'hadolint DL3057', 'Trivy DS-0026', 'Checkov CKV_DOCKER_2'],
  messages: {
    missing: 'No HEALTHCHECK in the final stage: Docker and Compose cannot tell a hung service from a healthy one. Add a HEALTHCHECK (or HEALTHCHECK NONE if the platform probes it).',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    const final = doc.finalStage;
    if (!final || hasHealthcheck(final)) return;
    const port = exposedPort(final) ?? '8080';
    const family = imageFamily(final);
    const probe =
      family === 'alpine'
        ? `wget -qO- http://127.0.0.1:${port}/health || exit 1`
        : family === 'distroless' || family === 'scratch'
          ? '["/app/healthcheck"]'
          : `curl -fsS http://127.0.0.1:${port}/health || exit 1`;
    const at = insertionPointBeforeRun(file, final);
    const from = final.from;
    ctx.report({
      range: { start: from.instruction.keywordRange.start, end: from.imageRange.end },
      messageId: 'missing',
      fixes: [
        {
          title: 'Add a HEALTHCHECK…',
          snippet: true,
          edits: [insertLines(file, at, [`HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD \${1:${probe.replace(/[$}\\]/g, '\\$&')}}`])],
        },
      ],
    });
  },
});

function hasHealthcheck(stage: Stage): boolean {
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.from.fromStage) {
    seen.add(s);
    if (s.instructions.some((i) => i.keyword === 'HEALTHCHECK')) return true;
  }
  return false;
}

function exposedPort(stage: Stage): string | undefined {
  const expose = stage.instructions.find((i) => i.keyword === 'EXPOSE');
  const m = expose?.args[0]?.value.match(/^(\d+)/);
  return m?.[1];
}
