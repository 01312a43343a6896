import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import type { Expression } from '../../documents/expressions';

export default defineRule({
  id: 'actions/format-string',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'format() placeholders match its arguments',
  sources: ['actions/languageservices format-arg-count-mismatch, invalid-format-string', 'actionlint expression'],
  messages: {
    missingArg: 'format() uses {{{index}}} but has only {{count}} argument(s) after the format string.',
    unusedArg: 'format() gets {{count}} argument(s) but the format string never uses {{{index}}}.',
    invalid: 'Invalid format string: {{detail}} (write {{ and }} for literal braces).',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (!m.root) return;
    const check = (e: Expression) => {
      for (const c of e.calls) {
        if (c.name.toLowerCase() !== 'format') continue;
        const fmt = c.args[0];
        if (!fmt || fmt.length !== 1 || fmt[0].kind !== 'string') continue;
        const s = fmt[0].text.slice(1, -1).replace(/''/g, "'");
        const used = new Set<number>();
        let bad: string | undefined;
        for (let i = 0; i < s.length; i++) {
          if (s[i] === '{') {
            if (s[i + 1] === '{') { i++; continue; }
            const mm = /^\{(\d+)\}/.exec(s.slice(i));
            if (!mm) { bad = `"{" at position ${i} does not start a {N} placeholder`; break; }
            used.add(Number(mm[1]));
            i += mm[0].length - 1;
          } else if (s[i] === '}') {
            if (s[i + 1] === '}') { i++; continue; }
            bad = `unmatched "}" at position ${i}`;
            break;
          }
        }
        const range = c.callRange;
        if (bad) { ctx.report({ range, messageId: 'invalid', data: { detail: bad } }); continue; }
        const count = c.args.length - 1;
        const max = Math.max(-1, ...used);
        if (max >= count) ctx.report({ range, messageId: 'missingArg', data: { index: max, count } });
        else for (let i = 0; i < count; i++) if (!used.has(i)) { ctx.report({ range, messageId: 'unusedArg', data: { index: i, count } }); break; }
      }
    };
    for (const { node, path } of m.scan().strings) {
      if (path[path.length - 1] === 'if') {
        const e = m.conditionOf(node);
        if (e && !e.error) check(e);
        continue;
      }
      for (const e of m.expressionsOf(node)) if (!e.error) check(e);
    }
  },
});
