import rule from '../../../../engine/rules/kubernetes/spread-replicas';
import { ruleTester } from '../../rule-tester';
import { app } from './manifests';

ruleTester(rule, {
  valid: [
    app('web', 1),
    app('web').replace('      containers:', '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution: []\n      containers:'),
  ],
  invalid: [
    {
      code: app('web'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: `${app('web')}      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n              app: web\n`,
    },
  ],
});
