import { factsOf, perWorkspace } from '../../workspace';
import { WORKFLOW_SCANS_IMAGES } from '../workspace/image-scan-in-ci';
import { defineRule } from '../../define-rule';
import { isImageScanStep, pushesImage, workflowModel } from '../../documents/workflow';
import { indentBlock, columnOf } from '../../fixes/yaml';
import { nodeRange } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

export default defineRule({
  id: 'actions/security-scan',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'warning',
  crossFile: true,
  summary: 'Workflows that push container images scan them for vulnerabilities',
  sources: ['brief (scan images in CI)'],
  messages: {
    noScan: 'This step pushes an image, but no workflow scans images (Trivy, Grype, Snyk, Docker Scout …): known-vulnerable images reach the registry unnoticed.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.steps().some(isImageScanStep)) return;
    // a scan in another workflow of the repository counts (e.g. a scheduled cve-scan.yml)
    const scanning = perWorkspace(ctx.workspace, 'workflows-scanning-images', () => ctx.workspace.files('workflow').filter((f) => factsOf(ctx.workspace, WORKFLOW_SCANS_IMAGES, f)).map((f) => f.path));
    if (ctx.workspace.complete && scanning.some((p) => p !== ctx.file.path)) return;
    const text = ctx.file.text;
    for (const job of m.jobs) {
      const step = job.steps.find(pushesImage);
      if (!step) continue;
      const item = nodeRange(step.node)!;
      const col = columnOf(text, item.start);
      const dash = text.lastIndexOf('-', item.start - 1);
      const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
      const fixes: Fix[] = [];
      if (dash >= lineStart && text.slice(lineStart, dash).trim() === '') {
        const block = indentBlock(
          '- name: Scan the image for vulnerabilities\n  uses: aquasecurity/trivy-action@${1:<full commit SHA>} # ${2:<version>}\n  with:\n    image-ref: ${3:IMAGE}\n    exit-code: "1"\n    severity: CRITICAL,HIGH\n',
          col - 2,
          m.style,
        ).replace(/^\s+/, '').replace(/(\r\n|\r|\n)+$/, '');
        fixes.push({ title: 'Insert a Trivy scan step before the push', snippet: true, edits: [{ range: { start: dash, end: dash }, text: `${block}${m.style.eol}${' '.repeat(col - 2)}` }] });
      }
      ctx.report({ range: step.range, messageId: 'noScan', fixes });
    }
  },
});
