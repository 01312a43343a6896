import { defineRule } from '../../define-rule';
import { splitCommands, commandWords } from '../../documents/shell';

/** Packages that are toolchains: they belong in a builder stage, not in the shipped image. */
const TOOLCHAIN_PKG = /^(?:build-essential|build-base|gcc|g\+\+|gcc-c\+\+|clang|make|cmake|autoconf|automake|libtool|golang|golang-go|go|rustc|cargo|maven|gradle|openjdk-\d+-jdk|default-jdk|[a-z0-9.+-]+-dev(?:el)?)(?:[=<>].*)?$/;
const INSTALLERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);
/** Commands that build an artifact. */
const BUILD_COMMANDS: [RegExp, string][] = [
  [/^(?:npm|pnpm) run build(?::\S+)?$|^yarn (?:run )?build$/, 'the JavaScript build'],
  [/^go build\b/, 'go build'],
  [/^cargo build\b/, 'cargo build'],
  [/^mvn\b.*\b(?:package|install|verify)\b/, 'mvn package'],
  [/^(?:gradle|\.\/gradlew)\b.*\b(?:build|assemble|bootJar|shadowJar)\b/, 'gradle build'],
  [/^dotnet (?:publish|build)\b/, 'dotnet publish'],
  [/^(?:npx )?tsc\b/, 'tsc'],
  [/^make(?:\s|$)/, 'make'],
];

export default defineRule({
  id: 'dockerfile/prefer-multi-stage',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'Images that compile or build ship only the output, from a multi-stage build',
  sources: ['brief'],
  messages: {
    singleStage: 'Single-stage build ships its toolchain ({{what}}): build in a builder stage and copy only the output into a small runtime stage.',
  },
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    if (doc.stages.length !== 1) return;
    const stage = doc.stages[0];
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'RUN' || !ins.argsRange || ins.jsonForm) continue;
      for (const cmd of splitCommands(ins.argsText, ins.argsRange.start)) {
        const what = toolchainIn(commandWords(cmd).map((w) => w.value));
        if (!what) continue;
        const from = stage.from;
        ctx.report({ range: { start: from.instruction.keywordRange.start, end: from.imageRange.end }, messageId: 'singleStage', data: { what } });
        return;
      }
    }
  },
});

function toolchainIn(words: string[]): string | undefined {
  if (words[0] === 'sudo') words = words.slice(1);
  if (words.length === 0) return undefined;
  if (INSTALLERS.has(words[0]) && words.some((w) => w === 'install' || w === 'add')) {
    const pkg = words.find((w, i) => i > 1 && !w.startsWith('-') && TOOLCHAIN_PKG.test(w));
    if (pkg) return pkg.replace(/[=<>].*$/, '');
  }
  const line = words.join(' ');
  return BUILD_COMMANDS.find(([re]) => re.test(line))?.[1];
}
