import type { Fix, Range, TextEdit } from '../types';

/** Apply edits to a text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.range.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.range.start) + e.text;
    pos = e.range.end;
  }
  return out + text.slice(pos);
}

/**
 * Apply as many fixes as possible in one pass: fixes whose edits overlap an already chosen fix are
 * left for the next pass, snippet fixes are never applied automatically.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const chosen: Fix[] = [];
  const taken: Range[] = [];
  const overlap = (a: Range, b: Range) => (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start);
  // Fixes that depend on other text go last, so they are deferred when that text changes.
  const ordered = [...fixes.filter((f) => !f.reads?.length), ...fixes.filter((f) => f.reads?.length)];
  for (const fix of ordered) {
    if (fix.snippet || fix.fileEdits?.length || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => overlap(e.range, t)))) continue;
    // An insertion at either end of a read range changes that text too (`node` + `:22-alpine`).
    if (fix.reads?.some((r) => taken.some((t) => overlap(r, t) || (t.start === t.end && t.start >= r.start && t.start <= r.end)))) continue;
    try {
      applyEdits(text, fix.edits);
    } catch {
      continue;
    }
    chosen.push(fix);
    for (const e of fix.edits) taken.push(e.range);
  }
  return { text: applyEdits(text, chosen.flatMap((f) => f.edits)), applied: chosen };
}

/** Strip snippet syntax (`${1:default}` → `default`, `$0` → ``) to get the text a snippet inserts. */
export function snippetToText(s: string): string {
  return s.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}
