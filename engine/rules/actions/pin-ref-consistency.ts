import type { Scalar } from 'yaml';
import { defineRule } from '../../define-rule';
import { FULL_SHA, parseUses, workflowModel } from '../../documents/workflow';
import type { Range } from '../../types';

const BRANCHES = new Set(['main', 'master', 'develop', 'dev', 'trunk', 'head', 'latest', 'nightly', 'stable', 'release']);

export default defineRule({
  id: 'actions/pin-ref-consistency',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'Action refs are unambiguous: no short SHAs, no branches, and version comments agree with each other',
  sources: ['zizmor ref-version-mismatch, ref-confusion, stale-action-refs', 'actions/languageservices short-sha-ref'],
  messages: {
    shortSha: '"{{ref}}" is a short SHA: GitHub resolves it like a branch or tag name and it can collide. Use the full 40-character SHA.',
    branch: '"{{ref}}" is a branch: every run may get different code. Pin a release tag or, better, its commit SHA.',
    mismatch: 'The same commit of {{action}} is labelled "{{comment}}" here but "{{other}}" elsewhere in this file: one of the comments is wrong.',
    sameComment: '{{action}} "{{comment}}" is pinned to two different commits in this file ({{sha}} and {{other}}).',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    const nodes: Scalar[] = [...m.steps().map((s) => s.usesNode), ...m.jobs.map((j) => j.usesNode)].filter((n): n is Scalar => !!n);
    const pins: { action: string; sha: string; comment?: string; range: Range; commentRange?: Range }[] = [];
    for (const node of nodes) {
      const uses = String(node.value).trim();
      const p = parseUses(uses);
      if (!p?.ref || uses.includes('${{')) continue;
      const r = node.range!;
      const at = text.slice(r[0], r[1]).lastIndexOf('@');
      const refRange = { start: r[0] + at + 1, end: r[0] + at + 1 + p.ref.length };
      if (/^[0-9a-f]{7,39}$/i.test(p.ref) && !/^\d+$/.test(p.ref)) ctx.report({ range: refRange, messageId: 'shortSha', data: { ref: p.ref } });
      else if (BRANCHES.has(p.ref.toLowerCase())) ctx.report({ range: refRange, messageId: 'branch', data: { ref: p.ref } });
      else if (FULL_SHA.test(p.ref)) {
        const lineEnd = text.indexOf('\n', r[1]);
        const rest = text.slice(r[1], lineEnd < 0 ? text.length : lineEnd);
        const cm = /#\s*(?:[\w./-]*@)?(v?\d+(?:\.\d+)*(?:[-+][\w.]+)?)\b/.exec(rest);
        const commentRange = cm ? { start: r[1] + cm.index + cm[0].length - cm[1].length, end: r[1] + cm.index + cm[0].length } : undefined;
        pins.push({ action: p.path ? `${p.action}/${p.path}` : p.action, sha: p.ref.toLowerCase(), comment: cm?.[1], range: refRange, commentRange });
      }
    }
    for (const a of pins) {
      if (!a.comment) continue;
      for (const b of pins) {
        if (b === a || !b.comment || b.action !== a.action) continue;
        if (a.sha === b.sha && norm(a.comment) !== norm(b.comment) && !prefixOf(a.comment, b.comment)) {
          ctx.report({ range: a.commentRange!, messageId: 'mismatch', data: { action: a.action, comment: a.comment, other: b.comment } });
          break;
        }
        if (a.sha !== b.sha && norm(a.comment) === norm(b.comment) && norm(a.comment).split('.').length >= 3) {
          ctx.report({ range: a.range, messageId: 'sameComment', data: { action: a.action, comment: a.comment, sha: a.sha.slice(0, 12), other: b.sha.slice(0, 12) } });
          break;
        }
      }
    }
  },
});

const norm = (v: string) => v.replace(/^v/, '');
/** `v4` and `v4.1.2` describe the same commit when one is a prefix of the other. */
const prefixOf = (a: string, b: string) => {
  const x = norm(a).split('.');
  const y = norm(b).split('.');
  const n = Math.min(x.length, y.length);
  return x.slice(0, n).join('.') === y.slice(0, n).join('.');
};
