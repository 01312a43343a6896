import { defineRule } from '../../define-rule';
import type { DfInstruction, DockerfileModel, Stage } from '../../documents/dockerfile';
import { commandName, commandWords, hasCacheMount, hasOption, packageCommands, type ShellCommand } from '../../documents/shell';
import type { SourceFile } from '../../documents/source';
import type { Fix } from '../../types';

export default defineRule({
  id: 'dockerfile/package-cache-cleanup',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'Package manager caches are not left in the shipped image (apt lists, apk/pip caches, yum/dnf/zypper/yarn caches)',
  sources: ['hadolint DL3009', 'hadolint DL3019', 'hadolint DL3032', 'hadolint DL3036', 'hadolint DL3040', 'hadolint DL3042', 'hadolint DL3060', 'Trivy DS-0015', 'Trivy DS-0019', 'Trivy DS-0020', 'Trivy DS-0025', 'Trivy DS-0027'],
  messages: {
    aptLists: 'apt package lists stay in this layer (tens of MB): end the same RUN with rm -rf /var/lib/apt/lists/*.',
    apkCache: 'apk add keeps its index cache in the layer: use apk add --no-cache.',
    pipCache: 'pip keeps its download cache in the layer: use pip install --no-cache-dir (or set PIP_NO_CACHE_DIR=1).',
    clean: '{{manager}} keeps its package cache in the layer: end the same RUN with {{cleanup}}.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    const shipped = doc.stages.filter((s) => doc.shippedStages.has(s));
    const pipEnv = new Set(shipped.filter((s) => envSet(s, 'PIP_NO_CACHE_DIR')));
    for (const { ins, pc, commands } of packageCommands(doc, shipped)) {
      const { manager, action, actionWord } = pc;
      if (!action || !actionWord) continue;
      const range = { start: pc.managerWord.range.start, end: actionWord.range.end };
      const removes = (re: RegExp) => commands.some((c) => commandName(c) === 'rm' && commandWords(c).slice(1).some((w) => re.test(w.value)));
      if ((manager === 'apt-get' || manager === 'apt') && action === 'install') {
        if (removes(/^\/var\/lib\/apt\/lists(?:\/\*?)?$/) || commands.some((c) => /^apt(?:-get)? dist-clean$/.test(commandWords(c).map((w) => w.value).join(' '))) || hasCacheMount(ins, /^\/var\/lib\/apt/)) continue;
        const fix = appendToRun(file, doc, ins, 'rm -rf /var/lib/apt/lists/*');
        ctx.report({ range, messageId: 'aptLists', fixes: fix ? [fix] : [] });
      } else if (manager === 'apk' && action === 'add') {
        if (hasOption(pc, '', ['--no-cache', '--no-network']) || removes(/^\/var\/cache\/apk/) || hasCacheMount(ins, /^\/(?:var\/cache\/apk|etc\/apk\/cache)/)) continue;
        ctx.report({ range, messageId: 'apkCache', fixes: [insertAfter(actionWord.range.end, '--no-cache')] });
      } else if (manager === 'pip' && action === 'install' && pc.words[0].value !== 'uv') {
        if (hasOption(pc, '', ['--no-cache-dir']) || pipEnv.has(ins.stage!) || hasCacheMount(ins, /\.cache|pip/) || removes(/^\/root\/\.cache(?:\/pip)?\/?\*?$|^~\/\.cache/)) continue;
        ctx.report({ range, messageId: 'pipCache', fixes: [insertAfter(actionWord.range.end, '--no-cache-dir')] });
      } else if ((manager === 'yum' || manager === 'dnf' || manager === 'microdnf') && /^(?:install|groupinstall|localinstall|reinstall|update|upgrade)$/.test(action)) {
        if (commands.some((c) => isClean(c, manager)) || removes(new RegExp(`^/var/cache/(?:${manager === 'microdnf' ? 'dnf|yum' : manager})`)) || hasCacheMount(ins, /^\/var\/cache\/(?:yum|dnf)/)) continue;
        const cleanup = `${manager} clean all`;
        const fix = appendToRun(file, doc, ins, cleanup);
        ctx.report({ range, messageId: 'clean', data: { manager, cleanup }, fixes: fix ? [fix] : [] });
      } else if (manager === 'zypper' && /^(?:install|in|update|up|patch|dist-upgrade|dup)$/.test(action)) {
        if (commands.some((c) => isClean(c, 'zypper')) || removes(/^\/var\/cache\/zypp/) || hasCacheMount(ins, /^\/var\/cache\/zypp/)) continue;
        const fix = appendToRun(file, doc, ins, 'zypper clean --all');
        ctx.report({ range, messageId: 'clean', data: { manager, cleanup: 'zypper clean --all' }, fixes: fix ? [fix] : [] });
      } else if (manager === 'yarn' && (action === 'install' || action === 'add')) {
        if (commands.some((c) => isYarnClean(c)) || hasCacheMount(ins)) continue;
        const fix = appendToRun(file, doc, ins, 'yarn cache clean');
        ctx.report({ range, messageId: 'clean', data: { manager, cleanup: 'yarn cache clean' }, fixes: fix ? [fix] : [] });
      }
    }
  },
});

function isClean(c: ShellCommand, manager: string): boolean {
  const w = commandWords(c).map((x) => x.value);
  return w[0] === manager && (w[1] === 'clean' || w[1] === 'cc');
}

function isYarnClean(c: ShellCommand): boolean {
  const w = commandWords(c).map((x) => x.value);
  return w[0] === 'yarn' && w[1] === 'cache' && w[2] === 'clean';
}


function envSet(stage: Stage, name: string): boolean {
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.from.fromStage) {
    seen.add(s);
    if (s.instructions.some((i) => i.keyword === 'ENV' && i.properties.some((p) => p.name === name))) return true;
  }
  return false;
}

function insertAfter(offset: number, flag: string): Fix {
  return { title: `Add ${flag}`, edits: [{ range: { start: offset, end: offset }, text: ` ${flag}` }] };
}

/**
 * Append a command to the end of a RUN's shell text (`&& cmd`, on a continuation line when the
 * RUN spans several lines). No fix for heredocs, trailing comments or a trailing operator.
 */
function appendToRun(file: SourceFile, doc: DockerfileModel, ins: DfInstruction, command: string): Fix | undefined {
  if (!ins.argsRange || ins.jsonForm) return undefined;
  const text = ins.argsText.trimEnd();
  if (/<</.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const last = lines[lines.length - 1];
  if (/(?:^|\s)#/.test(last.replace(/'[^']*'|"[^"]*"/g, ''))) return undefined;
  const end = text.trimEnd().slice(-1);
  if (end === '&' || end === '|' || end === doc.escapeChar || end === '(' || end === '{') return undefined;
  const joiner = end === ';' ? '' : '&& ';
  const at = ins.argsRange.start + text.length;
  const addition = lines.length > 1 ? ` ${doc.escapeChar}${file.lines.eol()}${/^[ \t]*/.exec(last)![0]}${joiner}${command}` : ` ${joiner}${command}`;
  return { title: `Append ${command}`, edits: [{ range: { start: at, end: at }, text: addition }] };
}
