import type { Flow } from '../../model/flow.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

/** The engine's retry timings, kept when retry is switched off so switching it back on restores them. */
const RETRY_DEFAULTS = { initialInterval: '5s', maxInterval: '30s', maxElapsedTime: '300s' };

export const failoverTargetHidesFailures: Rule = {
  id: 'failover-target-hides-failures',
  description:
    'A flow behind a failover connector with its own retry or queue: the exporter accepts the data and retries on its own, so the connector never sees the target fail (contrib #50234, #36587).',
  severity: 'warning',
  check({ topology, index }) {
    return index.flows.flatMap((flow) => {
      if (flow.failoverPriority === undefined) return [];
      const retries = flow.retry?.enabled === true;
      const queues = flow.queue !== undefined && flow.queue.type !== 'none';
      if (!retries && !queues) return [];
      const what = [retries ? 'retry on failure' : undefined, queues ? `a ${flow.queue!.type} sending queue` : undefined]
        .filter((part): part is string => part !== undefined)
        .join(' and ');
      return [
        diagnose(
          failoverTargetHidesFailures,
          topology,
          [flow.id, flow.from, flow.to],
          `Flow '${flow.id}' is failover priority ${flow.failoverPriority} of '${flow.from}', but has ${what}: its exporter takes the data and keeps retrying ` +
            `'${flow.to}' itself, so the failover connector never sees a failure and never switches to the next priority (contrib #50234, #36587). ` +
            `Turn retry off and set the queue to none on this flow.`,
          {
            path: ['elements', topology.elements.indexOf(flow), ...(queues && !retries ? ['queue'] : retries && !queues ? ['retry'] : [])],
            fix: updateElement<Flow>(`Turn off retry and queue on '${flow.id}'`, flow.id, (current) => ({
              ...current,
              retry: { ...RETRY_DEFAULTS, ...current.retry, enabled: false },
              queue: { type: 'none', size: current.queue?.size ?? 1000, consumers: current.queue?.consumers ?? 10 },
            })),
          },
        ),
      ];
    });
  },
};
