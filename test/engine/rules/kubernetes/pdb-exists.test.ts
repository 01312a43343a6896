import rule from '../../../../engine/rules/kubernetes/pdb-exists';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const PDB = (sel = 'app: web') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      ${sel}
`;
const HPA = (min: number) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: ${min}
  maxReplicas: 10
`;

// Alone (no workspace), the rule stays silent.
ruleTester(rule, { valid: [app('web')], invalid: [] });

crossFileTester(rule, {
  valid: [
    { name: 'a PDB in another file selects the pods', files: { 'k8s/web.yaml': app('web'), 'k8s/pdb.yaml': PDB() } },
    { name: 'single replica', files: { 'k8s/web.yaml': app('web', 1) } },
    { name: 'HPA keeps one replica minimum', files: { 'k8s/web.yaml': app('web', 3), 'k8s/hpa.yaml': HPA(1) } },
  ],
  invalid: [
    {
      name: 'PDB selects other pods',
      files: { 'k8s/web.yaml': app('web', 3, 'shop'), 'k8s/pdb.yaml': PDB('app: api') },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, fixes: ['Add a PodDisruptionBudget for "web" (minAvailable: 1) to this file'] }],
      output: `${app('web', 3, 'shop')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  minAvailable: 1
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      app: web
`,
    },
    {
      name: 'replicas come from an HPA minimum',
      files: { 'k8s/web.yaml': app('web', 1), 'k8s/hpa.yaml': HPA(2) },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
    },
  ],
});
