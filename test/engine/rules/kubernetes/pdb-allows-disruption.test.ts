import rule from '../../../../engine/rules/kubernetes/pdb-allows-disruption';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const PDB = (policy: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  ${policy}
  selector:
    matchLabels:
      app: web
`;

ruleTester(rule, {
  valid: [PDB('minAvailable: 1'), PDB('maxUnavailable: 25%'), { name: 'cross-file part needs the workspace', code: PDB('minAvailable: 3') }],
  invalid: [
    { code: PDB('minAvailable: 0'), errors: [{ messageId: 'zeroMin', line: 6, column: 17, endLine: 6, endColumn: 18 }], output: PDB('minAvailable: 1') },
    { code: PDB('maxUnavailable: "0%"'), errors: [{ messageId: 'zeroMax', line: 6, column: 19, endLine: 6, endColumn: 23 }], output: PDB('maxUnavailable: 1') },
    { code: PDB('minAvailable: 100%'), errors: [{ messageId: 'fullMin', line: 6, column: 17, endLine: 6, endColumn: 21 }], output: null },
    {
      code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n',
      errors: [{ messageId: 'noPolicy', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  minAvailable: 1\n',
    },
  ],
});

crossFileTester(
  rule,
  {
    valid: [{ name: 'minAvailable below replicas', files: { 'k8s/pdb.yaml': PDB('minAvailable: 2'), 'k8s/web.yaml': app('web', 3) } }],
    invalid: [
      {
        name: 'minAvailable equals replicas',
        files: { 'k8s/pdb.yaml': PDB('minAvailable: 3'), 'k8s/web.yaml': app('web', 3) },
        errors: [{ messageId: 'minNotBelowReplicas', line: 6, column: 17, endLine: 6, endColumn: 18, related: ['k8s/web.yaml'], fixes: ['Set minAvailable: 2'] }],
        output: PDB('minAvailable: 2'),
      },
    ],
  },
  ['zeroMin', 'zeroMax', 'fullMin', 'noPolicy'],
);
