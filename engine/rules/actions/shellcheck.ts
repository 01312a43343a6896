import { defineRule } from '../../define-rule';
import { shellOf, workflowModel } from '../../documents/workflow';

const UNQUOTED = />>?\s*(\$(GITHUB_OUTPUT|GITHUB_ENV|GITHUB_PATH|GITHUB_STEP_SUMMARY|GITHUB_STATE)\b)(?!["}])/g;

export default defineRule({
  id: 'actions/shellcheck',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'run: scripts avoid the shell mistakes ShellCheck reports most in workflows',
  sources: ['actionlint shellcheck (ShellCheck SC2086)'],
  messages: {
    unquotedRedirect: 'Quote "{{var}}" (ShellCheck SC2086): an unquoted redirection target breaks when the path contains spaces.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const step of m.steps()) {
      const n = step.runNode;
      if (!n?.range || !['bash', 'sh'].includes(shellOf(m, step))) continue;
      const src = text.slice(n.range[0], n.range[1]);
      for (const mm of src.matchAll(UNQUOTED)) {
        const start = n.range[0] + mm.index! + mm[0].length - mm[1].length;
        const range = { start, end: start + mm[1].length };
        const prev = text[start - 1];
        if (prev === '"' || prev === "'") continue;
        // inside a double-quoted YAML scalar the quotes would need escaping: no fix there
        const fixes = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE' ? [] : [{ title: `Quote ${mm[1]}`, edits: [{ range, text: `"${mm[1]}"` }] }];
        ctx.report({ range, messageId: 'unquotedRedirect', data: { var: mm[1] }, fixes });
      }
    }
  },
});
