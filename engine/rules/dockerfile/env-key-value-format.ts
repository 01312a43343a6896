import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';
import type { Fix } from '../../types';

export default defineRule({
  id: 'dockerfile/env-key-value-format',
  kind: 'dockerfile',
  type: 'style',
  severity: 'info',
  summary: 'ENV and LABEL use the key=value form, not the legacy "key value" form',
  sources: ['BuildKit LegacyKeyValueFormat'],
  messages: {
    legacy: '"{{keyword}} {{name}} …" uses the legacy space-separated form, which allows only one variable and reads ambiguously: write {{keyword}} {{name}}=….',
  },
  fixable: true,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'ENV', 'LABEL')) {
      if (!ins.argsRange) continue;
      const text = ins.argsText;
      const m = /^(\S+)([ \t]+)([\s\S]*)$/.exec(text);
      if (!m || m[1].includes('=')) continue;
      const [, name, , rest] = m;
      const fixes: Fix[] = [];
      const value = rest.trim();
      if (!/[\r\n]/.test(value) && value !== '') {
        let replacement: string | undefined;
        if (!/\s/.test(value.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, ''))) replacement = `${name}=${value}`;
        else if (!/["'\\]/.test(value)) replacement = `${name}="${value}"`;
        if (replacement) fixes.push({ title: `Use ${ins.keyword} ${name}=…`, edits: [{ range: ins.argsRange, text: replacement }] });
      }
      const nameStart = ins.argsRange.start;
      ctx.report({ range: { start: nameStart, end: nameStart + name.length }, messageId: 'legacy', data: { keyword: ins.keyword, name }, fixes });
    }
  },
});
