/** The engine's public surface, used by the server, the CLI and tests. */
export * from './types';
export { SourceFile } from './documents/source';
export { classify, isCandidateName, basename } from './documents/classify';
export { LineIndex, type Position } from './text/line-index';
export { lint, type LintResult, type LintOptions, type RuleError } from './run';
export { initEngine } from './init';
export { rules, ruleById } from './rules/index';
export { defineRule, type Rule, type RuleContext } from './define-rule';
export { ResolvedConfig, parseConfig, CONFIG_FILE_NAMES, type ShipreadyConfig, type ConfigError, type RuleSetting } from './config';
export { suppressionFixes } from './suppressions';
export { applyEdits, applyFixes, snippetToText } from './fixes/apply';
export { Workspace, singleFileWorkspace, extractFacts, type WorkspaceView, type FileSystemView, type FileFacts } from './workspace';
export { evaluateChecklists, parseTeamChecklist, validateDefs, mergeDefs, ownerOf, TEAM_CHECKLIST_FILE, MANUAL_STATE_FILE } from './checklist/evaluate';
export { parseManualState, serializeManualState, setManual, emptyManualState } from './checklist/manual';
export { checklistMarkdown, upsertSection } from './checklist/markdown';
export type { ChecklistReport, ChecklistListResult, ChecklistItemResult, Evidence, ManualState, ChecklistDefs } from './checklist/types';
export { complete, preloadWorkflowService, type CompleteOptions, type CompletionItem, type CompletionItemKind, type HoverResult } from './complete/index';
export { hover, ruleHover, type HoverOptions } from './hover/index';
