import { emitFlowExporters } from '../../engine/collector/exporters.js';
import { isMultiInstance, resolvedMode, resolvedReplicas } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import type { Collector } from '../../model/collector.js';
import type { Flow } from '../../model/flow.js';
import { canonicalTypeOf, pipelinesOf } from '../config-check.js';
import type { Diagnostic } from '../diagnostic.js';
import { collectorRule, diagnose, elementPath, updateElement, type CollectorRule } from '../rule.js';

/** How many instances share the traffic, in words. */
export function instancesOf(collector: Collector, cluster: Cluster | undefined): string {
  switch (resolvedMode(collector, cluster)) {
    case 'daemonset':
      return 'one instance per node';
    case 'knative':
      return 'several Cloud Run instances';
    default:
      return `up to ${collector.autoscaling?.maxReplicas ?? resolvedReplicas(collector)} replicas`;
  }
}

const balancedByTrace = (flow: Flow) => flow.balancing?.routingKey === 'traceID';

export const tailSamplingNeedsLoadBalancing: CollectorRule = collectorRule({
  id: 'tail-sampling-needs-load-balancing',
  description:
    'Tail sampling on more than one instance needs every span of a trace on the same instance: a trace-ID load_balancing tier in front (contrib #13635).',
  severity: 'error',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const cluster = index.clusterOf(collector);
    if (!isMultiInstance(collector, cluster)) return diagnostics;
    const plan = planOf(collector);
    const sampler = pipelinesOf(plan.config)
      .flatMap((pipeline) => pipeline.processors)
      .find((id) => canonicalTypeOf('processor', id) === 'tail_sampling');
    if (!sampler) return diagnostics;
    const instances = instancesOf(collector, cluster);
    const config = { collectorId: collector.id, path: ['processors', sampler] };
    const incoming = index.flowsTo(collector.id).filter((flow) => flow.signals.includes('traces'));
    if (incoming.length === 0) {
      diagnostics.push(
        diagnose(
          tailSamplingNeedsLoadBalancing,
          topology,
          [collector.id],
          `'${collector.id}' runs tail_sampling on ${instances}, and applications send to it directly: the spans of one trace ` +
            `land on different instances, each deciding on part of the trace (contrib #13635). Put a tier that balances by traceID in front of it.`,
          { config },
        ),
      );
      return diagnostics;
    }
    for (const flow of incoming.filter((candidate) => !balancedByTrace(candidate))) {
      const sender = index.collector(flow.from);
      const sameCluster = sender !== undefined && sender.cluster === collector.cluster;
      const exporter = sender && emitFlowExporters(planOf(sender).context).find((candidate) => candidate.flow.id === flow.id);
      const how = flow.balancing
        ? `balances by ${flow.balancing.routingKey}, not traceID`
        : 'spreads traces over them without trace-ID load balancing';
      const remedy = sameCluster
        ? 'Balance the flow by traceID.'
        : `Balance by traceID from a collector in the cluster of '${collector.id}' (a load-balancing tier): the k8s and dns resolvers only see their own cluster.`;
      diagnostics.push(
        diagnose(
          tailSamplingNeedsLoadBalancing,
          topology,
          [collector.id, flow.id],
          `'${collector.id}' runs tail_sampling on ${instances}, but flow '${flow.id}' ${how}: the spans of one trace ` +
            `land on different instances, each deciding on part of the trace (contrib #13635). ${remedy}`,
          {
            path: [...elementPath(topology, flow.id), ...(flow.balancing ? ['balancing', 'routingKey'] : [])],
            config: sender && exporter ? { collectorId: sender.id, path: ['exporters', exporter.id] } : config,
            ...(sameCluster
              ? {
                  fix: updateElement<Flow>(`Balance '${flow.id}' by traceID`, flow.id, (current) => ({
                    ...current,
                    balancing: { resolver: 'k8s', ...current.balancing, routingKey: 'traceID' },
                  })),
                }
              : {}),
          },
        ),
      );
    }
    return diagnostics;
  },
});
