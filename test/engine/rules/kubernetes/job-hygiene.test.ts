import rule from '../../../../engine/rules/kubernetes/job-hygiene';
import { ruleTester } from '../../rule-tester';

const JOB = (spec: string, pod = '      restartPolicy: Never\n') => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n${spec}  template:\n    spec:\n${pod}      containers:\n        - name: migrate\n          image: ghcr.io/acme/migrate:1.0.0\n`;
const CRON = (extra: string) => `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"\n${extra}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: backup\n              image: busybox:1.36\n`;

ruleTester(rule, {
  valid: [JOB('  ttlSecondsAfterFinished: 3600\n'), CRON('  startingDeadlineSeconds: 300\n')],
  invalid: [
    {
      code: JOB('', '      restartPolicy: Always\n'),
      errors: [
        { messageId: 'ttl', line: 4, column: 9, endLine: 4, endColumn: 16 },
        { messageId: 'restartPolicy', line: 8, column: 22, endLine: 8, endColumn: 28 },
      ],
      output: `${JOB('', '      restartPolicy: OnFailure\n')}  ttlSecondsAfterFinished: 86400\n`,
    },
    { code: CRON(''), errors: [{ messageId: 'deadline', line: 4, column: 9, endLine: 4, endColumn: 15 }], output: `${CRON('')}  startingDeadlineSeconds: 300\n` },
  ],
});
