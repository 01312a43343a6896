import type { Rule } from '../../define-rule';
import actionInputs from './action-inputs';
import blockScalarChomping from './block-scalar-chomping';
import buildOnceDeployMany from './build-once-deploy-many';
import cacheDependencies from './cache-dependencies';
import concurrency from './concurrency';
import containerImagePinned from './container-image-pinned';
import dangerousTriggers from './dangerous-triggers';
import deprecatedCommands from './deprecated-commands';
import envVarNames from './env-var-names';
import explicitPermissions from './explicit-permissions';
import expression from './expression';
import formatString from './format-string';
import githubEnvInjection from './github-env-injection';
import ids from './ids';
import jobNeeds from './job-needs';
import jobTimeout from './job-timeout';
import matrix from './matrix';
import noCacheInRelease from './no-cache-in-release';
import noHardcodedSecrets from './no-hardcoded-secrets';
import outdatedOrVulnerableAction from './outdated-or-vulnerable-action';
import pedantic from './pedantic';
import persistCredentials from './persist-credentials';
import pinActions from './pin-actions';
import pinRefConsistency from './pin-ref-consistency';
import pipelineOrder from './pipeline-order';
import postDeployVerification from './post-deploy-verification';
import prodDeployEnvironment from './prod-deploy-environment';
import reusableWorkflowContract from './reusable-workflow-contract';
import rollbackPath from './rollback-path';
import runnerLabels from './runner-labels';
import schema from './schema';
import scriptInjection from './script-injection';
import secretsScope from './secrets-scope';
import securityScan from './security-scan';
import selfRepositoryRef from './self-repository-ref';
import shellName from './shell-name';
import shellcheck from './shellcheck';
import triggers from './triggers';
import trustedPublishing from './trusted-publishing';
import typosquat from './typosquat';
import unsoundConditions from './unsound-conditions';
import usesFormat from './uses-format';

/** The actions/* rules. Keep imports and entries sorted by id. */
export const actionsRules: readonly Rule[] = [
  actionInputs,
  blockScalarChomping,
  buildOnceDeployMany,
  cacheDependencies,
  concurrency,
  containerImagePinned,
  dangerousTriggers,
  deprecatedCommands,
  envVarNames,
  explicitPermissions,
  expression,
  formatString,
  githubEnvInjection,
  ids,
  jobNeeds,
  jobTimeout,
  matrix,
  noCacheInRelease,
  noHardcodedSecrets,
  outdatedOrVulnerableAction,
  pedantic,
  persistCredentials,
  pinActions,
  pinRefConsistency,
  pipelineOrder,
  postDeployVerification,
  prodDeployEnvironment,
  reusableWorkflowContract,
  rollbackPath,
  runnerLabels,
  schema,
  scriptInjection,
  secretsScope,
  securityScan,
  selfRepositoryRef,
  shellName,
  shellcheck,
  triggers,
  trustedPublishing,
  typosquat,
  unsoundConditions,
  usesFormat,
];
