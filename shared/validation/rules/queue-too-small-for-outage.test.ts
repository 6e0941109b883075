import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { durationSeconds, queueTooSmallForOutage } from './queue-too-small-for-outage.js';

/** An on-prem agent (default batch: 8192 records or 200ms) sending to a cloud gateway over `links`. */
function design(links: Element[], ...extra: Element[]) {
  return topology([
    site('dc', { provider: 'onprem', region: 'paris' }),
    site('aws'),
    site('transit', { region: 'eu-west-1' }),
    ...links,
    cluster('k8s', 'dc', { platform: 'kubernetes' }),
    cluster('eks', 'aws'),
    agent('agent', 'k8s'),
    agent('agent-nobatch', 'k8s', { processors: [{ type: 'memory_limiter' }] }),
    gateway('gw', 'eks'),
    backend('debug'),
    flow('gw-out', 'gw', 'debug'),
    ...extra,
  ]);
}

const vpn = link('vpn', 'dc', 'aws'); // tolerates 15 minutes by default
const slow = design([vpn], flow('wan', 'agent', 'gw', { volume: { recordsPerSecond: 1000 } }));
const fast = design([vpn], flow('wan', 'agent', 'gw', { queue: { type: 'persistent', size: 1000 }, volume: { recordsPerSecond: 100_000 } }));

const cases: RuleCase[] = [
  {
    name: 'a persistent queue of 5000 requests holds 1000 s at 1000 records/s, more than 15 minutes',
    topology: design([vpn], flow('wan', 'agent', 'gw', { queue: { type: 'persistent', size: 5000 }, volume: { recordsPerSecond: 1000 } })),
    diagnostics: [],
  },
  {
    name: 'the default queue at a low rate: small timeout batches fill it in 200 s',
    topology: slow,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['wan', 'vpn'],
        message:
          /Flow 'wan' sends about 1000 records\/s over link 'vpn', which must ride out 15 minutes of outage, but its queue of 1000 requests × about 200 records per request \(what arrives in the batch timeout of 200ms\) holds 200000 records, about 3\.3 minutes of data: the rest is dropped\. Raise the queue size to at least 4500\. A memory queue that size needs about 0\.4 GiB/,
        path: ['elements', 11],
      },
    ],
  },
  {
    name: 'a high rate fills whole batches; a persistent queue needs no memory note',
    topology: fast,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['wan', 'vpn'],
        message: /1000 requests × 8192 records per request \(the batch size\) holds 8192000 records, about 1\.4 minutes of data: the rest is dropped\. Raise the queue size to at least 10987\.$/,
        path: ['elements', 11, 'queue', 'size'],
      },
    ],
  },
  {
    name: 'without a batch processor, requests are taken as 8192 records',
    topology: design([vpn], flow('wan', 'agent-nobatch', 'gw', { queue: { type: 'persistent', size: 10 }, volume: { recordsPerSecond: 1000 } })),
    diagnostics: [{ severity: 'warning', elementIds: ['wan', 'vpn'], message: /10 requests × 8192 records per request \(no batch processor\) holds 81920 records, about 1\.4 minutes.*at least 110\./ }],
  },
  {
    name: 'the least tolerant link of the path decides',
    topology: design(
      [link('dc-transit', 'dc', 'transit', { toleratedOutageMinutes: 60 }), link('transit-aws', 'transit', 'aws', { toleratedOutageMinutes: 5 })],
      flow('wan', 'agent', 'gw', { queue: { type: 'persistent', size: 1000 }, volume: { recordsPerSecond: 1000 } }),
    ),
    diagnostics: [{ severity: 'warning', elementIds: ['wan', 'transit-aws'], message: /over link 'transit-aws', which must ride out 5 minutes.*at least 1500\./ }],
  },
  {
    name: 'no volume, failover flows and flows without a queue are left to other rules',
    topology: design(
      [vpn],
      flow('no-volume', 'agent', 'gw'),
      flow('failover', 'agent', 'gw', { signals: ['logs'], failoverPriority: 1, volume: { recordsPerSecond: 1000 } }),
      flow('no-queue', 'agent', 'gw', { signals: ['metrics'], queue: { type: 'none' }, volume: { recordsPerSecond: 1000 } }),
    ),
    diagnostics: [],
  },
];

describe('queue-too-small-for-outage', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(queueTooSmallForOutage, checkRule(queueTooSmallForOutage, model), diagnostics);
  });

  it('quick fix raises the queue to what the outage needs, keeping its type', () => {
    expect(applyFix(queueTooSmallForOutage, slow).elements[11]).toMatchObject({ queue: { type: 'memory', size: 4500, consumers: 10 } });
    expect(applyFix(queueTooSmallForOutage, fast).elements[11]).toMatchObject({ queue: { type: 'persistent', size: 10987 } });
  });

  it('reads Go durations', () => {
    expect(durationSeconds('200ms')).toBe(0.2);
    expect(durationSeconds('1m30s')).toBe(90);
  });
});
