import { defineRule } from '../../define-rule';
import { closest, workflowModel } from '../../documents/workflow';
import { get, getPair, keyRange, mapPairs, nodeRange, seqItems, str, isMap, isScalar, isSeq } from '../../documents/yaml-nav';

const EVENTS: Record<string, string[] | null> = {
  branch_protection_rule: ['created', 'edited', 'deleted'],
  check_run: ['created', 'rerequested', 'completed', 'requested_action'],
  check_suite: ['completed'],
  create: null, delete: null,
  deployment: null,
  deployment_status: null,
  discussion: ['created', 'edited', 'deleted', 'transferred', 'pinned', 'unpinned', 'labeled', 'unlabeled', 'locked', 'unlocked', 'category_changed', 'answered', 'unanswered'],
  discussion_comment: ['created', 'edited', 'deleted'],
  fork: null, gollum: null,
  image_version: ['created'],
  issue_comment: ['created', 'edited', 'deleted'],
  issues: ['opened', 'edited', 'deleted', 'transferred', 'pinned', 'unpinned', 'closed', 'reopened', 'assigned', 'unassigned', 'labeled', 'unlabeled', 'locked', 'unlocked', 'milestoned', 'demilestoned', 'typed', 'untyped'],
  label: ['created', 'edited', 'deleted'],
  merge_group: ['checks_requested'],
  milestone: ['created', 'closed', 'opened', 'edited', 'deleted'],
  page_build: null, project: null, project_card: null, project_column: null, public: null,
  pull_request: ['assigned', 'unassigned', 'labeled', 'unlabeled', 'opened', 'edited', 'closed', 'reopened', 'synchronize', 'converted_to_draft', 'ready_for_review', 'locked', 'unlocked', 'review_requested', 'review_request_removed', 'auto_merge_enabled', 'auto_merge_disabled', 'milestoned', 'demilestoned', 'enqueued', 'dequeued'],
  pull_request_review: ['submitted', 'edited', 'dismissed'],
  pull_request_review_comment: ['created', 'edited', 'deleted'],
  pull_request_target: ['assigned', 'unassigned', 'labeled', 'unlabeled', 'opened', 'edited', 'closed', 'reopened', 'synchronize', 'converted_to_draft', 'ready_for_review', 'locked', 'unlocked', 'review_requested', 'review_request_removed', 'auto_merge_enabled', 'auto_merge_disabled', 'milestoned', 'demilestoned', 'enqueued', 'dequeued'],
  push: null,
  registry_package: ['published', 'updated'],
  release: ['published', 'unpublished', 'created', 'edited', 'deleted', 'prereleased', 'released'],
  repository_dispatch: null,
  schedule: null, status: null,
  watch: ['started'],
  workflow_call: null, workflow_dispatch: null,
  workflow_run: ['completed', 'requested', 'in_progress'],
};
const EXCLUSIVE: [string, string][] = [['branches', 'branches-ignore'], ['tags', 'tags-ignore'], ['paths', 'paths-ignore']];
const INPUT_TYPES = ['string', 'boolean', 'choice', 'number', 'environment'];

