import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { keyRange, mapPairs, nodeRange, seqItems, seqMaps, isMap, isScalar, isSeq } from '../../documents/yaml-nav';

export default defineRule({
  id: 'actions/matrix',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'Matrix rows are valid: exclude names existing keys and values, no empty or duplicate values',
  sources: ['actionlint matrix'],
  messages: {
    excludeKey: 'exclude uses "{{key}}", which is not a matrix key ({{keys}}): the row excludes nothing.',
    excludeValue: 'exclude uses {{key}}: {{value}}, which is not one of the matrix values: the row excludes nothing.',
    empty: 'Matrix key "{{key}}" has no values: the job does not run at all.',
    duplicate: 'Value {{value}} is listed twice for "{{key}}".',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    for (const job of m.jobs) {
      const mx = job.matrix;
      if (!isMap(mx)) continue;
      const axes = new Map<string, Set<string>>();
      let includes = false;
      for (const { key, pair, value } of mapPairs(mx)) {
        if (key === 'include') {
          includes = true;
          continue;
        }
        if (key === 'exclude') continue;
        if (isSeq(value)) {
          if (!value.items.length) ctx.report({ range: keyRange(pair)!, messageId: 'empty', data: { key } });
          const vals = new Set<string>();
          for (const it of seqItems(value)) {
            const s = isScalar(it) ? JSON.stringify(it.value) : undefined;
            if (s === undefined) continue;
            if (vals.has(s)) ctx.report({ range: nodeRange(it)!, messageId: 'duplicate', data: { key, value: s } });
            vals.add(s);
          }
          axes.set(key, vals);
        } else if (isScalar(value) && String(value.value).includes('${{')) axes.set(key, new Set(['*']));
        else axes.set(key, new Set(['*']));
      }
      const exclude = mx.get('exclude');
      if (!isSeq(exclude)) continue;
      for (const row of seqMaps(exclude)) {
        for (const { key, pair, value } of mapPairs(row)) {
          const vals = axes.get(key);
          if (!vals) {
            if (!includes) ctx.report({ range: keyRange(pair)!, messageId: 'excludeKey', data: { key, keys: [...axes.keys()].join(', ') } });
            continue;
          }
          if (vals.has('*') || !isScalar(value) || String(value.value).includes('${{')) continue;
          const s = JSON.stringify(value.value);
          if (!vals.has(s) && !vals.has(JSON.stringify(String(value.value)))) ctx.report({ range: nodeRange(value)!, messageId: 'excludeValue', data: { key, value: s } });
        }
      }
    }
  },
});
