import { defineRule } from '../../define-rule';
import { composeModel, secretLiteral, type ComposeEnvEntry } from '../../documents/compose';
import { get, keyRange, mapPairs, nodeRange, seqItems, str, isMap, isSeq } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

export default defineRule({
  id: 'compose/no-hardcoded-secrets',
  kind: 'compose',
  type: 'problem',
  severity: 'error',
  summary: 'No secret-looking literal values in environment: or build args; read them from the environment or secrets',
  sources: ['brief (secrets from a vault or env file)'],
  messages: {
    secret: '"{{key}}" holds {{what}} in plain text in a file that is committed. Read it from the environment ("${{{key}}}" with a git-ignored .env) or use Compose secrets.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of m.services) {
      const entries: ComposeEnvEntry[] = [...s.environment];
      const b = s.buildPair?.value;
      const args = isMap(b) ? get(b, 'args') : undefined;
      if (isMap(args)) for (const { key, pair, value } of mapPairs(args)) entries.push({ key, value: str(value), node: value as never, keyRange: keyRange(pair)!, valueRange: str(value) !== undefined ? nodeRange(value as unknown) : undefined, form: 'map', pair });
      else if (isSeq(args)) for (const it of seqItems(args)) {
        const v = str(it);
        const eq = v?.indexOf('=') ?? -1;
        if (v && eq > 0 && it.range) entries.push({ key: v.slice(0, eq), value: v.slice(eq + 1), node: it, keyRange: { start: it.range[0], end: it.range[0] + eq }, valueRange: { start: it.range[0] + eq + 1, end: it.range[1] }, form: 'list' });
      }
      for (const e of entries) {
        const what = secretLiteral(e.key, e.value);
        if (!what || !e.valueRange) continue;
        const src = text.slice(e.valueRange.start, e.valueRange.end);
        const fixes: Fix[] = [];
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.key)) {
          const quoted = /^["']/.test(src);
          fixes.push({ title: `Read ${e.key} from the environment (\${${e.key}})`, edits: [{ range: e.valueRange, text: e.form === 'map' && !quoted ? `\${${e.key}:?set ${e.key} in .env}` : `\${${e.key}}` }] });
          if (e.form === 'map' && !quoted) fixes[0].edits[0].text = `"\${${e.key}:?set ${e.key} in .env}"`;
        }
        ctx.report({ range: e.valueRange, messageId: 'secret', data: { key: e.key, what }, fixes });
      }
    }
  },
});
