/** Severity of a finding; maps 1:1 onto LSP DiagnosticSeverity. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A severity as configured: a severity, or `off`. */
export type SeveritySetting = Severity | 'off';

/** What a file is, as far as the engine is concerned. */
export type DocumentKind = 'dockerfile' | 'kubernetes' | 'workflow' | 'compose' | 'dockerignore' | 'yaml' | 'terraform' | 'unknown';

/** A half-open range of UTF-16 offsets into a document's text. */
export interface Range {
  start: number;
  end: number;
}

/** Replace `range` with `text`. Insertions have `start === end`. */
export interface TextEdit {
  range: Range;
  text: string;
}

/** A change to a file other than the linted one (e.g. create `.dockerignore`). */
export interface FileEdit {
  /** Path relative to the linted file's folder, or absolute. */
  path: string;
  /** Create the file with `text` if it does not exist; otherwise apply `edits`. */
  create?: string;
  edits?: TextEdit[];
}

/** A fix: edits to the linted document, computed by the rule that found the problem. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * The edits contain snippet placeholders (`${1:TAG}`) for the user to fill in. Such fixes are
   * offered as quick fixes but never applied by fix-all or `shipready check --fix`.
   */
  snippet?: boolean;
  /** Edits to other files (workspace rules). */
  fileEdits?: FileEdit[];
  /**
   * Text the fix's edits were derived from (e.g. the base image that decides between `adduser`
   * and `useradd`). Fix-all defers this fix to its next pass when another fix changes that text.
   */
  reads?: Range[];
}

/** Another place that explains a finding (e.g. the PDB that does not match). */
export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

/** One problem found by one rule. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  range: Range;
  docsUrl: string;
  fixes: Fix[];
  related?: RelatedLocation[];
}

export type RuleType = 'problem' | 'suggestion' | 'style';
export type Preset = 'recommended' | 'strict';

/** The metadata every rule declares. */
export interface RuleMeta {
  /** `<domain>/<kebab-name>`; also the docs page path and the test path. */
  id: string;
  kind: DocumentKind;
  type: RuleType;
  /** Severity when the rule is on. */
  severity: Severity;
  /** `recommended` rules are on by default; `strict` rules only with `extends: strict` or `all`. */
  preset: Preset;
  summary: string;
  sources: string[];
  /** messageId → template with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /** True when at least one of the rule's findings carries a fix. */
  fixable: boolean;
  /** Reads other files through the workspace index; re-run when any of them changes. */
  crossFile?: boolean;
  /**
   * What the rule finds about one YAML document depends only on that document (its text up to the
   * next `---` line) and the file's YAML style: after an edit, the runner re-runs it only on the
   * documents that changed and moves the findings of the others (engine/run.ts).
   */
  perDocument?: boolean;
  /** JSON schema of the rule's options. */
  options?: object;
  docsUrl: string;
}
