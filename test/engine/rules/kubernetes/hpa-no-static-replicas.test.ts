import rule from '../../../../engine/rules/kubernetes/hpa-no-static-replicas';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
`;

ruleTester(rule, { valid: [`${app('web')}---\n${HPA}`], invalid: [] });

crossFileTester(rule, {
  valid: [
    { name: 'no replicas', files: { 'k8s/web.yaml': app('web').replace('  replicas: 3\n', ''), 'k8s/hpa.yaml': HPA } },
    { name: 'not autoscaled', files: { 'k8s/web.yaml': app('web') } },
  ],
  invalid: [
    {
      name: 'replicas set and HPA in another file',
      files: { 'k8s/web.yaml': app('web'), 'k8s/hpa.yaml': HPA },
      errors: [{ messageId: 'replicas', line: 6, column: 3, endLine: 6, endColumn: 11, related: ['k8s/hpa.yaml'] }],
      output: app('web').replace('  replicas: 3\n', ''),
    },
    {
      name: 'same file',
      files: { 'k8s/web.yaml': `${app('web')}---\n${HPA}` },
      errors: [{ messageId: 'replicas', line: 6, column: 3, endLine: 6, endColumn: 11, related: ['k8s/web.yaml'] }],
      output: `${app('web').replace('  replicas: 3\n', '')}---\n${HPA}`,
    },
  ],
});
