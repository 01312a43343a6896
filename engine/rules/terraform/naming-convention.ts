import { defineRule } from '../../define-rule';
import type { HclLabel } from '../../documents/hcl';
import { moduleFiles } from '../../documents/terraform';
import type { SourceFile } from '../../documents/source';
import type { FileEdit, Fix, TextEdit } from '../../types';

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export function toSnakeCase(name: string): string {
  const s = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase()
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_');
  return /^[a-z]/.test(s) ? s : `n_${s}`;
}

/** Edits renaming the `index`-th part of every reference that starts with `prefix` in a file. */
function renameRefs(f: SourceFile, prefix: string[], newName: string, skip?: { start: number; end: number }): TextEdit[] {
  const out: TextEdit[] = [];
  const index = prefix.length - 1;
  for (const r of f.terraform.hcl.references) {
    if (skip && r.range.start >= skip.start && r.range.end <= skip.end) continue;
    if (!prefix.every((p, i) => r.parts[i] === p)) continue;
    // Walk the traversal text to the part being renamed.
    let at = r.range.start;
    for (let i = 0; i <= index; i++) {
      const found = f.text.indexOf(r.parts[i], at);
      if (found < 0 || found >= r.range.end) return out;
      at = found + (i < index ? r.parts[i].length : 0);
    }
    out.push({ range: { start: at, end: at + prefix[index].length }, text: newName });
  }
  return out;
}

export default defineRule({
  id: 'terraform/naming-convention',
  kind: 'terraform',
  type: 'style',
  severity: 'info',
  preset: 'strict',
  summary: 'Resource, data source, module, variable, output and local names are snake_case',
  sources: ['tflint terraform_naming_convention', 'Terraform style guide: naming'],
  messages: {
    name: '{{what}} name "{{name}}" is not snake_case (e.g. "{{suggestion}}").',
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    let files: SourceFile[] | undefined;
    const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
    const fix = (label: HclLabel, prefix: string[], newName: string, moved?: string): Fix[] => {
      files ??= moduleFiles(file, workspace);
      const edits: TextEdit[] = [{ range: label.valueRange, text: newName }, ...renameRefs(file, prefix, newName)];
      const fileEdits: FileEdit[] = [];
      for (const f of files) {
        if (f.path === file.path) continue;
        const e = renameRefs(f, prefix, newName);
        if (e.length) fileEdits.push({ path: f.path.slice(f.path.lastIndexOf('/') + 1), edits: e });
      }
      if (moved) {
        const sep = file.text.endsWith('\n') ? eol : eol + eol;
        edits.push({ range: { start: file.text.length, end: file.text.length }, text: `${sep}moved {${eol}  from = ${moved}${eol}  to   = ${moved.slice(0, moved.length - prefix[prefix.length - 1].length)}${newName}${eol}}${eol}` });
      }
      return [{ title: `Rename to ${newName}${moved ? ' (with a moved block)' : ''}`, edits, ...(fileEdits.length ? { fileEdits } : {}) }];
    };
    const check = (label: HclLabel | undefined, what: string, prefix: ((n: string) => string[]) | undefined, moved?: (n: string) => string) => {
      if (!label || SNAKE.test(label.value)) return;
      const suggestion = toSnakeCase(label.value);
      const fixes = prefix ? fix(label, prefix(label.value), suggestion, moved?.(label.value)) : [];
      ctx.report({ range: label.range, messageId: 'name', data: { what, name: label.value, suggestion }, fixes });
    };
    for (const r of doc.resources) check(r.labels[1], 'Resource', (n) => [r.labels[0].value, n], (n) => `${r.labels[0].value}.${n}`);
    for (const d of doc.data) check(d.labels[1], 'Data source', (n) => ['data', d.labels[0].value, n]);
    for (const m of doc.modules) check(m.labels[0], 'Module', (n) => ['module', n], (n) => `module.${n}`);
    // Variables and outputs are the module's interface: renaming them breaks callers, so no fix.
    for (const v of doc.variables) check(v.labels[0], 'Variable', undefined);
    for (const o of doc.outputs) check(o.labels[0], 'Output', undefined);
    for (const l of doc.locals) {
      if (SNAKE.test(l.name)) continue;
      const suggestion = toSnakeCase(l.name);
      const label: HclLabel = { value: l.name, range: l.nameRange, valueRange: l.nameRange };
      ctx.report({ range: l.nameRange, messageId: 'name', data: { what: 'Local value', name: l.name, suggestion }, fixes: fix(label, ['local', l.name], suggestion) });
    }
  },
});
