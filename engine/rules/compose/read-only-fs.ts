import { defineRule } from '../../define-rule';
import { composeModel, longRunningServices } from '../../documents/compose';
import { bool, nodeRange, isMap } from '../../documents/yaml-nav';
import { insertPairs, raw, replaceScalar } from '../../fixes/yaml';
import type { Fix } from '../../types';
import type { Scalar } from 'yaml';

export default defineRule({
  id: 'compose/read-only-fs',
  kind: 'compose',
  type: 'suggestion',
  severity: 'info',
  summary: 'Services run with a read-only root filesystem (read_only: true, tmpfs for scratch space)',
  sources: ['brief (read-only filesystems where possible)'],
  messages: {
    missing: 'Service "{{service}}" can write anywhere in its filesystem: an intruder can drop tools or change code. Set read_only: true and mount a tmpfs or volume where it must write.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of longRunningServices(m)) {
      const ro = s.pairOf('read_only');
      if (ro && bool(ro.value) === true) continue;
      const fixes: Fix[] = [];
      if (ro && s.node.has('read_only') && bool(ro.value) === false) fixes.push({ title: 'Set read_only: true', edits: [replaceScalar(text, ro.value as Scalar, true)] });
      else if (!ro && isMap(s.node) && !s.node.flow && s.node.items.length) {
        // the writable paths depend on the image: a snippet, so fix-all never breaks a container's start-up
        fixes.push({ title: 'Add read_only: true with a tmpfs for /tmp', snippet: true, edits: [insertPairs(text, s.node, s.get('tmpfs') !== undefined ? { read_only: true } : { read_only: true, tmpfs: [raw('${1:/tmp}')] }, m.style)] });
      }
      ctx.report({ range: ro ? nodeRange(ro.value)! : s.keyRange, messageId: 'missing', data: { service: s.name }, fixes });
    }
  },
});
