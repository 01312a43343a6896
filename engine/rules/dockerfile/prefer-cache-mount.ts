import { defineRule } from '../../define-rule';
import { commandWords, hasCacheMount, hasOption, packageCommand, runs, type ShellCommand } from '../../documents/shell';
import type { Fix } from '../../types';

/** Build tools whose downloads a cache mount keeps between builds, and where they keep them (as root). */
function cacheTargets(cmd: ShellCommand): { tool: string; targets: string[] } | undefined {
  const pc = packageCommand(cmd);
  if (pc?.action) {
    if (pc.manager === 'npm' && /^(?:ci|install|i)$/.test(pc.action)) return { tool: 'npm', targets: ['/root/.npm'] };
    if (pc.manager === 'yarn' && /^(?:install|add)$/.test(pc.action)) return { tool: 'yarn', targets: ['/usr/local/share/.cache/yarn'] };
    if (pc.manager === 'pnpm' && /^(?:install|i|add)$/.test(pc.action)) return { tool: 'pnpm', targets: ['/root/.local/share/pnpm/store'] };
    if (pc.manager === 'pip' && pc.action === 'install' && pc.words[0].value !== 'uv' && !hasOption(pc, '', ['--no-cache-dir'])) return { tool: 'pip', targets: ['/root/.cache/pip'] };
    if (pc.manager === 'go' && (pc.action === 'build' || (pc.action === 'mod' && pc.args[0]?.value === 'download'))) return { tool: 'go', targets: ['/go/pkg/mod', '/root/.cache/go-build'] };
  }
  const words = commandWords(cmd);
  const first = words[0]?.value;
  // (the replace only matters for a path; most command names have no slash)
  const name = first === undefined || !first.includes('/') ? first : first.replace(/^.*\//, '');
  if (name !== 'cargo' && name !== 'mvn' && name !== 'mvnw' && name !== 'gradle' && name !== 'gradlew') return undefined;
  const w = words.map((x) => x.value);
  if (name === 'cargo' && /^(?:build|fetch|install)$/.test(w[1] ?? '')) return { tool: 'cargo', targets: ['/usr/local/cargo/registry'] };
  if ((name === 'mvn' || name === 'mvnw') && w.slice(1).some((x) => /^(?:package|install|verify|dependency:[\w-]+)$/.test(x))) return { tool: 'maven', targets: ['/root/.m2'] };
  if ((name === 'gradle' || name === 'gradlew') && w.slice(1).some((x) => /^(?:build|assemble|bootJar|shadowJar|installDist|dependencies)$/.test(x))) return { tool: 'gradle', targets: ['/root/.gradle'] };
  return undefined;
}

export default defineRule({
  id: 'dockerfile/prefer-cache-mount',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'hint',
  summary: 'Dependency downloads use a BuildKit cache mount, so rebuilds do not fetch everything again',
  sources: ['brief', 'beyond'],
  messages: {
    cacheMount: '{{tool}} downloads everything again whenever this layer is rebuilt: RUN --mount=type=cache,target={{target}} keeps the download cache between builds without putting it in the image.',
  },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    for (const { ins, commands } of runs(doc)) {
      if (hasCacheMount(ins)) continue;
      for (const cmd of commands) {
        if (cmd.nested === 'substitution') continue;
        const found = cacheTargets(cmd);
        if (!found) continue;
        const removesCache = commands.some((c) => /^(?:npm cache clean|yarn cache clean|pnpm store prune)/.test(commandWords(c).map((w) => w.value).join(' ')));
        if (removesCache) break;
        // (the USER in effect, read only for a RUN that is reported)
        const users = ins.stage!.instructions.filter((i) => i.keyword === 'USER' && i.range.start < ins.range.start);
        const asRoot = users.length === 0 || /^(?:root|0)(?::.*)?$/.test(users[users.length - 1].args[0]?.value ?? '');
        const at = Math.min(ins.flags[0]?.range.start ?? Infinity, ins.argsRange!.start);
        const mounts = found.targets.map((t) => `--mount=type=cache,target=${t}`).join(' ');
        const fixes: Fix[] = asRoot ? [{ title: `Add ${mounts}`, edits: [{ range: { start: at, end: at }, text: `${mounts} ` }] }] : [];
        const words = commandWords(cmd);
        ctx.report({ range: { start: words[0].range.start, end: (words[1] ?? words[0]).range.end }, messageId: 'cacheMount', data: { tool: found.tool, target: found.targets.join(' and ') }, fixes });
        break;
      }
    }
  },
});
