import type { Rule } from '../define-rule';
import { actionsRules } from './actions/index';
import { composeRules } from './compose/index';
import { dockerfileRules } from './dockerfile/index';
import { kubernetesRules } from './kubernetes/index';
import { terraformRules } from './terraform/index';
import { workspaceRules } from './workspace/index';

/**
 * Every rule, sorted by id. Each domain folder has an `index.ts` listing its rules; a rule file
 * that is not listed there fails the catalog test.
 */
// Code-unit order (the same as the locale's for ids of [a-z0-9/-]): localeCompare would load the
// ICU collator at start-up, several milliseconds before the first diagnostics.
export const rules: readonly Rule[] = [...actionsRules, ...composeRules, ...dockerfileRules, ...kubernetesRules, ...terraformRules, ...workspaceRules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
