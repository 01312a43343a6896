import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { nodeRange, str } from '../../documents/yaml-nav';

export default defineRule({
  id: 'compose/no-duplicate-container-names',
  kind: 'compose',
  type: 'problem',
  severity: 'error',
  summary: 'container_name values are unique',
  sources: ['dclint no-duplicate-container-names'],
  messages: {
    duplicate: 'Container name "{{name}}" is already used by service "{{other}}": the second container fails to start.',
  },
  fixable: false,
  check(ctx) {
    const m = composeModel(ctx.file);
    const seen = new Map<string, string>();
    for (const s of m.services) {
      const p = s.containerNamePair;
      const name = str(p?.value);
      if (!p || !name || name.includes('$')) continue;
      const other = seen.get(name);
      if (other !== undefined) ctx.report({ range: nodeRange(p.value)!, messageId: 'duplicate', data: { name, other } });
      else seen.set(name, s.name);
    }
  },
});
