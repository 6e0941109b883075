import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planCollector } from '../engine/plan.js';
import { indexTopology } from '../graph/topology-index.js';
import { Topology } from '../model/topology.js';
import { loadTopology, stringifyTopology } from '../io/topology-file.js';
import { importFiles, type ImportResult } from './import-files.js';
import { renderHelmConfig } from './helm-presets.js';

type Plain = Record<string, unknown>;
const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => ({ path: name, text: readFileSync(join(FIXTURES, name), 'utf8') });
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The collector's own merge of several --config files (written again here, independent of the importer). */
function merge(base: Plain, override: Plain): Plain {
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = isPlain(merged[key]) && isPlain(value) ? merge(merged[key] as Plain, value) : value;
  return merged;
}

/** Empty component bodies (`debug:`) read as `{}`. */
function semantic(config: Plain): Plain {
  const out: Plain = { ...config };
  for (const section of ['receivers', 'processors', 'exporters', 'connectors', 'extensions']) {
    if (isPlain(out[section])) out[section] = Object.fromEntries(Object.entries(out[section] as Plain).map(([id, body]) => [id, body ?? {}]));
  }
  return out;
}

/** GIVEN an import WHEN each collector is generated again THEN its config (object and emitted YAML) equals the input. */
function expectRoundTrip(result: ImportResult, expected: Record<string, Plain>): void {
  expect(result.report.problems.filter((problem) => problem.severity === 'error')).toStrictEqual([]);
  const topology = result.topology!;
  expect(Topology.safeParse(topology).success).toBe(true);
  // The saved project reads back as the same topology.
  const reloaded = loadTopology(stringifyTopology(topology));
  expect(reloaded.ok && reloaded.topology).toStrictEqual(topology);
  const index = indexTopology(topology);
  expect(index.collectors.map((collector) => collector.id).sort()).toStrictEqual(Object.keys(expected).sort());
  for (const [id, config] of Object.entries(expected)) {
    const plan = planCollector(index, index.collector(id)!);
    expect(plan.config, id).toEqual(semantic(config));
    expect(parse(plan.configText), `${id} as YAML`).toEqual(semantic(config));
  }
}

const flowsOf = (topology: Topology) =>
  topology.elements.flatMap((element) => (element.kind === 'flow' ? [`${element.from}->${element.to}:${element.signals.join('+')}`] : []));

