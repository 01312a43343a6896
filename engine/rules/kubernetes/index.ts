import type { Rule } from '../../define-rule';
import dropCapabilities from './drop-capabilities';
import ephemeralStorage from './ephemeral-storage';
import hpaMinMax from './hpa-min-max';
import hpaNoStaticReplicas from './hpa-no-static-replicas';
import hpaTargetExists from './hpa-target-exists';
import imageDigest from './image-digest';
import ingressTargetsService from './ingress-targets-service';
import ingressTls from './ingress-tls';
import livenessProbe from './liveness-probe';
import networkPolicyCoverage from './network-policy-coverage';
import networkPolicyDefaultDeny from './network-policy-default-deny';
import networkPolicyTargetsPods from './network-policy-targets-pods';
import noHostNamespaces from './no-host-namespaces';
import noHostPort from './no-host-port';
import noLatestTag from './no-latest-tag';
import noPrivilegeEscalation from './no-privilege-escalation';
import noPrivileged from './no-privileged';
import noSensitiveHostMounts from './no-sensitive-host-mounts';
import noUnsafeKernelSettings from './no-unsafe-kernel-settings';
import pdbAllowsDisruption from './pdb-allows-disruption';
import pdbExists from './pdb-exists';
import pdbUnhealthyEvictionPolicy from './pdb-unhealthy-eviction-policy';
import probePortExists from './probe-port-exists';
import probesDistinct from './probes-distinct';
import readOnlyRootFs from './read-only-root-fs';
import readinessProbe from './readiness-probe';
import requestsWithinLimits from './requests-within-limits';
import resourcesRequestsLimits from './resources-requests-limits';
import runAsNonRoot from './run-as-non-root';
import seccompProfile from './seccomp-profile';
import selectorMatchesTemplate from './selector-matches-template';
import serviceAccount from './service-account';
import serviceTargetsPods from './service-targets-pods';
import statefulsetServiceName from './statefulset-service-name';

/** The kubernetes/* rules. Keep imports and entries sorted by id. */
export const kubernetesRules: readonly Rule[] = [
  dropCapabilities,
  ephemeralStorage,
  hpaMinMax,
  hpaNoStaticReplicas,
  hpaTargetExists,
  imageDigest,
  ingressTargetsService,
  ingressTls,
  livenessProbe,
  networkPolicyCoverage,
  networkPolicyDefaultDeny,
  networkPolicyTargetsPods,
  noHostNamespaces,
  noHostPort,
  noLatestTag,
  noPrivilegeEscalation,
  noPrivileged,
  noSensitiveHostMounts,
  noUnsafeKernelSettings,
  pdbAllowsDisruption,
  pdbExists,
  pdbUnhealthyEvictionPolicy,
  probePortExists,
  probesDistinct,
  readOnlyRootFs,
  readinessProbe,
  requestsWithinLimits,
  resourcesRequestsLimits,
  runAsNonRoot,
  seccompProfile,
  selectorMatchesTemplate,
  serviceAccount,
  serviceTargetsPods,
  statefulsetServiceName,
];
