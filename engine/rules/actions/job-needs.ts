import { defineRule } from '../../define-rule';
import { closest, workflowModel } from '../../documents/workflow';

export default defineRule({
  id: 'actions/job-needs',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'needs: names existing jobs, without duplicates or cycles',
  sources: ['actionlint job-needs'],
  messages: {
    unknown: 'Job "{{job}}" needs "{{need}}", which does not exist.',
    unknownDid: 'Job "{{job}}" needs "{{need}}", which does not exist: did you mean "{{suggestion}}"?',
    self: 'Job "{{job}}" needs itself.',
    duplicate: '"{{need}}" is listed twice in needs.',
    cycle: 'Jobs {{cycle}} need each other in a cycle: none of them can start.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const ids = m.jobs.map((j) => j.id);
    for (const job of m.jobs) {
      const seen = new Set<string>();
      for (const n of job.needs) {
        if (n.name.includes('${{')) continue;
        if (n.name === job.id) ctx.report({ range: n.range, messageId: 'self', data: { job: job.id } });
        else if (!m.jobById.has(n.name)) {
          const s = closest(n.name, ids.filter((i) => i !== job.id));
          ctx.report({ range: n.range, messageId: s ? 'unknownDid' : 'unknown', data: { job: job.id, need: n.name, suggestion: s ?? '' }, fixes: s ? [{ title: `Change to "${s}"`, edits: [{ range: n.range, text: s }] }] : [] });
        }
        if (seen.has(n.name)) ctx.report({ range: n.range, messageId: 'duplicate', data: { need: n.name } });
        seen.add(n.name);
      }
    }
    // cycles: DFS over existing edges, report once per cycle at the first job's key
    const state = new Map<string, number>();
    const stack: string[] = [];
    const reported = new Set<string>();
    const visit = (id: string) => {
      state.set(id, 1);
      stack.push(id);
      for (const n of m.jobById.get(id)?.needs ?? []) {
        if (!m.jobById.has(n.name) || n.name === id) continue;
        if (state.get(n.name) === 1) {
          const cyc = stack.slice(stack.indexOf(n.name));
          const key = [...cyc].sort().join(',');
          if (!reported.has(key)) {
            reported.add(key);
            ctx.report({ range: n.range, messageId: 'cycle', data: { cycle: cyc.map((c) => `"${c}"`).join(' → ') } });
          }
        } else if (!state.get(n.name)) visit(n.name);
      }
      stack.pop();
      state.set(id, 2);
    };
    for (const id of ids) if (!state.get(id)) visit(id);
  },
});
