import rule from '../../../../engine/rules/kubernetes/replicas-min';
import { ruleTester } from '../../rule-tester';
import { app } from './manifests';

const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  minReplicas: 2\n  maxReplicas: 5\n';

ruleTester(rule, {
  valid: [app('web', 2), { name: 'autoscaled in the same file', code: `${app('web', 1)}---\n${HPA}` }, { name: 'scaled to zero on purpose', code: app('web', 0) }, { name: 'single writer on a volume claim', code: app('db', 1).replace('      containers:', '      volumes:\n        - name: data\n          persistentVolumeClaim: { claimName: db }\n      containers:') }],
  invalid: [
    { code: app('web', 1), errors: [{ messageId: 'single', line: 6, column: 13, endLine: 6, endColumn: 14 }], output: app('web', 2) },
    {
      name: 'replicas unset',
      code: app('web').replace('  replicas: 3\n', ''),
      errors: [{ messageId: 'single', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: `${app('web').replace('  replicas: 3\n', '')}  replicas: 2\n`,
    },
  ],
});
