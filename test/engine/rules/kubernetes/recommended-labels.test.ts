import rule from '../../../../engine/rules/kubernetes/recommended-labels';
import { ruleTester } from '../../rule-tester';

const CM = (labels: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n${labels}data:\n  a: b\n`;

ruleTester(rule, {
  valid: [CM('  labels:\n    app.kubernetes.io/name: shop\n    app.kubernetes.io/instance: shop-prod\n'), { code: CM('  labels: { team: payments }\n'), options: { required: ['team'] } }],
  invalid: [
    {
      code: CM('  labels:\n    app.kubernetes.io/name: shop\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: CM('  labels:\n    app.kubernetes.io/name: shop\n    app.kubernetes.io/instance: cfg\n'),
    },
    {
      code: CM('  labels:\n    app.kubernetes.io/name: "shop api"\n    app.kubernetes.io/instance: x\n'),
      errors: [{ messageId: 'invalid', line: 6, column: 29, endLine: 6, endColumn: 39 }],
      output: null,
    },
  ],
});
