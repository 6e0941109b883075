import { describe, expect, it } from 'vitest';
import { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { ruleContext } from '../validate.js';
import { collectorConfig } from './collector-config.js';
import { summary } from '../../testing/rule-cases.js';

type GatewayFields = Parameters<typeof b.gateway>[2];

/** agent → gateway → backend, in one EKS cluster; element 3 is the gateway, 6 its flow to the backend. */
function design(gateway: GatewayFields = {}, backend: Record<string, unknown> = { type: 'debug' }, signals: Array<'traces' | 'metrics' | 'logs'> = ['traces']): Topology {
  return b.topology([
    b.site('aws-use1'),
    b.cluster('eks-prod', 'aws-use1'),
    b.agent('agent', 'eks-prod'),
    b.gateway('gateway', 'eks-prod', gateway),
    b.backend('store', backend),
    b.flow('agent-to-gateway', 'agent', 'gateway', { signals }),
    b.flow('gateway-to-store', 'gateway', 'store', { signals }),
  ]);
}

/** The generated traces pipeline of the gateway, for overrides that replace its exporters. */
const tracesPipeline = (exporters: string[]) => ({
  service: { pipelines: { traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters } } },
});

function lambda(overrides: Record<string, unknown>): Topology {
  return b.topology([
    b.site('aws-use1'),
    b.cluster('functions', 'aws-use1', { platform: 'lambda' }),
    b.agent('orders', 'functions', {
      processors: [{ type: 'memory_limiter' }, { type: 'batch' }, { type: 'decouple' }],
      overrides,
    }),
    b.backend('vendor', { type: 'otlphttp', endpoint: 'https://otlp.example.com' }),
    b.flow('orders-to-vendor', 'orders', 'vendor'),
  ]);
}


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { says?: string }>;
}

const gatewayConfig = (path: (string | number)[]) => ({ collectorId: 'gateway', path });

