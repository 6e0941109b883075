import { describe, expect, it } from 'vitest';
import { checkCollectorConfig, resolveType, type ConfigFindingCode, type ConfigPath } from './config-check.js';

type Config = Record<string, unknown>;

/** A small config the collector accepts at 0.158 (contrib): every case starts from it. */
function valid(): Config {
  return {
    receivers: { otlp: { protocols: { grpc: { endpoint: '${env:MY_POD_IP}:4317' } } } },
    processors: { memory_limiter: { check_interval: '1s', limit_percentage: 80 }, batch: {} },
    exporters: { otlp_grpc: { endpoint: 'gateway:4317', tls: { insecure: true } } },
    extensions: { health_check: { endpoint: '${env:MY_POD_IP}:13133' } },
    service: {
      extensions: ['health_check'],
      pipelines: { traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlp_grpc'] } },
    },
  };
}

/** `valid()` with some sections changed: maps merge one level down, `undefined` removes a key. */
function withChanges(changes: Config): Config {
  const config = valid();
  for (const [section, value] of Object.entries(changes)) {
    const current = config[section];
    config[section] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? Object.fromEntries(
            Object.entries({ ...(current as Config), ...(value as Config) }).filter(([, item]) => item !== undefined),
          )
        : value;
  }
  return config;
}

const pipelines = (pipelineMap: Config) => ({ service: { extensions: ['health_check'], pipelines: pipelineMap } });
const traces = (exporters: string[], processors = ['memory_limiter', 'batch'], receivers = ['otlp']) => ({ receivers, processors, exporters });

interface Case {
  name: string;
  config: unknown;
  version?: string;
  distribution?: string;
  findings: Array<{ code: ConfigFindingCode; path: ConfigPath; replacementType?: string }>;
  /** Words the message of finding `saysAt` (default: the first) must contain. */
  says?: string[];
  saysAt?: number;
}

const cases: Case[] = [
  { name: 'a valid config', config: valid(), findings: [] },
  {
    name: 'the otlp exporter at 0.158 is a deprecated alias of otlp_grpc',
    config: withChanges({
      exporters: { otlp_grpc: undefined, otlp: { endpoint: 'gateway:4317' } },
      ...pipelines({ traces: traces(['otlp']) }),
    }),
    findings: [{ code: 'deprecated-alias', path: ['exporters', 'otlp'], replacementType: 'otlp_grpc' }],
    says: ['deprecated alias', '`otlp_grpc`'],
  },
  {
    name: 'the otlp exporter at 0.140 is the current name',
    config: withChanges({
      exporters: { otlp_grpc: undefined, otlp: { endpoint: 'gateway:4317' } },
      ...pipelines({ traces: traces(['otlp']) }),
    }),
    version: '0.140.0',
    findings: [],
  },
  {
    name: 'otlp_grpc at 0.140 does not exist yet',
    config: valid(),
    version: '0.140.0',
    findings: [{ code: 'type-not-in-version', path: ['exporters', 'otlp_grpc'], replacementType: 'otlp' }],
    says: ['`otlp`', '0.144.0'],
  },
  {
    name: 'k8sattributes is deprecated at 0.158 but current at 0.145',
    config: withChanges({
      processors: { k8sattributes: { passthrough: true } },
      ...pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'k8sattributes', 'batch']) }),
    }),
    findings: [{ code: 'deprecated-alias', path: ['processors', 'k8sattributes'], replacementType: 'k8s_attributes' }],
  },
  {
    name: 'k8sattributes at 0.145 is not deprecated',
    config: withChanges({
      processors: { k8sattributes: { passthrough: true } },
      ...pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'k8sattributes', 'batch']) }),
    }),
    version: '0.145.0',
    findings: [],
  },
  {
    name: 'an unknown key of load_balancing, with a suggestion',
    config: withChanges({
      exporters: {
        load_balancing: {
          routingKey: 'traceID',
          protocol: { otlp: { tls: { insecure: true } } },
          resolver: { k8s: { service: 'gw-headless.observability' } },
        },
      },
      ...pipelines({ traces: traces(['otlp_grpc', 'load_balancing']) }),
    }),
    findings: [{ code: 'unknown-key', path: ['exporters', 'load_balancing', 'routingKey'] }],
    says: ['routingKey', 'Did you mean `routing_key`?'],
  },
  {
    name: 'the logging exporter is removed: debug replaces it',
    config: withChanges({ exporters: { logging: { verbosity: 'detailed' } }, ...pipelines({ traces: traces(['otlp_grpc', 'logging']) }) }),
    findings: [{ code: 'removed-type', path: ['exporters', 'logging'], replacementType: 'debug' }],
    says: ['0.111.0', 'debug'],
  },
  {
    name: 'the logging exporter at 0.100 still loads but is on its way out',
    config: withChanges({
      exporters: { otlp_grpc: undefined, otlp: { endpoint: 'gateway:4317' }, logging: {} },
      ...pipelines({ traces: traces(['otlp', 'logging']) }),
    }),
    version: '0.100.0',
    findings: [{ code: 'deprecated-type', path: ['exporters', 'logging'], replacementType: 'debug' }],
  },
  {
    name: 'the routing processor is removed: the routing connector replaces it',
    config: withChanges({
      processors: { routing: { from_attribute: 'env' } },
      ...pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'routing', 'batch']) }),
    }),
    findings: [{ code: 'removed-type', path: ['processors', 'routing'] }],
    says: ['0.120.1', 'routing connector'],
  },
  {
    name: 'the spanmetrics processor is removed',
    config: withChanges({ processors: { spanmetrics: {} }, ...pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'spanmetrics', 'batch']) }) }),
    findings: [{ code: 'removed-type', path: ['processors', 'spanmetrics'] }],
    says: ['span_metrics connector'],
  },
  {
    name: 'the memory_ballast extension is removed',
    config: withChanges({
      extensions: { memory_ballast: { size_mib: 512 } },
      service: { extensions: ['health_check', 'memory_ballast'] },
    }),
    findings: [{ code: 'removed-type', path: ['extensions', 'memory_ballast'] }],
    says: ['memory_limiter'],
  },
  {
    name: 'awsemf is in contrib',
    config: withChanges({
      exporters: { awsemf: { region: 'eu-west-1', namespace: 'App' } },
      ...pipelines({ traces: traces(['otlp_grpc']), metrics: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['awsemf'] } }),
    }),
    findings: [],
  },
  {
    name: 'awsemf is not in the k8s distribution',
    config: withChanges({
      exporters: { awsemf: { region: 'eu-west-1', namespace: 'App' } },
      ...pipelines({ traces: traces(['otlp_grpc']), metrics: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['awsemf'] } }),
    }),
    distribution: 'k8s',
    findings: [{ code: 'not-in-distribution', path: ['exporters', 'awsemf'] }],
    says: ['k8s distribution', 'contrib'],
  },
  {
    name: 'a Lambda config cannot have health_check',
    config: withChanges({ processors: { batch: {}, decouple: {} }, ...pipelines({ traces: traces(['otlp_grpc'], ['batch', 'decouple']) }) }),
    distribution: 'lambda',
    findings: [
      { code: 'not-in-distribution', path: ['extensions', 'health_check'] },
      { code: 'unused-component', path: ['processors', 'memory_limiter'] },
    ],
    says: ['health_check', 'lambda distribution'],
  },
  {
    name: 'decouple outside Lambda',
    config: withChanges({ processors: { decouple: {} }, ...pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'batch', 'decouple']) }) }),
    findings: [{ code: 'not-in-distribution', path: ['processors', 'decouple'] }],
  },
  {
    name: 'an unknown type, with a suggestion',
    config: withChanges({ exporters: { 'otlp_htp/vendor': { endpoint: 'https://x' } }, ...pipelines({ traces: traces(['otlp_grpc', 'otlp_htp/vendor']) }) }),
    findings: [{ code: 'unknown-type', path: ['exporters', 'otlp_htp/vendor'], replacementType: 'otlp_http' }],
    says: ['Did you mean `otlp_http`?'],
  },
  {
    name: 'an exporter type under receivers',
    config: withChanges({ receivers: { load_balancing: {} }, ...pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'batch'], ['otlp', 'load_balancing']) }) }),
    findings: [{ code: 'unknown-type', path: ['receivers', 'load_balancing'] }],
    says: ['is an exporter', 'not a receiver'],
  },
  {
    name: 'references to undefined components and extensions',
    config: withChanges({
      service: {
        extensions: ['health_check', 'pprof'],
        pipelines: { traces: traces(['otlp_grpc/gw'], ['memory_limiter', 'batch/traces'], ['otlp', 'jaeger']) },
      },
    }),
    findings: [
      { code: 'undefined-reference', path: ['service', 'extensions', 1] },
      { code: 'undefined-reference', path: ['service', 'pipelines', 'traces', 'receivers', 1] },
      { code: 'undefined-reference', path: ['service', 'pipelines', 'traces', 'processors', 1] },
      { code: 'undefined-reference', path: ['service', 'pipelines', 'traces', 'exporters', 0] },
      { code: 'unused-component', path: ['processors', 'batch'] },
      { code: 'unused-component', path: ['exporters', 'otlp_grpc'] },
    ],
    says: ['`pprof`'],
  },
  {
    name: 'an exporter listed as a receiver',
    config: withChanges(pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'batch'], ['otlp', 'otlp_grpc']) })),
    findings: [{ code: 'undefined-reference', path: ['service', 'pipelines', 'traces', 'receivers', 1] }],
    says: ['It is an exporter'],
  },
  {
    name: 'components and extensions defined but unused',
    config: withChanges({ processors: { 'batch/unused': {} }, extensions: { 'file_storage/queue': { directory: '/var/lib/otelcol' } } }),
    findings: [
      { code: 'unused-component', path: ['extensions', 'file_storage/queue'] },
      { code: 'unused-component', path: ['processors', 'batch/unused'] },
    ],
  },
  {
    name: 'a connector used only as an exporter',
    config: withChanges({
      connectors: { 'routing/traces': { table: [{ condition: 'true', pipelines: ['traces/prod'] }] } },
      ...pipelines({ traces: traces(['routing/traces']) }),
    }),
    findings: [
      { code: 'unused-component', path: ['exporters', 'otlp_grpc'] },
      { code: 'connector-one-sided', path: ['connectors', 'routing/traces'] },
    ],
    says: ['no pipeline receives from it'],
    saysAt: 1,
  },
  {
    name: 'a connector used only as a receiver',
    config: withChanges({
      connectors: { forward: {} },
      ...pipelines({ traces: traces(['otlp_grpc']), 'traces/copy': { receivers: ['forward'], exporters: ['otlp_grpc'] } }),
    }),
    findings: [{ code: 'connector-one-sided', path: ['connectors', 'forward'] }],
    says: ['no pipeline exports to it'],
  },
  {
    name: 'span_metrics from traces into metrics',
    config: withChanges({
      connectors: { span_metrics: {} },
      ...pipelines({
        traces: traces(['otlp_grpc', 'span_metrics']),
        metrics: { receivers: ['span_metrics'], processors: ['batch'], exporters: ['otlp_grpc'] },
      }),
    }),
    findings: [],
  },
  {
    name: 'span_metrics into a logs pipeline',
    config: withChanges({
      connectors: { span_metrics: {} },
      ...pipelines({
        traces: traces(['otlp_grpc', 'span_metrics']),
        logs: { receivers: ['span_metrics'], processors: ['batch'], exporters: ['otlp_grpc'] },
      }),
    }),
    findings: [
      { code: 'connector-unsupported-signals', path: ['connectors', 'span_metrics'] },
      { code: 'connector-unsupported-signals', path: ['connectors', 'span_metrics'] },
    ],
    says: ['traces_to_metrics'.replace('_to_', '→')],
  },
  {
    name: 'a component in a pipeline of a signal it does not handle',
    config: withChanges({
      receivers: { host_metrics: { scrapers: { cpu: {} } } },
      exporters: { awsemf: { region: 'eu-west-1', namespace: 'App' } },
      ...pipelines({ traces: traces(['otlp_grpc', 'awsemf'], ['memory_limiter', 'batch'], ['otlp', 'host_metrics']) }),
    }),
    findings: [
      { code: 'unsupported-signal', path: ['service', 'pipelines', 'traces', 'receivers', 1] },
      { code: 'unsupported-signal', path: ['service', 'pipelines', 'traces', 'exporters', 1] },
    ],
    says: ['does not handle traces', 'only metrics'],
  },
  {
    name: 'a null component body',
    config: withChanges({ processors: { memory_limiter: { limit_percentage: 80 }, batch: null } }),
    findings: [{ code: 'null-body', path: ['processors', 'batch'] }],
    says: ['operator #3452'],
  },
  {
    name: 'a service without pipelines',
    config: withChanges({ service: { extensions: ['health_check'], pipelines: {} } }),
    findings: [{ code: 'no-pipelines', path: ['service'] }],
  },
  {
    name: 'a config without service',
    config: { ...valid(), service: undefined },
    findings: [
      { code: 'unused-component', path: ['extensions', 'health_check'] },
      { code: 'no-pipelines', path: [] },
    ],
  },
  {
    name: 'pipelines without receivers or exporters, and with an unknown signal',
    config: withChanges(pipelines({ traces: traces(['otlp_grpc']), 'trace/empty': { processors: ['batch'] } })),
    findings: [
      { code: 'unknown-pipeline-signal', path: ['service', 'pipelines', 'trace/empty'] },
      { code: 'pipeline-without-receivers', path: ['service', 'pipelines', 'trace/empty', 'receivers'] },
      { code: 'pipeline-without-exporters', path: ['service', 'pipelines', 'trace/empty', 'exporters'] },
    ],
    says: ['Did you mean `traces`?'],
  },
  {
    name: 'a component listed twice in a pipeline',
    config: withChanges(pipelines({ traces: traces(['otlp_grpc'], ['memory_limiter', 'batch', 'batch']) })),
    findings: [{ code: 'duplicate-reference', path: ['service', 'pipelines', 'traces', 'processors', 2] }],
  },
  {
    name: 'an id that is both an exporter and a connector',
    config: withChanges({
      exporters: { datadog: {} },
      connectors: { datadog: {} },
      ...pipelines({
        traces: traces(['otlp_grpc', 'datadog']),
        metrics: { receivers: ['datadog'], exporters: ['otlp_grpc'] },
      }),
    }),
    findings: [
      { code: 'ambiguous-id', path: ['connectors', 'datadog'] },
      // The collector refuses the config already; which one a pipeline meant is a guess.
      { code: 'connector-one-sided', path: ['connectors', 'datadog'] },
    ],
  },
  {
    name: 'unknown top-level, service and pipeline keys',
    config: { ...valid(), exporter: {}, service: { ...(valid().service as Config), pipeline: {} } },
    findings: [
      { code: 'unknown-key', path: ['exporter'] },
      { code: 'unknown-key', path: ['service', 'pipeline'] },
    ],
    says: ['Did you mean `exporters`?'],
  },
  {
    name: 'something that is not a map',
    config: 'receivers: {}',
    findings: [{ code: 'invalid-structure', path: [] }],
  },
  {
    name: 'an invalid component id and a list where a map belongs',
    config: withChanges({ processors: { 'batch/': {}, memory_limiter: [] } }),
    findings: [
      { code: 'invalid-structure', path: ['processors', 'memory_limiter'] },
      { code: 'invalid-structure', path: ['processors', 'batch/'] },
      { code: 'unused-component', path: ['processors', 'batch/'] },
    ],
  },
];

