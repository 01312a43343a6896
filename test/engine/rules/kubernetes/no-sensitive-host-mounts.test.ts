import rule from '../../../../engine/rules/kubernetes/no-sensitive-host-mounts';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [
    deployment(),
    pod('image: nginx:1.27\nvolumeMounts:\n  - { name: data, mountPath: /data, readOnly: true }\n', 'volumes:\n  - name: data\n    hostPath: { path: /mnt/data }\n'),
  ],
  invalid: [
    {
      code: pod('image: nginx:1.27\n', 'volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock\n'),
      errors: [{ messageId: 'sensitive', line: 9, column: 15, endLine: 9, endColumn: 35 }],
      output: null,
    },
    {
      code: pod('image: nginx:1.27\nvolumeMounts:\n  - name: data\n    mountPath: /data\n', 'volumes:\n  - name: data\n    hostPath: { path: /mnt/data }\n'),
      errors: [{ messageId: 'writable', line: 13, column: 17, endLine: 13, endColumn: 21 }],
    },
  ],
});
