import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summaryWithoutFix, expectSummaries } from '../../testing/rule-cases.js';
import { receiverBindAddress } from './receiver-bind-address.js';

type Fields = Parameters<typeof b.gateway>[2];

/** agent → gateway (element 3) → debug, over gRPC; `fed: false` leaves the gateway without senders. */
function design(gateway: Fields, platform: 'eks' | 'vm' = 'eks', fed = true): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('c', 'aws', { platform }),
    b.agent('agent', 'c'),
    b.gateway('gateway', 'c', gateway),
    b.backend('debug'),
    fed ? b.flow('in', 'agent', 'gateway') : b.flow('in', 'agent', 'debug'),
    b.flow('out', 'gateway', 'debug'),
  ]);
}

const otlp = (fields: Record<string, unknown>) => ({ receivers: [{ type: 'otlp', ...fields }] }) as Fields;
const grpcEndpoint = ['receivers', 'otlp', 'protocols', 'grpc', 'endpoint'];
const onGateway = { collectorId: 'gateway', path: grpcEndpoint };


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summaryWithoutFix> & { message: RegExp }>;
}

const cases: Case[] = [
  { name: 'the pod IP', topology: b.agentToGateway(), diagnostics: [] },
  { name: 'every interface on a VM', topology: design({}, 'vm'), diagnostics: [] },
  { name: 'localhost on a collector nobody sends to', topology: design(otlp({ bind: 'localhost' }), 'eks', false), diagnostics: [] },
  { name: 'localhost on HTTP while the flows use gRPC', topology: design(otlp({ config: { protocols: { http: { endpoint: 'localhost:4318' } } } })), diagnostics: [] },
  {
    name: 'bound to localhost',
    topology: design(otlp({ bind: 'localhost' })),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'in'],
        path: ['elements', 3, 'receivers', 0, 'bind'],
        config: onGateway,
        message: /'gateway' receives grpc flows from other collectors but its `otlp` receiver listens on `localhost:4317`: nothing outside the pod reaches it \(contrib #33896\)/,
      },
    ],
  },
  {
    name: 'every interface in a pod',
    topology: design(otlp({ bind: '0.0.0.0' })),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'in'],
        path: ['elements', 3, 'receivers', 0, 'bind'],
        config: onGateway,
        message: /listens on every interface \(`0\.0\.0\.0:4317`\) in its pod: prefer the pod's own address, `\$\{env:MY_POD_IP\}`/,
      },
    ],
  },
  {
    name: 'loopback written in the receiver’s raw settings',
    topology: design(otlp({ config: { protocols: { grpc: { endpoint: '127.0.0.1:4317' } } } })),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'in'],
        path: ['elements', 3, 'receivers', 0, 'config', 'protocols', 'grpc', 'endpoint'],
        config: onGateway,
        message: /listens on `127\.0\.0\.1:4317`/,
      },
    ],
  },
  {
    name: 'loopback written in overrides',
    topology: design({ overrides: { receivers: { otlp: { protocols: { grpc: { endpoint: 'localhost:4317' } } } } } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'in'],
        path: ['elements', 3, 'overrides', ...grpcEndpoint],
        config: onGateway,
        message: /listens on `localhost:4317`/,
      },
    ],
  },
  {
    name: 'a sidecar other collectors send to',
    topology: design({ mode: 'sidecar' }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'in'],
        path: ['elements', 3, 'receivers', 0, 'bind'],
        config: onGateway,
        message: /listens on `localhost:4317`: nothing outside the pod reaches it/,
      },
    ],
  },
];

describe('receiver-bind-address', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the receivers of collectors that others send to
    const found = checkRule(receiverBindAddress, topology);
    // THEN it reports exactly the expected problems, each with a fix
    expectSummaries(found, diagnostics, summaryWithoutFix);
    expect(found.every((diagnostic) => diagnostic.fix !== undefined)).toBe(true);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.length > 0))('fixes: $name', ({ topology }) => {
    // GIVEN a receiver others cannot reach (or bound too widely), WHEN the fix is applied,
    // THEN the rule reports nothing and the model is valid (applyFix asserts both)
    applyFix(receiverBindAddress, topology);
  });
});
