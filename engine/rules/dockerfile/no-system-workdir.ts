import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';

const SYSTEM = /^\/(?:proc|sys|dev|boot)(?:\/|$)/;

export default defineRule({
  id: 'dockerfile/no-system-workdir',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'WORKDIR is never a kernel or system directory (/proc, /sys, /dev, /boot)',
  sources: ['Trivy DS-0030'],
  messages: {
    system: 'WORKDIR {{path}} is a system directory: at run time it is a kernel filesystem mounted over the image, so files written there during the build are hidden or the step fails.',
  },
  fixable: false,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'WORKDIR')) {
      if (!ins.argsRange) continue;
      const path = ins.argsText.trim().replace(/^(["'])(.*)\1$/, '$2').replace(/\/+$/, '') || '/';
      if (SYSTEM.test(path)) ctx.report({ range: ins.argsRange, messageId: 'system', data: { path } });
    }
  },
});
