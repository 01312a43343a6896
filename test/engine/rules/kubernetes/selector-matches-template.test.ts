import rule from '../../../../engine/rules/kubernetes/selector-matches-template';
import { ruleTester } from '../../rule-tester';
import { app } from './manifests';

ruleTester(rule, {
  valid: [app('web'), { name: 'Helm selector labels', code: app('web').replace('      app: web\n  template', '      {{- include "x.selectorLabels" . | nindent 6 }}\n  template') }],
  invalid: [
    {
      code: app('web').replace('        app: web\n', '        app: webapp\n'),
      errors: [{ messageId: 'mismatch', line: 7, column: 3, endLine: 7, endColumn: 11 }],
      output: app('web'),
    },
    {
      name: 'template without labels',
      code: app('web').replace('    metadata:\n      labels:\n        app: web\n', '    metadata:\n      annotations: { a: b }\n'),
      errors: [{ messageId: 'mismatch', line: 7, column: 3, endLine: 7, endColumn: 11 }],
      output: app('web').replace('    metadata:\n      labels:\n        app: web\n', '    metadata:\n      annotations: { a: b }\n      labels:\n        app: web\n'),
    },
  ],
});
