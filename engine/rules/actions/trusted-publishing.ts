import { defineRule } from '../../define-rule';
import { input, usesAction, workflowModel, type WfStep } from '../../documents/workflow';
import { get, mapPairs, nodeRange } from '../../documents/yaml-nav';

const REGISTRIES: { name: string; cmd: RegExp; tokenEnv: RegExp }[] = [
  { name: 'npm', cmd: /\b(npm|pnpm|yarn)\s+(publish|npm\s+publish)\b/, tokenEnv: /^(NODE_AUTH_TOKEN|NPM_TOKEN|NPM_AUTH_TOKEN)$/ },
  { name: 'PyPI', cmd: /\b(twine\s+upload|poetry\s+publish|uv\s+publish|flit\s+publish|hatch\s+publish)\b/, tokenEnv: /^(TWINE_PASSWORD|PYPI_TOKEN|POETRY_PYPI_TOKEN_PYPI|UV_PUBLISH_TOKEN|FLIT_PASSWORD|HATCH_INDEX_AUTH)$/ },
  { name: 'RubyGems', cmd: /\bgem\s+push\b/, tokenEnv: /^(GEM_HOST_API_KEY|RUBYGEMS_API_KEY)$/ },
  { name: 'crates.io', cmd: /\bcargo\s+publish\b/, tokenEnv: /^CARGO_REGISTRY_TOKEN$/ },
];

export default defineRule({
  id: 'actions/trusted-publishing',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'Packages are published with OIDC trusted publishing instead of long-lived registry tokens',
  sources: ['zizmor use-trusted-publishing'],
  messages: {
    token: 'This publishes to {{registry}} with a long-lived token ({{token}}); {{registry}} supports trusted publishing through GitHub OIDC (permissions: id-token: write), which needs no stored secret.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    for (const job of m.jobs) {
      const envPairs = (s: WfStep) => [...mapPairs(m.env), ...mapPairs(job.env), ...mapPairs(s.env)];
      for (const s of job.steps) {
        if (usesAction(s, 'pypa/gh-action-pypi-publish')) {
          const pw = get(s.with, 'password');
          if (pw && /secrets\./.test(input(s, 'password') ?? '')) ctx.report({ range: nodeRange(pw)!, messageId: 'token', data: { registry: 'PyPI', token: 'password' } });
          continue;
        }
        if (!s.run) continue;
        for (const reg of REGISTRIES) {
          if (!reg.cmd.test(s.run)) continue;
          const tok = envPairs(s).find((p) => reg.tokenEnv.test(p.key) && /secrets\./.test(String((p.value as { value?: unknown })?.value ?? '')));
          if (tok) ctx.report({ range: nodeRange(tok.value)!, messageId: 'token', data: { registry: reg.name, token: tok.key } });
        }
      }
    }
  },
});
