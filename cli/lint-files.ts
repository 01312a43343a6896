// Lint a batch of files against the whole workspace. Runs in the CLI process or in a pool worker.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { ResolvedConfig, Workspace, applyFixes, extractFacts, lint, parseConfig, rules, type FileFacts, type Finding, type Fix, type ShipreadyConfig } from '../engine/index';
import { readText } from './files';
import type { Reported } from './formatters/types';

const MAX_FIX_PASSES = 10;

/**
 * V8 limits of a pool worker. A run keeps every parsed file of its batch alive, so most of what the
 * parsers allocate survives a scavenge or two: with V8's default young generation (16 MB semi-spaces)
 * a worker scavenges every ~16 MB allocated (about 125 times per 500 files), and the parallel
 * scavenges' helper threads compete with the other worker for the cores. 64 MB semi-spaces
 * (a 192 MB young generation, allocated as it is used) scavenge a quarter as often.
 */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 192 } as const;

export interface LintTask {
  /** Config root (absolute). */
  root: string;
  /** Parsed `.shipready.yaml`, if any. */
  config?: ShipreadyConfig;
  /** Every file of the run (absolute): the index cross-file rules read. */
  all: string[];
  /** The files to lint (absolute), a subset of `all`. */
  batch: string[];
  cwd: string;
  fix: boolean;
}

export interface FileResult {
  abs: string;
  rel: string;
  reported: Reported[];
  warnings: string[];
  /** The file was linted (not an unknown kind). */
  linted: boolean;
}

let cached: { key: string; workspace: Workspace; config: ResolvedConfig; warnings: string[] } | undefined;

/** The index of every file of the run, built once per process (workers keep it between tasks). */
export function workspaceFor(task: Pick<LintTask, 'root' | 'all' | 'config'>, warn?: (m: string) => void): NonNullable<typeof cached> {
  const key = `${task.root}\n${JSON.stringify(task.config ?? null)}\n${task.all.length}\n${task.all[0] ?? ''}\n${task.all[task.all.length - 1] ?? ''}`;
  if (cached?.key === key) {
    // warnings of the indexing go to the first caller that reports them
    if (warn) for (const m of cached.warnings.splice(0)) warn(m);
    return cached;
  }
  const warnings: string[] = [];
  const report = warn;
  const note = (m: string) => warnings.push(m);
  const config = new ResolvedConfig(rules, task.config ? [task.config] : []);
  const workspace = new Workspace({
    exists: (p) => fs.existsSync(path.resolve(task.root, p)),
    readFile: (p) => {
      try {
        return readText(path.resolve(task.root, p));
      } catch {
        return undefined;
      }
    },
  });
  for (const abs of task.all) {
    try {
      if (fs.statSync(abs).size > config.maxFileSizeKB * 1024 * 4) {
        note(`skipped ${abs}: larger than the size limit`);
        continue;
      }
      workspace.set(relTo(task.root, abs), readText(abs));
    } catch (e) {
      note(`skipped ${abs}: ${(e as Error).message}`);
    }
  }
  cached = { key, workspace, config, warnings };
  return workspaceFor(task, report);
}

export function relTo(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/') || path.basename(abs);
}

/** What a worker tells the others about the files of its batch: the facts cross-file indexes read, per path. */
export type BatchFacts = [rel: string, textHash: string, facts: FileFacts][];

const textHash = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Phase 1 of a parallel run: parse the files of the batch and extract what the cross-file indexes
 * need of them, for the workers that lint the other batches (they then parse no file but their own).
 */
export function batchFacts(task: LintTask): BatchFacts {
  const { workspace } = workspaceFor(task);
  const out: BatchFacts = [];
  for (const abs of task.batch) {
    const rel = relTo(task.root, abs);
    const file = workspace.get(rel);
    if (file) out.push([rel, textHash(file.text), extractFacts(file)]);
  }
  return out;
}

/** Phase 2: take the facts of the other batches (each only if this worker read the same text). */
export function seedFacts(task: LintTask, facts: BatchFacts) {
  const { workspace } = workspaceFor(task);
  const mine = new Set(task.batch.map((abs) => relTo(task.root, abs)));
  for (const [rel, hash, f] of facts) {
    const file = workspace.get(rel);
    if (file && !mine.has(rel) && textHash(file.text) === hash) workspace.seedFacts(rel, f);
  }
}

export function lintFiles(task: LintTask): FileResult[] {
  const warnings: string[] = [];
  const { workspace, config } = workspaceFor(task, (m) => warnings.push(m));
  const out: FileResult[] = [];
  for (const abs of task.batch) {
    const rel = relTo(task.root, abs);
    let file = workspace.get(rel);
    const result: FileResult = { abs, rel, reported: [], warnings: out.length === 0 ? warnings : [], linted: false };
    out.push(result);
    if (!file || file.kind === 'unknown' || file.kind === 'yaml') continue;
    result.linted = true;
    let lintResult = lint(file, { config, relPath: rel, workspace });
    if (task.fix) {
      const original = file.text;
      let text = original;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const next = applyFixes(text, lintResult.findings.map(firstSafeFix).filter((x): x is Fix => !!x));
        if (next.applied.length === 0) break;
        text = next.text;
        file = workspace.set(rel, text);
        lintResult = lint(file, { config, relPath: rel, workspace });
      }
      if (text !== original) fs.writeFileSync(abs, text);
    }
    for (const e of lintResult.ruleErrors) result.warnings.push(`rule ${e.ruleId} failed on ${rel} and was skipped: ${e.error.split('\n')[0]}`);
    if (lintResult.skipped) result.warnings.push(`${rel}: ${lintResult.skipped}`);
    const lines = file.lines;
    for (const f of lintResult.findings) {
      const { fixes: _fixes, ...finding } = f;
      const fix = firstSafeFix(f);
      result.reported.push({
        file: path.relative(task.cwd, abs).split(path.sep).join('/') || rel,
        rootPath: rel,
        finding,
        start: lines.positionAt(f.range.start),
        end: lines.positionAt(f.range.end),
        ...(fix ? { fix: { title: fix.title, edits: fix.edits.map((e) => ({ start: lines.positionAt(e.range.start), end: lines.positionAt(e.range.end), newText: e.text })) } } : {}),
      });
    }
  }
  return out;
}

function firstSafeFix(f: Finding): Fix | undefined {
  return f.fixes.find((x) => !x.snippet && !x.fileEdits?.length);
}

/** Load and validate a config file; errors are thrown as text. */
export function readConfigFile(p: string): ShipreadyConfig {
  const text = fs.readFileSync(p, 'utf8');
  const { config, errors } = parseConfig(text, rules);
  if (errors.length) {
    const where = (o?: number) => (o === undefined ? '' : `:${text.slice(0, o).split('\n').length}`);
    throw new ConfigFileError(`${errors.map((e) => `  ${where(e.range?.start)} ${e.message}`).join('\n')}`);
  }
  return config ?? {};
}

export class ConfigFileError extends Error {}
