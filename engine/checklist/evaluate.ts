// Checklist definitions (built-in + the team's), evaluated against the workspace index.
import type { ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import builtin from './checklists.json';
import schema from '../../schemas/checklist.schema.json';
import { evaluators, type EvalContext } from './evaluators';
import type { ChecklistDefs, ChecklistItemResult, ChecklistListResult, ChecklistReport, ItemDef, ListDef, ManualState } from './types';

export const TEAM_CHECKLIST_FILE = '.shipready/checklist.yaml';
export const MANUAL_STATE_FILE = '.shipready/checklist.json';

// Ajv loads and compiles on first use (the checklist is evaluated after the first diagnostics).
let validator: ValidateFunction | undefined;
function checklistSchema(): ValidateFunction {
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  return (validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
}

/** Validate checklist definitions (built-in data or a team file). */
export function validateDefs(value: unknown): string[] {
  const validate = checklistSchema();
  if (validate(value)) {
    const problems: string[] = [];
    for (const l of (value as ChecklistDefs).lists ?? []) for (const i of l.items ?? []) if (i.check && !evaluators[i.check]) problems.push(`/${l.id}/${i.id}: unknown check "${i.check}"`);
    return problems;
  }
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'}: ${e.message}`);
}

/** Parse `.shipready/checklist.yaml`; errors leave the built-in lists in force. */
export function parseTeamChecklist(text: string): { defs?: ChecklistDefs; errors: string[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) return { errors: doc.errors.map((e) => e.message.split('\n')[0]) };
  const value = doc.toJS({ maxAliasCount: 50 }) ?? {};
  const errors = validateDefs(value);
  return errors.length ? { errors } : { defs: value as ChecklistDefs, errors };
}

/** Built-in lists with the team's lists merged in: same list id → items added/overridden by id. */
export function mergeDefs(team?: ChecklistDefs): ListDef[] {
  const lists: ListDef[] = (builtin as ChecklistDefs).lists!.map((l) => ({ ...l, items: [...(l.items ?? [])] }));
  for (const tl of team?.lists ?? []) {
    const existing = lists.find((l) => l.id === tl.id);
    if (!existing) {
      lists.push({ ...tl, items: [...(tl.items ?? [])] });
      continue;
    }
    if (tl.title) existing.title = tl.title;
    if (tl.description) existing.description = tl.description;
    if (tl.includes) existing.includes = tl.includes;
    for (const item of tl.items ?? []) {
      const i = existing.items!.findIndex((x) => x.id === item.id);
      if (i >= 0) existing.items![i] = { ...existing.items![i], ...item };
      else existing.items!.push(item);
    }
  }
  const disabled = new Set(team?.disable ?? []);
  for (const l of lists) l.items = l.items!.filter((i) => i.enabled !== false && !disabled.has(i.id) && !disabled.has(`${l.id}/${i.id}`));
  return lists;
}

/** A list's items with those of the lists it includes first (each item once). */
function itemsOf(list: ListDef, all: ListDef[], seen = new Set<string>()): { owner: string; item: ItemDef }[] {
  if (seen.has(list.id)) return [];
  seen.add(list.id);
  const out: { owner: string; item: ItemDef }[] = [];
  for (const inc of list.includes ?? []) {
    const l = all.find((x) => x.id === inc);
    if (l) out.push(...itemsOf(l, all, seen));
  }
  for (const item of list.items ?? []) out.push({ owner: list.id, item });
  const ids = new Set<string>();
  return out.filter((x) => !ids.has(x.item.id) && !!ids.add(x.item.id));
}

export interface EvaluateInput extends EvalContext {
  manual: ManualState;
  team?: ChecklistDefs;
  /** Evaluate only this list. */
  list?: string;
}

export function evaluateChecklists(input: EvaluateInput): ChecklistReport {
  const all = mergeDefs(input.team);
  const cache = new Map<string, ReturnType<(typeof evaluators)[string]>>();
  const lists: ChecklistListResult[] = [];
  for (const list of all) {
    if (input.list && list.id !== input.list) continue;
    const items: ChecklistItemResult[] = itemsOf(list, all).map(({ owner, item }) => {
      const base = { id: item.id, title: item.title, ...(item.description ? { description: item.description } : {}) };
      if (!item.check) {
        const tick = input.manual.items[`${owner}/${item.id}`];
        return { ...base, kind: 'manual', status: tick?.done ? 'done' : 'todo', evidence: [], ...(tick?.done && tick.by ? { doneBy: tick.by } : {}), ...(tick?.done && tick.at ? { doneAt: tick.at } : {}) };
      }
      const key = `${item.check}|${(item.rules ?? []).join(',')}|${(item.kinds ?? []).join(',')}`;
      let result = cache.get(key);
      if (!result) {
        const evaluator = evaluators[item.check];
        try {
          result = evaluator ? evaluator(input, item) : { status: 'unknown', evidence: [{ file: '', line: 0, message: `unknown check "${item.check}"` }] };
        } catch (e) {
          result = { status: 'unknown', evidence: [{ file: '', line: 0, message: `check failed: ${(e as Error).message}` }] };
        }
        cache.set(key, result);
      }
      return { ...base, kind: 'auto', status: result.status, evidence: result.evidence };
    });
    const ready = items.filter((i) => i.status === 'pass' || i.status === 'done').length;
    lists.push({ id: list.id, title: list.title, ...(list.description ? { description: list.description } : {}), items, ready, total: items.length });
  }
  return { lists };
}

/** Which list owns a manual item (for ticking an item shown through `includes`). */
export function ownerOf(listId: string, itemId: string, team?: ChecklistDefs): string {
  const all = mergeDefs(team);
  const list = all.find((l) => l.id === listId);
  return (list && itemsOf(list, all).find((x) => x.item.id === itemId)?.owner) ?? listId;
}
