import type { Finding, Severity } from './types';
import { formatMessage, type DocumentScope, type Report, type Rule } from './define-rule';
import { SourceFile } from './documents/source';
import { yamlStyle, type YamlModel } from './documents/yaml';
import { findingsIn, type LintMemo, type MemoEntry } from './lint-memo';
import { ResolvedConfig } from './config';
import { applySuppressions } from './suppressions';
import { touchesUnsafe, unsafeRanges } from './fixes/unsafe';
import { rules as allRules } from './rules/index';
import { singleFileWorkspace, type WorkspaceView } from './workspace';
import { hclReady, hclLoadError } from './documents/hcl';

export interface RuleError {
  ruleId: string;
  error: string;
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw: each was skipped, the others ran. */
  ruleErrors: RuleError[];
  /** Set when the file was not linted, or only partly (time budget), with the reason. */
  skipped?: string;
}

export interface LintOptions {
  config?: ResolvedConfig;
  /** Path relative to the config root, for overrides. Defaults to the file's path. */
  relPath?: string;
  rules?: readonly Rule[];
  /** The workspace the file belongs to; without it cross-file rules see only this file. */
  workspace?: WorkspaceView;
  /** Run only rules with (true) or without (false) `crossFile`; both when undefined. */
  crossFile?: boolean;
  /** Stop starting rules once this many milliseconds have passed (default: the config's budget). */
  timeBudgetMs?: number;
}

