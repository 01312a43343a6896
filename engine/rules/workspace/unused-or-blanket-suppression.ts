import { defineRule } from '../../define-rule';
import { readDirectives } from '../../suppressions';
import { closest } from '../../documents/workflow';
import { ruleById } from '../index';
import type { Fix } from '../../types';

/** The same shape readDirectives accepts: `# shipready-ignore[-file|-line] [ids] [-- reason]`. */
const DIRECTIVE = /#\s*shipready-ignore(-file|-line)?(?:[ \t]+([a-z0-9][a-z0-9/,\- \t]*?))?(?:[ \t]+--(?:[ \t]+(.*))?)?[ \t]*$/;

export default defineRule({
  id: 'workspace/unused-or-blanket-suppression',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'Suppression comments name known rules, and a comment that ignores every rule gives a reason',
  sources: ['hadolint DL1001 (related)', 'ESLint reportUnusedDisableDirectives'],
  messages: {
    blanket: 'This comment ignores every rule, with no reason: it also hides problems that appear here later. Name the rules (`# shipready-ignore <rule-id> -- <reason>`) or give a reason after `--`.',
    unknownRule: '"{{id}}" is not a Shipready rule id, so this comment suppresses nothing.{{hint}}',
  },
  fixable: true,
  check(ctx) {
    const lines = ctx.file.lines;
    for (const d of readDirectives(ctx.file)) {
      const text = lines.lineText(d.line);
      const hash = text.indexOf('#');
      const m = DIRECTIVE.exec(text.slice(hash));
      if (!m) continue;
      const base = lines.lineStart(d.line) + hash + m.index;
      const list = m[2]?.trim() ? m[2] : undefined;
      if (!list) {
        if (m[3]?.trim()) continue;
        const end = base + m[0].trimEnd().length;
        const fixes: Fix[] = [{ title: 'Add a reason', snippet: true, edits: [{ range: { start: end, end }, text: `${m[0].includes('--') ? ' ' : ' -- '}\${1:reason}` }] }];
        ctx.report({ range: { start: base, end }, messageId: 'blanket', fixes });
        continue;
      }
      const listStart = base + m[0].indexOf(m[2], '#shipready-ignore'.length);
      for (const tok of m[2].matchAll(/[^,\s]+/g)) {
        const id = tok[0];
        if (ruleById.has(id)) continue;
        const start = listStart + tok.index!;
        const range = { start, end: start + id.length };
        // rules that can report in a Dockerfile first: a bare name gets its domain
        const own = [...ruleById.values()].filter((r) => r.meta.kind === ctx.file.kind).map((r) => r.meta.id);
        const near = own.find((k) => k.endsWith(`/${id}`)) ?? closest(id, own, 3) ?? closest(id, ruleById.keys(), 3);
        ctx.report({
          range,
          messageId: 'unknownRule',
          data: { id, hint: near ? ` Did you mean ${near}?` : '' },
          fixes: near ? [{ title: `Change to ${near}`, edits: [{ range, text: near }] }] : [],
        });
      }
    }
  },
});
