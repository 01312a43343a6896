import { defineRule } from '../../define-rule';
import { closest, workflowModel, type WfJob } from '../../documents/workflow';
import type { Expression } from '../../documents/expressions';
import type { Fix, Range } from '../../types';

const CONTEXTS = ['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs'];
const FUNCTIONS = ['contains', 'startsWith', 'endsWith', 'format', 'join', 'toJSON', 'fromJSON', 'hashFiles', 'success', 'always', 'cancelled', 'failure', 'case'];
const FUNCS_LOWER = new Map(FUNCTIONS.map((f) => [f.toLowerCase(), f]));

/** Contexts GitHub makes available per key (docs: "Context availability"); undefined = all. */
function allowedAt(path: readonly (string | number)[], isAction: boolean): { where: string; contexts: string[] } | undefined {
  if (isAction) return undefined;
  const p = path.map(String);
  if (p[0] === 'run-name') return { where: 'run-name', contexts: ['github', 'inputs', 'vars'] };
  if (p[0] === 'concurrency') return { where: 'the workflow concurrency', contexts: ['github', 'inputs', 'vars'] };
  if (p[0] === 'env') return { where: 'the workflow env', contexts: ['github', 'secrets', 'inputs', 'vars'] };
  if (p[0] !== 'jobs' || p.length < 3) return undefined;
  const rest = p.slice(2);
  if (rest[0] === 'if' && rest.length === 1) return { where: 'a job "if"', contexts: ['github', 'needs', 'vars', 'inputs'] };
  if (rest[0] === 'runs-on') return { where: 'runs-on', contexts: ['github', 'needs', 'strategy', 'matrix', 'vars', 'inputs'] };
  if (rest[0] === 'environment' && rest[1] !== 'url') return { where: 'environment', contexts: ['github', 'needs', 'strategy', 'matrix', 'vars', 'inputs'] };
  if (rest[0] === 'strategy') return { where: 'strategy', contexts: ['github', 'needs', 'vars', 'inputs'] };
  if (rest[0] === 'steps' && rest[2] === 'if' && rest.length === 3) return { where: 'a step "if"', contexts: ['github', 'needs', 'strategy', 'matrix', 'job', 'runner', 'env', 'vars', 'steps', 'inputs'] };
  return undefined;
}

export default defineRule({
  id: 'actions/expression',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'Expressions are well-formed and use known contexts, functions, step ids and needed jobs',
  sources: ['actionlint expression', 'actions/languageservices expression validation'],
  messages: {
    syntax: 'Invalid expression: {{detail}}.',
    unknownContext: 'Unknown context "{{name}}". Known contexts: {{known}}.',
    unknownFunction: 'Unknown function "{{name}}".',
    unavailable: 'The "{{name}}" context is not available in {{where}}.',
    unknownStep: 'No step with id "{{id}}" in this job.',
    unknownNeed: 'Job "{{need}}" is not listed in this job\'s "needs", so needs.{{need}} is always empty.',
    noMatrix: 'This job has no strategy.matrix, so "matrix.{{name}}" is always empty.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (!m.root) return;
    const jobOf = (path: readonly (string | number)[]): WfJob | undefined => (path[0] === 'jobs' ? m.jobById.get(String(path[1])) : m.isAction ? m.jobs[0] : undefined);
    const rename = (range: Range, to: string): Fix[] => [{ title: `Change to "${to}"`, edits: [{ range, text: to }] }];
    const checkExpr = (e: Expression, path: readonly (string | number)[]) => {
      if (e.error) {
        ctx.report({ range: e.error.range, messageId: 'syntax', data: { detail: e.error.message } });
        return;
      }
      const scope = allowedAt(path, m.isAction);
      const job = jobOf(path);
      for (const c of e.calls) {
        if (FUNCS_LOWER.has(c.name.toLowerCase())) continue;
        const s = closest(c.name, FUNCTIONS);
        ctx.report({ range: c.range, messageId: 'unknownFunction', data: { name: c.name }, fixes: s ? rename(c.range, s) : [] });
      }
      for (const ref of e.refs) {
        const name = ref.path[0];
        if (!CONTEXTS.includes(name)) {
          const s = closest(name, CONTEXTS);
          ctx.report({ range: ref.segments[0], messageId: 'unknownContext', data: { name: ref.raw[0], known: CONTEXTS.join(', ') }, fixes: s ? rename(ref.segments[0], s) : [] });
          continue;
        }
        if (scope && !scope.contexts.includes(name)) {
          ctx.report({ range: ref.segments[0], messageId: 'unavailable', data: { name, where: scope.where } });
          continue;
        }
        if (!job || ref.path.length < 2 || ref.path[1] === '*' || ref.path[1] === '*?') continue;
        if (name === 'steps') {
          const ids = job.steps.map((s) => s.id).filter((x): x is string => !!x);
          if (!ids.some((id) => id.toLowerCase() === ref.path[1])) {
            const s = closest(ref.raw[1], ids);
            ctx.report({ range: ref.segments[1], messageId: 'unknownStep', data: { id: ref.raw[1] }, fixes: s ? rename(ref.segments[1], s) : [] });
          }
        } else if (name === 'needs' && !job.composite) {
          if (!job.needs.some((n) => n.name.toLowerCase() === ref.path[1])) {
            const s = closest(ref.raw[1], job.needs.map((n) => n.name));
            ctx.report({ range: ref.segments[1], messageId: 'unknownNeed', data: { need: ref.raw[1] }, fixes: s ? rename(ref.segments[1], s) : [] });
          }
        } else if (name === 'matrix' && !job.composite && !job.matrix && !(job.node?.has('strategy') && !job.strategy)) {
          ctx.report({ range: ref.range, messageId: 'noMatrix', data: { name: ref.raw[1] } });
        }
      }
    };
    for (const { node, path } of m.scan().strings) {
      // job.outputs / workflow_call outputs are evaluated where steps and jobs exist
      if (path[path.length - 1] === 'if') {
        const e = m.conditionOf(node);
        if (e) checkExpr(e, path);
        continue;
      }
      for (const e of m.expressionsOf(node)) checkExpr(e, path);
    }
  },
});
