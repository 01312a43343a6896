import type { Finding, Fix } from './types';
import type { SourceFile } from './documents/source';

const HEAD = /^#\s*shipready-ignore(-file|-line)?(?=[ \t]|$)/;
const ID_LIST = /^[a-z0-9][a-z0-9/,\- \t]*$/;

/** A parsed `# shipready-ignore[-file|-line] [ids] [-- reason]` comment. */
export interface ParsedDirective {
  form: 'next' | 'line' | 'file';
  /** Rule ids; undefined = every rule. */
  ids?: string[];
  /** Offsets in the comment of the id list (trimmed), when there is one. */
  idsStart?: number;
  idsEnd?: number;
  reason?: string;
}

/**
 * Parse a comment that starts with `#`; undefined when it is not a directive. Linear time: the
 * reason is split off at the first ` --`, then the id list is checked as a whole.
 */
export function parseDirective(comment: string): ParsedDirective | undefined {
  const m = HEAD.exec(comment);
  if (!m) return undefined;
  const form = m[1] === '-file' ? 'file' : m[1] === '-line' ? 'line' : 'next';
  const rest = comment.slice(m[0].length);
  const dash = rest.search(/(?:^|[ \t])--(?:[ \t]|$)/);
  const list = dash < 0 ? rest : rest.slice(0, dash);
  const reason = dash < 0 ? undefined : rest.slice(dash).replace(/^[ \t]*--[ \t]*/, '').trim() || undefined;
  const trimmed = list.trim();
  if (trimmed && !ID_LIST.test(trimmed)) return undefined;
  const ids = trimmed ? trimmed.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
  const idsStart = trimmed ? m[0].length + list.indexOf(trimmed) : undefined;
  return { form, ids, idsStart, idsEnd: idsStart === undefined ? undefined : idsStart + trimmed.length, reason };
}

interface Directive {
  form: 'next' | 'line' | 'file';
  /** Undefined = all rules. */
  rules?: Set<string>;
  /** 0-based line of the comment. */
  line: number;
  /** Lines the directive applies to (inclusive), for `next` and `line`. */
  from: number;
  to: number;
}

/** Parse `# shipready-ignore …` directives of a Dockerfile or YAML file. */
export function readDirectives(file: SourceFile): Directive[] {
  const text = file.text;
  if (!text.includes('shipready-ignore')) return [];
  const lines = file.lines;
  const out: Directive[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const hash = content.indexOf('#');
    if (hash < 0 || !content.includes('shipready-ignore', hash)) continue;
    const d = parseDirective(content.slice(hash));
    if (!d) continue;
    const rules = d.ids ? new Set(d.ids) : undefined;
    const ownLine = content.slice(0, hash).trim() === '';
    if (d.form === 'file') out.push({ form: 'file', rules, line, from: 0, to: Infinity });
    else if (d.form === 'line' || !ownLine) out.push({ form: 'line', rules, line, from: line, to: line });
    else {
      const [from, to] = nextStatement(file, line);
      out.push({ form: 'next', rules, line, from, to });
    }
  }
  return out;
}

/** Lines of the statement after a comment line: a Dockerfile instruction, or a YAML node with its subtree. */
function nextStatement(file: SourceFile, commentLine: number): [number, number] {
  const lines = file.lines;
  let start = commentLine + 1;
  while (start < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(start))) start++;
  if (start >= lines.lineCount) return [start, start];
  if (file.kind === 'dockerfile') {
    const offset = lines.lineStart(start);
    const ins = file.dockerfile.instructions.find((i) => i.range.start <= lines.lineEnd(start) && i.range.end >= offset);
    return ins ? [start, lines.positionAt(ins.range.end).line] : [start, start];
  }
  const indentOf = (s: string) => s.length - s.trimStart().length;
  const first = lines.lineText(start);
  // A sequence item's children are indented past its dash.
  const base = indentOf(first);
  let end = start;
  for (let l = start + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (/^\s*(#.*)?$/.test(t)) continue;
    if (indentOf(t) <= base || /^(---|\.\.\.)/.test(t)) break;
    end = l;
  }
  return [start, end];
}

/** Drop findings that a directive suppresses. */
export function applySuppressions(file: SourceFile, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const directives = readDirectives(file);
  if (directives.length === 0) return findings;
  return findings.filter((f) => {
    const line = file.lines.positionAt(f.range.start).line;
    return !directives.some((d) => (!d.rules || d.rules.has(f.ruleId)) && line >= d.from && line <= d.to);
  });
}

/** The "disable for this line" and "disable in this file" fixes offered for every finding. */
export function suppressionFixes(file: SourceFile, finding: Finding): Fix[] {
  const lines = file.lines;
  const eol = lines.eol();
  const id = finding.ruleId;
  let line = lines.positionAt(finding.range.start).line;
  if (file.kind === 'dockerfile') {
    const ins = file.dockerfile.instructions.find((i) => i.range.start <= finding.range.start && finding.range.start <= i.range.end);
    if (ins) line = lines.positionAt(ins.range.start).line;
  }
  const directives = readDirectives(file);
  const fixes: Fix[] = [];

  const above = directives.find((d) => d.form === 'next' && d.from === line && d.rules);
  if (above) fixes.push({ title: `Disable ${id} for this line`, edits: [appendRule(file, above.line, id)] });
  else {
    const lineText = lines.lineText(line);
    const indent = lineText.slice(0, lineText.length - lineText.trimStart().length);
    const at = lines.lineStart(line);
    fixes.push({ title: `Disable ${id} for this line`, edits: [{ range: { start: at, end: at }, text: `${indent}# shipready-ignore ${id}${eol}` }] });
  }

  const fileDirective = directives.find((d) => d.form === 'file' && d.rules);
  if (fileDirective) fixes.push({ title: `Disable ${id} in this file`, edits: [appendRule(file, fileDirective.line, id)] });
  else {
    // After Dockerfile parser directives, and never before a byte-order mark.
    const at = Math.max(file.kind === 'dockerfile' ? file.dockerfile.directivesEnd : 0, file.text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const needsBreak = at === file.text.length && at > 0 && !/[\r\n]$/.test(file.text);
    fixes.push({ title: `Disable ${id} in this file`, edits: [{ range: { start: at, end: at }, text: `${needsBreak ? eol : ''}# shipready-ignore-file ${id}${eol}` }] });
  }
  return fixes;
}

function appendRule(file: SourceFile, line: number, id: string) {
  const text = file.lines.lineText(line);
  const start = file.lines.lineStart(line);
  const hash = text.indexOf('#');
  const d = parseDirective(text.slice(hash))!;
  const at = start + hash + d.idsEnd!;
  return { range: { start: at, end: at }, text: `,${id}` };
}
