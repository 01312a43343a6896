import type { Rule } from '../../define-rule';
import copyIgnoredFile from './copy-ignored-file';
import dependencyUpdateAutomation from './dependency-update-automation';
import deployedImageIsBuiltImage from './deployed-image-is-built-image';
import dockerignoreExcludesSensitive from './dockerignore-excludes-sensitive';
import dockerignorePresent from './dockerignore-present';
import envExample from './env-example';
import imageScanInCi from './image-scan-in-ci';
import k8sRefsResolve from './k8s-refs-resolve';
import portsConsistent from './ports-consistent';
import probeMatchesHealthcheck from './probe-matches-healthcheck';
import unusedOrBlanketSuppression from './unused-or-blanket-suppression';
import userConsistent from './user-consistent';

/** The workspace/* (cross-file) rules. Keep imports and entries sorted by id. */
export const workspaceRules: readonly Rule[] = [
  copyIgnoredFile,
  dependencyUpdateAutomation,
  deployedImageIsBuiltImage,
  dockerignoreExcludesSensitive,
  dockerignorePresent,
  envExample,
  imageScanInCi,
  k8sRefsResolve,
  portsConsistent,
  probeMatchesHealthcheck,
  unusedOrBlanketSuppression,
  userConsistent,
];
