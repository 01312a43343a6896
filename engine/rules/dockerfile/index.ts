import type { Rule } from '../../define-rule';
import copyManifestsBeforeSource from './copy-manifests-before-source';
import healthcheckMissing from './healthcheck-missing';
import jsonFormCmd from './json-form-cmd';
import noLatestTag from './no-latest-tag';
import noRootUser from './no-root-user';
import noSecretsInArgEnv from './no-secrets-in-arg-env';
import preferMultiStage from './prefer-multi-stage';

/** The dockerfile/* rules. Keep imports and entries sorted by id. */
export const dockerfileRules: readonly Rule[] = [
  copyManifestsBeforeSource,
  healthcheckMissing,
  jsonFormCmd,
  noLatestTag,
  noRootUser,
  noSecretsInArgEnv,
  preferMultiStage,
];
