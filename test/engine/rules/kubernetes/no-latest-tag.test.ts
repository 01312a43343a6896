import rule from '../../../../engine/rules/kubernetes/no-latest-tag';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [
    deployment(),
    deployment('image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'),
    { name: 'Helm image', code: deployment('image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n') },
  ],
  invalid: [
    {
      code: deployment('image: nginx:latest\n'),
      errors: [{ messageId: 'latest', line: 16, column: 24, endLine: 16, endColumn: 30, fixes: ['Pin nginx to a version…'] }],
      output: deployment('image: nginx:VERSION\n'),
    },
    {
      name: 'untagged, quoted, the tag used by another container is offered first',
      code: pod('image: "registry.example.com:5000/team/api"\n', 'initContainers:\n  - name: init\n    image: registry.example.com:5000/team/api:2.1.0\n'),
      errors: [{ messageId: 'untagged', line: 11, column: 14, endLine: 11, endColumn: 50, fixes: ['Pin registry.example.com:5000/team/api to 2.1.0 (the tag used elsewhere in this file)', 'Pin registry.example.com:5000/team/api to a version…'] }],
      output: pod('image: "registry.example.com:5000/team/api:2.1.0"\n', 'initContainers:\n  - name: init\n    image: registry.example.com:5000/team/api:2.1.0\n'),
    },
  ],
});
