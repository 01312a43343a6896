import { defineRule } from '../../define-rule';
import type { DfInstruction, DockerfileModel } from '../../documents/dockerfile';
import { splitCommands, commandWords, runCommands, shellOf, type ShellCommand } from '../../documents/shell';
import { deleteInstruction } from '../../fixes/dockerfile';
import type { Fix } from '../../types';

/** Dependency installers and the manifest + lock files they read. */
const INSTALLERS: { test: (w: string[]) => boolean; manifests: string[] }[] = [
  { test: (w) => w[0] === 'npm' && /^(?:ci|install|i)$/.test(w[1] ?? '') && !w.slice(2).some((a) => !a.startsWith('-')), manifests: ['package.json', 'package-lock.json*'] },
  { test: (w) => w[0] === 'yarn' && (w.length === 1 || w[1] === 'install'), manifests: ['package.json', 'yarn.lock'] },
  { test: (w) => w[0] === 'pnpm' && /^(?:install|i)$/.test(w[1] ?? ''), manifests: ['package.json', 'pnpm-lock.yaml'] },
  { test: (w) => /^pip3?$/.test(w[0]) && w[1] === 'install' && w.includes('-r'), manifests: [] },
  { test: (w) => w[0] === 'poetry' && w[1] === 'install', manifests: ['pyproject.toml', 'poetry.lock'] },
  { test: (w) => w[0] === 'uv' && w[1] === 'sync', manifests: ['pyproject.toml', 'uv.lock'] },
  { test: (w) => w[0] === 'bundle' && (w.length === 1 || w[1] === 'install'), manifests: ['Gemfile', 'Gemfile.lock'] },
  { test: (w) => w[0] === 'go' && w[1] === 'mod' && w[2] === 'download', manifests: ['go.mod', 'go.sum'] },
  { test: (w) => w[0] === 'composer' && w[1] === 'install', manifests: ['composer.json', 'composer.lock'] },
  { test: (w) => w[0] === 'cargo' && w[1] === 'fetch', manifests: ['Cargo.toml', 'Cargo.lock'] },
];

/** Instructions that do not affect what a later RUN sees. */
const NEUTRAL = new Set(['LABEL', 'EXPOSE', 'STOPSIGNAL', 'HEALTHCHECK', 'MAINTAINER', 'CMD', 'ENTRYPOINT']);

export default defineRule({
  id: 'dockerfile/copy-manifests-before-source',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Dependency manifests are copied and installed before the source, so the install layer is cached',
  sources: ['brief'],
  messages: {
    sourceFirst: '"{{copy}}" copies the whole source before "{{install}}": every source change invalidates the dependency layer. Copy {{manifests}} first, install, then copy the source.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      let broad: DfInstruction | undefined;
      for (const ins of stage.instructions) {
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !broad && isBroadCopy(ins)) broad = ins;
        if (ins.keyword !== 'RUN' || !broad || !ins.argsRange || ins.jsonForm) continue;
        const commands = commandsOf(doc, ins);
        let found: { c: ShellCommand; inst: (typeof INSTALLERS)[number] } | undefined;
        for (const c of commands) {
          const inst = installerOf(c);
          if (inst) {
            found = { c, inst };
            break;
          }
        }
        if (!found) continue;
        const manifests = found.inst!.manifests.length ? found.inst!.manifests : requirementFiles(found.c);
        const installText = file.text.slice(found.c.range.start, found.c.range.end);
        const fixes: Fix[] = [];
        // Only a RUN that does nothing but install can move before the source safely.
        const onlyInstall = commands.every((c) => installerOf(c) || isSetup(c));
        // Moving the RUN above WORKDIR, USER, ENV, ARG, SHELL, VOLUME or another RUN/COPY would
        // change what it sees (directory, user, variables, files it needs such as .npmrc).
        const between = stage.instructions.slice(stage.instructions.indexOf(broad) + 1, stage.instructions.indexOf(ins));
        const movable = between.every((i) => NEUTRAL.has(i.keyword));
        const dest = broad.args[broad.args.length - 1].value;
        if (onlyInstall && movable && manifests.length && !manifests.some((m) => m.includes('/'))) {
          const destDir = dest === '.' ? './' : dest.endsWith('/') ? dest : `${dest}/`;
          const lineStart = file.lines.lineStart(file.lines.positionAt(broad.range.start).line);
          const eol = file.lines.eol();
          const runText = file.text.slice(file.lines.lineStart(file.lines.positionAt(ins.range.start).line), ins.range.end);
          // Keep ownership and mode of the broad COPY, so an install running as a non-root USER can write.
          const flags = broad.flags.filter((f) => f.name === 'chown' || f.name === 'chmod').map((f) => `${file.text.slice(f.range.start, f.range.end)} `).join('');
          fixes.push({
            title: `Copy ${manifests.join(' ')} and install before copying the source`,
            edits: [
              { range: { start: lineStart, end: lineStart }, text: `COPY ${flags}${manifests.join(' ')} ${destDir}${eol}${runText}${eol}` },
              deleteInstruction(file, ins),
            ],
          });
        }
        ctx.report({
          range: broad.range,
          messageId: 'sourceFirst',
          data: { copy: file.text.slice(broad.range.start, broad.range.end).split(/\r?\n/)[0], install: installText, manifests: manifests.join(', ') || 'the dependency manifests' },
          fixes,
        });
        break;
      }
    }
  },
});

function isBroadCopy(ins: DfInstruction): boolean {
  if (ins.flags.some((f) => f.name === 'from')) return false;
  const sources = ins.args.filter((a) => !a.value.startsWith('--')).slice(0, -1);
  return sources.some((a) => a.value === '.' || a.value === './' || a.value === '*' || a.value === './*');
}

/**
 * The RUN's commands as the rule has always split them (default escape character, whatever the
 * shell): the shared, cached split of the RUN when that is the same text split the same way.
 */
function commandsOf(doc: DockerfileModel, ins: DfInstruction): ShellCommand[] {
  if (doc.escapeChar === '\\' && shellOf(doc, ins).kind === 'posix') return runCommands(doc, ins);
  return splitCommands(ins.argsText, ins.argsRange!.start);
}

/** The first words INSTALLERS and isSetup look for (a command starting otherwise matches none). */
const INSTALLER_NAMES = new Set(['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'poetry', 'uv', 'bundle', 'go', 'composer', 'cargo']);

/** The command's words, for a command that starts with one of INSTALLER_NAMES only. */
function installerWords(c: ShellCommand): string[] | undefined {
  const words = commandWords(c);
  return words.length && INSTALLER_NAMES.has(words[0].value) ? words.map((x) => x.value) : undefined;
}

function installerOf(c: ShellCommand) {
  const w = installerWords(c);
  return w && INSTALLERS.find((i) => i.test(w));
}

function isSetup(c: ShellCommand): boolean {
  const w = installerWords(c);
  if (!w) return false;
  return /^(?:npm|yarn|pnpm|pip3?|poetry|uv)$/.test(w[0] ?? '') && /^(?:cache|config|set|--version|-v)$/.test(w[1] ?? '');
}

function requirementFiles(c: ShellCommand): string[] {
  const w = commandWords(c).map((x) => x.value);
  const out: string[] = [];
  w.forEach((x, i) => {
    if ((x === '-r' || x === '--requirement') && w[i + 1]) out.push(w[i + 1]);
  });
  return out;
}
