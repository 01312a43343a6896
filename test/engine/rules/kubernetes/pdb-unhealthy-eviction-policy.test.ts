import rule from '../../../../engine/rules/kubernetes/pdb-unhealthy-eviction-policy';
import { ruleTester } from '../../rule-tester';

const PDB = (extra = '') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
${extra}`;

ruleTester(rule, {
  valid: [PDB('  unhealthyPodEvictionPolicy: IfHealthyBudget\n'), PDB().replace('policy/v1', 'policy/v1beta1')],
  invalid: [{ code: PDB(), errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }], output: PDB('  unhealthyPodEvictionPolicy: AlwaysAllow\n') }],
});
