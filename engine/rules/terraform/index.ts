import type { Rule } from '../../define-rule';
import databaseBackups from './database-backups';
import deprecatedInterpolation from './deprecated-interpolation';
import encryptionAtRest from './encryption-at-rest';
import namingConvention from './naming-convention';
import noHardcodedSecrets from './no-hardcoded-secrets';
import noHardcodedValues from './no-hardcoded-values';
import noPublicAdminIngress from './no-public-admin-ingress';
import noPublicBuckets from './no-public-buckets';
import pinModuleVersions from './pin-module-versions';
import pinProviderVersions from './pin-provider-versions';
import remoteBackend from './remote-backend';
import requiredTags from './required-tags';
import requiredVersion from './required-version';
import sensitiveOutputs from './sensitive-outputs';
import stateLocking from './state-locking';
import syntax from './syntax';
import unusedDeclarations from './unused-declarations';
import useModules from './use-modules';
import variablesTypedDocumented from './variables-typed-documented';

/** Catalog §8.6, sorted by id. */
export const terraformRules: readonly Rule[] = [
  databaseBackups,
  deprecatedInterpolation,
  encryptionAtRest,
  namingConvention,
  noHardcodedSecrets,
  noHardcodedValues,
  noPublicAdminIngress,
  noPublicBuckets,
  pinModuleVersions,
  pinProviderVersions,
  remoteBackend,
  requiredTags,
  requiredVersion,
  sensitiveOutputs,
  stateLocking,
  syntax,
  unusedDeclarations,
  useModules,
  variablesTypedDocumented,
];