/** Check one cron field against its range; returns an error text or undefined. */
function cronError(expr: string): string | undefined {
  const f = expr.trim().split(/\s+/);
  if (f.length !== 5) return `a cron expression has 5 fields (minute hour day month weekday), not ${f.length}`;
  const limits: [number, number, string][] = [[0, 59, 'minute'], [0, 23, 'hour'], [1, 31, 'day of month'], [1, 12, 'month'], [0, 7, 'day of week']];
  const names = [[], [], [], ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']];
  for (let i = 0; i < 5; i++) {
    const [lo, hi, label] = limits[i];
    for (const part of f[i].split(',')) {
      const [range, step] = part.split('/');
      if (step !== undefined && !/^\d+$/.test(step)) return `invalid step "${step}" in the ${label} field`;
      if (range === '*') continue;
      for (const v of range.split('-')) {
        const n = /^\d+$/.test(v) ? Number(v) : names[i].indexOf(v.toLowerCase()) + (i === 3 ? 1 : 0);
        if (!/^\d+$/.test(v) && names[i].indexOf(v.toLowerCase()) < 0) return `invalid value "${v}" in the ${label} field`;
        if (n < lo || n > hi) return `${v} is out of range ${lo}-${hi} for the ${label} field`;
      }
    }
  }
  return undefined;
}

export default defineRule({
  id: 'actions/triggers',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'on: uses known events, activity types and filters, valid cron schedules and dispatch inputs',
  sources: ['actionlint events, glob', 'actions/languageservices on-schedule'],
  messages: {
    unknownEvent: 'Unknown event "{{name}}".',
    unknownEventDid: 'Unknown event "{{name}}": did you mean "{{suggestion}}"?',
    unknownType: '"{{type}}" is not an activity type of "{{event}}" ({{types}}).',
    exclusive: '"{{a}}" and "{{b}}" cannot be used together for the same event.',
    cron: 'Invalid cron "{{cron}}": {{detail}}.',
    cronFrequent: 'Cron "{{cron}}" runs more often than every 5 minutes; GitHub runs schedules at most every 5 minutes.',
    inputType: 'Input type "{{type}}" is not one of {{types}}.',
    choiceOptions: 'A choice input needs a non-empty "options" list.',
    choiceDefault: 'Default "{{value}}" is not one of the options.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const names = Object.keys(EVENTS);
    for (const t of m.triggers) {
      if (!Object.hasOwn(EVENTS, t.name)) {
        const s = closest(t.name, names);
        ctx.report({ range: t.range, messageId: s ? 'unknownEventDid' : 'unknownEvent', data: { name: t.name, suggestion: s ?? '' }, fixes: s ? [{ title: `Change to "${s}"`, edits: [{ range: t.range, text: s }] }] : [] });
        continue;
      }
      const cfg = t.config;
      if (!cfg) continue;
      const allowed = EVENTS[t.name];
      const types = get(cfg, 'types');
      if (allowed) {
        for (const it of isSeq(types) ? seqItems(types) : types ? [types] : []) {
          const v = str(it);
          if (v && !allowed.includes(v) && !v.includes('${{')) ctx.report({ range: nodeRange(it)!, messageId: 'unknownType', data: { type: v, event: t.name, types: allowed.join(', ') } });
        }
      }
      for (const [a, b] of EXCLUSIVE) {
        if (getPair(cfg, a) && getPair(cfg, b)) ctx.report({ range: keyRange(getPair(cfg, b)!)!, messageId: 'exclusive', data: { a, b } });
      }
      if (t.name === 'workflow_dispatch' || t.name === 'workflow_call') {
        for (const { value } of mapPairs(get(cfg, 'inputs'))) {
          if (!isMap(value)) continue;
          const typeNode = get(value, 'type');
          const type = str(typeNode);
          const okTypes = t.name === 'workflow_call' ? ['string', 'boolean', 'number'] : INPUT_TYPES;
          if (type && !okTypes.includes(type)) ctx.report({ range: nodeRange(typeNode)!, messageId: 'inputType', data: { type, types: okTypes.join(', ') } });
          if (type === 'choice') {
            const opts = get(value, 'options');
            if (!isSeq(opts) || !opts.items.length) ctx.report({ range: nodeRange(typeNode)!, messageId: 'choiceOptions' });
            else {
              const def = get(value, 'default');
              const d = str(def);
              if (d !== undefined && !seqItems(opts).some((o) => str(o) === d)) ctx.report({ range: nodeRange(def)!, messageId: 'choiceDefault', data: { value: d } });
            }
          }
        }
      }
    }
    const sched = m.triggers.find((t) => t.name === 'schedule');
    const onMap = m.onPair?.value;
    const schedNode = isMap(onMap) ? get(onMap, 'schedule') : undefined;
    if (sched && isSeq(schedNode)) {
      for (const item of seqItems(schedNode)) {
        const c = get(item, 'cron');
        const cron = str(c);
        if (!cron || !isScalar(c) || cron.includes('$')) continue;
        const err = cronError(cron);
        if (err) ctx.report({ range: nodeRange(c)!, messageId: 'cron', data: { cron, detail: err } });
        else {
          const min = cron.trim().split(/\s+/)[0];
          const step = /^\*\/(\d+)$/.exec(min);
          if (min === '*' || (step && Number(step[1]) < 5)) ctx.report({ range: nodeRange(c)!, messageId: 'cronFrequent', data: { cron } });
        }
      }
    }
  },
});