describe('importFiles: round trip of the fixtures', () => {
  it('GIVEN the OpenTelemetry demo collector config WHEN imported THEN it regenerates equal, with backends and a span_metrics connector in the model', () => {
    const demo = fixture('otel-demo-collector.yaml');
    const result = importFiles([demo]);
    expectRoundTrip(result, { 'otel-demo-collector': parse(demo.text) });
    const topology = result.topology!;
    const collector = topology.elements.find((element) => element.kind === 'collector')!;
    expect(collector.kind === 'collector' && collector.version).toBe('0.143.0');
    expect(collector.kind === 'collector' && collector.connectors.map((connector) => connector.type)).toStrictEqual(['span_metrics']);
    expect(collector.kind === 'collector' && collector.processors.map((processor) => processor.type)).toStrictEqual([
      'memory_limiter', 'resource', 'transform', 'batch',
    ]);
    expect(flowsOf(topology).sort()).toStrictEqual([
      'otel-demo-collector->debug:traces+metrics+logs',
      'otel-demo-collector->otlp:traces',
      'otel-demo-collector->prometheus:metrics',
    ]);
    // opensearch is no backend the model knows: it stays in the overrides, located.
    expect(result.report.overrides).toContainEqual(
      expect.objectContaining({ collector: 'otel-demo-collector', path: 'exporters.opensearch', change: 'set', file: 'otel-demo-collector.yaml', line: 100 }),
    );
  });

  it('GIVEN a config split over two files WHEN imported together THEN they merge like --config files (maps merge, lists replace) and regenerate equal', () => {
    const main = fixture('otel-demo-collector.yaml');
    const extras = fixture('otel-demo-extras.yaml');
    const result = importFiles([main, extras]);
    const merged = merge(parse(main.text), parse(extras.text));
    expect((merged as { processors: Plain }).processors.batch).toStrictEqual({ timeout: '2s' });
    expectRoundTrip(result, { 'otel-demo-collector': merged });
    // A path the second file wrote is located there.
    expect(result.report.overrides).toContainEqual(expect.objectContaining({ path: 'exporters.otlphttp/example', file: 'otel-demo-extras.yaml', line: 3 }));
  });

  it('GIVEN two plain configs named for two collectors WHEN imported THEN they stay two collectors', () => {
    const result = importFiles([
      { ...fixture('helm-default-relay.yaml'), collector: 'relay' },
      { ...fixture('otel-demo-collector.yaml'), collector: 'demo' },
    ]);
    expectRoundTrip(result, { relay: parse(fixture('helm-default-relay.yaml').text), demo: parse(fixture('otel-demo-collector.yaml').text) });
  });

  it("GIVEN the Helm chart's default rendered config WHEN imported THEN it regenerates equal", () => {
    const relay = fixture('helm-default-relay.yaml');
    expectRoundTrip(importFiles([relay]), { 'helm-default-relay': parse(relay.text) });
  });

  it('GIVEN Operator resources (v1alpha1 string config, v1beta1 object config) with several pipelines and connectors WHEN imported THEN both regenerate equal and the agent load-balances to the gateway', () => {
    const operator = fixture('operator-collectors.yaml');
    const [agent, gateway] = parseAllDocuments(operator.text).map((document) => document.toJS() as { spec: { config: unknown } });
    const result = importFiles([operator]);
    expectRoundTrip(result, { 'otel-agent': parse(agent!.spec.config as string), 'otel-gateway': gateway!.spec.config as Plain });
    const topology = result.topology!;
    const flows = topology.elements.filter((element) => element.kind === 'flow');
    const balanced = flows.find((flow) => flow.kind === 'flow' && flow.balancing);
    expect(balanced).toMatchObject({ from: 'otel-agent', to: 'otel-gateway', signals: ['traces'], exporterName: '', balancing: { resolver: 'k8s', routingKey: 'traceID' } });
    expect(flowsOf(topology)).toContain('otel-agent->otel-gateway:metrics+logs');
    const collectors = topology.elements.filter((element) => element.kind === 'collector');
    expect(collectors.map((collector) => collector.kind === 'collector' && [collector.id, collector.role, collector.mode, collector.replicas, collector.version, collector.cluster])).toStrictEqual([
      ['otel-agent', 'agent', 'daemonset', undefined, '0.139.0', 'observability'],
      ['otel-gateway', 'gateway', 'statefulset', 3, '0.139.0', 'observability'],
    ]);
    const gatewayElement = collectors[1]!;
    expect(gatewayElement.kind === 'collector' && gatewayElement.processors.find((processor) => processor.type === 'tail_sampling')).toMatchObject({
      numTraces: 100000,
      policies: [{ name: 'errors', type: 'status_code' }, { name: 'slow', type: 'latency', thresholdMs: 500 }, { name: 'some', type: 'probabilistic' }],
    });
    // A located line inside the v1alpha1 string config.
    expect(result.report.overrides).toContainEqual(expect.objectContaining({ collector: 'otel-agent', path: 'exporters.loadbalancing', line: 49, column: 7 }));
  });

  it('GIVEN ConfigMaps with the DaemonSet and Deployment that mount them WHEN imported THEN role, mode, replicas, image and namespace come from the workloads and the agent flows to the gateway Service', () => {
    const manifests = fixture('kubernetes-manifests.yaml');
    const configMaps = parseAllDocuments(manifests.text)
      .map((document) => document.toJS() as { kind: string; data?: Record<string, string> })
      .filter((object) => object.kind === 'ConfigMap');
    const result = importFiles([manifests]);
    expectRoundTrip(result, { agent: parse(configMaps[0]!.data!['agent.yaml']!), 'otel-gateway': parse(configMaps[1]!.data!['gateway.yaml']!) });
    const topology = result.topology!;
    expect(topology.elements.find((element) => element.id === 'otel-gateway')).toMatchObject({ role: 'gateway', mode: 'deployment', replicas: 3, version: '0.140.1', distribution: 'contrib' });
    expect(topology.elements.find((element) => element.id === 'agent')).toMatchObject({
      role: 'agent', mode: 'daemonset', resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    });
    expect(topology.elements.find((element) => element.kind === 'cluster')).toMatchObject({ id: 'telemetry', namespace: 'telemetry', site: 'imported' });
    expect(flowsOf(topology)).toContain('agent->otel-gateway:traces+metrics+logs');
  });

  it('GIVEN Helm values of the collector chart WHEN imported THEN the config is what the chart renders from them, presets included, and the presets are reported', () => {
    const values = fixture('helm-values.yaml');
    const result = importFiles([values]);
    // What the chart renders is held to literal expectations in helm-presets.test.ts; here, that the import keeps it.
    const rendered = renderHelmConfig(parse(values.text) as Plain, { mode: 'daemonset', release: { name: 'helm', namespace: 'default' } });
    expectRoundTrip(result, { helm: rendered.config });
    expect(result.topology!.elements.find((element) => element.kind === 'collector')).toMatchObject({
      mode: 'daemonset', role: 'agent', version: '0.150.0', distribution: 'k8s', resources: { limits: { cpu: '250m', memory: '512Mi' } },
    });
    expect(result.report.notes.map((note) => note.message).join('\n')).toMatch(/presets applied: logsCollection, kubernetesAttributes/);
  });

  it("GIVEN Helm values with extraEnvs WHEN imported THEN the collector reads them, and the chart pod's own variables the config reads", () => {
    const text = `mode: deployment
extraEnvs:
  - name: VENDOR_TOKEN
    valueFrom:
      secretKeyRef: { name: vendor, key: token }
config:
  exporters:
    otlp_http/vendor:
      endpoint: https://otlp.vendor.example
      headers:
        authorization: \${env:VENDOR_TOKEN}
  service:
    pipelines:
      traces:
        exporters: [otlp_http/vendor]
`;
    const result = importFiles([{ path: 'values.yaml', text }]);
    expect(result.topology).toBeDefined();
    const index = indexTopology(result.topology!);
    const plan = planCollector(index, index.collectors[0]!);
    // The chart's default config reads OTEL_K8S_* (service.telemetry.resource): the exported pod sets them as the chart's does.
    expect(plan.env).toEqual(
      expect.arrayContaining([
        { name: 'OTEL_K8S_POD_NAME', fieldPath: 'metadata.name' },
        { name: 'OTEL_K8S_NAMESPACE', fieldPath: 'metadata.namespace' },
        { name: 'VENDOR_TOKEN', secret: { name: 'vendor', key: 'token' } },
      ]),
    );
    expect(plan.unsourcedEnv).toStrictEqual([]);
  });
});

