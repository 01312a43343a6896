import { defineRule } from '../../define-rule';
import { editDistanceIgnoringCase, parseUses, workflowModel } from '../../documents/workflow';

const POPULAR = ['actions/checkout', 'actions/setup-node', 'actions/setup-python', 'actions/setup-go', 'actions/setup-java', 'actions/setup-dotnet', 'actions/cache', 'actions/upload-artifact', 'actions/download-artifact', 'actions/github-script', 'actions/create-release', 'actions/labeler', 'actions/stale', 'actions/deploy-pages', 'actions/configure-pages', 'actions/upload-pages-artifact', 'docker/login-action', 'docker/build-push-action', 'docker/setup-buildx-action', 'docker/setup-qemu-action', 'docker/metadata-action', 'github/codeql-action', 'aws-actions/configure-aws-credentials', 'azure/login', 'google-github-actions/auth', 'aquasecurity/trivy-action', 'peter-evans/create-pull-request', 'softprops/action-gh-release', 'codecov/codecov-action', 'golangci/golangci-lint-action', 'hashicorp/setup-terraform', 'azure/setup-kubectl', 'azure/setup-helm', 'pnpm/action-setup', 'ruby/setup-ruby', 'dtolnay/rust-toolchain', 'goreleaser/goreleaser-action', 'sigstore/cosign-installer', 'slackapi/slack-github-action', 'tj-actions/changed-files', 'dorny/paths-filter'];

export default defineRule({
  id: 'actions/typosquat',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'uses: does not name a look-alike of a popular action',
  sources: ['zizmor typosquat-uses'],
  messages: {
    typo: '"{{got}}" looks like a misspelling of "{{want}}": a look-alike repository can run anything in your workflow.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    const popular = new Set(POPULAR);
    for (const s of m.steps()) {
      if (!s.usesNode) continue;
      const p = parseUses(s.uses!);
      if (!p || popular.has(p.action)) continue;
      let want: string | undefined;
      for (const cand of POPULAR) {
        const d = editDistanceIgnoringCase(p.action, cand);
        const [o, r] = cand.split('/');
        // only near-misses of the whole name, or of the owner with the same repo (actoins/checkout)
        if ((d > 0 && d <= 2 && p.action.length > 8) || (p.repo.toLowerCase() === r && editDistanceIgnoringCase(p.owner, o) === 1)) {
          want = cand;
          break;
        }
      }
      if (!want) continue;
      const r = s.usesNode.range!;
      const src = text.slice(r[0], r[1]);
      const q = src.startsWith('"') || src.startsWith("'") ? 1 : 0;
      const range = { start: r[0] + q, end: r[0] + q + p.owner.length + 1 + p.repo.length };
      ctx.report({ range, messageId: 'typo', data: { got: `${p.owner}/${p.repo}`, want }, fixes: [{ title: `Change to ${want}`, edits: [{ range, text: want }] }] });
    }
  },
});
