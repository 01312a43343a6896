import { defineRule } from '../../define-rule';
import { composeModel, dropsPrivileges, longRunningServices } from '../../documents/compose';
import { seqItems, str, isMap, isSeq } from '../../documents/yaml-nav';
import { appendItems, insertPairs } from '../../fixes/yaml';
import type { Fix, TextEdit } from '../../types';

export default defineRule({
  id: 'compose/no-new-privileges',
  kind: 'compose',
  type: 'suggestion',
  severity: 'info',
  summary: 'Services set no-new-privileges and drop all capabilities they do not add back',
  sources: ['beyond (mirrors kubernetes allowPrivilegeEscalation: false and drop ALL)'],
  messages: {
    missing: 'Service "{{service}}" lacks {{what}}: a setuid binary or a default capability can still raise its privileges.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of longRunningServices(m)) {
      const sec = s.get('security_opt');
      const nnp = seqItems(sec).some((i) => /^no-new-privileges(:true|=true)?$/.test(str(i) ?? ''));
      // images that switch user in their entrypoint (postgres, redis …) need CHOWN/SETUID/SETGID: no cap_drop ALL for them
      const drop = dropsPrivileges(s.image) || seqItems(s.get('cap_drop')).some((i) => str(i)?.toUpperCase() === 'ALL');
      if (nnp && drop) continue;
      const what = [!nnp && 'security_opt: [no-new-privileges:true]', !drop && 'cap_drop: [ALL]'].filter(Boolean).join(' and ');
      const fixes: Fix[] = [];
      if (isMap(s.node) && !s.node.flow && s.node.items.length && s.node.has('security_opt') === !!sec && (s.node.has('cap_drop') || s.get('cap_drop') === undefined)) {
        const edits: TextEdit[] = [];
        const add: Record<string, string[]> = {};
        if (!nnp) {
          if (isSeq(sec) && sec.items.length && s.node.has('security_opt')) edits.push(appendItems(text, sec as never, ['no-new-privileges:true'], m.style));
          else if (!sec) add.security_opt = ['no-new-privileges:true'];
        }
        if (!drop) {
          const cd = s.get('cap_drop');
          if (isSeq(cd) && cd.items.length && s.node.has('cap_drop')) edits.push(appendItems(text, cd as never, ['ALL'], m.style));
          else if (!cd) add.cap_drop = ['ALL'];
        }
        if (Object.keys(add).length) edits.push(insertPairs(text, s.node, add, m.style));
        if (edits.length) fixes.push({ title: `Add ${what}`, edits });
      }
      ctx.report({ range: s.keyRange, messageId: 'missing', data: { service: s.name, what }, fixes });
    }
  },
});
