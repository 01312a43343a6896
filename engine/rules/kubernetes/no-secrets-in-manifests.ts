import { get, getPair, keyRange, mapPairs, nodeRange, seqMaps, str } from '../../documents/yaml-nav';
import { raw, setValue } from '../../fixes/yaml';
import { containersOf, defineK8sRule } from '../../documents/k8s';

const SECRET_NAME = /(^|[_.-])(pass(word|wd)?|pwd|secrets?|token|api[_-]?key|apikey|private[_-]?key|credentials?|access[_-]?key|client[_-]?secret|auth[_-]?token)($|[_.-])/i;
const NOT_SECRET = /(_FILE|_PATH|_DIR|_URL_PATH|_ENABLED|_LENGTH|_TTL|_TIMEOUT|_EXPIRY|_EXPIRES?|_HEADER|_NAME|_TYPE|_ENDPOINT|_REF|_POLICY|_MODE|_ISSUER|_AUDIENCE)$/i;
const SECRET_VALUE = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bxox[abpors]-[A-Za-z0-9-]{10,}|\bsk_live_[A-Za-z0-9]{16,}|\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/;

/** A literal that could be a secret: not empty, not a placeholder or a reference. */
function literal(value: string | undefined): boolean {
  if (!value) return false;
  const v = value.trim();
  if (v.length < 4) return false;
  if (/^(\$\(|\$\{|<|\{\{|changeme$|change-me$|redacted$|xxx+$|\*+$|true$|false$|none$|null$)/i.test(v)) return false;
  return true;
}

export default defineK8sRule({
  id: 'kubernetes/no-secrets-in-manifests',
  type: 'problem',
  severity: 'error',
  summary: 'No secret values in manifests: not in env literals, not in ConfigMaps, not in committed Secret objects',
  sources: ['brief', 'kube-linter env-var-secret', 'Polaris sensitiveContainerEnvVar', 'Polaris sensitiveConfigmapContent'],
  messages: {
    env: 'Environment variable {{name}} holds a literal secret value: reference a Secret with valueFrom.secretKeyRef.',
    configMap: 'ConfigMap key "{{key}}" looks like a secret: ConfigMaps are not access-controlled like Secrets. Move it to a Secret.',
    secretObject: 'Secret "{{name}}" has its values in the repository ({{field}}): anyone with read access has them. Use an external secret store (External Secrets, Sealed Secrets, SOPS).',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s, ['initContainer', 'container', 'ephemeralContainer'], { helmTests: true })) {
      for (const env of seqMaps(get(c.node, 'env'))) {
        const name = str(get(env, 'name'));
        const valuePair = getPair(env, 'value');
        if (!name || !valuePair || k8s.unknown(valuePair.value) || k8s.unknown(get(env, 'name'))) continue;
        const value = str(valuePair.value);
        const byName = SECRET_NAME.test(name) && !NOT_SECRET.test(name) && literal(value);
        if (!byName && !(value && SECRET_VALUE.test(value))) continue;
        ctx.report({
          range: nodeRange(valuePair.value)!,
          messageId: 'env',
          data: { name },
          fixes: [{
            title: 'Read it from a Secret (valueFrom.secretKeyRef)',
            snippet: true,
            edits: [{ range: { start: keyRange(valuePair)!.start, end: keyRange(valuePair)!.end }, text: 'valueFrom' }, setValue(k8s.text, valuePair, { secretKeyRef: { name: raw('${1:app-secrets}'), key: raw(`\${2:${name}}`) } }, k8s.style)],
          }],
        });
      }
    }
    for (const o of k8s.objects) {
      if (o.kind === 'ConfigMap') {
        for (const { key, pair, value } of mapPairs(get(o.node, 'data'))) {
          const v = str(value);
          if (k8s.unknown(value) || !v) continue;
          const byName = SECRET_NAME.test(key) && !NOT_SECRET.test(key) && literal(v) && !/\n/.test(v.trim());
          if (byName || SECRET_VALUE.test(v)) ctx.report({ range: keyRange(pair)!, messageId: 'configMap', data: { key } });
        }
      } else if (o.kind === 'Secret') {
        for (const field of ['data', 'stringData']) {
          const pair = getPair(o.node, field);
          if (!pair) continue;
          const values = mapPairs(pair.value).filter((p) => !k8s.unknown(p.value) && literal(str(p.value)));
          if (values.length === 0) continue;
          ctx.report({ range: keyRange(pair)!, messageId: 'secretObject', data: { name: o.displayName, field } });
        }
      }
    }
  },
});
