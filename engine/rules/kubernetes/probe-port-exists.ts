import { getPath, str } from '../../documents/yaml-nav';
import { replaceScalar } from '../../fixes/yaml';
import { containersOf, defineK8sRule, portsOf } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/probe-port-exists',
  type: 'problem',
  severity: 'error',
  summary: 'Probes use a port the container declares',
  sources: ['kube-linter liveness-port', 'kube-linter readiness-port', 'kube-linter startup-port'],
  messages: {
    unknownName: 'The {{probe}} uses the port name "{{port}}", which container "{{name}}" does not declare: the probe always fails.',
    unknownNumber: 'The {{probe}} uses port {{port}}, which container "{{name}}" does not declare (it declares {{declared}}).',
  },
  fixable: true,
  perDocument: true,
  options: {
    type: 'object',
    properties: { checkNumericPorts: { type: 'boolean', description: 'Also report numeric ports the container does not declare (declaring ports is optional in Kubernetes, so this is off by default).' } },
    additionalProperties: false,
  },
  check(ctx, k8s) {
    const numeric = ctx.options.checkNumericPorts === true;
    for (const { c } of containersOf(k8s, ['container', 'initContainer'], { helmTests: true })) {
      const ports = portsOf(c);
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        for (const kind of ['httpGet', 'tcpSocket', 'grpc']) {
          const node = getPath(c.node, [probe, kind, 'port']) as Scalar | undefined;
          if (!node || k8s.unknown(node) || node.value === null) continue;
          const isName = typeof node.value === 'string' && !/^\d+$/.test(node.value);
          if (!isName && !numeric) continue;
          const declared = ports.map((p) => (isName ? p.name : p.number)).filter((x) => x !== undefined);
          if (isName ? declared.includes(node.value as string) : ports.length === 0 || declared.includes(Number(node.value))) continue;
          if (!isName && ports.some((p) => p.number === undefined)) continue;
          const offer = ports.map((p) => (isName ? p.name : p.number)).filter((x): x is string | number => x !== undefined).slice(0, 5);
          ctx.report({
            range: { start: node.range![0], end: node.range![1] },
            messageId: isName ? 'unknownName' : 'unknownNumber',
            data: { probe, port: str(node) ?? '', name: c.name ?? `#${c.index + 1}`, declared: ports.map((p) => p.name ?? p.number).join(', ') },
            fixes: offer.map((p) => ({ title: `Use port ${p}`, edits: [replaceScalar(k8s.text, node, p)] })),
          });
        }
      }
    }
  },
});
