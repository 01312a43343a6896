// `shipready` — the same engine as the editor, for terminals and CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  CONFIG_FILE_NAMES,
  ResolvedConfig,
  initEngine,
  lint,
  rules,
  MANUAL_STATE_FILE,
  TEAM_CHECKLIST_FILE,
  checklistMarkdown,
  evaluateChecklists,
  mergeDefs,
  parseManualState,
  parseTeamChecklist,
  type ShipreadyConfig,
} from '../engine/index';
import { hash, LintCache } from './cache';
import { ConfigFileError, WORKER_RESOURCE_LIMITS, lintFiles, readConfigFile, relTo, workspaceFor, type BatchFacts, type FileResult, type LintTask } from './lint-files';
import { collectFiles, readText, UsageError } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStats, formatText } from './formatters/text';
import { formatChecklist } from './formatters/checklist';
import type { Reported } from './formatters/types';

declare const SHIPREADY_VERSION: string | undefined;
const VERSION = typeof SHIPREADY_VERSION === 'string' ? SHIPREADY_VERSION : '0.0.0-dev';

const HELP = `Usage:
  shipready check [paths...] [options]   lint files and folders (default: .)
  shipready rules [--format text|json]   list every rule
  shipready checklist [folder] [--format text|json|markdown] [--list <id>]
                                          evaluate the release checklists (exit 1 when an
                                          automatic item of the chosen list(s) fails)

Options for check:
  --format text|json|sarif   output format (default text)
  --config <file>            configuration file (default: .shipready.yaml in the current folder)
  --max-warnings <n>         exit 1 when there are more than n warnings
  --fix                      apply safe fixes and write the files
  --stats                    print a count of findings per rule after the report
  --output <file>            write the report to a file instead of stdout
  --no-color                 plain text
  --cache                    skip files unchanged since the last run (.shipready-cache)
  --cache-location <file>    where the cache lives
  --shard <i>/<n>            lint only the i-th of n deterministic parts (CI matrices);
                             cross-file rules still see every file
  --jobs <n>                 worker threads (default: up to 4 when there are many files)

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or configuration error.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    await initEngine(); // the Terraform parser (wasm) loads asynchronously; lint() is synchronous
    if (command === 'rules') return rulesCommand(rest);
    if (command === 'check') return await checkCommand(rest);
    if (command === 'checklist') return checklistCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`shipready: ${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
}

function rulesCommand(args: string[]): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } }, strict: true });
  const list = rules.map((r) => ({
    id: r.meta.id,
    severity: r.meta.preset === 'recommended' ? r.meta.severity : 'off',
    severityWhenOn: r.meta.severity,
    preset: r.meta.preset,
    summary: r.meta.summary,
    fixable: r.meta.fixable,
    docsUrl: r.meta.docsUrl,
    sources: r.meta.sources,
  }));
  if (values.format === 'json') process.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else if (values.format === 'text') {
    const w = Math.max(...list.map((r) => r.id.length));
    for (const r of list) process.stdout.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.summary}\n`);
  } else throw new UsageError(`unknown format "${values.format}"`);
  return 0;
}

function loadConfig(explicit: string | undefined): { root: string; config: ShipreadyConfig | undefined } {
  const candidates = explicit ? [path.resolve(explicit)] : CONFIG_FILE_NAMES.map((n) => path.resolve(n));
  for (const p of candidates) {
    if (!fs.existsSync(p)) {
      if (explicit) throw new UsageError(`configuration file not found: ${explicit}`);
      continue;
    }
    try {
      return { root: path.dirname(p), config: readConfigFile(p) };
    } catch (e) {
      if (e instanceof ConfigFileError) throw new UsageError(`invalid configuration ${path.relative(process.cwd(), p) || p}:\n${e.message}`);
      throw e;
    }
  }
  return { root: process.cwd(), config: undefined };
}

interface CheckOptions {
  format: string;
  maxWarnings: number;
  fix: boolean;
  stats: boolean;
  output?: string;
  color: boolean;
  cache?: string;
  shard?: { index: number; count: number };
  jobs: number;
}

function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean', default: false },
      stats: { type: 'boolean', default: false },
      output: { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      shard: { type: 'string' },
      jobs: { type: 'string' },
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}"`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings needs a whole number ≥ 0');
  }
  let shard: CheckOptions['shard'];
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError('--shard needs i/n with 1 ≤ i ≤ n, e.g. --shard 2/4');
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  let jobs = 0;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs needs a whole number ≥ 1');
  }
  const { root, config: fileConfig } = loadConfig(values.config);
  return runCheck(positionals.length ? positionals : ['.'], root, fileConfig, {
    format,
    maxWarnings,
    fix: values.fix!,
    stats: values.stats!,
    output: values.output,
    color: !values['no-color'] && !values.output && process.stdout.isTTY === true,
    cache: values.cache || values['cache-location'] ? path.resolve(values['cache-location'] ?? path.join(root, '.shipready-cache')) : undefined,
    shard,
    jobs,
  });
}

