import rule from '../../../../engine/rules/kubernetes/resources-requests-limits';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

const FULL = 'image: nginx:1.27\nresources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { cpu: 500m, memory: 128Mi }\n';

ruleTester(rule, {
  valid: [
    deployment(FULL),
    { code: deployment('image: nginx:1.27\nresources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { memory: 128Mi }\n'), options: { requireCpuLimit: false } },
    { name: 'Helm: resources from values', code: deployment('image: nginx:1.27\nresources:\n  {{- toYaml .Values.resources | nindent 12 }}\n') },
    { name: 'Helm: inline toYaml', code: deployment('image: nginx:1.27\nresources: {{ toYaml .Values.resources | nindent 12 }}\n') },
  ],
  invalid: [
    {
      code: deployment(),
      errors: [{ messageId: 'noResources', line: 15, column: 17, endLine: 15, endColumn: 20, fixes: ['Add resource requests and limits'] }],
      output: deployment('image: nginx:1.27\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    cpu: 500m\n    memory: 256Mi\n'),
    },
    {
      name: 'only limits.memory missing, flow map',
      code: pod('image: nginx:1.27\nresources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { cpu: "1" }\n'),
      errors: [{ messageId: 'missing', line: 7, column: 13, endLine: 7, endColumn: 16, fixes: ['Add limits.memory'] }],
      output: pod('image: nginx:1.27\nresources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { cpu: "1", memory: 256Mi }\n'),
    },
    {
      name: 'empty resources, init container too',
      code: pod('image: nginx:1.27\nresources: {}\n', 'initContainers:\n  - name: init\n    image: busybox:1.36\n    resources:\n      requests: { cpu: 10m, memory: 16Mi }\n      limits: { cpu: 10m, memory: 16Mi }\n'),
      errors: [{ messageId: 'noResources', line: 13, column: 13, endLine: 13, endColumn: 16 }],
      output: pod('image: nginx:1.27\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    cpu: 500m\n    memory: 256Mi\n', 'initContainers:\n  - name: init\n    image: busybox:1.36\n    resources:\n      requests: { cpu: 10m, memory: 16Mi }\n      limits: { cpu: 10m, memory: 16Mi }\n'),
    },
  ],
});
