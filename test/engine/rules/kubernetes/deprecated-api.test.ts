import rule from '../../../../engine/rules/kubernetes/deprecated-api';
import { ruleTester } from '../../rule-tester';

const CRON = (api: string) => `apiVersion: ${api}\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: backup\n              image: busybox:1.36\n`;

ruleTester(rule, {
  valid: [CRON('batch/v1'), 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: x\n'],
  invalid: [
    { code: CRON('batch/v1beta1'), errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 26, fixes: ['Change apiVersion to batch/v1'] }], output: CRON('batch/v1') },
    { code: CRON('batch/v1beta1'), path: 'k8s/old-cluster.yaml', options: { kubernetesVersion: '1.24' }, errors: [{ messageId: 'deprecated', line: 1, column: 13, endLine: 1, endColumn: 26 }], output: CRON('batch/v1') },
    {
      name: 'Ingress schema changed: no automatic rewrite',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n',
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 31, fixes: [] }],
      output: null,
    },
  ],
});
