import type { Collector } from '../../model/collector.js';
import { diagnose, type Rule } from '../rule.js';

/** Pipelines the user wrote in the collector's raw overrides (then the collector has some without flows). */
function overridePipelines(collector: Collector): number {
  const service = collector.overrides?.service;
  const pipelines = typeof service === 'object' && service !== null ? (service as Record<string, unknown>).pipelines : undefined;
  return typeof pipelines === 'object' && pipelines !== null ? Object.keys(pipelines).length : 0;
}

export const orphanCollector: Rule = {
  id: 'orphan-collector',
  description:
    'A collector without outgoing flows has no pipeline and does not start; a gateway no collector sends to only gets what applications send it directly.',
  severity: 'error',
  check({ topology, index }) {
    return index.collectors.flatMap((collector) => {
      // Flows to a missing target make no exporter: dangling-reference reports them.
      const outgoing = index.flowsFrom(collector.id).filter((flow) => index.target(flow) !== undefined);
      if (outgoing.length === 0 && overridePipelines(collector) === 0) {
        return [
          diagnose(
            orphanCollector,
            topology,
            [collector.id],
            `Collector '${collector.id}' sends its data nowhere: with no outgoing flow its config has no pipeline, and the collector will not start. ` +
              `Add a flow from it to a gateway or a backend, or remove it.`,
          ),
        ];
      }
      const fedByCollectors = index.flowsTo(collector.id).some((flow) => index.collector(flow.from) !== undefined);
      if (collector.role === 'gateway' && !fedByCollectors) {
        return [
          diagnose(
            orphanCollector,
            topology,
            [collector.id],
            `Gateway '${collector.id}' receives no flow from any collector: unless applications send to it directly, it has nothing to process. ` +
              `Add a flow from an agent to it, or make it an agent if applications are its only senders.`,
            { severity: 'warning' },
          ),
        ];
      }
      return [];
    });
  },
};
