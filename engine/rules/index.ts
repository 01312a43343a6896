import type { Rule } from '../define-rule';
import dockerfileCopyManifestsBeforeSource from './dockerfile/copy-manifests-before-source';
import dockerfileHealthcheckMissing from './dockerfile/healthcheck-missing';
import dockerfileJsonFormCmd from './dockerfile/json-form-cmd';
import dockerfileNoLatestTag from './dockerfile/no-latest-tag';
import dockerfileNoRootUser from './dockerfile/no-root-user';
import dockerfileNoSecretsInArgEnv from './dockerfile/no-secrets-in-arg-env';
import dockerfilePreferMultiStage from './dockerfile/prefer-multi-stage';

/** Every rule, sorted by id. A file under engine/rules/ that is not listed here fails the catalog test. */
export const rules: readonly Rule[] = [
  dockerfileCopyManifestsBeforeSource,
  dockerfileHealthcheckMissing,
  dockerfileJsonFormCmd,
  dockerfileNoLatestTag,
  dockerfileNoRootUser,
  dockerfileNoSecretsInArgEnv,
  dockerfilePreferMultiStage,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
