import { defineRule } from '../../define-rule';
import { composeModel, readOptional, secretLiteral, type Interpolation } from '../../documents/compose';
import { keyRange, nodeRange } from '../../documents/yaml-nav';
import type { Fix, Range } from '../../types';

const EXAMPLE_NAMES = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env', 'env.example'];
const SHELL_VARS = new Set(['PWD', 'HOME', 'USER', 'UID', 'GID', 'HOSTNAME', 'PATH', 'SHELL', 'TMPDIR']);

/** Keys defined in a dotenv file (`KEY=…`, `export KEY=…`, or a bare `KEY`). */
export function envKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(=|$)/.exec(line);
    if (m) out.add(m[1]);
  }
  return out;
}

/** Is `.env` ignored by a .gitignore line? */
function ignoresDotEnv(gitignore: string | undefined): boolean {
  if (!gitignore) return false;
  return gitignore.split(/\r?\n/).some((l) => /^\s*(\/|\*\*\/)?(\.env|\.env\*|\*\.env|\.env\.\*|\.env\.?\*?|\*)\s*$/.test(l) && !/^\s*!/.test(l));
}

/** Does a dotenv text hold secret-looking values? */
function dotenvSecrets(text: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    return !!m && !!secretLiteral(m[1], m[2].replace(/^(["'])(.*)\1$/, '$2'));
  });
}

export default defineRule({
  id: 'workspace/env-example',
  kind: 'compose',
  type: 'suggestion',
  severity: 'warning',
  crossFile: true,
  summary: 'Variables a Compose file needs are documented in .env.example, and .env is not committed',
  sources: ['brief (.env.example documenting every variable)'],
  messages: {
    noExample: 'This file needs {{vars}} from the environment, but there is no .env.example next to it: a new developer has to read the whole file to find out what to set.',
    missingKey: '"{{name}}" is not in {{example}}.',
    dotenvTracked: '.env sits next to this file with secret values and no .gitignore ignores it: its secrets end up in git. Ignore it and commit a .env.example instead.',
  },
  fixable: true,
  options: {
    type: 'object',
    properties: { envExampleFile: { type: 'string', description: 'Name of the example file next to the Compose file (default .env.example; .env.sample, .env.template and .env.dist are also found).' } },
    additionalProperties: false,
  },
  check(ctx) {
    if (!ctx.workspace.complete) return;
    const m = composeModel(ctx.file);
    const dir = ctx.file.path.includes('/') ? ctx.file.path.slice(0, ctx.file.path.lastIndexOf('/') + 1) : '';
    const names = ctx.options.envExampleFile ? [String(ctx.options.envExampleFile)] : EXAMPLE_NAMES;
    const firstUse = new Map<string, Interpolation>();
    for (const i of m.interpolations) if (!i.hasDefault && !SHELL_VARS.has(i.name) && !i.name.startsWith('COMPOSE_') && !firstUse.has(i.name)) firstUse.set(i.name, i);
    const dotenvRefs = m.services.flatMap((s) => s.envFiles).filter((e) => /(^|\/)\.env$/.test(e.path.replace(/^\.\//, '')));
    const dotenv = readOptional(ctx.workspace, `${dir}.env`);
    const ignored = dotenv !== undefined && (ignoresDotEnv(readOptional(ctx.workspace, '.gitignore')) || (dir !== '' && ignoresDotEnv(readOptional(ctx.workspace, `${dir}.gitignore`))));
    // a committed .env of non-secret defaults (image versions, ports) documents its keys itself
    const committedDefaults = dotenv !== undefined && !ignored && !dotenvSecrets(dotenv);
    const example = committedDefaults ? { name: '.env', text: dotenv } : names.map((n) => ({ name: n, text: readOptional(ctx.workspace, dir + n) })).find((e) => e.text !== undefined);
    const anchor: Range | undefined = [...firstUse.values()][0]?.range ?? (dotenvRefs[0] ? nodeRange(dotenvRefs[0].node) : undefined);
    if (!example) {
      if (anchor && (firstUse.size || dotenvRefs.length)) {
        const vars = [...firstUse.keys()];
        const body = vars.length ? vars.map((v) => `${v}=`).join('\n') + '\n' : '# Variables the services read from .env (no real values here)\n';
        const fixes: Fix[] = [{ title: `Create ${names[0]} with ${vars.length ? vars.join(', ') : 'a header'}`, edits: [], fileEdits: [{ path: names[0], create: body }] }];
        ctx.report({ range: anchor, messageId: 'noExample', data: { vars: vars.length ? vars.map((v) => `$${v}`).join(', ') : 'an env_file .env' }, fixes });
      }
    } else {
      const keys = envKeys(example.text!);
      const missing = [...firstUse.values()].filter((i) => !keys.has(i.name));
      const text = example.text!;
      const nl = text.length && !text.endsWith('\n') ? '\n' : '';
      for (const i of missing) {
        const fixes: Fix[] = [{ title: `Add ${i.name}= to ${example.name}`, edits: [], fileEdits: [{ path: example.name, edits: [{ range: { start: text.length, end: text.length }, text: `${nl}${i.name}=\n` }] }] }];
        ctx.report({ range: i.range, messageId: 'missingKey', data: { name: i.name, example: example.name }, fixes });
      }
    }
    if (dotenv !== undefined && !ignored && !committedDefaults) {
      const r = dotenvRefs[0] ? nodeRange(dotenvRefs[0].node) : m.servicesPair ? keyRange(m.servicesPair) : undefined;
      if (r) ctx.report({ range: r, messageId: 'dotenvTracked' });
    }
  },
});
