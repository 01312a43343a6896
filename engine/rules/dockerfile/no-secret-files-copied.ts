import { trimSlashes } from '../../text/line-index';
import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';

/** File names that hold secrets, and what they are. */
const SECRET_FILES: [RegExp, string][] = [
  [/^\.env(?:\.[^/]+)?$/, 'an environment file'],
  [/^id_(?:rsa|dsa|ecdsa|ed25519)$/, 'an SSH private key'],
  [/\.(?:key|p12|pfx|jks|keystore|ppk)$/i, 'a private key or key store'],
  [/(?:^|[-_.])(?:priv(?:ate)?)?key\.pem$/i, 'a private key'],
  [/^\.(?:netrc|git-credentials|pgpass)$/, 'a credentials file'],
  [/^credentials(?:\.json)?$/, 'a credentials file'],
];
const SECRET_PATHS: [RegExp, string][] = [
  [/(?:^|\/)\.aws\/(?:credentials|config)$/, 'AWS credentials'],
  [/(?:^|\/)\.ssh(?:\/|$)/, 'SSH keys'],
  [/(?:^|\/)\.docker\/config\.json$/, 'registry credentials'],
  [/(?:^|\/)\.kube\/config$/, 'a kubeconfig'],
];
/** Templates that document variables without values. */
const TEMPLATE = /\.(?:example|sample|template|tmpl|tpl|dist|defaults?|local\.example)$/i;

const DOT_SLASH = /^\.\//;
const REMOTE_URL = /^https?:\/\//;

export default defineRule({
  id: 'dockerfile/no-secret-files-copied',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'Secret files (.env, private keys, credentials) are not copied into the image',
  sources: ['brief', 'Trivy DS-0031'],
  messages: {
    secretFile: '{{keyword}} copies "{{source}}" ({{what}}) into the image: anyone who can pull the image can read it. Mount it as a build secret (RUN --mount=type=secret) or provide it at run time, and list it in .dockerignore.',
  },
  fixable: false,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'COPY', 'ADD')) {
      if (ins.jsonForm || /^\s*<</.test(ins.argsText)) continue;
      for (const src of ins.args.slice(0, -1)) {
        const path = trimSlashes(src.value.replace(DOT_SLASH, ''));
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (TEMPLATE.test(name) || REMOTE_URL.test(path)) continue;
        const what = SECRET_FILES.find((e) => e[0].test(name))?.[1] ?? SECRET_PATHS.find((e) => e[0].test(path))?.[1];
        if (what) ctx.report({ range: src.range, messageId: 'secretFile', data: { keyword: ins.keyword, source: src.value, what } });
      }
    }
  },
});
