import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summary, expectSummaries } from '../../testing/rule-cases.js';
import { queueStorageUndefined } from './queue-storage-undefined.js';

type Fields = Parameters<typeof b.gateway>[2];
type FlowFields = Parameters<typeof b.flow>[3];

/** gateway (element 2) → an OTLP backend with a persistent queue (flow, element 4). */
function design(gateway: Fields = {}, flow: FlowFields = {}, platform: 'eks' | 'cloudrun' = 'eks'): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('c', 'aws', { platform }),
    b.gateway('gateway', 'c', gateway),
    b.backend('store', { type: 'otlp', endpoint: 'store.example.com:4317' }),
    b.flow('to-store', 'gateway', 'store', { queue: { type: 'persistent' }, ...flow }),
  ]);
}

const storagePath = ['exporters', 'otlp_grpc/store', 'sending_queue', 'storage'];


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { message: RegExp }>;
}

const cases: Case[] = [
  { name: 'the engine’s persistent queue: defined, enabled, on the volume', topology: design(), diagnostics: [] },
  {
    name: 'a persistent queue behind load balancing',
    topology: b.topology([
      b.site('aws'),
      b.cluster('c', 'aws'),
      b.agent('agent', 'c'),
      b.gateway('gateway', 'c'),
      b.backend('debug'),
      b.flow('in', 'agent', 'gateway', { queue: { type: 'persistent' }, balancing: { routingKey: 'traceID', resolver: 'k8s' } }),
      b.flow('out', 'gateway', 'debug'),
    ]),
    diagnostics: [],
  },
  {
    name: 'overrides that leave the storage out of service.extensions',
    topology: design({ overrides: { service: { extensions: ['health_check'] } } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'to-store'],
        path: ['elements', 2, 'overrides', 'service', 'extensions'],
        config: { collectorId: 'gateway', path: ['service', 'extensions'] },
        fix: true,
        message: /`otlp_grpc\/store` of 'gateway' keeps its queue in `file_storage\/queue`, which is not in `service\.extensions`/,
      },
    ],
  },
  {
    name: 'a queue in an extension nobody defined',
    topology: design({ overrides: { exporters: { 'otlp_grpc/store': { sending_queue: { storage: 'file_storage/missing' } } } } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 2, 'overrides', ...storagePath],
        config: { collectorId: 'gateway', path: storagePath },
        fix: false,
        message: /keeps its queue in `file_storage\/missing`, which `extensions` does not define/,
      },
    ],
  },
  {
    name: 'a queue in an extension that stores nothing',
    topology: design({ overrides: { exporters: { 'otlp_grpc/store': { sending_queue: { storage: 'health_check' } } } } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 2, 'overrides', ...storagePath],
        config: { collectorId: 'gateway', path: storagePath },
        fix: false,
        message: /`health_check`, which is not a storage extension/,
      },
    ],
  },
  {
    name: 'a file_storage directory outside the mounted volume',
    topology: design({ overrides: { extensions: { 'file_storage/queue': { directory: '/data/queue' } } } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 2, 'overrides', 'extensions', 'file_storage/queue', 'directory'],
        config: { collectorId: 'gateway', path: ['extensions', 'file_storage/queue', 'directory'] },
        fix: false,
        message: /in \/data\/queue, but the pod mounts its queue volume at \/var\/lib\/otelcol\/file_storage/,
      },
    ],
  },
  {
    name: 'a persistent queue on Cloud Run',
    topology: design({}, {}, 'cloudrun'),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'to-store'],
        path: ['elements', 4, 'queue'],
        config: { collectorId: 'gateway', path: ['extensions', 'file_storage/queue', 'directory'] },
        fix: false,
        message: /Cloud Run gives it no lasting disk/,
      },
    ],
  },
];

describe('queue-storage-undefined', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the exporters' persistent queues
    const found = checkRule(queueStorageUndefined, topology);
    // THEN it reports exactly the expected problems
    expectSummaries(found, diagnostics, summary);
  });

  it('fixes: enables the storage in the overridden service.extensions', () => {
    // GIVEN overrides that drop the queue's storage from service.extensions
    const topology = design({ overrides: { service: { extensions: ['health_check'] } } });
    // WHEN the fix is applied (applyFix asserts the rule is then satisfied and the model valid)
    const fixed = applyFix(queueStorageUndefined, topology);
    // THEN the overridden list names it again
    const gateway = fixed.elements[2];
    expect(gateway?.kind === 'collector' && gateway.overrides).toStrictEqual({ service: { extensions: ['health_check', 'file_storage/queue'] } });
  });
});
