import rule from '../../../../engine/rules/kubernetes/no-ssh-port';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nports: [{ containerPort: 80 }]\n')],
  invalid: [{ code: deployment('image: nginx:1.27\nports:\n  - containerPort: 22\n'), errors: [{ messageId: 'ssh', line: 18, column: 30, endLine: 18, endColumn: 32 }], output: null }],
});
