import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { keyRange, mapPairs, type YNode } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

const CMD = /::(set-output|save-state|set-env|add-path)\b[^\n]*/g;
const SET_OUTPUT = /^echo\s+(["']?)::(set-output|save-state)\s+name=([A-Za-z0-9_-]+)::(.*?)\1\s*$/;

export default defineRule({
  id: 'actions/deprecated-commands',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'No disabled workflow commands (set-output, save-state, set-env, add-path)',
  sources: ['actionlint deprecated-commands', 'zizmor insecure-commands'],
  messages: {
    deprecated: '"::{{cmd}}" is deprecated{{extra}}: write to ${{file}} instead.',
    unsecure: 'ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables set-env and add-path, which let any log line set environment variables for later steps.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const step of m.steps()) {
      const n = step.runNode;
      if (!n?.range) continue;
      const src = text.slice(n.range[0], n.range[1]);
      for (const mm of src.matchAll(CMD)) {
        const cmd = mm[1];
        const start = n.range[0] + mm.index!;
        const file = cmd === 'set-output' ? 'GITHUB_OUTPUT' : cmd === 'save-state' ? 'GITHUB_STATE' : cmd === 'set-env' ? 'GITHUB_ENV' : 'GITHUB_PATH';
        const fixes: Fix[] = [];
        // rewrite a whole `echo "::set-output name=x::value"` line
        const ls = Math.max(text.lastIndexOf('\n', start) + 1, n.range[0]);
        let le = text.indexOf('\n', start);
        if (le < 0 || le > n.range[1]) le = n.range[1];
        const line = text.slice(ls, le);
        const indent = line.length - line.trimStart().length;
        const em = SET_OUTPUT.exec(line.trim());
        if (em && n.type !== 'QUOTE_DOUBLE' && n.type !== 'QUOTE_SINGLE' && !em[4].includes('"')) {
          fixes.push({ title: `Write to $${file}`, edits: [{ range: { start: ls + indent, end: le }, text: `echo "${em[3]}=${em[4]}" >> "$${file}"` }] });
        }
        ctx.report({ range: { start, end: start + 2 + cmd.length }, messageId: 'deprecated', data: { cmd, file, extra: cmd === 'set-env' || cmd === 'add-path' ? ' and disabled' : '' }, fixes });
      }
    }
    const scan = (map: YNode) => {
      for (const { key, pair } of mapPairs(map)) if (key === 'ACTIONS_ALLOW_UNSECURE_COMMANDS') ctx.report({ range: keyRange(pair)!, messageId: 'unsecure' });
    };
    scan(m.env);
    for (const j of m.jobs) {
      scan(j.env);
      for (const s of j.steps) scan(s.env);
    }
  },
});