describe('checkCollectorConfig', () => {
  it.each(cases)('$name', ({ config, version = '0.158.0', distribution = 'contrib', findings, says, saysAt = 0 }) => {
    // GIVEN a collector config, WHEN it is checked against the catalog at a version and distribution
    const result = checkCollectorConfig(config, { version, distribution });
    // THEN it reports exactly the expected problems, at their config paths
    expect(
      result.map((finding) => ({
        code: finding.code,
        path: finding.path,
        ...(finding.replacementType ? { replacementType: finding.replacementType } : {}),
      })),
    ).toStrictEqual(findings);
    for (const words of says ?? []) expect(result[saysAt]?.message).toContain(words);
  });

  it('gives each finding the severity of its code', () => {
    // GIVEN a config with a deprecated alias (warning) and an unknown type (error)
    const config = withChanges({
      exporters: { otlp: { endpoint: 'gateway:4317' }, otlp_grpc: undefined, nope: {} },
      ...pipelines({ traces: traces(['otlp', 'nope']) }),
    });
    // WHEN checked
    const result = checkCollectorConfig(config, { version: '0.158.0', distribution: 'contrib' });
    // THEN the alias is a warning and the unknown type an error
    expect(result.map((finding) => [finding.code, finding.severity])).toStrictEqual([
      ['deprecated-alias', 'warning'],
      ['unknown-type', 'error'],
    ]);
  });
});

describe('resolveType', () => {
  it.each([
    { kind: 'exporter', type: 'otlp', version: '0.158.0', state: 'deprecated' },
    { kind: 'exporter', type: 'otlp', version: '0.143.0', state: 'ok' },
    { kind: 'exporter', type: 'otlp_grpc', version: '0.143.0', state: 'too-new' },
    { kind: 'exporter', type: 'loadbalancing', version: '0.152.0', state: 'ok' },
    { kind: 'exporter', type: 'loadbalancing', version: '0.153.0', state: 'deprecated' },
    { kind: 'processor', type: 'routing', version: '0.119.0', state: 'removed-later' },
    { kind: 'processor', type: 'routing', version: '0.121.0', state: 'removed' },
    { kind: 'receiver', type: 'otlp', version: '0.100.0', state: 'ok' },
    { kind: 'receiver', type: 'not_a_thing', version: '0.158.0', state: 'unknown' },
  ] as const)('$kind $type at $version is $state', ({ kind, type, version, state }) => {
    // GIVEN a type and a version, WHEN resolved, THEN its state at that version
    expect(resolveType(kind, type, version).state).toBe(state);
  });
});
