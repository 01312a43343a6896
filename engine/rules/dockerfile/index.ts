import type { Rule } from '../../define-rule';
import addRemoteChecksum from './add-remote-checksum';
import aptNoInstallRecommends from './apt-no-install-recommends';
import consolidateRun from './consolidate-run';
import copyDestNeedsWorkdir from './copy-dest-needs-workdir';
import copyFromValidStage from './copy-from-valid-stage';
import copyManifestsBeforeSource from './copy-manifests-before-source';
import copyMultiSourceSlash from './copy-multi-source-slash';
import envKeyValueFormat from './env-key-value-format';
import exposeValid from './expose-valid';
import healthcheckMissing from './healthcheck-missing';
import instructionCasing from './instruction-casing';
import jsonFormCmd from './json-form-cmd';
import noChpasswd from './no-chpasswd';
import noCopyWholeStageFs from './no-copy-whole-stage-fs';
import noCurlPipeShell from './no-curl-pipe-shell';
import noDistUpgrade from './no-dist-upgrade';
import noEmptyContinuation from './no-empty-continuation';
import noLatestTag from './no-latest-tag';
import noMaintainer from './no-maintainer';
import noPointlessCommands from './no-pointless-commands';
import noRootUser from './no-root-user';
import noSecretFilesCopied from './no-secret-files-copied';
import noSecretsInArgEnv from './no-secrets-in-arg-env';
import noSshPort from './no-ssh-port';
import noSudo from './no-sudo';
import noSystemWorkdir from './no-system-workdir';
import noTlsVerifyDisabled from './no-tls-verify-disabled';
import noUnsignedPackages from './no-unsigned-packages';
import nonInteractiveInstall from './non-interactive-install';
import numericUser from './numeric-user';
import ociLabels from './oci-labels';
import packageCacheCleanup from './package-cache-cleanup';
import pinBaseImageDigest from './pin-base-image-digest';
import pinPackageVersions from './pin-package-versions';
import pipefail from './pipefail';
import platformFlag from './platform-flag';
import preferCacheMount from './prefer-cache-mount';
import preferCopyOverAdd from './prefer-copy-over-add';
import preferMultiStage from './prefer-multi-stage';
import shellInstruction from './shell-instruction';
import shellcheck from './shellcheck';
import singleCmdEntrypointHealthcheck from './single-cmd-entrypoint-healthcheck';
import singleDownloadTool from './single-download-tool';
import stageNameStyle from './stage-name-style';
import stageNameUnique from './stage-name-unique';
import syntax from './syntax';
import trustedRegistries from './trusted-registries';
import undefinedVariable from './undefined-variable';
import updateWithInstall from './update-with-install';
import useAptGet from './use-apt-get';
import useWorkdirNotCd from './use-workdir-not-cd';
import useraddNoLogInit from './useradd-no-log-init';
import workdirAbsolute from './workdir-absolute';

/** The dockerfile/* rules. Keep imports and entries sorted by id. */
export const dockerfileRules: readonly Rule[] = [
  addRemoteChecksum,
  aptNoInstallRecommends,
  consolidateRun,
  copyDestNeedsWorkdir,
  copyFromValidStage,
  copyManifestsBeforeSource,
  copyMultiSourceSlash,
  envKeyValueFormat,
  exposeValid,
  healthcheckMissing,
  instructionCasing,
  jsonFormCmd,
  noChpasswd,
  noCopyWholeStageFs,
  noCurlPipeShell,
  noDistUpgrade,
  noEmptyContinuation,
  noLatestTag,
  noMaintainer,
  noPointlessCommands,
  noRootUser,
  noSecretFilesCopied,
  noSecretsInArgEnv,
  noSshPort,
  noSudo,
  noSystemWorkdir,
  noTlsVerifyDisabled,
  noUnsignedPackages,
  nonInteractiveInstall,
  numericUser,
  ociLabels,
  packageCacheCleanup,
  pinBaseImageDigest,
  pinPackageVersions,
  pipefail,
  platformFlag,
  preferCacheMount,
  preferCopyOverAdd,
  preferMultiStage,
  shellInstruction,
  shellcheck,
  singleCmdEntrypointHealthcheck,
  singleDownloadTool,
  stageNameStyle,
  stageNameUnique,
  syntax,
  trustedRegistries,
  undefinedVariable,
  updateWithInstall,
  useAptGet,
  useWorkdirNotCd,
  useraddNoLogInit,
  workdirAbsolute,
];