describe('importFiles: flow settings and secrets', () => {
  const manifests = fixture('flow-settings-manifests.yaml');
  const result = importFiles([manifests]);
  const element = (id: string) => result.topology!.elements.find((item) => item.id === id)!;

  it('GIVEN exporters with compression, TLS, retry, queue and headers WHEN imported THEN the flows carry them and the configs regenerate equal', () => {
    const configMaps = parseAllDocuments(manifests.text).map((document) => document.toJS() as { kind: string; data?: Record<string, string> });
    expectRoundTrip(result, { agent: parse(configMaps[0]!.data!['agent.yaml']!), gateway: parse(configMaps[1]!.data!['gateway.yaml']!) });
    expect(element('agent-to-gateway')).toMatchObject({
      compression: 'zstd',
      tls: { mode: 'tls', caSecret: 'gateway-ca' },
      retry: { enabled: true, initialInterval: '1s', maxInterval: '10s', maxElapsedTime: '60s' },
      queue: { type: 'memory', size: 5000, consumers: 4 },
      headers: { 'x-tenant': 'acme' },
    });
    expect(element('gateway-to-vendor')).toMatchObject({ compression: 'zstd', queue: { type: 'none' } });
    expect(element('gateway')).toMatchObject({ tls: { certSecret: 'gateway-tls' } });
    // Only what the model cannot say stays in the overrides: the endpoint as written.
    const agent = element('agent');
    expect(agent.kind === 'collector' && agent.overrides?.exporters).toStrictEqual({
      'otlp_grpc/gateway': { endpoint: 'gateway.telemetry.svc:4317', balancer_name: { $patch: 'delete' } },
    });
  });

  it('GIVEN credentials read from Secrets through env and envFrom WHEN imported THEN they stay Secret references and the exported pod reads them', () => {
    expect(element('vendor')).toMatchObject({ headers: { 'x-api-key': { env: 'VENDOR_API_KEY', secret: { name: 'vendor', key: 'api-key' } } } });
    expect(element('azuremonitor')).toMatchObject({
      connectionString: { env: 'AZURE_CONNECTION_STRING', secret: { name: 'azure', key: 'AZURE_CONNECTION_STRING' } },
    });
    // The collector keeps the variables no reference covers; the engine sets MY_POD_IP itself.
    expect(element('gateway')).toMatchObject({ env: { POD_NAME: { field: 'metadata.name' }, LOG_FORMAT: 'json' } });
    const index = indexTopology(result.topology!);
    const plan = planCollector(index, index.collector('gateway')!);
    expect(plan.env).toEqual(
      expect.arrayContaining([
        { name: 'VENDOR_API_KEY', secret: { name: 'vendor', key: 'api-key' } },
        { name: 'AZURE_CONNECTION_STRING', secret: { name: 'azure', key: 'AZURE_CONNECTION_STRING' } },
        { name: 'POD_NAME', fieldPath: 'metadata.name' },
        { name: 'LOG_FORMAT', value: 'json' },
      ]),
    );
    expect(plan.unsourcedEnv).toStrictEqual([]);
    expect(result.report.notes).toContainEqual(expect.objectContaining({ message: 'gateway: env TUNING (from ConfigMap tuning key level) not imported: the model has no place for it' }));
  });
});

