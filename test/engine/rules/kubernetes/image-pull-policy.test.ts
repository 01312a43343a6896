import rule from '../../../../engine/rules/kubernetes/image-pull-policy';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nimagePullPolicy: Always\n'), deployment('image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'), deployment('image: nginx\n')],
  invalid: [
    { code: deployment(), errors: [{ messageId: 'notAlways', line: 15, column: 17, endLine: 15, endColumn: 20 }], output: deployment('image: nginx:1.27\nimagePullPolicy: Always\n') },
    { code: deployment('image: nginx:1.27\nimagePullPolicy: IfNotPresent\n'), errors: [{ messageId: 'notAlways', line: 17, column: 28, endLine: 17, endColumn: 40 }], output: deployment('image: nginx:1.27\nimagePullPolicy: Always\n') },
  ],
});