/** Below this many files a worker pool costs more than it saves. */
const PARALLEL_THRESHOLD = 150;

async function runCheck(inputs: string[], root: string, fileConfig: ShipreadyConfig | undefined, o: CheckOptions): Promise<number> {
  const config = new ResolvedConfig(rules, fileConfig ? [fileConfig] : []);
  const warn = (m: string) => process.stderr.write(`shipready: ${m}\n`);
  const all = collectFiles(inputs, root, config, warn);
  // Shards partition the files by a hash of their path: stable when files are added or removed.
  const mine = o.shard ? all.filter((abs) => shardOf(relTo(root, abs), o.shard!.count) === o.shard!.index - 1) : all;

  let todo = mine;
  const cached: FileResult[] = [];
  let cache: LintCache | undefined;
  const keys = new Map<string, string>();
  if (o.cache && !o.fix) {
    cache = new LintCache(o.cache, hash(`${VERSION}\n${JSON.stringify(fileConfig ?? null)}\n${rules.map((r) => r.meta.id).join(',')}`));
    const contentHash = new Map(all.map((abs) => [abs, hash(safeRead(abs) ?? '')]));
    // Cross-file rules make a file's findings depend on every file: the whole set is part of the key.
    const workspaceHash = hash(all.map((abs) => `${abs}:${contentHash.get(abs)}`).join('\n'));
    todo = [];
    for (const abs of mine) {
      const key = hash(`${contentHash.get(abs)}\n${workspaceHash}`);
      keys.set(abs, key);
      const hit = cache.get(abs, key);
      if (hit) cached.push(hit);
      else todo.push(abs);
    }
  }

  const task = { root, config: fileConfig, all, cwd: process.cwd(), fix: o.fix };
  const jobs = o.fix ? 1 : o.jobs || (todo.length >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), 4) : 1);
  const fresh = todo.length === 0 ? [] : jobs > 1 ? await lintInPool(task, todo, jobs) : lintFiles({ ...task, batch: todo });
  for (const r of fresh) for (const w of r.warnings) warn(w);
  if (cache) {
    for (const r of fresh) cache.set(r.abs, keys.get(r.abs)!, r);
    cache.save();
  }

  const byPath = new Map([...cached, ...fresh].map((r) => [r.abs, r]));
  const ordered = mine.map((abs) => byPath.get(abs)).filter((r): r is FileResult => !!r);
  const results: Reported[] = ordered.flatMap((r) => r.reported);
  const input = { results, rules, filesLinted: ordered.filter((r) => r.linted).length, version: VERSION };
  let out = o.format === 'json' ? formatJson(input) : o.format === 'sarif' ? formatSarif(input, o.shard) : formatText(input, o.color);
  if (o.stats) {
    const stats = formatStats(input);
    if (o.format === 'text') out += '\n' + stats;
    else process.stderr.write(stats);
  }
  if (o.output) fs.writeFileSync(o.output, out);
  else process.stdout.write(out);
  const errors = results.filter((r) => r.finding.severity === 'error').length;
  const warnings = results.filter((r) => r.finding.severity === 'warning').length;
  return errors > 0 || (o.maxWarnings >= 0 && warnings > o.maxWarnings) ? 1 : 0;
}

/**
 * Lint in a pool of worker threads, one batch per worker balanced by size. Each worker parses only
 * its batch: the workers first exchange the facts cross-file rules need of their files (through
 * the main thread), then lint; the output is the serial one.
 */
