import rule from '../../../../engine/rules/kubernetes/priority-class';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\n', { podSpec: 'priorityClassName: business-critical\n' })],
  invalid: [
    { code: deployment(), errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }], output: null },
    { code: deployment('image: nginx:1.27\n', { podSpec: 'priorityClassName: system-node-critical\n' }), options: { allowed: ['business-critical'] }, errors: [{ messageId: 'notAllowed', line: 14, column: 26, endLine: 14, endColumn: 46 }] },
  ],
});
