import type { Collector } from '../../model/collector.js';
import { canonicalTypeOf, componentsOf, isPlainObject } from '../config-check.js';
import { emittedComponentIndex, valueAt } from '../config-source.js';
import type { Diagnostic, QuickFix } from '../diagnostic.js';
import { collectorRule, diagnose, elementPath, updateElement, type CollectorRule } from '../rule.js';

const ASSOCIATION = ['k8s.pod.ip', 'k8s.pod.uid', 'connection'] as const;

/** The same association as the collector writes it. */
const configAssociation = ASSOCIATION.map((source) => ({
  sources: [source === 'connection' ? { from: 'connection' } : { from: 'resource_attribute', name: source }],
}));

/**
 * Whether a k8s_attributes body matches pods only by the connection's address. Without
 * `pod_association` the processor does exactly that.
 */
function connectionOnly(body: Record<string, unknown>): boolean {
  const rules = body.pod_association;
  if (!Array.isArray(rules) || rules.length === 0) return true;
  return rules.every((rule) => {
    const sources = isPlainObject(rule) ? rule.sources : undefined;
    return Array.isArray(sources) && sources.every((source) => isPlainObject(source) && source.from === 'connection');
  });
}

function hasK8sAttributes(config: unknown): boolean {
  return Object.keys(componentsOf(config, 'processors')).some((id) => canonicalTypeOf('processor', id) === 'k8s_attributes');
}

export const k8sattributesPodAssociation: CollectorRule = collectorRule({
  id: 'k8sattributes-pod-association',
  description:
    'A gateway fed by agents matches telemetry to pods by resource attributes, not by the connection, which is the agent’s (contrib #29630).',
  severity: 'warning',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    if (collector.role !== 'gateway') return diagnostics;
    const senders = index
      .flowsTo(collector.id)
      .map((flow) => index.collector(flow.from))
      .filter((sender): sender is Collector => sender !== undefined);
    // Applications sending straight to the gateway connect from their own pods: the connection is right.
    if (senders.length === 0) return diagnostics;
    const plan = planOf(collector);
    const withoutPodIp = [...new Set(senders.filter((sender) => !hasK8sAttributes(planOf(sender).config)).map((sender) => sender.id))];
    const agentsHint =
      withoutPodIp.length > 0
        ? ` ${withoutPodIp.map((id) => `'${id}'`).join(', ')} should set k8s.pod.ip: give ${withoutPodIp.length > 1 ? 'them' : 'it'} k8s_attributes with passthrough: true.`
        : ' Agents in front can run k8s_attributes with passthrough: true to set k8s.pod.ip cheaply.';
    for (const [id, body] of Object.entries(componentsOf(plan.config, 'processors'))) {
      if (canonicalTypeOf('processor', id) !== 'k8s_attributes' || !isPlainObject(body)) continue;
      if (body.passthrough === true || !connectionOnly(body)) continue;
      const overridePath = ['processors', id, 'pod_association'];
      const inOverrides = valueAt(collector.overrides, overridePath) !== undefined || emittedComponentIndex(plan, 'processors', id) === undefined;
      const modelIndex = emittedComponentIndex(plan, 'processors', id);
      const base = elementPath(topology, collector.id);
      const fix: QuickFix = inOverrides
        ? updateElement<Collector>('Associate pods by k8s.pod.ip, k8s.pod.uid, then connection', collector.id, (current) => {
            const overrides = current.overrides ?? {};
            const processors = isPlainObject(overrides.processors) ? overrides.processors : {};
            const processor = isPlainObject(processors[id]) ? processors[id] : {};
            return {
              ...current,
              overrides: { ...overrides, processors: { ...processors, [id]: { ...processor, pod_association: configAssociation } } },
            };
          })
        : updateElement<Collector>('Associate pods by k8s.pod.ip, k8s.pod.uid, then connection', collector.id, (current) => ({
            ...current,
            processors: current.processors.map((processor, position) =>
              position === modelIndex && processor.type === 'k8s_attributes' ? { ...processor, podAssociation: [...ASSOCIATION] } : processor,
            ),
          }));
      diagnostics.push(
        diagnose(
          k8sattributesPodAssociation,
          topology,
          [collector.id, ...senders.map((sender) => sender.id).filter((sender, position, all) => all.indexOf(sender) === position)],
          `Gateway '${collector.id}' matches telemetry to pods only by the connection, but it receives from collectors: ` +
            `it sees their pod address, not the application's, and attaches the wrong pod's metadata (contrib #29630). ` +
            `Associate by the k8s.pod.ip and k8s.pod.uid resource attributes first.${agentsHint}`,
          {
            path: inOverrides
              ? [...base, 'overrides', ...(valueAt(collector.overrides, overridePath) !== undefined ? overridePath : ['processors', id])]
              : [...base, 'processors', modelIndex!, 'podAssociation'],
            config: { collectorId: collector.id, path: 'pod_association' in body ? overridePath : ['processors', id] },
            fix,
          },
        ),
      );
    }
    return diagnostics;
  },
});
