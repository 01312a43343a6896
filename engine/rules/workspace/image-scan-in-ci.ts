import { defineFacts, factsOf, perWorkspace } from '../../workspace';
import { defineRule } from '../../define-rule';
import { isImageScanStep, workflowModel } from '../../documents/workflow';
import { readOptional } from '../../documents/compose';
import type { Fix } from '../../types';

/** Does a workflow have a step that scans images (read by the cross-file image-scan rules)? */
export const WORKFLOW_SCANS_IMAGES = defineFacts<boolean>({ key: 'workflow-scans-images', kinds: ['workflow'], extract: (f) => workflowModel(f).steps().some(isImageScanStep) });

const OTHER_CI = ['.gitlab-ci.yml', '.circleci/config.yml', 'Jenkinsfile', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', '.drone.yml', '.woodpecker.yml', 'cloudbuild.yaml', 'buildspec.yml'];
const SCAN = /\b(trivy|grype|snyk\s+container|docker\s+scout|clair(ctl)?|anchore|twistcli|prisma|aquasec)\b/i;

const WORKFLOW = `name: Image scan

on:
  push:
    branches: [main]
  pull_request:
  schedule:
    - cron: "0 6 * * 1"

permissions:
  contents: read

jobs:
  scan:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - name: Build the image
        run: docker build -t local/image-scan:\${{ github.sha }} -f {{DOCKERFILE}} {{CONTEXT}}
      - name: Scan the image
        # pin this action to the full commit SHA of the release you choose
        uses: aquasecurity/trivy-action@0.28.0
        with:
          image-ref: local/image-scan:\${{ github.sha }}
          exit-code: "1"
          severity: CRITICAL,HIGH
          ignore-unfixed: true
`;

export default defineRule({
  id: 'workspace/image-scan-in-ci',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  crossFile: true,
  summary: 'A repository with Dockerfiles scans its images in CI',
  sources: ['brief (scan images for vulnerabilities in CI)'],
  messages: {
    noScan: 'This repository builds images but no CI workflow scans them (Trivy, Grype, Snyk, Docker Scout …): known vulnerabilities ship unnoticed.',
  },
  fixable: true,
  check(ctx) {
    if (!ctx.workspace.complete) return;
    // one finding per repository: on the first Dockerfile by path
    const first = perWorkspace(ctx.workspace, 'first-dockerfile', () => ctx.workspace.files('dockerfile').reduce<string | undefined>((a, f) => (a === undefined || f.path < a ? f.path : a), undefined));
    if (first !== undefined && first !== ctx.file.path) return;
    if (perWorkspace(ctx.workspace, 'workflow-scans-images', () => ctx.workspace.files('workflow').some((f) => factsOf(ctx.workspace, WORKFLOW_SCANS_IMAGES, f)))) return;
    if (OTHER_CI.some((p) => SCAN.test(readOptional(ctx.workspace, p) ?? ''))) return;
    // a build stage that scans its own filesystem counts too
    if (ctx.workspace.files('dockerfile').some((f) => /^\s*RUN\b[^\n]*\b(trivy|grype)\s+(rootfs|filesystem|fs|dir:)/im.test(f.text))) return;
    const from = ctx.doc.instructions.find((i) => i.keyword === 'FROM');
    const range = from ? from.keywordRange : { start: 0, end: 0 };
    const depth = ctx.file.path.split('/').length - 1;
    const up = '../'.repeat(depth);
    const wf = WORKFLOW.replace('{{DOCKERFILE}}', ctx.file.path).replace('{{CONTEXT}}', depth ? ctx.file.path.slice(0, ctx.file.path.lastIndexOf('/')) : '.');
    const fixes: Fix[] = [{ title: 'Create .github/workflows/image-scan.yml (Trivy)', edits: [], fileEdits: [{ path: `${up}.github/workflows/image-scan.yml`, create: wf }] }];
    ctx.report({ range, messageId: 'noScan', fixes });
  },
});