describe('importFiles: the report', () => {
  it('GIVEN an unknown component type and a dangling pipeline reference WHEN imported THEN both are warnings with file, line and column, and the rest imports', () => {
    const text = `receivers:
  otlp:
    protocols:
      grpc: {}
  otlpp: {}
exporters:
  debug: {}
service:
  pipelines:
    traces:
      receivers: [otlp, otlpp]
      exporters: [debug, missing]
`;
    const result = importFiles([{ path: 'bad.yaml', text }]);
    expect(result.topology).toBeDefined();
    expect(result.report.problems).toContainEqual(expect.objectContaining({ file: 'bad.yaml', line: 5, column: 3, severity: 'warning', message: expect.stringMatching(/Unknown receiver type `otlpp`/) }));
    expect(result.report.problems).toContainEqual(expect.objectContaining({ file: 'bad.yaml', line: 12, severity: 'warning', message: expect.stringMatching(/missing/) }));
    expectRoundTrip(result, { bad: parse(text) });
  });
});

describe('importFiles: bad input imports nothing and says where', () => {
  const cases: Array<{ name: string; text: string; line: number; message: RegExp }> = [
    { name: 'malformed YAML', text: 'receivers:\n  otlp: {\n', line: 3, message: /./ },
    { name: 'a duplicate key', text: 'receivers:\n  otlp: {}\n  otlp: {}\n', line: 3, message: /unique/i },
    { name: 'an empty file', text: '  \n', line: 1, message: /empty/ },
    { name: 'only comments', text: '# nothing\n', line: 1, message: /no YAML document/ },
    { name: 'binary garbage', text: '\u0000\u0001\u0002PK\u0003\u0004', line: 1, message: /binary/ },
    { name: 'a wrong type', text: 'receivers: [otlp]\nservice: {}\n', line: 1, message: /must be a map/ },
    { name: 'not a config', text: 'name: hello\n', line: 1, message: /not a collector config/ },
    {
      name: 'an alias bomb',
      text: ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((key, index) => `${key}: &${key} [${Array(10).fill(`*${'abcdefgh'[index]}`).join(', ')}]`), 'receivers: *h'].join('\n'),
      line: 1,
      message: /alias/i,
    },
    { name: 'a __proto__ key', text: 'receivers:\n  __proto__: { polluted: true }\n', line: 2, message: /__proto__/ },
    { name: 'a non-numeric replica count', text: 'apiVersion: opentelemetry.io/v1beta1\nkind: OpenTelemetryCollector\nmetadata: { name: c }\nspec:\n  replicas: two\n  config: { receivers: {} }\n', line: 5, message: /replicas/ },
  ];
  for (const { name, text, line, message } of cases) {
    it(`GIVEN ${name} WHEN imported THEN there is no topology and an error at line ${line}`, () => {
      const result = importFiles([fixture('helm-default-relay.yaml'), { path: 'in.yaml', text }]);
      expect(result.topology).toBeUndefined();
      const errors = result.report.problems.filter((problem) => problem.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toMatchObject({ file: 'in.yaml', line, message: expect.stringMatching(message) });
      expect(errors[0]!.column).toBeGreaterThanOrEqual(1);
    });
  }

  it('GIVEN a broken config inside a ConfigMap WHEN imported THEN the error is located in the manifest file', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  relay.yaml: |\n    receivers:\n      otlp: [\n';
    const result = importFiles([{ path: 'cm.yaml', text }]);
    expect(result.topology).toBeUndefined();
    expect(result.report.problems[0]).toMatchObject({ file: 'cm.yaml', line: 8 });
  });
});
