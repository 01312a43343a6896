import type { FormatInput } from './types';

/** `[{ file, ruleId, severity, message, range, fix? }]` with 0-based positions. */
export function formatJson({ results }: FormatInput): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        file: r.file,
        ruleId: r.finding.ruleId,
        severity: r.finding.severity,
        message: r.finding.message,
        range: { start: r.start, end: r.end },
        ...(r.fix ? { fix: { title: r.fix.title, edits: r.fix.edits.map((e) => ({ range: { start: e.start, end: e.end }, newText: e.newText })) } } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}
