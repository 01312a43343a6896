import rule from '../../../../engine/rules/kubernetes/hpa-target-exists';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const HPA = (target: string, kind = 'Deployment') => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ${kind}
    name: ${target}
  minReplicas: 2
  maxReplicas: 10
`;

ruleTester(rule, { valid: [HPA('nope')], invalid: [] });

crossFileTester(rule, {
  valid: [
    { name: 'target in another file', files: { 'k8s/hpa.yaml': HPA('web'), 'k8s/web.yaml': app('web') } },
    { name: 'custom resource target not in the workspace', files: { 'k8s/hpa.yaml': HPA('web', 'Rollout') } },
  ],
  invalid: [
    {
      name: 'renamed Deployment',
      files: { 'k8s/hpa.yaml': HPA('web-old'), 'k8s/web.yaml': app('web') },
      errors: [{ messageId: 'missing', line: 9, column: 11, endLine: 9, endColumn: 18, fixes: ['Target Deployment "web"'] }],
      output: HPA('web'),
    },
  ],
});
