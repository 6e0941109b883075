import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import type { Topology } from '../../model/topology.js';
import { agent, agentToGateway, backend, cluster, controlPlane, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { generateCollectorConfig } from './config.js';
import { collectorContext } from './context.js';

function configOf(model: Topology, collectorId: string): Record<string, any> {
  const index = indexTopology(model);
  return generateCollectorConfig(collectorContext(index, index.collector(collectorId)!)).config as Record<string, any>;
}

describe('collector config', () => {
  it('GIVEN an agent sending to a two-replica gateway in its cluster WHEN generated THEN balances over the headless Service', () => {
    const config = configOf(agentToGateway(), 'agent');
    expect(config.exporters).toStrictEqual({
      'otlp_grpc/gateway': {
        endpoint: 'dns:///gateway-headless.observability.svc.cluster.local:4317',
        balancer_name: 'round_robin',
        compression: 'gzip',
        tls: { insecure: true },
        retry_on_failure: { enabled: true, initial_interval: '5s', max_interval: '30s', max_elapsed_time: '300s' },
        sending_queue: { enabled: true, num_consumers: 10, queue_size: 1000 },
      },
    });
    expect(config.receivers.otlp.protocols.grpc.endpoint).toBe('${env:MY_POD_IP}:4317');
    expect(config.service.pipelines).toStrictEqual({
      traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlp_grpc/gateway'] },
    });
    expect(config.service.extensions).toStrictEqual(['health_check']);
  });

  it('GIVEN an older target version WHEN generated THEN uses the names that version knows', () => {
    const model = { ...agentToGateway(), policy: { ...agentToGateway().policy, collectorVersion: '0.140.0' } };
    expect(Object.keys(configOf(model, 'agent').exporters)).toStrictEqual(['otlp/gateway']);
  });

  it('GIVEN primary and secondary flows WHEN generated THEN a failover connector picks by priority and nothing queues behind it', () => {
    const model = topology([
      site('aws'),
      cluster('eks', 'aws'),
      agent('agent', 'eks'),
      gateway('primary', 'eks'),
      gateway('standby', 'eks'),
      flow('to-primary', 'agent', 'primary', { failoverPriority: 1 }),
      flow('to-standby', 'agent', 'standby', { failoverPriority: 2 }),
    ]);
    const config = configOf(model, 'agent');
    expect(config.connectors).toStrictEqual({
      'failover/traces': { priority_levels: [['traces/failover-primary'], ['traces/failover-standby']], retry_interval: '1m' },
    });
    expect(config.service.pipelines['traces/failover-primary']).toStrictEqual({ receivers: ['failover/traces'], exporters: ['otlp_grpc/primary'] });
    expect(config.service.pipelines.traces.exporters).toStrictEqual(['failover/traces']);
    expect(config.exporters['otlp_grpc/standby'].sending_queue).toStrictEqual({ enabled: false });
    expect(config.exporters['otlp_grpc/standby'].retry_on_failure).toStrictEqual({ enabled: false });
  });

  it('GIVEN routed flows WHEN generated THEN one route per value exports to every flow that wants it', () => {
    const model = topology([
      site('aws'),
      cluster('eks', 'aws'),
      gateway('router', 'eks'),
      backend('prod-a'),
      backend('prod-b'),
      backend('dev', { type: 'file', path: '/tmp/dev.json' }),
      flow('a', 'router', 'prod-a', { route: { values: ['production', 'staging'] } }),
      flow('b', 'router', 'prod-b', { route: { values: ['production'] } }),
      flow('rest', 'router', 'dev', { route: { default: true } }),
    ]);
    const config = configOf(model, 'router');
    expect(config.connectors['routing/traces']).toStrictEqual({
      default_pipelines: ['traces/route-default'],
      error_mode: 'ignore',
      table: [
        { condition: 'attributes["deployment.environment.name"] == "production"', pipelines: ['traces/route-production'] },
        { condition: 'attributes["deployment.environment.name"] == "staging"', pipelines: ['traces/route-staging'] },
      ],
    });
    expect(config.service.pipelines['traces/route-production'].exporters).toStrictEqual(['debug/prod-a', 'debug/prod-b']);
    expect(config.service.pipelines['traces/route-staging'].exporters).toStrictEqual(['debug/prod-a']);
    expect(config.service.pipelines['traces/route-default'].exporters).toStrictEqual(['file/dev']);
  });

  it('GIVEN a trace-ID balanced flow WHEN generated THEN the load_balancing exporter resolves the headless Service', () => {
    const model = topology([
      site('gcp', { provider: 'gcp' }),
      cluster('gke', 'gcp', { platform: 'gke' }),
      gateway('router', 'gke'),
      gateway('sampler', 'gke', { replicas: 3 }),
      flow('lb', 'router', 'sampler', { balancing: { routingKey: 'traceID', resolver: 'k8s' } }),
    ]);
    expect(configOf(model, 'router').exporters['load_balancing/sampler']).toStrictEqual({
      routing_key: 'traceID',
      protocol: {
        otlp: {
          compression: 'gzip',
          tls: { insecure: true },
          retry_on_failure: { enabled: true, initial_interval: '5s', max_interval: '30s', max_elapsed_time: '300s' },
          sending_queue: { enabled: true, num_consumers: 10, queue_size: 1000 },
        },
      },
      resolver: { k8s: { service: 'sampler-headless.observability', ports: [4317] } },
    });
  });

  it('GIVEN a cross-site flow with a persistent queue and mTLS WHEN generated THEN adds source headers, file storage and client certificates', () => {
    const model = topology([
      site('dc', { provider: 'onprem', region: 'fra' }),
      site('aws', { region: 'eu-central-1' }),
      link('vpn', 'dc', 'aws'),
      cluster('k8s', 'dc', { platform: 'kubernetes' }),
      cluster('eks', 'aws'),
      gateway('edge', 'k8s'),
      gateway('cloud', 'eks', { tls: { certSecret: 'cloud-tls', clientCaSecret: 'client-ca' }, externalEndpoint: 'otel.example.com:4317' }),
      flow('uplink', 'edge', 'cloud', {
        tls: { mode: 'mtls', caSecret: 'cloud-ca', clientCertSecret: 'edge-client' },
        queue: { type: 'persistent', size: 5000 },
      }),
    ]);
    const edge = configOf(model, 'edge');
    expect(edge.exporters['otlp_grpc/cloud']).toStrictEqual({
      endpoint: 'otel.example.com:4317',
      compression: 'gzip',
      tls: {
        ca_file: '/etc/otelcol/tls/cloud-ca/ca.crt',
        cert_file: '/etc/otelcol/tls/edge-client/tls.crt',
        key_file: '/etc/otelcol/tls/edge-client/tls.key',
      },
      headers: { 'x-source-cloud': 'onprem', 'x-source-region': 'fra' },
      retry_on_failure: { enabled: true, initial_interval: '5s', max_interval: '30s', max_elapsed_time: '300s' },
      sending_queue: { enabled: true, num_consumers: 10, queue_size: 5000, storage: 'file_storage/queue' },
    });
    expect(edge.extensions['file_storage/queue']).toStrictEqual({ directory: '/var/lib/otelcol/file_storage', timeout: '1s' });
    expect(edge.service.extensions).toStrictEqual(['health_check', 'file_storage/queue']);
    const cloud = configOf(model, 'cloud');
    expect(cloud.receivers.otlp.protocols.grpc.tls).toStrictEqual({
      cert_file: '/etc/otelcol/tls/cloud-tls/tls.crt',
      key_file: '/etc/otelcol/tls/cloud-tls/tls.key',
      client_ca_file: '/etc/otelcol/tls/client-ca/ca.crt',
    });
    expect(cloud.receivers.otlp.protocols.grpc.include_metadata).toBe(true);
  });

  it('GIVEN a collector managed by OpAMP WHEN generated THEN adds the opamp extension with the token from the environment', () => {
    const model = topology([
      site('aws'),
      cluster('eks', 'aws'),
      controlPlane('fleet', { token: { env: 'OPAMP_TOKEN', secret: { name: 'opamp', key: 'token' } } }),
      agent('agent', 'eks', { controlPlane: 'fleet' }),
      backend('debug'),
      flow('out', 'agent', 'debug'),
    ]);
    const config = configOf(model, 'agent');
    expect(config.extensions.opamp).toStrictEqual({
      server: { ws: { endpoint: 'wss://opamp.example.com/v1/opamp', headers: { Authorization: 'Bearer ${env:OPAMP_TOKEN}' } } },
      capabilities: { reports_effective_config: true, reports_health: true },
    });
    expect(config.service.extensions).toStrictEqual(['health_check', 'opamp']);
  });

  it('GIVEN a flow into a Cloud Run collector WHEN generated THEN it goes to the service URL on 443 over TLS', () => {
    const model = topology([
      site('gcp', { provider: 'gcp', region: 'us-central1' }),
      cluster('gke', 'gcp', { platform: 'gke' }),
      cluster('run', 'gcp', { platform: 'cloudrun' }),
      agent('node', 'gke'),
      agent('edge', 'run', { externalEndpoint: 'https://edge-123.us-central1.run.app' }),
      flow('up', 'node', 'edge'),
    ]);
    const exporter = configOf(model, 'node').exporters['otlp_grpc/edge'];
    expect(exporter.endpoint).toBe('edge-123.us-central1.run.app:443');
    expect(exporter.tls).toStrictEqual({});
  });

  it('GIVEN a Lambda collector WHEN generated THEN it listens on localhost and has no health_check', () => {
    const model = topology([
      site('aws'),
      cluster('fn', 'aws', { platform: 'lambda' }),
      agent('layer', 'fn'),
      backend('debug'),
      flow('out', 'layer', 'debug'),
    ]);
    const config = configOf(model, 'layer');
    expect(config.receivers.otlp.protocols.grpc.endpoint).toBe('localhost:4317');
    expect(config.extensions).toStrictEqual({});
  });

  it('GIVEN raw overrides with a null body WHEN generated THEN merges them and writes {}', () => {
    const model = agentToGateway();
    const withOverrides: Topology = {
      ...model,
      elements: model.elements.map((element) =>
        element.id === 'agent' && element.kind === 'collector'
          ? { ...element, overrides: { extensions: { zpages: null }, processors: { batch: { timeout: '1s' } } } }
          : element,
      ),
    };
    const config = configOf(withOverrides, 'agent');
    expect(config.extensions.zpages).toStrictEqual({});
    expect(config.processors.batch).toStrictEqual({ timeout: '1s', send_batch_size: 8192 });
  });
});
