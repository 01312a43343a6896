import rule from '../../../../engine/rules/kubernetes/secrets-as-files';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nvolumeMounts:\n  - { name: creds, mountPath: /run/secrets/app, readOnly: true }\n')],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db, key: password }\nenvFrom:\n  - secretRef: { name: app }\n'),
      errors: [
        { messageId: 'env', line: 20, column: 17, endLine: 20, endColumn: 29 },
        { messageId: 'env', line: 22, column: 15, endLine: 22, endColumn: 24 },
      ],
      output: null,
    },
  ],
});
