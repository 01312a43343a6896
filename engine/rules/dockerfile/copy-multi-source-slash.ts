import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';

export default defineRule({
  id: 'dockerfile/copy-multi-source-slash',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'COPY and ADD with several sources copy into a directory ending in /',
  sources: ['hadolint DL3021', 'Trivy DS-0011', 'dockerfile-utils INVALID_DESTINATION'],
  messages: {
    slash: '{{keyword}} has {{count}} sources, so the destination "{{dest}}" must be a directory ending with "/": the build fails otherwise.',
  },
  fixable: true,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'COPY', 'ADD')) {
      if (/^\s*<</.test(ins.argsText) || !ins.argsRange) continue;
      let sources: number;
      let dest: string;
      let insertAt: number;
      let range = ins.argsRange;
      if (ins.jsonForm) {
        let list: string[];
        try {
          list = JSON.parse(ins.argsText.replace(/\\\r?\n/g, '')) as string[];
        } catch {
          continue;
        }
        sources = list.length - 1;
        dest = String(list[list.length - 1] ?? '');
        const close = ins.argsText.lastIndexOf('"');
        insertAt = ins.argsRange.start + close;
      } else {
        const last = ins.args[ins.args.length - 1];
        if (!last) continue;
        sources = ins.args.length - 1;
        dest = last.value;
        range = last.range;
        insertAt = last.range.end;
      }
      if (sources < 2 || /[/\\]$/.test(dest) || dest === '.' || dest === '..' || /\/\.\.?$/.test(dest) || dest.includes('$')) continue;
      ctx.report({ range, messageId: 'slash', data: { keyword: ins.keyword, count: sources, dest }, fixes: [{ title: `Use "${dest}/"`, edits: [{ range: { start: insertAt, end: insertAt }, text: '/' }] }] });
    }
  },
});
