import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';
import type { Fix } from '../../types';

/** Characters that need a shell: operators, expansions, globs, quotes, redirections. */
const SHELL_SYNTAX = /[|&;<>()$`\\*?[\]{}~"'#!]/;

export default defineRule({
  id: 'dockerfile/json-form-cmd',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'CMD and ENTRYPOINT use the JSON (exec) form so the process receives signals',
  sources: ['hadolint DL3025', 'BuildKit JSONArgsRecommended'],
  messages: {
    shellForm: '{{keyword}} uses the shell form: the process runs under /bin/sh -c as a child and does not receive SIGTERM, so the container cannot shut down gracefully. Use the JSON form.',
  },
  fixable: true,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'CMD', 'ENTRYPOINT')) {
      if (ins.jsonForm || !ins.argsRange) continue;
      const text = ins.argsText;
      // `CMD exec node server.js`: the shell replaces itself with the process, which then is PID 1
      // and receives signals; this is the documented way to keep variable expansion.
      if (/^\s*exec\s/.test(text)) continue;
      const fixes: Fix[] = [];
      if (!SHELL_SYNTAX.test(text)) {
        const words = text.split(/\s+/).filter(Boolean);
        fixes.push({ title: `Use the JSON form: ${JSON.stringify(words)}`, edits: [{ range: ins.argsRange, text: JSON.stringify(words).replace(/","/g, '", "') }] });
      }
      ctx.report({ range: ins.argsRange, messageId: 'shellForm', data: { keyword: ins.keyword }, fixes });
    }
  },
});
