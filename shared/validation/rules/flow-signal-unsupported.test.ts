import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, agentToGateway, backend, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { flowSignalUnsupported } from './flow-signal-unsupported.js';

function design(...extra: Element[]) {
  return topology([
    site('aws'),
    cluster('eks', 'aws'),
    cluster('fn', 'aws', { platform: 'lambda' }),
    gateway('gw', 'eks'),
    agent('layer', 'fn'),
    backend('xray', { type: 'awsxray', region: 'us-east-1' }),
    backend('emf', { type: 'awsemf', region: 'us-east-1', namespace: 'otel' }),
    backend('prom', { type: 'prometheusremotewrite', endpoint: 'https://prom.example/api/v1/write' }),
    backend('tempo', { type: 'otlp', endpoint: 'tempo:4317' }),
    ...extra,
  ]);
}

const logsToXray = design(flow('to-xray', 'gw', 'xray', { signals: ['traces', 'logs'] }));
const tracesToProm = design(flow('to-prom', 'gw', 'prom', { signals: ['traces'] }));
const toLayer = design(flow('to-layer', 'gw', 'layer'));

const cases: RuleCase[] = [
  { name: 'a debug backend takes everything', topology: agentToGateway(), diagnostics: [] },
  {
    name: 'each backend gets what its exporter takes; the OTLP alias resolves to otlp_grpc',
    topology: design(
      flow('traces', 'gw', 'xray'),
      flow('metrics', 'gw', 'emf', { signals: ['metrics'] }),
      flow('prom', 'gw', 'prom', { signals: ['metrics'] }),
      flow('all', 'gw', 'tempo', { signals: ['traces', 'metrics', 'logs'] }),
      flow('from-layer', 'layer', 'gw'),
    ),
    diagnostics: [],
  },
  {
    name: 'logs to X-Ray, which takes traces only',
    topology: logsToXray,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['to-xray', 'xray'],
        message: /Flow 'to-xray' sends logs to backend 'xray', but its exporter \(awsxray\) takes only traces: the collector refuses the pipeline and does not start/,
        path: ['elements', 9, 'signals'],
      },
    ],
  },
  {
    name: 'traces to Prometheus remote write, named by its current exporter type',
    topology: tracesToProm,
    diagnostics: [{ severity: 'error', elementIds: ['to-prom', 'prom'], message: /exporter \(prometheus_remote_write\) takes only metrics/ }],
  },
  {
    name: 'a flow into a collector in a Lambda layer',
    topology: toLayer,
    diagnostics: [{ severity: 'error', elementIds: ['to-layer', 'layer'], message: /'layer', which runs as a Lambda layer inside a function: .*nothing outside can reach it/, path: ['elements', 9, 'to'] }],
  },
];

describe('flow-signal-unsupported', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(flowSignalUnsupported, checkRule(flowSignalUnsupported, model), diagnostics);
  });

  it('quick fixes drop the unsupported signals, or the flow when none is left', () => {
    expect(applyFix(flowSignalUnsupported, logsToXray).elements[9]).toMatchObject({ id: 'to-xray', signals: ['traces'] });
    expect(applyFix(flowSignalUnsupported, tracesToProm).elements.map((element) => element.id)).not.toContain('to-prom');
    expect(applyFix(flowSignalUnsupported, toLayer).elements.map((element) => element.id)).not.toContain('to-layer');
  });
});
