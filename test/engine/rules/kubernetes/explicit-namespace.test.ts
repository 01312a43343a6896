import rule from '../../../../engine/rules/kubernetes/explicit-namespace';
import { ruleTester } from '../../rule-tester';

const CM = (ns: string, name = 'cfg') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns}data:\n  a: b\n`;

ruleTester(rule, {
  valid: [
    CM('  namespace: shop\n'),
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    { name: 'no object names a namespace: meant for kubectl -n or kustomize', code: `${CM('')}---\n${CM('', 'other')}` },
    { name: 'Helm sets the namespace', code: `${CM('  namespace: shop\n')}---\n${CM('  labels: {{ include "x.labels" . | nindent 4 }}\n', 'other')}` },
  ],
  invalid: [
    { code: CM('  namespace: default\n'), errors: [{ messageId: 'default', line: 5, column: 14, endLine: 5, endColumn: 21 }], output: CM('  namespace: my-app\n') },
    {
      name: 'one object of the file forgot the namespace',
      code: `${CM('  namespace: shop\n')}---\n${CM('', 'other')}`,
      errors: [{ messageId: 'missing', line: 12, column: 9, endLine: 12, endColumn: 14, fixes: ['Add namespace: shop (like the other objects of this file)'] }],
      output: `${CM('  namespace: shop\n')}---\n${CM('  namespace: shop\n', 'other')}`,
    },
    { name: 'requireNamespace', code: CM(''), options: { requireNamespace: true }, errors: [{ messageId: 'missingAlways', line: 4, column: 9, endLine: 4, endColumn: 12 }], output: CM('  namespace: my-app\n') },
  ],
});
