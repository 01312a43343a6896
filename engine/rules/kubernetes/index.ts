import type { Rule } from '../../define-rule';
import deprecatedApi from './deprecated-api';
import dropCapabilities from './drop-capabilities';
import ephemeralStorage from './ephemeral-storage';
import explicitNamespace from './explicit-namespace';
import hpaMinMax from './hpa-min-max';
import hpaNoStaticReplicas from './hpa-no-static-replicas';
import hpaTargetExists from './hpa-target-exists';
import imageDigest from './image-digest';
import imagePullPolicy from './image-pull-policy';
import ingressTargetsService from './ingress-targets-service';
import ingressTls from './ingress-tls';
import jobHygiene from './job-hygiene';
import livenessProbe from './liveness-probe';
import networkPolicyCoverage from './network-policy-coverage';
import networkPolicyDefaultDeny from './network-policy-default-deny';
import networkPolicyTargetsPods from './network-policy-targets-pods';
import noDuplicateEnv from './no-duplicate-env';
import noHostNamespaces from './no-host-namespaces';
import noHostPort from './no-host-port';
import noLatestTag from './no-latest-tag';
import noNodeport from './no-nodeport';
import noPrivilegeEscalation from './no-privilege-escalation';
import noPrivileged from './no-privileged';
import noSecretsInManifests from './no-secrets-in-manifests';
import noSensitiveHostMounts from './no-sensitive-host-mounts';
import noSshPort from './no-ssh-port';
import noUnsafeKernelSettings from './no-unsafe-kernel-settings';
import pdbAllowsDisruption from './pdb-allows-disruption';
import pdbExists from './pdb-exists';
import pdbUnhealthyEvictionPolicy from './pdb-unhealthy-eviction-policy';
import priorityClass from './priority-class';
import probePortExists from './probe-port-exists';
import probesDistinct from './probes-distinct';
import rbacLeastPrivilege from './rbac-least-privilege';
import readOnlyRootFs from './read-only-root-fs';
import readinessProbe from './readiness-probe';
import recommendedLabels from './recommended-labels';
import replicasMin from './replicas-min';
import requestsWithinLimits from './requests-within-limits';
import resourcesRequestsLimits from './resources-requests-limits';
import rollingUpdate from './rolling-update';
import runAsNonRoot from './run-as-non-root';
import schema from './schema';
import seccompProfile from './seccomp-profile';
import secretsAsFiles from './secrets-as-files';
import selectorMatchesTemplate from './selector-matches-template';
import serviceAccount from './service-account';
import serviceTargetsPods from './service-targets-pods';
import spreadReplicas from './spread-replicas';
import statefulsetServiceName from './statefulset-service-name';

/** The kubernetes/* rules. Keep imports and entries sorted by id. */
export const kubernetesRules: readonly Rule[] = [
  deprecatedApi,
  dropCapabilities,
  ephemeralStorage,
  explicitNamespace,
  hpaMinMax,
  hpaNoStaticReplicas,
  hpaTargetExists,
  imageDigest,
  imagePullPolicy,
  ingressTargetsService,
  ingressTls,
  jobHygiene,
  livenessProbe,
  networkPolicyCoverage,
  networkPolicyDefaultDeny,
  networkPolicyTargetsPods,
  noDuplicateEnv,
  noHostNamespaces,
  noHostPort,
  noLatestTag,
  noNodeport,
  noPrivilegeEscalation,
  noPrivileged,
  noSecretsInManifests,
  noSensitiveHostMounts,
  noSshPort,
  noUnsafeKernelSettings,
  pdbAllowsDisruption,
  pdbExists,
  pdbUnhealthyEvictionPolicy,
  priorityClass,
  probePortExists,
  probesDistinct,
  rbacLeastPrivilege,
  readOnlyRootFs,
  readinessProbe,
  recommendedLabels,
  replicasMin,
  requestsWithinLimits,
  resourcesRequestsLimits,
  rollingUpdate,
  runAsNonRoot,
  schema,
  seccompProfile,
  secretsAsFiles,
  selectorMatchesTemplate,
  serviceAccount,
  serviceTargetsPods,
  spreadReplicas,
  statefulsetServiceName,
];
