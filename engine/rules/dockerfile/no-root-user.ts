import { defineRule } from '../../define-rule';
import type { DfInstruction, Stage } from '../../documents/dockerfile';
import { imageFamily, insertionPointBeforeRun, insertLines } from '../../fixes/dockerfile';

const ROOT = /^(?:root|0)(?::.*)?$/i;
const NONROOT_BASE = /(?:^|[-:/])nonroot(?:$|[-:@])|cgr\.dev\//i;

export default defineRule({
  id: 'dockerfile/no-root-user',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'The shipped stage switches to a non-root USER',
  sources: ['brief', 'hadolint DL3002', 'Trivy DS-0002', 'Checkov CKV_DOCKER_3', 'Checkov CKV_DOCKER_8'],
  messages: {
    noUser: 'Runs as root: the final stage has no USER instruction. Create an unprivileged user and switch to it.',
    rootUser: 'Runs as root: the last USER of the final stage is "{{user}}". Switch to an unprivileged user.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    const final = doc.finalStage;
    if (!final) return;
    const last = lastUser(final);
    if (last) {
      const user = last.args[0]?.value ?? '';
      if (ROOT.test(user)) ctx.report({ range: last.argsRange ?? last.range, messageId: 'rootUser', data: { user } });
      return;
    }
    if (NONROOT_BASE.test(rootFrom(final).from.resolved ?? '')) return;
    const family = imageFamily(final);
    const at = insertionPointBeforeRun(file, final);
    const lines =
      family === 'alpine'
        ? ['RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app', 'USER 10001:10001']
        : family === 'debian'
          ? ['RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app', 'USER 10001:10001']
          : family === 'distroless'
            ? ['USER 65532:65532']
            : ['USER 10001:10001'];
    const title = family === 'alpine' || family === 'debian' ? 'Add a non-root user (uid 10001) and switch to it' : `Add ${lines[lines.length - 1]}`;
    const from = final.from;
    ctx.report({
      range: { start: from.instruction.keywordRange.start, end: from.imageRange.end },
      messageId: 'noUser',
      fixes: [{ title, edits: [insertLines(file, at, lines)], reads: [rootFrom(final).from.imageRange] }],
    });
  },
});

/** The USER in effect at the end of a stage, following `FROM <stage>` chains. */
function lastUser(stage: Stage): DfInstruction | undefined {
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.from.fromStage) {
    seen.add(s);
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    if (users.length) return users[users.length - 1];
  }
  return undefined;
}

function rootFrom(stage: Stage): Stage {
  const seen = new Set<Stage>();
  let s = stage;
  while (s.from.fromStage && !seen.has(s)) {
    seen.add(s);
    s = s.from.fromStage;
  }
  return s;
}
