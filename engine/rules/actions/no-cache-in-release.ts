import { defineRule } from '../../define-rule';
import { input, isReleaseJob, isReleaseWorkflow, usesAction, workflowModel } from '../../documents/workflow';
import { deletePair } from '../../fixes/yaml';
import { get, getPair, keyRange, nodeRange } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

const SETUPS = ['actions/setup-node', 'actions/setup-python', 'actions/setup-go', 'actions/setup-java'];

export default defineRule({
  id: 'actions/no-cache-in-release',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'Release and publish jobs build from a clean state, without restoring caches',
  sources: ['zizmor cache-poisoning'],
  messages: {
    cache: 'This {{what}} restores a cache that any workflow run on the default branch can write (including one poisoned by a pull request); a release built from it may ship injected code. Build releases without caches.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    const wf = isReleaseWorkflow(m);
    for (const job of m.jobs) {
      if (!wf && !isReleaseJob(job)) continue;
      for (const step of job.steps) {
        if (usesAction(step, 'actions/cache') && step.action !== 'actions/cache/save') {
          ctx.report({ range: step.range, messageId: 'cache', data: { what: 'step' } });
        } else if (step.action && SETUPS.includes(step.action)) {
          const v = input(step, 'cache');
          const goDefault = step.action === 'actions/setup-go' && v === undefined;
          if (v === undefined ? !goDefault : v === 'false' || v === '') continue;
          const pair = getPair(step.with, 'cache');
          const fixes: Fix[] = [];
          if (pair && step.with) fixes.push({ title: 'Remove the cache input', edits: [deletePair(text, step.with, pair)] });
          ctx.report({ range: pair ? keyRange(pair)! : step.range, messageId: 'cache', data: { what: `${step.action} step` }, fixes });
        } else if (usesAction(step, 'docker/build-push-action') && /type=gha/.test(input(step, 'cache-from') ?? '')) {
          ctx.report({ range: nodeRange(get(step.with, 'cache-from'))!, messageId: 'cache', data: { what: 'image build' } });
        }
      }
    }
  },
});