/** Lint one file with every enabled rule of its kind; never throws. */
export function lint(file: SourceFile, options: LintOptions = {}): LintResult {
  const rules = options.rules ?? allRules;
  const config = options.config ?? new ResolvedConfig(rules);
  const relPath = options.relPath ?? file.path;
  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  const limit = config.maxFileSizeKB * 1024;
  if (file.text.length > limit) {
    return { findings, ruleErrors, skipped: `file too large to lint: ${(file.text.length / 1048576).toFixed(1)} MB > limit ${(limit / 1048576).toFixed(1)} MB` };
  }
  if (file.kind === 'terraform' && !hclReady()) {
    const why = hclLoadError()?.message;
    return { findings, ruleErrors, skipped: why ? `the Terraform parser failed to load: ${why}` : 'the Terraform parser is not loaded yet (initEngine() has not resolved)' };
  }
  const workspace = options.workspace ?? singleFileWorkspace(file);
  const budget = options.timeBudgetMs ?? config.lintTimeBudgetMs;
  const started = performance.now();
  let skipped: string | undefined;
  // A new version of a file linted before: `perDocument` rules run only on the documents that changed.
  const memo = file.lintMemo && YAML_KINDS.has(file.kind) ? file.lintMemo : undefined;
  let parts: Part[] | undefined;
  for (const rule of rules) {
    if (performance.now() - started > budget) {
      skipped = `linting stopped after ${Math.round(performance.now() - started)} ms (time budget ${budget} ms): the remaining rules did not run on this file`;
      break;
    }
    if (rule.meta.kind !== file.kind) continue;
    if (options.crossFile !== undefined && !!rule.meta.crossFile !== options.crossFile) continue;
    const { severity, options: ruleOptions } = config.ruleFor(rule.meta.id, relPath);
    if (severity === 'off') continue;
    const run = (part?: Part): Finding[] => {
      const own: Finding[] = [];
      const report = (r: Report<string>) =>
        own.push({
          ruleId: rule.meta.id,
          severity: severity as Severity,
          messageId: r.messageId,
          message: formatMessage(rule.meta.messages[r.messageId] ?? r.messageId, r.data),
          range: clampRange(r.range, file.text.length),
          docsUrl: rule.meta.docsUrl,
          fixes: r.fixes ?? [],
          related: r.related,
        });
      rule.check(new Context(file, ruleOptions, workspace, report, part) as unknown as Parameters<Rule['check']>[0]);
      return own;
    };
    try {
      if (memo && rule.meta.perDocument) {
        parts ??= documentParts(file, memo, [config, relPath, file.path]);
        const own: Finding[] = [];
        for (const part of parts) findingsIn(part.entry, rule, part.scope.range.start, file.path, () => run(part), own);
        findings.push(...own);
      } else findings.push(...run());
    } catch (e) {
      ruleErrors.push({ ruleId: rule.meta.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  }
  if (parts) memo!.end();
  const kept = applySuppressions(file, findings);
  // A fix never edits a part of the file its own syntax leaves open (unterminated heredoc, open quote).
  const unsafe = kept.some((f) => f.fixes.length) ? unsafeRanges(file) : [];
  if (unsafe.length) for (const f of kept) f.fixes = f.fixes.filter((fix) => !fix.edits.some((e) => touchesUnsafe(e.range, unsafe)));
  // Rule ids compare by code unit (the same order as localeCompare for [a-z0-9/-], without loading ICU).
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { findings: kept, ruleErrors, ...(skipped ? { skipped } : {}) };
}

/**
 * What a rule sees (RuleContext). `doc` is read lazily: a rule that never asks does not make the file
 * parse. One class instead of an object literal with a getter and a spread per rule and file.
 */
class Context {
  declare scope?: DocumentScope;
  readonly #part: Part | undefined;
  constructor(
    readonly file: SourceFile,
    readonly options: Record<string, unknown>,
    readonly workspace: WorkspaceView,
    readonly report: (r: Report<string>) => void,
    part: Part | undefined,
  ) {
    this.#part = part;
    if (part) this.scope = part.scope;
  }

  get doc(): unknown {
    return this.#part ? this.#part.doc : modelOf(this.file);
  }
}

const YAML_KINDS = new Set(['kubernetes', 'workflow', 'compose', 'yaml']);

/** One document of a YAML file (from its `---` line to the next), as a `perDocument` rule sees it. */
interface Part {
  scope: DocumentScope;
  /** The YAML model of this part alone. */
  doc: YamlModel;
  entry: MemoEntry;
}

/**
 * The documents of a file and their memo entries. An entry is found by the document's text (not
 * the text parsed, where templates are masked) and the line after it, which a finding at the
 * document's end may look at; the file's YAML style and templating are part of the memo's context.
 */
function documentParts(file: SourceFile, memo: LintMemo, context: unknown[]): Part[] {
  const yaml = file.yaml;
  const style = yamlStyle(file);
  memo.begin([...context, yaml.templated, style.indent, style.seqIndent, style.eol]);
  const text = file.text;
  return yaml.chunks.map((chunk, i) => {
    const next = yaml.chunks[i + 1];
    const end = next ? next.start : text.length;
    const nextLineEnd = next ? text.indexOf('\n', end) : -1;
    const after = next ? text.slice(end, nextLineEnd < 0 ? text.length : nextLineEnd) : '';
    const key = `${text.slice(chunk.start, end)}\0${next ? 'next' : 'end'}\0${after}`;
    return {
      scope: { range: { start: chunk.start, end }, docs: chunk.docRange },
      doc: { docs: yaml.docs.slice(...chunk.docRange), errors: yaml.errors.slice(...chunk.errorRange), templated: yaml.templated, chunks: [chunk] },
      entry: memo.entry(key),
    };
  });
}

function modelOf(file: SourceFile): unknown {
  switch (file.kind) {
    case 'dockerfile':
      return file.dockerfile;
    case 'kubernetes':
    case 'workflow':
    case 'compose':
    case 'yaml':
      return file.yaml;
    case 'terraform':
      return file.terraform;
    default:
      return file;
  }
}

function clampRange(r: { start: number; end: number }, length: number) {
  const start = Math.max(0, Math.min(r.start, length));
  return { start, end: Math.max(start, Math.min(r.end, length)) };
}

export { SourceFile };
