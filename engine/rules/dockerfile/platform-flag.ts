import { defineRule } from '../../define-rule';

export default defineRule({
  id: 'dockerfile/platform-flag',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'FROM --platform is not hard-coded and not the redundant $TARGETPLATFORM',
  sources: ['hadolint DL3029', 'BuildKit FromPlatformFlagConstDisallowed', 'BuildKit RedundantTargetPlatform'],
  messages: {
    constant: 'FROM --platform={{platform}} hard-codes the platform: the image cannot be built for others (and runs emulated on them). Remove it and pass --platform to the build, or use $BUILDPLATFORM for build-only stages.',
    redundant: 'FROM --platform={{platform}} is the default already: remove it.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      const ins = stage.from.instruction;
      const flag = ins.flags.find((f) => f.name === 'platform');
      if (!flag || !flag.value) continue;
      const v = flag.value;
      let end = flag.range.end;
      while (end < file.text.length && /[ \t]/.test(file.text[end])) end++;
      const fix = { title: 'Remove --platform', edits: [{ range: { start: flag.range.start, end }, text: '' }] };
      if (/^\$\{?TARGETPLATFORM\}?$/.test(v)) {
        ctx.report({ range: flag.range, messageId: 'redundant', data: { platform: v }, fixes: [fix] });
      } else if (!v.includes('$')) {
        // A stage named after its platform (e.g. "build-arm64") is deliberate.
        const parts = v.toLowerCase().split(/[/,]/);
        if (stage.name && parts.some((p) => p.length > 2 && stage.name!.includes(p))) continue;
        ctx.report({ range: flag.range, messageId: 'constant', data: { platform: v }, fixes: [fix] });
      }
    }
  },
});
