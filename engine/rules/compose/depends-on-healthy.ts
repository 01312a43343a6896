import type { Node } from 'yaml';
import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { nodeRange, seqItems, str, get, isSeq } from '../../documents/yaml-nav';
import { columnOf } from '../../fixes/yaml';
import type { Fix } from '../../types';

export default defineRule({
  id: 'compose/depends-on-healthy',
  kind: 'compose',
  type: 'suggestion',
  severity: 'info',
  summary: 'depends_on waits for service_healthy when the dependency has a healthcheck',
  sources: ['beyond (Compose startup order documentation)'],
  messages: {
    started: '"{{service}}" starts as soon as "{{dep}}" is started, not when it is ready, although "{{dep}}" has a healthcheck. Use condition: service_healthy.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of m.services) {
      const dep = s.dependsOnPair;
      if (!dep || !s.node?.has('depends_on')) continue;
      const unhealthy = s.dependsOn.filter((d) => {
        const target = m.serviceByName.get(d.name);
        const hc = target?.pairOf('healthcheck');
        if (!hc || str(get(hc.value, 'disable')) === 'true') return false;
        return !d.condition || d.condition === 'service_started';
      });
      if (!unhealthy.length) continue;
      const fixes: Fix[] = [];
      const list = dep.value as Node;
      // short form `depends_on: [a, b]` → long form with conditions, in block style
      if (isSeq(list) && s.dependsOn.every((d) => !d.condition)) {
        const keyStart = (dep.key as Node).range![0];
        const col = columnOf(text, keyStart);
        const pad = ' '.repeat(col + m.style.indent);
        const inner = ' '.repeat(col + 2 * m.style.indent);
        const unhealthyNames = new Set(unhealthy.map((u) => u.name));
        const body = seqItems(list)
          .map((i) => str(i))
          .filter((n): n is string => !!n)
          .map((n) => `${m.style.eol}${pad}${n}:${m.style.eol}${inner}condition: ${unhealthyNames.has(n) ? 'service_healthy' : 'service_started'}`)
          .join('');
        const colon = text.indexOf(':', (dep.key as Node).range![1]);
        const end = list.flow ? list.range![1] : (() => { let e = list.range![1]; while (e > 0 && /\s/.test(text[e - 1])) e--; return e; })();
        fixes.push({ title: 'Wait for service_healthy', edits: [{ range: { start: colon + 1, end }, text: body }] });
      }
      for (const d of unhealthy) {
        const cond = d.condition ? nodeRange(get(get(dep.value, d.name), 'condition')) : undefined;
        const f: Fix[] = cond ? [{ title: 'Wait for service_healthy', edits: [{ range: cond, text: 'service_healthy' }] }] : fixes;
        ctx.report({ range: nodeRange(d.node)!, messageId: 'started', data: { service: s.name, dep: d.name }, fixes: f });
      }
    }
  },
});
