import { isMultiInstance } from '../../graph/topology-index.js';
import type { Flow } from '../../model/flow.js';
import { canonicalTypeOf, componentsOf, pipelinesOf } from '../config-check.js';
import type { Diagnostic } from '../diagnostic.js';
import { collectorRule, diagnose, elementPath, updateElement, type CollectorRule } from '../rule.js';

/**
 * The routing key each derived-metrics connector needs from the load balancer in front of it:
 * span_metrics aggregates per service, so all spans of a service must meet on one instance;
 * service_graph pairs client and server spans of one trace, so trace ID is right for it.
 */
const NEEDS = { span_metrics: 'service', service_graph: 'traceID' } as const;

export const spanMetricsBehindTraceLb: CollectorRule = collectorRule({
  id: 'span-metrics-behind-trace-lb',
  description:
    'span_metrics behind load balancing needs routing_key service (trace-ID balancing splits each service over every replica); service_graph needs traceID.',
  severity: 'warning',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    if (!isMultiInstance(collector, index.clusterOf(collector))) return diagnostics;
    const balanced = index.flowsTo(collector.id).filter((flow) => flow.signals.includes('traces') && flow.balancing !== undefined);
    if (balanced.length === 0) return diagnostics;
    const plan = planOf(collector);
    const samples = pipelinesOf(plan.config).some((pipeline) =>
      pipeline.processors.some((id) => canonicalTypeOf('processor', id) === 'tail_sampling'),
    );
    const connectors = Object.keys(componentsOf(plan.config, 'connectors'));
    const graphs = connectors.some((id) => canonicalTypeOf('connector', id) === 'service_graph');
    for (const id of connectors) {
      const type = canonicalTypeOf('connector', id);
      if (type !== 'span_metrics' && type !== 'service_graph') continue;
      const needed = NEEDS[type];
      for (const flow of balanced.filter((candidate) => candidate.balancing!.routingKey !== needed)) {
        const key = flow.balancing!.routingKey;
        const message =
          type === 'span_metrics'
            ? `'${collector.id}' computes span metrics (\`${id}\`) behind flow '${flow.id}', which balances by ${key}: ` +
              `the spans of one service spread over every replica, and each replica reports its own partial, clashing series for it. ` +
              (samples || graphs
                ? `Its ${samples ? 'tail sampling' : 'service graph'} needs traceID, so compute span metrics before the trace-ID tier (in the senders) or in a tier balanced by service.`
                : `Balance the flow by service.`)
            : `'${collector.id}' builds a service graph (\`${id}\`) behind flow '${flow.id}', which balances by ${key}: ` +
              `the client and server spans of one call land on different replicas and their edges are never paired. Balance the flow by traceID.`;
        // Trace ID serves tail sampling and service graphs: there span metrics move elsewhere, no key fits all.
        const fixable = type === 'service_graph' || (!samples && !graphs);
        diagnostics.push(
          diagnose(spanMetricsBehindTraceLb, topology, [collector.id, flow.id], message, {
            path: [...elementPath(topology, flow.id), 'balancing', 'routingKey'],
            config: { collectorId: collector.id, path: ['connectors', id] },
            ...(fixable
              ? {
                  fix: updateElement<Flow>(`Balance '${flow.id}' by ${needed}`, flow.id, (current) => ({
                    ...current,
                    balancing: { ...current.balancing!, routingKey: needed },
                  })),
                }
              : {}),
          }),
        );
      }
    }
    return diagnostics;
  },
});
