import { defineRule } from '../../define-rule';
import { closest, workflowModel } from '../../documents/workflow';
import { get, getPair, nodeRange, str, isScalar } from '../../documents/yaml-nav';

const SHELLS = ['bash', 'pwsh', 'python', 'sh', 'cmd', 'powershell'];

export default defineRule({
  id: 'actions/shell-name',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'shell: is a shell GitHub knows, or a custom command with {0}',
  sources: ['actionlint shell-name'],
  messages: {
    unknown: 'Unknown shell "{{shell}}": use bash, pwsh, python, sh, cmd, powershell, or a command line containing {0}.',
    unknownDid: 'Unknown shell "{{shell}}": did you mean "{{suggestion}}"?',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (!m.root) return;
    for (const node of m.scan().maps) {
      const p = getPair(node, 'shell');
      if (!p || !isScalar(p.value)) continue;
      // only step-level `shell:` and `defaults.run.shell` (other maps may have a `shell` input)
      if (!node.has('run') && !(get(node, 'working-directory') !== undefined || node.items.length <= 2)) continue;
      const s = str(p.value);
      if (!s || s.includes('${{') || s.includes('{0}') || SHELLS.includes(s)) continue;
      const sug = closest(s, SHELLS, 2);
      const r = nodeRange(p.value)!;
      ctx.report({ range: r, messageId: sug ? 'unknownDid' : 'unknown', data: { shell: s, suggestion: sug ?? '' }, fixes: sug ? [{ title: `Use ${sug}`, edits: [{ range: r, text: sug }] }] : [] });
    }
  },
});
