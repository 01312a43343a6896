import type { FormatInput } from './types';

/** `[{ file, ruleId, severity, message, range, fix? }]` with 0-based positions. */
export function formatJson({ results }: FormatInput): string {
  return (
    JSON.stringify(
      results.map((r) => {
        const fix = r.finding.fixes.find((f) => !f.snippet && !f.fileEdits?.length);
        return {
          file: r.file,
          ruleId: r.finding.ruleId,
          severity: r.finding.severity,
          message: r.finding.message,
          range: { start: r.start, end: r.end },
          ...(fix
            ? {
                fix: {
                  title: fix.title,
                  edits: fix.edits.map((e) => ({
                    range: { start: r.source.lines.positionAt(e.range.start), end: r.source.lines.positionAt(e.range.end) },
                    newText: e.text,
                  })),
                },
              }
            : {}),
        };
      }),
      null,
      2,
    ) + '\n'
  );
}
