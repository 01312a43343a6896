import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { nodeRange, str } from '../../documents/yaml-nav';

export default defineRule({
  id: 'compose/container-name-format',
  kind: 'compose',
  type: 'problem',
  severity: 'error',
  summary: 'container_name matches the names Docker accepts',
  sources: ['dclint service-container-name-regex'],
  messages: {
    invalid: 'Container name "{{name}}" is not valid: Docker accepts [a-zA-Z0-9][a-zA-Z0-9_.-]+ only.',
  },
  fixable: false,
  check(ctx) {
    const m = composeModel(ctx.file);
    for (const s of m.services) {
      const p = s.containerNamePair;
      const name = str(p?.value);
      if (!p || name === undefined || name.includes('$')) continue;
      if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) ctx.report({ range: nodeRange(p.value)!, messageId: 'invalid', data: { name } });
    }
  },
});
