import rule from '../../../../engine/rules/kubernetes/service-account';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { deployment } from './manifests';

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\n', { podSpec: 'serviceAccountName: web\n' }),
    deployment('image: nginx:1.27\n', { podSpec: 'automountServiceAccountToken: false\n' }),
  ],
  invalid: [
    {
      code: deployment(),
      errors: [{ messageId: 'defaultAccount', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: `${deployment()}      automountServiceAccountToken: false\n`,
    },
    {
      code: deployment('image: nginx:1.27\n', { podSpec: 'serviceAccount: web\n' }),
      errors: [{ messageId: 'deprecated', line: 14, column: 7, endLine: 14, endColumn: 21, fixes: ['Rename to serviceAccountName'] }],
      output: deployment('image: nginx:1.27\n', { podSpec: 'serviceAccountName: web\n' }),
    },
  ],
});

crossFileTester(
  rule,
  {
    valid: [{ name: 'ServiceAccount in another file', files: { 'k8s/web.yaml': deployment('image: nginx:1.27\n', { podSpec: 'serviceAccountName: web\n' }), 'k8s/sa.yaml': SA } }],
    invalid: [
      {
        name: 'no such ServiceAccount',
        files: { 'k8s/web.yaml': deployment('image: nginx:1.27\n', { podSpec: 'serviceAccountName: api\n' }), 'k8s/sa.yaml': SA },
        errors: [{ messageId: 'missing', line: 14, column: 27, endLine: 14, endColumn: 30 }],
        output: null,
      },
    ],
  },
  ['defaultAccount', 'deprecated'],
);
