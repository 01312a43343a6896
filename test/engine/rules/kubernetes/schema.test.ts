import rule from '../../../../engine/rules/kubernetes/schema';
import { ruleTester } from '../../rule-tester';
import { app, deployment } from './manifests';

ruleTester(rule, {
  valid: [
    app('web'),
    { name: 'custom resources are not validated', code: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec:\n  anything: [1, 2]\n' },
    { name: 'quantities as numbers or strings, empty values, status', code: deployment('image: nginx:1.27\nresources:\n  limits: { cpu: 1, memory: 128Mi }\nenv:\n') + 'status:\n  replicas: 1\n' },
    { name: 'kustomize patch', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 6\n  template:\n    spec:\n      $setElementOrder/containers: [{ name: web }]\n      containers:\n        - name: web\n          resources: { limits: { cpu: 2 } }\n' },
    { name: 'Helm: values, keys and blocks from templates', code: deployment('image: "{{ .Values.image }}"\n{{- with .Values.extra }}\n{{- toYaml . | nindent 10 }}\n{{- end }}\n', { spec: 'replicas: {{ .Values.replicas }}\n' }) },
    { name: 'Helm: template syntax is not a YAML error', code: '{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "x" . }}\ndata:\n  script: |\n    {{- .Values.script | nindent 4 }}\n{{- end }}\n' },
    'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: { name: a }\n    data: { a: b }\n',
  ],
  invalid: [
    {
      name: 'typo, wrong type, enum, missing name',
      code: deployment('image: nginx:1.27\nimagePullPolicy: Sometimes\nresoures:\n  limits: { cpu: 1 }\n', { spec: 'replicas: "3"\n' }) + '        - image: busybox:1.36\n',
      errors: [
        { messageId: 'type', line: 6, column: 13, endLine: 6, endColumn: 16 },
        { messageId: 'enum', line: 18, column: 28, endLine: 18, endColumn: 37 },
        { messageId: 'unknownField', line: 19, column: 11, endLine: 19, endColumn: 19 },
        { messageId: 'required', line: 21, column: 11, endLine: 21, endColumn: 16 },
      ],
      output: null,
    },
    {
      name: 'label values are strings',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    tier: 3\n',
      errors: [{ messageId: 'type', line: 6, column: 11, endLine: 6, endColumn: 12 }],
    },
    {
      name: 'YAML syntax error',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "unclosed\n',
      errors: [{ messageId: 'yaml', line: 6, column: 3, endLine: 6, endColumn: 15 }],
    },
    {
      name: 'kind served under another apiVersion',
      code: 'apiVersion: apps/v1\nkind: Service\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'unknownVersion', line: 1, column: 13, endLine: 1, endColumn: 20 }],
    },
  ],
});
