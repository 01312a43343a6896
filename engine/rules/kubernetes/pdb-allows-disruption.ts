import { asMap, get, getPair, getPath, str, type YPair } from '../../documents/yaml-nav';
import { insertPairs, replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, hpaMin, hpasFor, relatedTo, sameNamespace, selectorMatches, workspaceObjects } from '../../documents/k8s';
import type { Node, Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/pdb-allows-disruption',
  type: 'problem',
  severity: 'warning',
  summary: 'PodDisruptionBudgets set minAvailable ≥ 1 or maxUnavailable, and still allow evictions',
  sources: ['brief', 'kube-linter pdb-min-available', 'kube-linter pdb-max-unavailable', 'kube-score poddisruptionbudget-has-policy', 'Polaris pdbDisruptionsIsZero', 'Polaris pdbMinAvailableGreaterThanHPAMinReplicas'],
  messages: {
    noPolicy: 'PodDisruptionBudget "{{name}}" sets neither minAvailable nor maxUnavailable.',
    zeroMin: 'minAvailable: 0 protects nothing: use at least 1.',
    zeroMax: 'maxUnavailable: {{value}} blocks every voluntary eviction: node drains and cluster upgrades hang.',
    fullMin: 'minAvailable: 100% blocks every voluntary eviction: node drains and cluster upgrades hang.',
    minNotBelowReplicas: 'minAvailable: {{min}} is not below the {{replicas}} replica(s) of {{kind}} "{{workload}}": no pod can ever be evicted, node drains hang.',
  },
  fixable: true,
  crossFile: true,
  check(ctx, k8s) {
    const all = ctx.workspace.complete ? workspaceObjects(ctx) : [];
    for (const o of k8s.objects) {
      if (o.kind !== 'PodDisruptionBudget') continue;
      const spec = asMap(get(o.node, 'spec'));
      if (!spec || k8s.open(spec)) continue;
      const minPair = getPair(spec, 'minAvailable');
      const maxPair = getPair(spec, 'maxUnavailable');
      const at = (p: YPair) => ({ start: (p.value as Node).range![0], end: (p.value as Node).range![1] });
      if (!minPair && !maxPair) {
        ctx.report({ range: o.range, messageId: 'noPolicy', data: { name: o.displayName }, fixes: [{ title: 'Add minAvailable: 1', edits: [insertPairs(k8s.text, spec, { minAvailable: 1 }, k8s.style)] }] });
        continue;
      }
      if (maxPair && !k8s.unknown(maxPair.value)) {
        const v = str(maxPair.value);
        if (v === '0' || v === '0%') ctx.report({ range: at(maxPair), messageId: 'zeroMax', data: { value: v }, fixes: [{ title: 'Set maxUnavailable: 1', edits: [replaceScalar(k8s.text, maxPair.value as Scalar, 1)] }] });
      }
      if (!minPair || k8s.unknown(minPair.value)) continue;
      const min = str(minPair.value);
      if (min === '0' || min === '0%') {
        ctx.report({ range: at(minPair), messageId: 'zeroMin', fixes: [{ title: 'Set minAvailable: 1', edits: [replaceScalar(k8s.text, minPair.value as Scalar, 1)] }] });
        continue;
      }
      if (min === '100%') {
        ctx.report({ range: at(minPair), messageId: 'fullMin' });
        continue;
      }
      const n = Number(min);
      if (!Number.isInteger(n) || !ctx.workspace.complete) continue;
      const selector = getPath(o.node, ['spec', 'selector']);
      for (const l of all) {
        const w = l.object.workload;
        if (!w || w.object.partial || !w.podLabelsKnown || !sameNamespace(o, w.object) || !selectorMatches(selector, w.podLabels)) continue;
        const hpas = hpasFor(all, w);
        const replicas = hpas.length ? hpaMin(hpas[0].object) : w.effectiveReplicas;
        if (replicas === undefined || n < replicas) continue;
        ctx.report({
          range: at(minPair),
          messageId: 'minNotBelowReplicas',
          data: { min: n, replicas, kind: w.kind, workload: w.object.displayName },
          related: [relatedTo(l, `${w.kind} "${w.object.name}" runs ${replicas} replica(s)${hpas.length ? ' (HPA minReplicas)' : ''}`)],
          fixes: replicas >= 2 ? [{ title: `Set minAvailable: ${replicas - 1}`, edits: [replaceScalar(k8s.text, minPair.value as Scalar, replicas - 1)] }] : [],
        });
        break;
      }
    }
  },
});
