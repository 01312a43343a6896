// Hover at a cursor: the schema description of a key (Kubernetes, Compose, GitHub Actions), a
// Dockerfile instruction, and — on a finding's range — why the rule exists with the good example
// from its docs page (engine/data/rule-docs.json, generated from docs/rules by
// scripts/gen-rule-hover-docs.ts).
import type { SourceFile } from '../documents/source';
import type { Finding } from '../types';
import { ruleById } from '../rules/index';
import { hoverKubernetes } from '../complete/kubernetes';
import { hoverCompose } from '../complete/compose';
import { hoverDockerfile } from '../complete/dockerfile';
import { hoverWorkflow } from '../complete/workflow';
import type { HoverResult } from '../complete/types';

export interface HoverOptions {
  /** The file's current findings: a hover on one explains its rule. */
  findings?: readonly Finding[];
}

type RuleDocs = Record<string, { why: string; good?: { lang: string; code: string } }>;
let docs: RuleDocs | undefined;
/** The rule explanations, loaded on the first hover (not at start-up). */
const ruleDocs = (): RuleDocs => (docs ??= require('../data/rule-docs.json') as RuleDocs);

/** Markdown explaining a rule: its summary, why it exists, and the good example of its docs page. */
export function ruleHover(ruleId: string, docsUrl?: string): string | undefined {
  const rule = ruleById.get(ruleId);
  const doc = ruleDocs()[ruleId];
  if (!rule && !doc) return undefined;
  const parts = [`**${ruleId}**${rule ? ` — ${rule.meta.summary}` : ''}`];
  if (doc?.why) parts.push(`**Why:** ${doc.why}`);
  if (doc?.good) parts.push(`**Good example:**\n\n\`\`\`${doc.good.lang}\n${doc.good.code}\n\`\`\``);
  const url = docsUrl ?? rule?.meta.docsUrl;
  if (url) parts.push(`[Rule documentation](${url})`);
  return parts.join('\n\n');
}

/** The hover at `offset` of `file`, or undefined. */
export async function hover(file: SourceFile, offset: number, options: HoverOptions = {}): Promise<HoverResult | undefined> {
  const sections: string[] = [];
  let range: HoverResult['range'];
  const seen = new Set<string>();
  // Narrowest finding first: the squiggle under the cursor, then findings about the whole line.
  const here = (options.findings ?? []).filter((f) => offset >= f.range.start && offset <= f.range.end).sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start));
  for (const f of here) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const text = ruleHover(f.ruleId, f.docsUrl);
    if (!text) continue;
    sections.push(text);
    range ??= f.range;
  }
  let schema: HoverResult | undefined;
  try {
    schema =
      file.kind === 'kubernetes'
        ? hoverKubernetes(file, offset)
        : file.kind === 'compose'
          ? hoverCompose(file, offset)
          : file.kind === 'dockerfile'
            ? hoverDockerfile(file, offset)
            : file.kind === 'workflow'
              ? await hoverWorkflow(file, offset)
              : undefined;
  } catch {
    schema = undefined; // a hover never fails the request
  }
  if (schema) {
    sections.unshift(schema.contents);
    range = schema.range ?? range;
  }
  if (sections.length === 0) return undefined;
  return { contents: sections.join('\n\n---\n\n'), range };
}
