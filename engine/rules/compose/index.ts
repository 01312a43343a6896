import type { Rule } from '../../define-rule';
import containerNameFormat from './container-name-format';
import dependsOnHealthy from './depends-on-healthy';
import healthcheck from './healthcheck';
import noBuildAndImage from './no-build-and-image';
import noDuplicateContainerNames from './no-duplicate-container-names';
import noDuplicatePorts from './no-duplicate-ports';
import noHardcodedSecrets from './no-hardcoded-secrets';
import noLatestTag from './no-latest-tag';
import noNewPrivileges from './no-new-privileges';
import noPrivileged from './no-privileged';
import noQuotedVolumes from './no-quoted-volumes';
import noUnboundPorts from './no-unbound-ports';
import noVersionField from './no-version-field';
import nonRootUser from './non-root-user';
import ordering from './ordering';
import projectName from './project-name';
import quotePorts from './quote-ports';
import readOnlyFs from './read-only-fs';
import resourceLimits from './resource-limits';
import restartPolicy from './restart-policy';
import schema from './schema';

/** The compose/* rules. Keep imports and entries sorted by id. */
export const composeRules: readonly Rule[] = [
  containerNameFormat,
  dependsOnHealthy,
  healthcheck,
  noBuildAndImage,
  noDuplicateContainerNames,
  noDuplicatePorts,
  noHardcodedSecrets,
  noLatestTag,
  noNewPrivileges,
  noPrivileged,
  noQuotedVolumes,
  noUnboundPorts,
  noVersionField,
  nonRootUser,
  ordering,
  projectName,
  quotePorts,
  readOnlyFs,
  resourceLimits,
  restartPolicy,
  schema,
];
