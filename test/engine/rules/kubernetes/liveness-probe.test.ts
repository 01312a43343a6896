import rule from '../../../../engine/rules/kubernetes/liveness-probe';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nlivenessProbe:\n  tcpSocket: { port: 80 }\n')],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nports: [{ containerPort: 80 }]\n'),
      errors: [{ messageId: 'missing', line: 15, column: 17, endLine: 15, endColumn: 20 }],
      output: deployment('image: nginx:1.27\nports: [{ containerPort: 80 }]\nlivenessProbe:\n  httpGet:\n    path: /health\n    port: 80\n  periodSeconds: 10\n'),
    },
    {
      name: 'no port: exec probe placeholder',
      code: pod(),
      errors: [{ messageId: 'missing', line: 7, column: 13, endLine: 7, endColumn: 16 }],
      output: pod('image: nginx:1.27\nlivenessProbe:\n  exec:\n    command:\n      - /bin/healthcheck\n  periodSeconds: 10\n'),
    },
  ],
});
