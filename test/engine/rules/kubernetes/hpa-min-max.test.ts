import rule from '../../../../engine/rules/kubernetes/hpa-min-max';
import { ruleTester } from '../../rule-tester';

const HPA = (minmax: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
${minmax}`;

ruleTester(rule, {
  valid: [HPA('  minReplicas: 2\n  maxReplicas: 10\n'), { name: 'Helm values', code: HPA('  minReplicas: {{ .Values.hpa.min }}\n  maxReplicas: {{ .Values.hpa.max }}\n') }],
  invalid: [
    { code: HPA('  minReplicas: 1\n  maxReplicas: 5\n'), errors: [{ messageId: 'minLow', line: 10, column: 16, endLine: 10, endColumn: 17 }], output: HPA('  minReplicas: 2\n  maxReplicas: 5\n') },
    { name: 'minReplicas defaults to 1', code: HPA('  maxReplicas: 5\n'), errors: [{ messageId: 'minLow', line: 4, column: 9, endLine: 4, endColumn: 12 }], output: HPA('  maxReplicas: 5\n  minReplicas: 2\n') },
    { code: HPA('  minReplicas: 6\n  maxReplicas: 3\n'), errors: [{ messageId: 'minAboveMax', line: 10, column: 16, endLine: 10, endColumn: 17 }], output: HPA('  minReplicas: 3\n  maxReplicas: 6\n') },
    { code: HPA('  minReplicas: 3\n  maxReplicas: 3\n'), errors: [{ messageId: 'noRange', line: 11, column: 16, endLine: 11, endColumn: 17 }], output: null },
  ],
});
