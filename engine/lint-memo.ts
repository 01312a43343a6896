// What `perDocument` rules found in each YAML document of a file, kept from one lint of the file
// to the next (the versions of a file share one memo: SourceFile hands it over). A document whose
// text did not change keeps its findings, moved by how much the documents before it grew or shrank.
import type { Rule } from './define-rule';
import type { Finding, Fix, Range } from './types';

/** The findings of one rule in one document, with the offset of the document they were computed at. */
interface Found {
  at: number;
  findings: Finding[];
}

/** One document's text (with what it may look at around it) and what each rule found in it. */
export interface MemoEntry {
  byRule: Map<Rule, Found>;
}

export class LintMemo {
  /** Everything a finding may depend on beyond its document: settings, path, the file's YAML style. */
  private context: readonly unknown[] = [];
  private entries = new Map<string, MemoEntry>();
  private used?: Map<string, MemoEntry>;

  /** Start a lint: the memo is emptied when the context differs from the last lint's. */
  begin(context: readonly unknown[]): void {
    if (context.length !== this.context.length || context.some((c, i) => c !== this.context[i])) this.entries.clear();
    this.context = context;
    this.used = new Map();
  }

  /** The entry of a document of this lint (created empty for a new text). */
  entry(key: string): MemoEntry {
    let e = this.used!.get(key) ?? this.entries.get(key);
    if (!e) e = { byRule: new Map() };
    this.used!.set(key, e);
    return e;
  }

  /** End a lint: keep only the documents it saw. */
  end(): void {
    if (this.used) this.entries = this.used;
    this.used = undefined;
  }

  /** How many documents it holds (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

/** Add to `out` the findings of `rule` in a document that starts at `start` now: cached (moved), or computed and cached. */
export function findingsIn(entry: MemoEntry, rule: Rule, start: number, path: string, compute: () => Finding[], out: Finding[]): void {
  let found = entry.byRule.get(rule);
  if (!found) {
    found = { at: start, findings: compute() };
    entry.byRule.set(rule, found);
  }
  // Always new findings: the runner replaces the fixes of some (the unsafe-range filter). Their
  // fixes and ranges are never changed in place, so they are shared when nothing moved.
  const delta = start - found.at;
  for (const f of found.findings) out.push(delta === 0 ? { ...f } : moveFinding(f, delta, path));
}

/** A copy of a finding with every range in the linted file moved by `delta` (same keys as the original). */
export function moveFinding(f: Finding, delta: number, path: string): Finding {
  const out: Finding = { ...f, range: move(f.range, delta), fixes: f.fixes.map((fix) => moveFix(fix, delta)) };
  if (f.related) out.related = f.related.map((r) => (r.path === path ? { ...r, range: move(r.range, delta) } : { ...r }));
  return out;
}

function moveFix(fix: Fix, delta: number): Fix {
  const out: Fix = { ...fix, edits: fix.edits.map((e) => ({ ...e, range: move(e.range, delta) })) };
  if (fix.reads) out.reads = fix.reads.map((r) => move(r, delta));
  return out;
}

const move = (r: Range, delta: number): Range => ({ ...r, start: r.start + delta, end: r.end + delta });
