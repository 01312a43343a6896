import rule from '../../../../engine/rules/kubernetes/explicit-namespace';
import { ruleTester } from '../../rule-tester';

const CM = (ns: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n${ns}data:\n  a: b\n`;

ruleTester(rule, {
  valid: [CM('  namespace: shop\n'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', { name: 'Helm sets the namespace', code: CM('  labels: {{ include "x.labels" . | nindent 4 }}\n') }],
  invalid: [
    { code: CM('  namespace: default\n'), errors: [{ messageId: 'default', line: 5, column: 14, endLine: 5, endColumn: 21 }], output: CM('  namespace: my-app\n') },
    { code: CM(''), errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }], output: CM('  namespace: my-app\n') },
  ],
});
