// `shipready` — the same engine as the editor, for terminals and CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONFIG_FILE_NAMES,
  ResolvedConfig,
  Workspace,
  applyFixes,
  lint,
  parseConfig,
  rules,
  MANUAL_STATE_FILE,
  TEAM_CHECKLIST_FILE,
  checklistMarkdown,
  evaluateChecklists,
  mergeDefs,
  parseManualState,
  parseTeamChecklist,
  type Fix,
  type ShipreadyConfig,
} from '../engine/index';
import { collectFiles, readText, UsageError } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStats, formatText } from './formatters/text';
import { formatChecklist } from './formatters/checklist';
import type { Reported } from './formatters/types';

declare const SHIPREADY_VERSION: string | undefined;
const VERSION = typeof SHIPREADY_VERSION === 'string' ? SHIPREADY_VERSION : '0.0.0-dev';
const MAX_FIX_PASSES = 10;

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

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or configuration error.
`;

function main(argv: string[]): number {
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
    if (command === 'rules') return rulesCommand(rest);
    if (command === 'check') return checkCommand(rest);
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
    const { config, errors } = parseConfig(fs.readFileSync(p, 'utf8'), rules);
    if (errors.length) {
      const text = fs.readFileSync(p, 'utf8');
      const where = (o?: number) => (o === undefined ? '' : `:${text.slice(0, o).split('\n').length}`);
      throw new UsageError(`invalid configuration ${path.relative(process.cwd(), p) || p}:\n${errors.map((e) => `  ${where(e.range?.start)} ${e.message}`).join('\n')}`);
    }
    return { root: path.dirname(p), config };
  }
  return { root: process.cwd(), config: undefined };
}

function checkCommand(args: string[]): number {
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
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}"`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings needs a whole number ≥ 0');
  }
  const { root, config: fileConfig } = loadConfig(values.config);
  const config = new ResolvedConfig(rules, fileConfig ? [fileConfig] : []);
  const warn = (m: string) => process.stderr.write(`shipready: ${m}\n`);
  const files = collectFiles(positionals.length ? positionals : ['.'], root, config, warn);

  const { workspace, sources } = loadWorkspace(files, root, config, warn);

  const results: Reported[] = [];
  for (const { abs, rel } of sources) {
    let file = workspace.get(rel)!;
    let result = lint(file, { config, relPath: rel, workspace });
    if (values.fix) {
      let text = file.text;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixes = result.findings.map((f) => f.fixes.find((x) => !x.snippet && !x.fileEdits?.length)).filter((x): x is Fix => !!x);
        const next = applyFixes(text, fixes);
        if (next.applied.length === 0) break;
        text = next.text;
        file = workspace.set(rel, text);
        result = lint(file, { config, relPath: rel, workspace });
      }
      if (text !== readText(abs)) fs.writeFileSync(abs, text);
    }
    for (const e of result.ruleErrors) warn(`rule ${e.ruleId} failed on ${rel} and was skipped: ${e.error.split('\n')[0]}`);
    if (result.skipped) warn(`${rel}: ${result.skipped}`);
    for (const finding of result.findings) {
      results.push({
        file: path.relative(process.cwd(), abs).split(path.sep).join('/') || rel,
        rootPath: rel,
        source: file,
        finding,
        start: file.lines.positionAt(finding.range.start),
        end: file.lines.positionAt(finding.range.end),
      });
    }
  }

  const input = { results, rules, filesLinted: sources.length, version: VERSION };
  let out =
    format === 'json' ? formatJson(input) : format === 'sarif' ? formatSarif(input) : formatText(input, !values['no-color'] && !values.output && process.stdout.isTTY === true);
  if (values.stats) {
    const stats = formatStats(input);
    if (format === 'text') out += '\n' + stats;
    else process.stderr.write(stats);
  }
  if (values.output) fs.writeFileSync(values.output, out);
  else process.stdout.write(out);

  const errors = results.filter((r) => r.finding.severity === 'error').length;
  const warnings = results.filter((r) => r.finding.severity === 'warning').length;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}

/** Read the files into one workspace index (cross-file rules and the checklist read it). */
function loadWorkspace(files: string[], root: string, config: ResolvedConfig, warn: (m: string) => void) {
  const workspace = new Workspace({
    exists: (p) => fs.existsSync(path.resolve(root, p)),
    readFile: (p) => {
      try {
        return readText(path.resolve(root, p));
      } catch {
        return undefined;
      }
    },
  });
  const toRel = (abs: string) => path.relative(root, abs).split(path.sep).join('/') || path.basename(abs);
  const sources: { abs: string; rel: string }[] = [];
  for (const abs of files) {
    let text: string;
    try {
      if (fs.statSync(abs).size > config.maxFileSizeKB * 1024 * 4) {
        warn(`skipped ${abs}: larger than the size limit`);
        continue;
      }
      text = readText(abs);
    } catch (e) {
      warn(`skipped ${abs}: ${(e as Error).message}`);
      continue;
    }
    const file = workspace.set(toRel(abs), text);
    if (file.kind !== 'unknown' && file.kind !== 'yaml') sources.push({ abs, rel: file.path });
  }

  return { workspace, sources };
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
  const { workspace, sources } = loadWorkspace(collectFiles(['.'], root, config, warn), root, config, warn);
  const results = sources.map(({ rel }) => {
    const file = workspace.get(rel)!;
    return { file, findings: lint(file, { config, relPath: rel, workspace }).findings };
  });
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

process.exitCode = main(process.argv.slice(2));
