import type { FormatInput } from './types';

const LABEL = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as const;

/** Human output: `file:line:col  severity  message  rule-id`, 1-based, grouped by file. */
export function formatText({ results, filesLinted }: FormatInput, color: boolean): string {
  const c = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  let last = '';
  for (const r of results) {
    if (r.file !== last) {
      if (last) lines.push('');
      lines.push(c(4, r.file));
      last = r.file;
    }
    const sev = r.finding.severity;
    const sevText = sev === 'error' ? c(31, LABEL[sev]) : sev === 'warning' ? c(33, LABEL[sev]) : c(36, LABEL[sev]);
    lines.push(`  ${r.start.line + 1}:${r.start.character + 1}  ${sevText}  ${r.finding.message}  ${c(2, r.finding.ruleId)}`);
  }
  const count = (s: string) => results.filter((r) => r.finding.severity === s).length;
  if (lines.length) lines.push('');
  const total = results.length;
  lines.push(
    total === 0
      ? `✔ ${filesLinted} file${filesLinted === 1 ? '' : 's'} checked, no problems`
      : `✖ ${total} problem${total === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info') + count('hint')} infos) in ${filesLinted} files checked`,
  );
  return lines.join('\n') + '\n';
}

/** Per-rule counts, most frequent first. */
export function formatStats({ results }: FormatInput): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.finding.ruleId, (counts.get(r.finding.ruleId) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(4, ...rows.map(([id]) => id.length));
  return ['rule'.padEnd(width) + '  count', ...rows.map(([id, n]) => `${id.padEnd(width)}  ${n}`)].join('\n') + '\n';
}
