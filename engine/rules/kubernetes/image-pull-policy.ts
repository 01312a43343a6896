import { getPair, nodeRange, str } from '../../documents/yaml-nav';
import { insertPairs, replaceScalar } from '../../fixes/yaml';
import { parseImageRef } from '../../documents/image-ref';
import { containersOf, defineK8sRule } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/image-pull-policy',
  type: 'suggestion',
  severity: 'info',
  preset: 'strict',
  summary: 'Containers with a mutable image tag set imagePullPolicy: Always',
  sources: ['kube-score container-image-pull-policy', 'Polaris pullPolicyNotAlways'],
  messages: {
    notAlways: 'Container "{{name}}" uses the tag of "{{image}}" with imagePullPolicy {{policy}}: a node keeps running whatever it pulled first under that tag.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s)) {
      if (!c.image) continue;
      const ref = parseImageRef(c.image);
      if (!ref || ref.digest) continue;
      const pair = getPair(c.node, 'imagePullPolicy');
      if (pair && (str(pair.value) === 'Always' || k8s.unknown(pair.value))) continue;
      if (!pair && k8s.has(c.node, 'imagePullPolicy') === 'unknown') continue;
      // Without the field, Kubernetes already uses Always for :latest and untagged images.
      if (!pair && (!ref.tag || ref.tag === 'latest')) continue;
      ctx.report({
        range: pair ? nodeRange(pair.value)! : c.range,
        messageId: 'notAlways',
        data: { name: c.name ?? `#${c.index + 1}`, image: c.image, policy: pair ? str(pair.value) ?? '' : 'IfNotPresent (the default)' },
        fixes: [{ title: 'Set imagePullPolicy: Always', edits: [pair ? replaceScalar(k8s.text, pair.value as Scalar, 'Always') : insertPairs(k8s.text, c.node, { imagePullPolicy: 'Always' }, k8s.style, 'image')] }],
      });
    }
  },
});
