import { crossSiteFlows, flowSettingsApply, networkPath } from '../../graph/network.js';
import type { Collector } from '../../model/collector.js';
import type { Flow } from '../../model/flow.js';
import type { Link } from '../../model/link.js';
import type { Diagnostic } from '../diagnostic.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

/** The engine's queue when the flow sets none (exporter helper default). */
const DEFAULT_QUEUE_SIZE = 1000;
const DEFAULT_CONSUMERS = 10;
/** Records per request without a batch processor: the usual size of what senders batch. */
const DEFAULT_BATCH_SIZE = 8192;

const DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds in a Go duration such as `200ms` or `1m30s`. */
export function durationSeconds(duration: string): number {
  let seconds = 0;
  for (const match of duration.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) seconds += Number(match[1]) * DURATION_UNITS[match[2]!]!;
  return seconds;
}

/**
 * Records one queued request holds. The batch processor sends when it has `sendBatchSize`
 * records or when its timeout fires, whichever comes first: at low rates the timeout wins and
 * requests are small, so the queue holds fewer records than `size × sendBatchSize`.
 */
export function recordsPerRequest(source: Collector | undefined, recordsPerSecond: number): { records: number; why: string } {
  const batch = source?.processors.find((processor) => processor.type === 'batch');
  if (!batch || !('sendBatchSize' in batch)) return { records: DEFAULT_BATCH_SIZE, why: `${DEFAULT_BATCH_SIZE} records per request (no batch processor)` };
  const perTimeout = recordsPerSecond * durationSeconds(batch.timeout);
  if (perTimeout >= batch.sendBatchSize) return { records: batch.sendBatchSize, why: `${batch.sendBatchSize} records per request (the batch size)` };
  const records = Math.max(1, Math.floor(perTimeout));
  return { records, why: `about ${records} records per request (what arrives in the batch timeout of ${batch.timeout})` };
}

const minutes = (seconds: number) => (seconds >= 600 ? `${Math.round(seconds / 60)} minutes` : seconds >= 60 ? `${(seconds / 60).toFixed(1)} minutes` : `${Math.round(seconds)} seconds`);
const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

export const queueTooSmallForOutage: Rule = {
  id: 'queue-too-small-for-outage',
  description: "A cross-site flow whose sending queue fills before the link's tolerated outage is over, so data is dropped.",
  severity: 'warning',
  check({ topology, index }) {
    const diagnostics: Diagnostic[] = [];
    for (const { flow, from, to } of crossSiteFlows(index)) {
      const target = index.target(flow);
      // Behind failover the flow must not queue; without a queue cross-site-reliability reports it.
      if (!flow.volume || !target || flow.failoverPriority !== undefined || flow.queue?.type === 'none') continue;
      if (!flowSettingsApply(target).queue) continue;
      const path = networkPath(index, from.id, to.id);
      if (!path || path.links.length === 0) continue;
      const weakest = path.links.reduce<Link>((min, link) => (link.toleratedOutageMinutes < min.toleratedOutageMinutes ? link : min), path.links[0]!);
      const neededSeconds = weakest.toleratedOutageMinutes * 60;
      const rate = flow.volume.recordsPerSecond;
      const size = flow.queue?.size ?? DEFAULT_QUEUE_SIZE;
      const perRequest = recordsPerRequest(index.collector(flow.from), rate);
      const capacity = size * perRequest.records;
      const heldSeconds = capacity / rate;
      if (heldSeconds >= neededSeconds) continue;
      const neededSize = Math.ceil((neededSeconds * rate) / perRequest.records);
      const inMemory = (flow.queue?.type ?? 'memory') === 'memory';
      const memoryNote = inMemory
        ? ` A memory queue that size needs about ${gib(neededSize * perRequest.records * flow.volume.bytesPerRecord)} of the collector's memory; a persistent queue keeps it on disk.`
        : '';
      diagnostics.push(
        diagnose(
          queueTooSmallForOutage,
          topology,
          [flow.id, weakest.id],
          `Flow '${flow.id}' sends about ${rate} records/s over link '${weakest.id}', which must ride out ${weakest.toleratedOutageMinutes} minutes of outage, ` +
            `but its queue of ${size} requests × ${perRequest.why} holds ${capacity} records, about ${minutes(heldSeconds)} of data: the rest is dropped. ` +
            `Raise the queue size to at least ${neededSize}.${memoryNote}`,
          {
            path: ['elements', topology.elements.indexOf(flow), ...(flow.queue ? ['queue', 'size'] : [])],
            fix: updateElement<Flow>(`Raise the queue of '${flow.id}' to ${neededSize} requests`, flow.id, (current) => ({
              ...current,
              queue: { type: current.queue?.type ?? 'memory', size: neededSize, consumers: current.queue?.consumers ?? DEFAULT_CONSUMERS },
            })),
          },
        ),
      );
    }
    return diagnostics;
  },
};
