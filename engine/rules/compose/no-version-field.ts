import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { getPair, keyRange } from '../../documents/yaml-nav';
import { deletePair } from '../../fixes/yaml';

export default defineRule({
  id: 'compose/no-version-field',
  kind: 'compose',
  type: 'style',
  severity: 'info',
  summary: 'No obsolete top-level version: field',
  sources: ['dclint no-version-field', 'Compose Specification (version is obsolete)'],
  messages: {
    obsolete: '"version" is obsolete: Compose ignores it and prints a warning on every command.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const p = getPair(m.root, 'version');
    if (!p || !m.root || m.root.flow) return;
    ctx.report({ range: keyRange(p)!, messageId: 'obsolete', fixes: [{ title: 'Remove version', edits: [deletePair(ctx.file.text, m.root, p)] }] });
  },
});
