import { defineRule } from '../../define-rule';
import { parseDirective, readDirectives } from '../../suppressions';
import { closest } from '../../documents/workflow';
import { ruleById } from '../index';
import type { Fix } from '../../types';

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
    // rules that can report in a Dockerfile first: a bare name gets its domain
    const own = [...ruleById.values()].filter((r) => r.meta.kind === ctx.file.kind).map((r) => r.meta.id);
    const nearest = new Map<string, string | undefined>();
    const nearestTo = (id: string) => {
      if (!nearest.has(id)) nearest.set(id, own.find((k) => k.endsWith(`/${id}`)) ?? closest(id, own, 3) ?? closest(id, ruleById.keys(), 3));
      return nearest.get(id);
    };
    for (const d of readDirectives(ctx.file)) {
      const text = lines.lineText(d.line);
      const hash = text.indexOf('#');
      const comment = text.slice(hash);
      const p = parseDirective(comment);
      if (!p) continue;
      const base = lines.lineStart(d.line) + hash;
      if (!p.ids) {
        if (p.reason) continue;
        const end = base + comment.trimEnd().length;
        const fixes: Fix[] = [{ title: 'Add a reason', snippet: true, edits: [{ range: { start: end, end }, text: `${comment.includes('--') ? ' ' : ' -- '}\${1:reason}` }] }];
        ctx.report({ range: { start: base, end }, messageId: 'blanket', fixes });
        continue;
      }
      const listStart = base + p.idsStart!;
      for (const tok of comment.slice(p.idsStart, p.idsEnd).matchAll(/[^,\s]+/g)) {
        const id = tok[0];
        if (ruleById.has(id)) continue;
        const start = listStart + tok.index!;
        const range = { start, end: start + id.length };
        const near = nearestTo(id);
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
