import { defineRule } from '../../define-rule';
import { input, usesAction, workflowModel, type WfStep } from '../../documents/workflow';
import { insertPairs } from '../../fixes/yaml';
import type { Fix } from '../../types';

const PUSHES = /\bgit\s+(push|tag\b[^\n]*&&[^\n]*push)|\bgit\s+-C\s+\S+\s+push|\bgh\s+(pr\s+create|release\s+create)|\bnpm\s+version\b|\blerna\s+(version|publish)|\bchangeset(s)?\s+(version|publish)|\bsemantic-release\b|\bgoreleaser\b|\bmvn\b[^\n]*release:|\bgit\s+commit\b/;
const PUSH_ACTIONS = ['ad-m/github-push-action', 'stefanzweifel/git-auto-commit-action', 'ec-nordbund/git-auto-commit-action', 'endbug/add-and-commit', 'changesets/action', 'cycjimmy/semantic-release-action', 'github-actions-x/commit', 'peaceiris/actions-gh-pages', 'jamesives/github-pages-deploy-action', 'googleapis/release-please-action', 'google-github-actions/release-please-action', 'release-drafter/release-drafter', 'helm/chart-releaser-action', 'crazy-max/ghaction-github-pages', 'test-room-7/action-update-file', 'devops-infra/action-commit-push'];

export default defineRule({
  id: 'actions/persist-credentials',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'actions/checkout does not leave the token in .git/config unless a later step pushes',
  sources: ['zizmor artipacked', 'actions/checkout documentation (persist-credentials)'],
  messages: {
    persisted: 'actions/checkout keeps the GITHUB_TOKEN in .git/config for the rest of the job, where any later step, and any artifact that includes .git, can read it. Set persist-credentials: false.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const job of m.jobs) {
      job.steps.forEach((step, i) => {
        if (!usesAction(step, 'actions/checkout') || step.action !== 'actions/checkout') return;
        const v = input(step, 'persist-credentials');
        if (v !== undefined && v !== 'true') return;
        if (job.steps.slice(i + 1).some(pushes)) return;
        const fixes: Fix[] = [];
        if (v === undefined) {
          if (step.with && step.with.items.length) fixes.push({ title: 'Add persist-credentials: false', edits: [insertPairs(text, step.with, { 'persist-credentials': false }, m.style)] });
          else if (!step.withPair) fixes.push({ title: 'Add persist-credentials: false', edits: [insertPairs(text, step.node, { with: { 'persist-credentials': false } }, m.style)] });
        }
        ctx.report({ range: step.range, messageId: 'persisted', fixes });
      });
    }
  },
});

function pushes(s: WfStep): boolean {
  if (s.run && PUSHES.test(s.run)) return true;
  return !!s.action && PUSH_ACTIONS.some((a) => s.action === a || s.action!.startsWith(`${a}/`));
}
