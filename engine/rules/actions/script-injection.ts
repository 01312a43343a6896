import { defineRule } from '../../define-rule';
import { shellOf, usesAction, workflowModel, type WfStep } from '../../documents/workflow';
import { envNameFor, isUntrusted, type ContextRef, type Expression } from '../../documents/expressions';
import { get, getPair } from '../../documents/yaml-nav';
import { insertPairs, setValue } from '../../fixes/yaml';
import type { Fix, TextEdit } from '../../types';

export default defineRule({
  id: 'actions/script-injection',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'Untrusted event data is never expanded into run scripts; it goes through env variables',
  sources: ['actionlint expression (untrusted inputs)', 'zizmor template-injection', 'GitHub security hardening guide'],
  messages: {
    injection: '"{{ref}}" can be set by anyone who opens an issue or pull request; expanded into a script it runs as code. Pass it through env: and use ${{name}} instead.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const step of m.steps()) {
      const targets: { node: unknown; kind: 'run' | 'script' }[] = [];
      if (step.runNode) targets.push({ node: step.runNode, kind: 'run' });
      if (usesAction(step, 'actions/github-script')) {
        const script = get(step.with, 'script');
        if (script) targets.push({ node: script, kind: 'script' });
      }
      for (const t of targets) {
        for (const e of m.expressionsOf(t.node as never)) {
          for (const ref of e.refs) {
            if (!isUntrusted(ref)) continue;
            const name = envNameFor(ref);
            ctx.report({
              range: ref.range,
              messageId: 'injection',
              data: { ref: text.slice(ref.range.start, ref.range.end), name },
              fixes: fixFor(text, m.style, step, e, ref, name, t.kind === 'script' ? 'js' : shellOf(m, step)),
            });
          }
        }
      }
    }
  },
});

function fixFor(text: string, style: ReturnType<typeof workflowModel>['style'], step: WfStep, e: Expression, ref: ContextRef, name: string, shell: string): Fix[] {
  // Only when the expression is exactly the reference: `${{ github.head_ref }}`, not a computation.
  if (e.refs.length !== 1 || e.calls.length || e.tokens.length !== tokenCount(e, ref)) return [];
  const envText = `\${{ ${text.slice(ref.range.start, ref.range.end)} }}`;
  const existing = step.env ? get(step.env, name) : undefined;
  if (existing && String((existing as { value?: unknown }).value ?? '').replace(/\s/g, '') !== envText.replace(/\s/g, '')) return [];
  const lineStart = text.lastIndexOf('\n', e.range.start - 1) + 1;
  const before = text.slice(lineStart, e.range.start);
  const inDouble = (before.match(/"/g)?.length ?? 0) % 2 === 1;
  let use: string;
  if (shell === 'js') {
    // inside a JS string literal the variable would become text: no fix
    if ((before.match(/["'`]/g)?.length ?? 0) % 2 === 1) return [];
    use = `process.env.${name}`;
  }
  else if (shell === 'pwsh' || shell === 'powershell') use = `$env:${name}`;
  else if (shell === 'cmd') use = `%${name}%`;
  else if (shell === 'python') return [];
  else use = inDouble ? `\${${name}}` : `"\${${name}}"`;
  const edits: TextEdit[] = [{ range: e.range, text: use }];
  if (!existing) {
    if (step.env && step.env.items.length) edits.push(insertPairs(text, step.env, { [name]: envText }, style));
    else if (step.envPair) edits.push(setValue(text, step.envPair, { [name]: envText }, style));
    else edits.push(insertPairs(text, step.node, { env: { [name]: envText } }, style));
  }
  if (getPair(step.node, 'env') && !step.env && !step.envPair) return [];
  return [{ title: `Pass ${text.slice(ref.range.start, ref.range.end)} through env: ${name}`, edits }];
}

function tokenCount(_e: Expression, ref: ContextRef): number {
  return _e.tokens.filter((t) => t.start >= ref.range.start && t.end <= ref.range.end).length;
}
