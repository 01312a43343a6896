import type { Rule } from '../../define-rule';
import dropCapabilities from './drop-capabilities';
import ephemeralStorage from './ephemeral-storage';
import imageDigest from './image-digest';
import livenessProbe from './liveness-probe';
import noHostNamespaces from './no-host-namespaces';
import noHostPort from './no-host-port';
import noLatestTag from './no-latest-tag';
import noPrivilegeEscalation from './no-privilege-escalation';
import noPrivileged from './no-privileged';
import noSensitiveHostMounts from './no-sensitive-host-mounts';
import noUnsafeKernelSettings from './no-unsafe-kernel-settings';
import probePortExists from './probe-port-exists';
import probesDistinct from './probes-distinct';
import readOnlyRootFs from './read-only-root-fs';
import readinessProbe from './readiness-probe';
import requestsWithinLimits from './requests-within-limits';
import resourcesRequestsLimits from './resources-requests-limits';
import runAsNonRoot from './run-as-non-root';
import seccompProfile from './seccomp-profile';

/** The kubernetes/* rules. Keep imports and entries sorted by id. */
export const kubernetesRules: readonly Rule[] = [
  dropCapabilities,
  ephemeralStorage,
  imageDigest,
  livenessProbe,
  noHostNamespaces,
  noHostPort,
  noLatestTag,
  noPrivilegeEscalation,
  noPrivileged,
  noSensitiveHostMounts,
  noUnsafeKernelSettings,
  probePortExists,
  probesDistinct,
  readOnlyRootFs,
  readinessProbe,
  requestsWithinLimits,
  resourcesRequestsLimits,
  runAsNonRoot,
  seccompProfile,
];
