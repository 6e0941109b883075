import { isBehindGoogleFrontEnd } from '../../engine/collector/exporters.js';
import { diagnose, type Rule } from '../rule.js';

/**
 * A Cloud Run service is reached at the URL Cloud Run gives it (`https://<service>-<number>.<region>.run.app`),
 * which the design cannot guess: senders need it as the collector's externalEndpoint.
 */
export const cloudRunEndpoint: Rule = {
  id: 'cloud-run-endpoint',
  description: 'A Cloud Run collector that other collectors send to has its service URL set as externalEndpoint.',
  severity: 'warning',
  check({ topology, index }) {
    return index.collectors.flatMap((collector) => {
      const cluster = index.clusterOf(collector);
      if (!cluster || !isBehindGoogleFrontEnd(cluster) || collector.externalEndpoint !== undefined) return [];
      const senders = index.flowsTo(collector.id).filter((flow) => index.collector(flow.from) !== undefined);
      if (senders.length === 0) return [];
      return [
        diagnose(
          cloudRunEndpoint,
          topology,
          [collector.id, ...senders.map((flow) => flow.id)],
          `'${collector.id}' runs on Cloud Run and ${senders.map((flow) => `'${flow.from}'`).join(', ')} send${senders.length === 1 ? 's' : ''} to it, ` +
            `but its address is only known once deployed: set externalEndpoint to the service URL Cloud Run shows ` +
            `(https://${collector.id}-<project number>.<region>.run.app). Until then the senders use a placeholder.`,
          { path: ['elements', topology.elements.indexOf(collector)] },
        ),
      ];
    });
  },
};