const cases: Case[] = [
  { name: 'the smallest design is clean', topology: b.agentToGateway(), diagnostics: [] },
  {
    name: 'a deprecated alias in the model is written under its current name',
    topology: design({ processors: [{ type: 'memory_limiter' }, { type: 'k8sattributes' }, { type: 'batch' }] }),
    diagnostics: [],
  },
  {
    name: 'the logging exporter in overrides is removed',
    topology: design({ overrides: { exporters: { logging: { verbosity: 'detailed' } }, ...tracesPipeline(['debug/store', 'logging']) } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', 'exporters', 'logging'],
        config: gatewayConfig(['exporters', 'logging']),
        fix: true,
        says: 'removed in 0.111.0',
      },
    ],
  },
  {
    name: 'the otlp exporter in overrides is a deprecated alias at 0.158',
    topology: design({ overrides: { exporters: { 'otlp/extra': { endpoint: 'extra:4317' } }, ...tracesPipeline(['debug/store', 'otlp/extra']) } }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', 'exporters', 'otlp/extra'],
        config: gatewayConfig(['exporters', 'otlp/extra']),
        fix: true,
        says: 'deprecated alias',
      },
    ],
  },
  {
    name: 'the otlp exporter is the current name at 0.140',
    topology: design({
      version: '0.140.0',
      overrides: { exporters: { 'otlp/extra': { endpoint: 'extra:4317' } }, ...tracesPipeline(['debug/store', 'otlp/extra']) },
    }),
    diagnostics: [],
  },
  {
    name: 'awsemf is not in the k8s distribution',
    topology: design({ distribution: 'k8s' }, { type: 'awsemf', region: 'us-east-1', namespace: 'App' }, ['metrics']),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'gateway-to-store'],
        path: ['elements', 6],
        config: gatewayConfig(['exporters', 'awsemf/store']),
        fix: false,
        says: 'not in the k8s distribution',
      },
    ],
  },
  {
    name: 'an unknown key in a backend’s raw settings',
    topology: design({}, { type: 'debug', config: { verbosty: 'detailed' } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'store'],
        path: ['elements', 4, 'config', 'verbosty'],
        config: gatewayConfig(['exporters', 'debug/store', 'verbosty']),
        fix: false,
        says: 'Did you mean `verbosity`?',
      },
    ],
  },
  {
    name: 'health_check in a Lambda collector',
    topology: lambda({ extensions: { health_check: {} }, service: { extensions: ['health_check'] } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['orders'],
        path: ['elements', 2, 'overrides', 'extensions', 'health_check'],
        config: { collectorId: 'orders', path: ['extensions', 'health_check'] },
        fix: false,
        says: 'not in the lambda distribution',
      },
    ],
  },
  { name: 'a Lambda collector with batch and decouple', topology: lambda({}), diagnostics: [] },
  {
    name: 'the spanmetrics processor is removed',
    topology: design({ processors: [{ type: 'memory_limiter' }, { type: 'spanmetrics' }, { type: 'batch' }] }, { type: 'debug' }, ['traces', 'metrics']),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors', 1],
        config: gatewayConfig(['processors', 'spanmetrics']),
        fix: true,
        says: 'span_metrics connector',
      },
    ],
  },
  {
    name: 'the routing processor is removed, with no mechanical migration',
    topology: design({ processors: [{ type: 'memory_limiter' }, { type: 'routing', config: { from_attribute: 'env' } }, { type: 'batch' }] }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors', 1],
        config: gatewayConfig(['processors', 'routing']),
        fix: false,
        says: 'routing connector',
      },
    ],
  },
  {
    name: 'a span_metrics connector with no metrics pipeline to feed',
    topology: design({ connectors: [{ type: 'span_metrics' }] }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'connectors', 0],
        config: gatewayConfig(['connectors', 'span_metrics']),
        fix: false,
        says: 'no pipeline receives from it',
      },
    ],
  },
  {
    name: 'a metrics receiver on a traces-only collector is unused',
    topology: design({ receivers: [{ type: 'otlp' }, { type: 'host_metrics' }] }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'receivers', 1],
        config: gatewayConfig(['receivers', 'host_metrics']),
        fix: false,
        says: 'no pipeline uses it',
      },
    ],
  },
  {
    name: 'a null body in overrides',
    topology: design({ overrides: { processors: { batch: null } } }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', 'processors', 'batch'],
        config: gatewayConfig(['processors', 'batch']),
        fix: true,
        says: 'not as a removal',
      },
    ],
  },
  {
    name: 'an overridden pipeline naming an undefined exporter',
    topology: design({ overrides: tracesPipeline(['debug/store', 'otlp_grpc/nowhere']) }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', 'service', 'pipelines', 'traces', 'exporters', 1],
        config: gatewayConfig(['service', 'pipelines', 'traces', 'exporters', 1]),
        fix: false,
        says: '`otlp_grpc/nowhere`',
      },
    ],
  },
];

describe('collector-config', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN a design, WHEN the rule checks every generated collector config
    const found = collectorConfig.check(ruleContext(topology));
    // THEN it reports the expected problems, on the model element and config path that cause them
    expect(found.map(summary)).toStrictEqual(diagnostics.map(({ says: _says, ...expected }) => expected));
    diagnostics.forEach(({ says }, index) => says && expect(found[index]!.message).toContain(says));
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.some((diagnostic) => diagnostic.fix)))('fixes: $name', ({ topology }) => {
    // GIVEN a design with a problem that has a quick fix
    const [first] = collectorConfig.check(ruleContext(topology));
    // WHEN the fix is applied
    const fixed = first!.fix!.apply(topology);
    // THEN the rule finds nothing left, the result is a valid model, and the original design is untouched
    expect(collectorConfig.check(ruleContext(fixed))).toStrictEqual([]);
    expect(Topology.safeParse(fixed).success).toBe(true);
    expect(collectorConfig.check(ruleContext(topology))).toHaveLength(1);
  });

  it('renames the logging exporter to debug, in the pipeline too', () => {
    // GIVEN the logging exporter in a gateway's overrides
    const topology = design({ overrides: { exporters: { logging: { verbosity: 'detailed' } }, ...tracesPipeline(['debug/store', 'logging']) } });
    // WHEN its fix is applied
    const fixed = collectorConfig.check(ruleContext(topology))[0]!.fix!.apply(topology);
    // THEN the overrides define and use `debug` instead
    const gateway = fixed.elements[3];
    expect(gateway?.kind === 'collector' && gateway.overrides).toStrictEqual({
      exporters: { debug: { verbosity: 'detailed' } },
      ...tracesPipeline(['debug/store', 'debug']),
    });
  });
});
