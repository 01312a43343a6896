import rule from '../../../../engine/rules/kubernetes/requests-within-limits';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\nresources:\n  requests: { cpu: 500m, memory: 1Gi }\n  limits: { cpu: "1", memory: 1024Mi }\n'),
    deployment('image: nginx:1.27\nresources:\n  requests: { cpu: "2" }\n'),
  ],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nresources:\n  requests:\n    cpu: 1500m\n    memory: 2Gi\n  limits:\n    cpu: 1\n    memory: 1G\n'),
      errors: [
        { messageId: 'above', line: 19, column: 20, endLine: 19, endColumn: 25 },
        { messageId: 'above', line: 20, column: 23, endLine: 20, endColumn: 26 },
      ],
      output: deployment('image: nginx:1.27\nresources:\n  requests:\n    cpu: 1\n    memory: 1G\n  limits:\n    cpu: 1\n    memory: 1G\n'),
    },
  ],
});
