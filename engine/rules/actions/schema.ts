import { defineRule } from '../../define-rule';
import { closest, workflowModel, type WfStep } from '../../documents/workflow';
import { keyRange, mapPairs, nodeRange, type YPair, isMap, isSeq } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];
const JOB_KEYS = ['name', 'permissions', 'needs', 'if', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'snapshot', 'uses', 'with', 'secrets'];
const CALLER_KEYS = ['name', 'uses', 'with', 'secrets', 'strategy', 'needs', 'if', 'permissions', 'concurrency'];
const STEP_KEYS = ['id', 'if', 'name', 'uses', 'run', 'working-directory', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes'];
const ACTION_KEYS = ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'];
const RUNS_KEYS: Record<string, string[]> = {
  composite: ['using', 'steps'],
  docker: ['using', 'image', 'args', 'entrypoint', 'pre-entrypoint', 'post-entrypoint', 'env', 'pre-if', 'post-if'],
  node: ['using', 'main', 'pre', 'post', 'pre-if', 'post-if'],
};

export default defineRule({
  id: 'actions/schema',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'Workflows and action.yml files have the structure GitHub expects',
  sources: ['actionlint syntax-check', 'actions/languageservices schema validation'],
  messages: {
    unknownKey: 'Unknown key "{{key}}" in {{where}}.',
    unknownKeyDid: 'Unknown key "{{key}}" in {{where}}: did you mean "{{suggestion}}"?',
    missingKey: '{{where}} must have "{{key}}".',
    jobKind: 'Job "{{job}}" needs "runs-on" (a job with steps) or "uses" (a reusable workflow call).',
    stepKind: 'A step needs exactly one of "uses" and "run".',
    notMap: '"{{key}}" must be a mapping.',
    notSeq: '"{{key}}" must be a list of steps.',
    callerKey: '"{{key}}" is not allowed in a job that calls a reusable workflow ("uses").',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (!m.root) return;
    const unknown = (pairs: { key: string; pair: YPair }[], allowed: string[], where: string) => {
      for (const { key, pair } of pairs) {
        if (allowed.includes(key)) continue;
        const r = keyRange(pair);
        if (!r) continue;
        const suggestion = closest(key, allowed);
        const fixes: Fix[] = suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [{ range: r, text: suggestion }] }] : [];
        ctx.report({ range: r, messageId: suggestion ? 'unknownKeyDid' : 'unknownKey', data: { key, where, suggestion: suggestion ?? '' }, fixes });
      }
    };
    const checkSteps = (steps: WfStep[], stepsNode: unknown, stepsKey: YPair | undefined) => {
      if (stepsKey && stepsNode && !isSeq(stepsNode) && !(stepsNode as { value?: unknown }).value?.toString().includes('${{')) {
        ctx.report({ range: keyRange(stepsKey)!, messageId: 'notSeq', data: { key: 'steps' } });
      }
      for (const s of steps) {
        unknown(mapPairs(s.node), STEP_KEYS, 'a step');
        if (!!s.usesNode === (s.runNode !== undefined)) ctx.report({ range: s.range, messageId: 'stepKind' });
      }
    };
    if (m.isAction) {
      unknown(mapPairs(m.root), ACTION_KEYS, 'action metadata');
      for (const k of ['name', 'runs']) if (!mapPairs(m.root).some((p) => p.key === k)) ctx.report({ range: firstKey(m.root) ?? { start: 0, end: 0 }, messageId: 'missingKey', data: { where: 'action.yml', key: k } });
      const job = m.jobs[0];
      const using = m.using ?? '';
      const kind = using === 'composite' ? 'composite' : using === 'docker' ? 'docker' : /^node\d+$/.test(using) ? 'node' : undefined;
      if (job?.node && kind) unknown(mapPairs(job.node), RUNS_KEYS[kind], `runs (${using})`);
      if (kind === 'composite' && job) checkSteps(job.steps, job.stepsNode, job.node ? mapPairs(job.node).find((p) => p.key === 'steps')?.pair : undefined);
      return;
    }
    unknown(mapPairs(m.root), WORKFLOW_KEYS, 'the workflow');
    const rootRange = firstKey(m.root) ?? { start: 0, end: 0 };
    if (!m.onPair) ctx.report({ range: rootRange, messageId: 'missingKey', data: { where: 'A workflow', key: 'on' } });
    if (!m.jobsPair) {
      ctx.report({ range: rootRange, messageId: 'missingKey', data: { where: 'A workflow', key: 'jobs' } });
      return;
    }
    if (!isMap(m.jobsPair.value)) {
      ctx.report({ range: keyRange(m.jobsPair)!, messageId: 'notMap', data: { key: 'jobs' } });
      return;
    }
    for (const job of m.jobs) {
      if (!job.node) {
        ctx.report({ range: job.keyRange, messageId: 'notMap', data: { key: job.id } });
        continue;
      }
      const pairs = mapPairs(job.node);
      if (job.usesNode) {
        for (const { key, pair } of pairs) {
          if (CALLER_KEYS.includes(key)) continue;
          if (JOB_KEYS.includes(key)) ctx.report({ range: keyRange(pair)!, messageId: 'callerKey', data: { key } });
        }
        unknown(pairs.filter((p) => !JOB_KEYS.includes(p.key)), CALLER_KEYS, `job "${job.id}"`);
        continue;
      }
      unknown(pairs, JOB_KEYS.filter((k) => k !== 'uses' && k !== 'with' && k !== 'secrets'), `job "${job.id}"`);
      if (!job.runsOn) ctx.report({ range: job.keyRange, messageId: 'jobKind', data: { job: job.id } });
      checkSteps(job.steps, job.stepsNode, pairs.find((p) => p.key === 'steps')?.pair);
    }
  },
});

function firstKey(map: unknown) {
  const p = mapPairs(map)[0];
  return p ? keyRange(p.pair) : nodeRange(map);
}
