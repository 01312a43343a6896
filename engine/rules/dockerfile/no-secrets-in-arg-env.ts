import { defineRule } from '../../define-rule';
import { instructionsOf, type DfInstruction, type DockerfileModel } from '../../documents/dockerfile';
import { deleteInstruction } from '../../fixes/dockerfile';
import type { Fix, TextEdit } from '../../types';
import type { SourceFile } from '../../documents/source';

/** Name parts that mean a secret (BuildKit's SecretsUsedInArgOrEnv looks at the same words). */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|CLIENT_?SECRET|CREDENTIALS?|AUTH)(?:$|_)/i;
/** Names that only point at a secret or describe it. */
const NOT_SECRET = /(?:_(?:FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|NAME|USER|USERNAME|ID|TYPE|LENGTH|EXPIRY|EXPIRES|TTL|HEADER|REGION|ENABLED|METHOD))$|^(?:PWD|OLDPWD)$/i;
/** Values that are secrets whatever the name: well-known token formats and private keys. */
const SECRET_VALUE = /^(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{32,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|-----BEGIN [A-Z ]*PRIVATE KEY-----)/;

export default defineRule({
  id: 'dockerfile/no-secrets-in-arg-env',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'Secrets are not passed through ARG or ENV, which are stored in the image',
  sources: ['brief', 'hadolint DL3064', 'BuildKit SecretsUsedInArgOrEnv', 'Trivy DS-0031'],
  messages: {
    secretName: '{{keyword}} "{{name}}" looks like a secret: {{keyword}} values are kept in the image history and metadata. Use a build secret (RUN --mount=type=secret) or runtime configuration.',
    secretValue: '{{keyword}} "{{name}}" holds a literal credential: it is kept in the image. Remove it, rotate it, and pass it as a build secret.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const ins of instructionsOf(doc, 'ARG', 'ENV')) {
      for (const p of ins.properties) {
        const literal = p.value !== undefined && SECRET_VALUE.test(p.value);
        const named = SECRET_NAME.test(p.name) && !NOT_SECRET.test(p.name);
        if (!literal && !named) continue;
        const fix = ins.keyword === 'ARG' && ins.properties.length === 1 ? secretMountFix(file, doc, ins, p.name) : undefined;
        ctx.report({
          range: literal ? p.valueRange ?? p.nameRange : p.nameRange,
          messageId: literal ? 'secretValue' : 'secretName',
          data: { keyword: ins.keyword, name: p.name },
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/**
 * Replace `ARG NAME` with a secret mount on each RUN of the stage that reads $NAME (`env=` needs
 * BuildKit's Dockerfile frontend 1.10 or later). No fix when other instructions read the variable.
 */
function secretMountFix(file: SourceFile, doc: DockerfileModel, arg: DfInstruction, name: string): Fix | undefined {
  const scope = arg.stage ? arg.stage.instructions : doc.instructions;
  const uses = new RegExp(`\\$(?:\\{${name}(?:[:}]|[-+?])|${name}(?![A-Za-z0-9_]))`);
  const later = scope.filter((i) => i !== arg && i.range.start > arg.range.start);
  const readers = later.filter((i) => uses.test(i.argsText));
  if (!arg.stage || readers.some((i) => i.keyword !== 'RUN')) return undefined;
  // An ARG is in the environment of every later RUN: tools read it without "$NAME" in the
  // Dockerfile (npm through .npmrc, the AWS CLI). With no explicit reader, keep it for all of them.
  const targets = readers.length ? readers : later.filter((i) => i.keyword === 'RUN' && i.argsRange);
  const id = name.toLowerCase().replace(/_/g, '-');
  const edits: TextEdit[] = [deleteInstruction(file, arg)];
  for (const run of targets) {
    const at = run.argsRange!.start;
    edits.push({ range: { start: at, end: at }, text: `--mount=type=secret,id=${id},env=${name} ` });
  }
  return { title: `Pass ${name} as a build secret (RUN --mount=type=secret,id=${id})`, edits };
}
