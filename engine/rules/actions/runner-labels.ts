import { defineRule } from '../../define-rule';
import { closest, workflowModel } from '../../documents/workflow';
import { get, nodeRange, seqItems, str, isScalar, isSeq } from '../../documents/yaml-nav';

const HOSTED = ['ubuntu-latest', 'ubuntu-24.04', 'ubuntu-22.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm', 'ubuntu-slim', 'windows-latest', 'windows-2025', 'windows-2022', 'windows-11-arm', 'macos-latest', 'macos-26', 'macos-15', 'macos-14', 'macos-13', 'macos-latest-large', 'macos-26-large', 'macos-15-large', 'macos-14-large', 'macos-13-large', 'macos-latest-xlarge', 'macos-26-xlarge', 'macos-15-xlarge', 'macos-14-xlarge', 'macos-13-xlarge', 'macos-15-intel', 'windows-latest-arm'];
const RETIRED: Record<string, string> = { 'ubuntu-16.04': 'ubuntu-latest', 'ubuntu-18.04': 'ubuntu-latest', 'ubuntu-20.04': 'ubuntu-latest', 'windows-2016': 'windows-latest', 'windows-2019': 'windows-latest', 'macos-10.15': 'macos-latest', 'macos-11': 'macos-latest', 'macos-12': 'macos-latest' };
const SELF = ['self-hosted', 'linux', 'windows', 'macos', 'x64', 'arm', 'arm64'];
const HOSTED_LIKE = /^(ubuntu|windows|macos)-/i;
const VERSIONED = /^(ubuntu-\d\d\.\d\d|windows-(\d{4}|\d\d)|macos-\d+)(-arm|-arm64|-large|-xlarge|-intel)?$/;

export default defineRule({
  id: 'actions/runner-labels',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'runs-on names existing GitHub-hosted runner images or declared self-hosted labels',
  sources: ['actionlint runner-label', 'zizmor self-hosted-runner'],
  messages: {
    retired: 'Runner image "{{label}}" is retired: jobs wait for a runner that never comes. Use {{instead}}.',
    unknownDid: 'Unknown GitHub-hosted runner label "{{label}}": did you mean "{{suggestion}}"?',
  },
  fixable: true,
  options: {
    type: 'object',
    properties: { selfHostedRunnerLabels: { type: 'array', items: { type: 'string' }, description: 'Labels of your self-hosted runners and larger runners.' } },
    additionalProperties: false,
  },
  check(ctx) {
    const m = workflowModel(ctx.file);
    const custom = new Set(((ctx.options.selfHostedRunnerLabels as string[] | undefined) ?? []).map((l) => l.toLowerCase()));
    for (const job of m.jobs) {
      const ro = job.runsOn;
      const nodes = isSeq(ro) ? seqItems(ro) : isScalar(ro) ? [ro] : ro ? [get(ro, 'labels')].flatMap((l) => (isSeq(l) ? seqItems(l) : l ? [l] : [])) : [];
      const labels = nodes.map((n) => str(n)?.toLowerCase());
      if (labels.includes('self-hosted')) continue;
      for (const n of nodes) {
        const label = str(n);
        if (!label || label.includes('${{') || custom.has(label.toLowerCase())) continue;
        const l = label.toLowerCase();
        const r = nodeRange(n)!;
        if (RETIRED[l]) ctx.report({ range: r, messageId: 'retired', data: { label, instead: RETIRED[l] }, fixes: [{ title: `Use ${RETIRED[l]}`, edits: [{ range: r, text: RETIRED[l] }] }] });
        else if (HOSTED_LIKE.test(l) && !HOSTED.includes(l) && !SELF.includes(l) && !VERSIONED.test(l)) {
          // images newer than this table look like VERSIONED and are left alone; report likely typos only
          const s = closest(l, HOSTED);
          if (s) ctx.report({ range: r, messageId: 'unknownDid', data: { label, suggestion: s }, fixes: [{ title: `Use ${s}`, edits: [{ range: r, text: s }] }] });
        }
      }
    }
  },
});
