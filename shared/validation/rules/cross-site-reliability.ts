import { crossSiteFlows, flowSettingsApply } from '../../graph/network.js';
import type { Flow } from '../../model/flow.js';
import type { Diagnostic } from '../diagnostic.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

export const crossSiteReliability: Rule = {
  id: 'cross-site-reliability',
  description:
    'A cross-site flow without compression, with retry disabled or without a persistent queue: WAN links are slow, costly and fail, and data is lost when they do.',
  severity: 'warning',
  check({ topology, index }) {
    const diagnostics: Diagnostic[] = [];
    for (const { flow, from, to } of crossSiteFlows(index)) {
      const target = index.target(flow);
      if (!target) continue;
      const applies = flowSettingsApply(target);
      const position = topology.elements.indexOf(flow);
      const between = `Flow '${flow.id}' crosses from site '${from.id}' to site '${to.id}'`;
      if (applies.compression && flow.compression === 'none') {
        diagnostics.push(
          diagnose(
            crossSiteReliability,
            topology,
            [flow.id],
            `${between} without compression: OTLP compresses to about a fifth of its size, so it sends and pays for about five times the bytes. Use gzip (or zstd).`,
            {
              path: ['elements', position, 'compression'],
              fix: updateElement<Flow>(`Compress '${flow.id}' with gzip`, flow.id, (current) => ({ ...current, compression: 'gzip' })),
            },
          ),
        );
      }
      // Behind a failover connector, retry and queue must be off (failover-target-hides-failures).
      if (flow.failoverPriority !== undefined) continue;
      if (applies.retry && flow.retry?.enabled === false) {
        diagnostics.push(
          diagnose(
            crossSiteReliability,
            topology,
            [flow.id],
            `${between} with retry disabled: every network blip between the sites drops data. Enable retry on failure.`,
            {
              path: ['elements', position, 'retry', 'enabled'],
              fix: updateElement<Flow>(`Enable retry on '${flow.id}'`, flow.id, (current) => ({
                ...current,
                retry: { ...current.retry!, enabled: true },
              })),
            },
          ),
        );
      }
      if (applies.queue && flow.queue?.type !== 'persistent') {
        const now = flow.queue === undefined ? 'only an in-memory queue' : flow.queue.type === 'none' ? 'no sending queue' : 'an in-memory queue';
        diagnostics.push(
          diagnose(
            crossSiteReliability,
            topology,
            [flow.id],
            `${between} with ${now}: what is waiting for the link to come back is lost when the collector restarts. ` +
              `Use a persistent queue (file_storage on a volume).`,
            {
              path: ['elements', position, ...(flow.queue ? ['queue'] : [])],
              fix: updateElement<Flow>(`Give '${flow.id}' a persistent queue`, flow.id, (current) => ({
                ...current,
                queue: { type: 'persistent', size: current.queue?.size ?? 1000, consumers: current.queue?.consumers ?? 10 },
              })),
            },
          ),
        );
      }
    }
    return diagnostics;
  },
};
