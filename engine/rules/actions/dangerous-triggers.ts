import { defineRule } from '../../define-rule';
import { input, usesAction, workflowModel } from '../../documents/workflow';
import { get, nodeRange } from '../../documents/yaml-nav';

const PR_HEAD = /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|github\.event\.workflow_run\.head_commit\.id|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.issue\.number|github\.event\.pull_request\.number/;
const RUN_CHECKOUT = /(gh\s+pr\s+checkout|git\s+(fetch|checkout|switch|pull)\b[^\n]*(pull\/|\$\{\{\s*github\.(head_ref|event\.(pull_request|workflow_run))))/;

export default defineRule({
  id: 'actions/dangerous-triggers',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'pull_request_target and workflow_run workflows never check out and run untrusted pull request code',
  sources: ['zizmor dangerous-triggers', 'GitHub Security Lab "Preventing pwn requests"'],
  messages: {
    checkout: 'This workflow runs on "{{trigger}}" with secrets and a write token, and checks out the pull request\'s code here: any build step then runs attacker code with those privileges.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const trig = m.triggers.find((t) => t.name === 'pull_request_target' || t.name === 'workflow_run');
    if (!trig) return;
    for (const step of m.steps()) {
      if (usesAction(step, 'actions/checkout')) {
        const ref = get(step.with, 'ref');
        const repo = input(step, 'repository') ?? '';
        const v = String((ref as { value?: unknown } | undefined)?.value ?? '');
        if ((ref && PR_HEAD.test(v)) || /pull_request\.head\.repo\.full_name|workflow_run\.head_repository\.full_name/.test(repo)) {
          ctx.report({ range: nodeRange(ref ?? get(step.with, 'repository'))!, messageId: 'checkout', data: { trigger: trig.name } });
        }
      } else if (step.runNode && RUN_CHECKOUT.test(step.run ?? '')) {
        ctx.report({ range: nodeRange(step.runNode)!.start === undefined ? step.range : lineRange(ctx.file.text, step.runNode.range![0], step.runNode.range![1], RUN_CHECKOUT), messageId: 'checkout', data: { trigger: trig.name } });
      }
    }
  },
});

function lineRange(text: string, from: number, to: number, re: RegExp) {
  const slice = text.slice(from, to);
  const mm = re.exec(slice);
  if (!mm) return { start: from, end: to };
  return { start: from + mm.index, end: from + mm.index + mm[0].length };
}
