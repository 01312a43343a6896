import type { ChecklistReport } from '../../engine/index';

const MARK = { pass: '✓', done: '✓', fail: '✗', unknown: '?', todo: '○' } as const;

/** Human output of `shipready checklist`. */
export function formatChecklist(report: ChecklistReport, color: boolean): string {
  const c = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const tint = { pass: 32, done: 32, fail: 31, unknown: 33, todo: 2 } as const;
  const out: string[] = [];
  for (const list of report.lists) {
    out.push(c(1, `${list.title}  ${list.ready}/${list.total} ready`));
    for (const item of list.items) {
      out.push(`  ${c(tint[item.status], MARK[item.status])} ${item.title}${item.kind === 'manual' ? c(2, ' (manual)') : ''}`);
      if (item.status === 'fail' || item.status === 'unknown') {
        for (const e of item.evidence.slice(0, 5)) out.push(c(2, `      ${e.file ? `${e.file}:${e.line}  ` : ''}${e.message}`));
      }
    }
    out.push('');
  }
  return out.join('\n');
}
