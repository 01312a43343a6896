import { defineRule } from '../../define-rule';
import { input, isReleaseJob, isReleaseWorkflow, majorOf, usesAction, workflowModel, type WfStep } from '../../documents/workflow';
import { insertPairs, raw } from '../../fixes/yaml';
import type { Fix } from '../../types';

const SETUPS: Record<string, { install: RegExp; managers: [RegExp, string][] }> = {
  'actions/setup-node': { install: /\b(npm\s+(ci|install|i)\b|yarn(\s+install)?\s*($|\n|--)|pnpm\s+(i|install)\b|bun\s+install)/m, managers: [[/\bpnpm\b/, 'pnpm'], [/\byarn\b/, 'yarn'], [/\bnpm\b/, 'npm']] },
  'actions/setup-python': { install: /\b(pip3?\s+install\s+(-r|--requirement|-e|\.)|pipenv\s+(install|sync)|poetry\s+install|python3?\s+-m\s+pip\s+install\s+(-r|-e|\.))/, managers: [[/\bpoetry\b/, 'poetry'], [/\bpipenv\b/, 'pipenv'], [/\bpip/, 'pip']] },
  'actions/setup-java': { install: /\b(mvn|mvnw|gradle|gradlew|sbt)\b/, managers: [[/\bgradlew?\b/, 'gradle'], [/\bsbt\b/, 'sbt'], [/\bmvnw?\b/, 'maven']] },
};
const CACHE_ACTIONS = ['actions/cache', 'gradle/actions/setup-gradle', 'gradle/gradle-build-action', 'pnpm/action-setup', 'bahmutov/npm-install', 'astral-sh/setup-uv', 'ruby/setup-ruby', 'actions-rust-lang/setup-rust-toolchain', 'swatinem/rust-cache', 'cypress-io/github-action'];

export default defineRule({
  id: 'actions/cache-dependencies',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'Jobs that install dependencies cache them (setup-* cache input or actions/cache)',
  sources: ['brief (cache dependencies)'],
  messages: {
    noCache: 'This job installs {{lang}} dependencies on every run without a cache. Set "cache: {{manager}}" on {{action}} to reuse them between runs.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (isReleaseWorkflow(m)) return;
    const text = ctx.file.text;
    for (const job of m.jobs) {
      if (isReleaseJob(job)) continue;
      if (job.steps.some((s) => usesAction(s, ...CACHE_ACTIONS))) continue;
      const runs = job.steps.map((s) => s.run ?? '').join('\n');
      for (const step of job.steps) {
        const setup = step.action && SETUPS[step.action];
        if (!setup || input(step, 'cache') !== undefined) continue;
        // setup-node v5+ caches npm on its own when package.json names its package manager
        if (step.action === 'actions/setup-node' && (majorOf(step.ref) ?? 0) >= 5) continue;
        if (!setup.install.test(runs)) continue;
        const manager = setup.managers.find(([re]) => re.test(runs.match(setup.install)?.[0] ?? runs))?.[1] ?? setup.managers[setup.managers.length - 1][1];
        const lang = step.action!.replace('actions/setup-', '');
        ctx.report({ range: step.range, messageId: 'noCache', data: { lang, manager, action: step.action! }, fixes: fix(text, m.style, step, manager) });
      }
    }
  },
});

function fix(text: string, style: ReturnType<typeof workflowModel>['style'], step: WfStep, manager: string): Fix[] {
  const title = `Add cache: ${manager}`;
  if (step.with && step.with.items.length) return [{ title, edits: [insertPairs(text, step.with, { cache: manager }, style)] }];
  if (!step.withPair) return [{ title, edits: [insertPairs(text, step.node, { with: { cache: manager } }, style)] }];
  void raw;
  return [];
}
