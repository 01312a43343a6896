import type { DocumentKind, Fix, Preset, Range, RelatedLocation, RuleMeta, RuleType, Severity } from './types';
import type { SourceFile } from './documents/source';
import type { DockerfileModel } from './documents/dockerfile';
import type { YamlModel } from './documents/yaml';
import type { TerraformModel } from './documents/terraform';
import type { WorkspaceView } from './workspace';

export const DOCS_BASE = 'https://github.com/shipready/shipready/blob/main/docs/rules/';

type ModelOf<K extends DocumentKind> = K extends 'dockerfile'
  ? DockerfileModel
  : K extends 'kubernetes' | 'workflow' | 'compose' | 'yaml'
    ? YamlModel
    : K extends 'terraform'
      ? TerraformModel
      : SourceFile;

/** What a rule reports; the runner turns it into a Finding. */
export interface Report<M extends string = string> {
  range: Range;
  messageId: M;
  data?: Record<string, string | number>;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface RuleContext<K extends DocumentKind = DocumentKind, M extends string = string> {
  file: SourceFile;
  /** The parsed model of the file, parsed once and shared by all rules. */
  doc: ModelOf<K>;
  options: Record<string, unknown>;
  /** The other files of the workspace, for cross-file rules (`crossFile: true`). */
  workspace: WorkspaceView;
  /**
   * Set when a `perDocument` rule runs on part of a YAML file: it looks only at the documents of
   * this scope (`doc` holds only them, and the Kubernetes view only their objects).
   */
  scope?: DocumentScope;
  report(report: Report<M>): void;
}

/** One run of a YAML file from a `---` line to the next: the unit a `perDocument` rule runs on. */
export interface DocumentScope {
  range: Range;
  /** Indexes of its documents in the file's `YamlModel.docs`: first, and one past the last. */
  docs: readonly [number, number];
}

export interface RuleDefinition<K extends DocumentKind, M extends string> {
  id: string;
  kind: K;
  type: RuleType;
  severity: Severity;
  preset?: Preset;
  summary: string;
  sources: string[];
  messages: Record<M, string>;
  fixable: boolean;
  /** The rule reads other files through `ctx.workspace`: re-run it when any file of the workspace changes. */
  crossFile?: boolean;
  /** Its findings about a YAML document depend only on that document: re-run only on documents that change. */
  perDocument?: boolean;
  options?: object;
  check(ctx: RuleContext<K, M>): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Declare a rule: fills defaults and derives the docs URL from the id. */
export function defineRule<K extends DocumentKind, M extends string>(def: RuleDefinition<K, M>): Rule {
  const { check, ...meta } = def;
  return {
    meta: { preset: 'recommended', ...meta, docsUrl: `${DOCS_BASE}${def.id}.md` },
    check: check as unknown as Rule['check'],
  };
}

/** Fill `{{name}}` placeholders. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  const parts = templateParts(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const k = parts[i];
    out += (k in data ? String(data[k]) : parts[i + 1]) + parts[i + 2];
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
/** Message templates split once: text, then (name, placeholder as written, text) per placeholder. */
const splitTemplates = new Map<string, string[]>();
function templateParts(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      parts.push(template.slice(last, m.index), m[1], m[0]);
      last = m.index! + m[0].length;
    }
    parts.push(template.slice(last));
    // Templates come from rule definitions; a bound keeps odd callers from growing it forever.
    if (splitTemplates.size > 5000) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  return parts;
}
