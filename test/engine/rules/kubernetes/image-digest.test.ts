import rule from '../../../../engine/rules/kubernetes/image-digest';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n')],
  invalid: [
    {
      code: deployment("image: 'nginx:1.27'\n"),
      errors: [{ messageId: 'noDigest', line: 16, column: 18, endLine: 16, endColumn: 30 }],
      output: deployment("image: 'nginx:1.27@sha256:DIGEST'\n"),
    },
  ],
});
