import rule from '../../../../engine/rules/kubernetes/probe-port-exists';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\nports: [{ name: http, containerPort: 80 }]\nlivenessProbe:\n  httpGet: { path: /health, port: http }\n'),
    { name: 'numeric ports are not checked by default', code: deployment('image: nginx:1.27\nports: [{ name: http, containerPort: 80 }]\nlivenessProbe:\n  httpGet: { path: /health, port: 8081 }\n') },
  ],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nports:\n  - name: http\n    containerPort: 80\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: web\n'),
      errors: [{ messageId: 'unknownName', line: 23, column: 21, endLine: 23, endColumn: 24, fixes: ['Use port http'] }],
      output: deployment('image: nginx:1.27\nports:\n  - name: http\n    containerPort: 80\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: http\n'),
    },
    {
      code: deployment('image: nginx:1.27\nports: [{ containerPort: 80 }]\nlivenessProbe:\n  tcpSocket: { port: 81 }\n'),
      options: { checkNumericPorts: true },
      errors: [{ messageId: 'unknownNumber', line: 19, column: 32, endLine: 19, endColumn: 34 }],
      output: deployment('image: nginx:1.27\nports: [{ containerPort: 80 }]\nlivenessProbe:\n  tcpSocket: { port: 80 }\n'),
    },
  ],
});
