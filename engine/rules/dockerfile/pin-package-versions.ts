import { defineRule } from '../../define-rule';
import { hasOption, packageCommands, type PackageCommand, type ShellWord } from '../../documents/shell';

/** Arguments that are not registry package names: variables, paths, URLs, archives, VCS specs. */
const NOT_A_NAME = /\$|^(?:\.{0,2}\/|~\/|[a-z+]+:\/\/|git\+|git@|file:)|\.(?:deb|apk|rpm|whl|tar\.gz|tgz|zip|gem)$/i;

/** Pins per manager (compiled once: they run per package argument). */
const APT_PIN = /[=/]/;
const APK_PIN = /[=~<>]/;
const RPM_PIN = /-\d|[=<>]/;
const ZYPPER_PIN = /[=<>]/;

/** Is a package argument pinned for this manager? undefined = not a package (skip). */
function pinned(pc: PackageCommand, w: ShellWord): boolean | undefined {
  const v = w.value;
  if (v === '' || NOT_A_NAME.test(v) || v === '.' || v === '..') return undefined;
  switch (pc.manager) {
    case 'apt-get':
    case 'apt':
      return APT_PIN.test(v);
    case 'apk':
      return APK_PIN.test(v);
    case 'pip':
      return /(?:==|~=|>=|<=|===|[<>]|\s@\s|@)/.test(v);
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return v.indexOf('@', 1) > 0;
    case 'gem':
      return hasOption(pc, 'v', ['--version']) || /:\S/.test(v);
    case 'go':
      return /@(?!latest$)./.test(v);
    case 'yum':
    case 'dnf':
    case 'microdnf':
      if (v.startsWith('@')) return undefined;
      return RPM_PIN.test(v);
    case 'zypper':
      return ZYPPER_PIN.test(v);
  }
}

const INSTALL: Partial<Record<PackageCommand['manager'], RegExp>> = {
  'apt-get': /^install$/,
  apt: /^install$/,
  apk: /^add$/,
  pip: /^install$/,
  npm: /^(?:install|i|add)$/,
  yarn: /^add$/,
  pnpm: /^(?:add|install|i)$/,
  gem: /^install$/,
  go: /^(?:install|get)$/,
  yum: /^install$/,
  dnf: /^install$/,
  microdnf: /^install$/,
  zypper: /^(?:install|in)$/,
};

const HOW: Record<string, string> = {
  'apt-get': 'name=version', apt: 'name=version', apk: 'name=version (or name~major.minor)', pip: 'name==version', npm: 'name@version', yarn: 'name@version',
  pnpm: 'name@version', gem: 'name:version or -v version', go: 'path@version', yum: 'name-version', dnf: 'name-version', microdnf: 'name-version', zypper: 'name=version',
};

export default defineRule({
  id: 'dockerfile/pin-package-versions',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  preset: 'strict',
  summary: 'Packages installed in RUN are pinned to versions (apt, apk, pip, npm, gem, go, yum, dnf, zypper)',
  sources: ['hadolint DL3008', 'hadolint DL3013', 'hadolint DL3016', 'hadolint DL3018', 'hadolint DL3028', 'hadolint DL3033', 'hadolint DL3037', 'hadolint DL3041', 'hadolint DL3062'],
  messages: {
    unpinned: '{{manager}} installs "{{pkg}}" without a version: rebuilds may get a different one. Pin it ({{how}}).',
  },
  fixable: false,
  check(ctx) {
    for (const { pc } of packageCommands(ctx.doc)) {
      const re = INSTALL[pc.manager];
      if (!pc.action || !re || !re.test(pc.action)) continue;
      // npm install without package names installs the lockfile; yarn/pnpm install too.
      if ((pc.manager === 'npm' || pc.manager === 'pnpm') && pc.args.length === 0) continue;
      if (pc.manager === 'go' && pc.args.length === 0) continue;
      for (const w of pc.args) {
        if (pinned(pc, w) !== false) continue;
        ctx.report({ range: w.range, messageId: 'unpinned', data: { manager: pc.manager, pkg: w.value, how: HOW[pc.manager] } });
      }
    }
  },
});