async function lintInPool(task: Omit<LintTask, 'batch'>, files: string[], jobs: number): Promise<FileResult[]> {
  const pool = new Piscina({ filename: path.join(__dirname, 'lint-worker.js'), minThreads: jobs, maxThreads: jobs, idleTimeout: 100, resourceLimits: WORKER_RESOURCE_LIMITS });
  try {
    const batches = balance(files, jobs);
    const channels = batches.map(() => new MessageChannel());
    const facts = channels.map((c) => new Promise<BatchFacts>((resolve) => c.port1.once('message', resolve)));
    // Each worker gets the facts of the other batches only (it skips its own: no need to copy them).
    void Promise.all(facts).then((all) => channels.forEach((c, i) => c.port1.postMessage(all.filter((_, j) => j !== i).flat())));
    const parts = await Promise.all(
      batches.map((batch, i) => pool.run({ ...task, batch, exchange: channels[i].port2 }, { transferList: [channels[i].port2] }) as Promise<FileResult[]>),
    ).finally(() => channels.forEach((c) => c.port1.close()));
    return parts.flat();
  } finally {
    await pool.destroy();
  }
}

/** Split files into n batches of about equal size (largest first onto the lightest), each in input order. */
function balance(files: string[], n: number): string[][] {
  const size = (abs: string) => {
    try {
      return fs.statSync(abs).size;
    } catch {
      return 0;
    }
  };
  const sized = files.map((abs, i) => ({ abs, i, size: size(abs) }));
  const parts = Array.from({ length: Math.min(n, files.length) }, () => ({ items: [] as typeof sized, load: 0 }));
  for (const f of [...sized].sort((a, b) => b.size - a.size || a.i - b.i)) {
    const p = parts.reduce((a, b) => (b.load < a.load ? b : a));
    p.items.push(f);
    p.load += f.size;
  }
  return parts.map((p) => p.items.sort((a, b) => a.i - b.i).map((f) => f.abs));
}

function shardOf(rel: string, count: number): number {
  return parseInt(hash(rel).slice(0, 8), 16) % count;
}

function safeRead(abs: string): string | undefined {
  try {
    return readText(abs);
  } catch {
    return undefined;
  }
}

function checklistCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', default: 'text' }, list: { type: 'string' }, config: { type: 'string' }, 'no-color': { type: 'boolean', default: false } },
  });
  const format = values.format!;
  if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError(`unknown format "${format}"`);
  if (positionals.length > 1) throw new UsageError('checklist takes one folder');
  const folder = path.resolve(positionals[0] ?? '.');
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${positionals[0]}`);
  process.chdir(folder);
  const { root, config: fileConfig } = loadConfig(values.config);
  const config = new ResolvedConfig(rules, fileConfig ? [fileConfig] : []);
  const warn = (m: string) => process.stderr.write(`shipready: ${m}\n`);
  const { workspace } = workspaceFor({ root, config: fileConfig, all: collectFiles(['.'], root, config, warn) }, warn);
  const results = [...workspace.all()]
    .filter((file) => file.kind !== 'unknown' && file.kind !== 'yaml')
    .map((file) => ({ file, findings: lint(file, { config, relPath: file.path, workspace }).findings }));
  const team = workspace.readFile(TEAM_CHECKLIST_FILE);
  const parsedTeam = team === undefined ? undefined : parseTeamChecklist(team);
  if (parsedTeam?.errors.length) throw new UsageError(`invalid ${TEAM_CHECKLIST_FILE}:\n${parsedTeam.errors.map((e) => `  ${e}`).join('\n')}`);
  const listIds = mergeDefs(parsedTeam?.defs).map((l) => l.id);
  if (values.list && !listIds.includes(values.list)) throw new UsageError(`unknown list "${values.list}" (lists: ${listIds.join(', ')})`);
  const enabled = new Set(rules.filter((r) => config.isEnabled(r.meta.id)).map((r) => r.meta.id));
  const report = evaluateChecklists({
    workspace,
    knownRules: enabled,
    findings: (ids) => {
      const set = new Set(ids);
      return results.flatMap((r) => r.findings.filter((f) => set.has(f.ruleId)).map((finding) => ({ path: r.file.path, finding, file: r.file })));
    },
    manual: parseManualState(workspace.readFile(MANUAL_STATE_FILE)),
    team: parsedTeam?.defs,
    list: values.list,
  });
  const color = !values['no-color'] && process.stdout.isTTY === true;
  if (format === 'json') process.stdout.write(JSON.stringify({ lists: report.lists.map(({ ready: _r, total: _t, ...l }) => l) }, null, 2) + '\n');
  else if (format === 'markdown') process.stdout.write(checklistMarkdown(report));
  else process.stdout.write(formatChecklist(report, color));
  return report.lists.some((l) => l.items.some((i) => i.kind === 'auto' && i.status === 'fail')) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    process.stderr.write(`shipready: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = 2;
  },
);
