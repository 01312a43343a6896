import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { findExpressions, isUntrusted } from '../../documents/expressions';

const PRIVILEGED = ['pull_request_target', 'workflow_run', 'issue_comment', 'issues', 'discussion', 'discussion_comment', 'pull_request_review', 'pull_request_review_comment'];
const WRITE = /(>>?|\|\s*tee\s+(-a\s+)?)\s*"?\$\{?(GITHUB_ENV|GITHUB_PATH)\}?"?|Out-File[^\n]*\$env:(GITHUB_ENV|GITHUB_PATH)|Add-Content[^\n]*\$env:(GITHUB_ENV|GITHUB_PATH)/;

export default defineRule({
  id: 'actions/github-env-injection',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'Untrusted data is never written to GITHUB_ENV or GITHUB_PATH',
  sources: ['zizmor github-env', 'GitHub Security Lab "GITHUB_ENV injection"'],
  messages: {
    untrusted: 'Writing "{{ref}}" to {{file}} lets whoever controls it set any environment variable (LD_PRELOAD, NODE_OPTIONS …) for the following steps.',
    privileged: 'This workflow runs on "{{trigger}}" with a privileged token and writes computed data to {{file}}: if that data comes from the pull request or an artifact, it can set any environment variable (LD_PRELOAD, NODE_OPTIONS …) for the following steps.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    const trigger = m.triggers.find((t) => PRIVILEGED.includes(t.name));
    for (const step of m.steps()) {
      const n = step.runNode;
      if (!n?.range) continue;
      const src = text.slice(n.range[0], n.range[1]);
      let off = n.range[0];
      for (const line of src.split('\n')) {
        const w = WRITE.exec(line);
        if (w) {
          const file = w[3] ?? w[4] ?? w[5];
          const start = off + w.index;
          const range = { start, end: start + w[0].length };
          const exprs = findExpressions(text, off, off + line.length);
          const bad = exprs.flatMap((e) => e.refs).find(isUntrusted);
          if (bad) ctx.report({ range: bad.range, messageId: 'untrusted', data: { ref: text.slice(bad.range.start, bad.range.end), file } });
          else if (trigger && /\$\(|`|\$\{?(?!GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)[A-Za-z_]|\bcat\b|\$\{\{/.test(line.slice(0, w.index))) {
            ctx.report({ range, messageId: 'privileged', data: { trigger: trigger.name, file } });
          }
        }
        off += line.length + 1;
      }
    }
  },
});
