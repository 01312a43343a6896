import rule from '../../../../engine/rules/kubernetes/probes-distinct';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\nlivenessProbe:\n  httpGet: { path: /health, port: 80 }\nreadinessProbe:\n  httpGet: { path: /ready, port: 80 }\n'),
    deployment('image: nginx:1.27\nlivenessProbe:\n  exec: { command: [check, live] }\nreadinessProbe:\n  exec: { command: [check, ready] }\n'),
  ],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nlivenessProbe:\n  httpGet: { path: /healthz, port: http }\nreadinessProbe:\n  httpGet: { path: /healthz, port: http }\n  periodSeconds: 5\n'),
      errors: [{ messageId: 'same', line: 17, column: 11, endLine: 17, endColumn: 24 }],
      output: null,
    },
  ],
});
