// Best-practice blocks offered as completion items: whole, ready-to-ship YAML sub-trees with tab
// stops. Each is written at column 0 with two-space steps and re-indented where it is inserted.
import type { CompletionItem } from './types';
import type { Range } from '../types';

export interface Block {
  /** The key the block starts with (hidden when the mapping already has it). */
  key: string;
  label: string;
  detail: string;
  /** Snippet text at column 0. */
  body: string;
}

export const K8S_CONTAINER_BLOCKS: Block[] = [
  {
    key: 'resources',
    label: 'resources (requests and limits)',
    detail: 'CPU, memory and ephemeral-storage requests and limits',
    body: `resources:
  requests:
    cpu: \${1:100m}
    memory: \${2:128Mi}
    ephemeral-storage: \${3:256Mi}
  limits:
    cpu: \${4:500m}
    memory: \${5:256Mi}
    ephemeral-storage: \${6:1Gi}`,
  },
  {
    key: 'securityContext',
    label: 'securityContext (restricted)',
    detail: 'non-root, read-only root filesystem, no privilege escalation, all capabilities dropped',
    body: `securityContext:
  runAsNonRoot: true
  runAsUser: \${1:10001}
  runAsGroup: \${2:10001}
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: [ALL]
  seccompProfile:
    type: RuntimeDefault`,
  },
  {
    key: 'readinessProbe',
    label: 'readinessProbe (HTTP /ready)',
    detail: 'take the pod out of the Service while it cannot serve',
    body: `readinessProbe:
  httpGet:
    path: \${1:/ready}
    port: \${2:http}
  initialDelaySeconds: 5
  periodSeconds: 10
  timeoutSeconds: 2
  failureThreshold: 3`,
  },
  {
    key: 'livenessProbe',
    label: 'livenessProbe (HTTP /health)',
    detail: 'restart the container when it hangs; a different endpoint than readiness',
    body: `livenessProbe:
  httpGet:
    path: \${1:/health}
    port: \${2:http}
  initialDelaySeconds: 10
  periodSeconds: 20
  timeoutSeconds: 2
  failureThreshold: 3`,
  },
];

export const K8S_POD_BLOCKS: Block[] = [
  {
    key: 'topologySpreadConstraints',
    label: 'topologySpreadConstraints (zones and nodes)',
    detail: 'spread replicas across zones and nodes',
    body: `topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        app.kubernetes.io/name: \${1:app}
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        app.kubernetes.io/name: \${1:app}`,
  },
  {
    key: 'securityContext',
    label: 'securityContext (pod, restricted)',
    detail: 'non-root pod with the RuntimeDefault seccomp profile',
    body: `securityContext:
  runAsNonRoot: true
  runAsUser: \${1:10001}
  runAsGroup: \${2:10001}
  fsGroup: \${3:10001}
  seccompProfile:
    type: RuntimeDefault`,
  },
];

export const COMPOSE_SERVICE_BLOCKS: Block[] = [
  {
    key: 'healthcheck',
    label: 'healthcheck (HTTP)',
    detail: 'Compose marks the container healthy only when the check passes',
    body: `healthcheck:
  test: ["CMD", "wget", "-qO-", "http://127.0.0.1:\${1:8080}\${2:/health}"]
  interval: 30s
  timeout: 5s
  retries: 3
  start_period: 10s`,
  },
  {
    key: 'deploy',
    label: 'deploy.resources (limits and reservations)',
    detail: 'CPU and memory limits and reservations',
    body: `deploy:
  resources:
    limits:
      cpus: "\${1:0.50}"
      memory: \${2:256M}
    reservations:
      cpus: "\${3:0.25}"
      memory: \${4:128M}`,
  },
];

export const COMPOSE_DEPLOY_BLOCKS: Block[] = [
  {
    key: 'resources',
    label: 'resources (limits and reservations)',
    detail: 'CPU and memory limits and reservations',
    body: `resources:
  limits:
    cpus: "\${1:0.50}"
    memory: \${2:256M}
  reservations:
    cpus: "\${3:0.25}"
    memory: \${4:128M}`,
  },
];

/** Indent every line after the first by `column` spaces. */
export function indentBody(body: string, column: number): string {
  const pad = ' '.repeat(column);
  return body.replace(/\n/g, `\n${pad}`);
}

/** Completion items for the blocks whose key the mapping does not have yet. */
export function blockItems(blocks: Block[], siblings: Set<string>, column: number, range: Range): CompletionItem[] {
  return blocks
    .filter((b) => !siblings.has(b.key))
    .map((b) => ({
      label: b.label,
      kind: 'snippet' as const,
      detail: b.detail,
      documentation: '```yaml\n' + b.body.replace(/\$\{\d+:([^}]*)\}/g, '$1') + '\n```',
      insertText: indentBody(b.body, column),
      snippet: true,
      range,
      filterText: b.key,
      sortText: `0_${b.key}`,
    }));
}
