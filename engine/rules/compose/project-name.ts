import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { getPair, keyRange, mapPairs } from '../../documents/yaml-nav';

export default defineRule({
  id: 'compose/project-name',
  kind: 'compose',
  type: 'style',
  severity: 'info',
  preset: 'strict',
  summary: 'The Compose file sets a top-level project name',
  sources: ['dclint require-project-name-field'],
  messages: {
    missing: 'No top-level "name": the project is named after the folder, so two checkouts in different folders get different containers, networks and volumes.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    if (!m.root || m.root.flow || getPair(m.root, 'name') || m.fragment) return;
    const first = mapPairs(m.root)[0];
    if (!first) return;
    const r = keyRange(first.pair)!;
    const lineStart = ctx.file.text.lastIndexOf('\n', r.start - 1) + 1;
    if (lineStart !== r.start) return;
    ctx.report({ range: r, messageId: 'missing', fixes: [{ title: 'Add a project name', snippet: true, edits: [{ range: { start: r.start, end: r.start }, text: `name: \${1:my-project}${m.style.eol}` }] }] });
  },
});
