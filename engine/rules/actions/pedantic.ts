import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { keyRange, mapPairs, nodeRange } from '../../documents/yaml-nav';

const CURL_PIPE = /\b(curl|wget)\b[^\n|]*\|\s*(sudo\s+)?(ba|z)?sh\b/;
const OBFUSCATED = /\$\{\{\s*['"][^'"]*['"]\s*\}\}|\bbase64\s+(-d|--decode)\b[^\n]*\|\s*(ba)?sh/;

export default defineRule({
  id: 'actions/pedantic',
  kind: 'workflow',
  type: 'style',
  severity: 'info',
  preset: 'strict',
  summary: 'Pedantic hygiene: named workflows and jobs, documented permissions, no curl-pipe-shell installs, no obfuscation',
  sources: ['zizmor anonymous-definition, undocumented-permissions, unpinned-tools, obfuscation'],
  messages: {
    anonymousWorkflow: 'The workflow has no "name:": the Actions tab shows its file path instead.',
    anonymousJob: 'Job "{{job}}" has no "name:".',
    undocumented: 'Permission "{{scope}}: write" has no comment saying why it is needed.',
    curlPipe: 'Piping a downloaded script into a shell runs whatever the server returns today; download a pinned release and verify its checksum.',
    obfuscated: 'This looks obfuscated (a constant inside ${{ }} or a decoded script piped into a shell); write it plainly.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    if (m.isAction || !m.root) return;
    if (!m.name && m.onPair) ctx.report({ range: keyRange(m.onPair)!, messageId: 'anonymousWorkflow' });
    for (const job of m.jobs) if (job.node && !job.name && !job.uses) ctx.report({ range: job.keyRange, messageId: 'anonymousJob', data: { job: job.id } });
    for (const pp of [m.permissionsPair, ...m.jobs.map((j) => j.permissionsPair)]) {
      for (const { key, value } of mapPairs(pp?.value)) {
        const r = nodeRange(value);
        if (!r || String((value as { value?: unknown })?.value) !== 'write') continue;
        const lineEnd = text.indexOf('\n', r.end);
        const lineStart = text.lastIndexOf('\n', r.start) + 1;
        const prevLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        if (text.slice(r.end, lineEnd < 0 ? text.length : lineEnd).includes('#') || text.slice(prevLineStart, lineStart).trim().startsWith('#')) continue;
        ctx.report({ range: r, messageId: 'undocumented', data: { scope: key } });
      }
    }
    for (const s of m.steps()) {
      const n = s.runNode;
      if (!n?.range) continue;
      const src = text.slice(n.range[0], n.range[1]);
      const c = CURL_PIPE.exec(src);
      if (c) ctx.report({ range: { start: n.range[0] + c.index, end: n.range[0] + c.index + c[0].length }, messageId: 'curlPipe' });
      const o = OBFUSCATED.exec(src);
      if (o) ctx.report({ range: { start: n.range[0] + o.index, end: n.range[0] + o.index + o[0].length }, messageId: 'obfuscated' });
    }
  },
});
