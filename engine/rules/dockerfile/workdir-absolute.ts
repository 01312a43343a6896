import { defineRule } from '../../define-rule';
import type { Stage } from '../../documents/dockerfile';
import type { Fix } from '../../types';

const ABSOLUTE = /^(?:\/|\$|[A-Za-z]:[\\/]|\\)/;

export default defineRule({
  id: 'dockerfile/workdir-absolute',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'WORKDIR paths are absolute',
  sources: ['hadolint DL3000', 'BuildKit WorkdirRelativePath', 'dockerfile-utils WORKDIR_IS_NOT_ABSOLUTE', 'Trivy DS-0009', 'Checkov CKV_DOCKER_10'],
  messages: {
    relative: 'WORKDIR "{{path}}" is relative: it depends on the WORKDIR of the base image, which may change. Use an absolute path.',
  },
  fixable: true,
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'WORKDIR' || !ins.argsRange) continue;
        const raw = ins.argsText.trim();
        const path = raw.replace(/^(["'])(.*)\1$/, '$2');
        if (!path || ABSOLUTE.test(path)) continue;
        const base = workdirBefore(stage, ins.range.start);
        const fixes: Fix[] = base ? [{ title: `Use ${join(base, path)}`, edits: [{ range: ins.argsRange, text: join(base, path) }] }] : [];
        ctx.report({ range: ins.argsRange, messageId: 'relative', data: { path }, fixes });
      }
    }
  },
});

/** The absolute WORKDIR in effect before `offset` in a stage (through FROM <stage>), '/' for scratch, else undefined. */
function workdirBefore(stage: Stage, offset: number): string | undefined {
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.from.fromStage) {
    seen.add(s);
    chain.unshift(s);
  }
  let dir: string | undefined = chain[0].from.scratch ? '/' : undefined;
  for (const s of chain) {
    for (const i of s.instructions) {
      if (s === stage && i.range.start >= offset) break;
      if (i.keyword !== 'WORKDIR') continue;
      const p = i.argsText.trim().replace(/^(["'])(.*)\1$/, '$2');
      if (p.includes('$')) dir = undefined;
      else if (p.startsWith('/')) dir = p;
      else if (dir) dir = join(dir, p);
    }
  }
  return dir;
}

function join(base: string, rel: string): string {
  const parts = `${base}/${rel}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}
