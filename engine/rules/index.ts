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
export const rules: readonly Rule[] = [...actionsRules, ...composeRules, ...dockerfileRules, ...kubernetesRules, ...terraformRules, ...workspaceRules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
