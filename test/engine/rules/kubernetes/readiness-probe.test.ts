import rule from '../../../../engine/rules/kubernetes/readiness-probe';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [
    { name: 'no ports: not a serving container', code: deployment() },
    deployment('image: nginx:1.27\nports: [{ containerPort: 80 }]\nreadinessProbe:\n  httpGet: { path: /ready, port: 80 }\n'),
    { name: 'Jobs do not serve', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: j\n          image: busybox:1.36\n          ports: [{ containerPort: 80 }]\n' },
    { name: 'Helm: probes from values', code: deployment('image: nginx:1.27\nports: [{ containerPort: 80 }]\n{{- with .Values.probes }}\n{{- toYaml . | nindent 10 }}\n{{- end }}\n') },
  ],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nports:\n  - name: http\n    containerPort: 8080\n'),
      errors: [{ messageId: 'missing', line: 15, column: 17, endLine: 15, endColumn: 20, fixes: ['Add a readinessProbe (HTTP GET /ready on port http)'] }],
      output: deployment('image: nginx:1.27\nports:\n  - name: http\n    containerPort: 8080\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: http\n  periodSeconds: 10\n'),
    },
  ],
});
