import rule from '../../../../engine/rules/kubernetes/rolling-update';
import { ruleTester } from '../../rule-tester';
import { app } from './manifests';

const withSpec = (extra: string) => app('web').replace('  replicas: 3\n', `  replicas: 3\n${extra}`);

ruleTester(rule, {
  valid: [app('web'), { name: 'Recreate for a volume claim', code: withSpec('  strategy:\n    type: Recreate\n').replace('      containers:', '      volumes:\n        - name: data\n          persistentVolumeClaim: { claimName: web }\n      containers:') }, withSpec('  strategy:\n    type: RollingUpdate\n    rollingUpdate: { maxUnavailable: 1, maxSurge: 25% }\n  revisionHistoryLimit: 5\n')],
  invalid: [
    { code: withSpec('  strategy:\n    type: Recreate\n'), errors: [{ messageId: 'recreate', line: 8, column: 11, endLine: 8, endColumn: 19 }], output: null },
    {
      code: withSpec('  strategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n  revisionHistoryLimit: 0\n'),
      errors: [
        { messageId: 'maxUnavailable', line: 9, column: 23, endLine: 9, endColumn: 27 },
        { messageId: 'noHistory', line: 10, column: 3, endLine: 10, endColumn: 23 },
      ],
      output: withSpec('  strategy:\n    rollingUpdate:\n      maxUnavailable: 25%\n  revisionHistoryLimit: 10\n'),
    },
  ],
});
