import rule from '../../../../engine/rules/kubernetes/no-secrets-in-manifests';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db, key: password }\n  - name: PASSWORD_FILE\n    value: /run/secrets/db\n  - name: TOKEN_TTL\n    value: "3600"\n'),
    { name: 'Helm-templated value', code: deployment('image: nginx:1.27\nenv:\n  - name: API_KEY\n    value: {{ .Values.apiKey | quote }}\n') },
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ntype: Opaque\ndata: {}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  LOG_LEVEL: info\n  password_min_length: "12"\n',
  ],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nenv:\n  - name: DB_PASSWORD\n    value: hunter2hunter2\n'),
      errors: [{ messageId: 'env', line: 19, column: 22, endLine: 19, endColumn: 36 }],
      output: deployment('image: nginx:1.27\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: app-secrets\n        key: DB_PASSWORD\n'),
    },
    {
      name: 'secret-shaped value under an innocent name',
      code: deployment('image: nginx:1.27\nenv:\n  - { name: DATABASE_URL, value: "postgres://app:s3cr3tpw@db:5432/app" }\n'),
      errors: [{ messageId: 'env', line: 18, column: 44, endLine: 18, endColumn: 81 }],
    },
    {
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: hunter2hunter2\n',
      errors: [{ messageId: 'secretObject', line: 6, column: 1, endLine: 6, endColumn: 11 }],
      output: null,
    },
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  api_key: 9f8e7d6c5b4a39281706\n',
      errors: [{ messageId: 'configMap', line: 6, column: 3, endLine: 6, endColumn: 10 }],
    },
  ],
});
