import { catalogComponent } from '../../catalog/catalog.js';
import type { Backend } from '../../model/backend.js';
import type { Cluster } from '../../model/cluster.js';
import type { Collector } from '../../model/collector.js';
import type { Flow, FlowTls } from '../../model/flow.js';
import { isMultiInstance, resolvedMode } from '../../graph/topology-index.js';
import {
  FILE_STORAGE_EXTENSION,
  OTLP_GRPC_PORT,
  OTLP_HTTP_PORT,
  headlessServiceName,
  tlsFile,
} from '../conventions.js';
import { canonicalType, emittedId, mergeConfig } from './components.js';
import { isCrossSite, type CollectorContext } from './context.js';
import { secretText } from './secrets.js';

/** An exporter made for one flow. */
export interface FlowExporter {
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly flow: Flow;
  /** Backend id for the lines of its settings, where the target is a backend. */
  readonly backendId?: string;
}

/** Whether a flow sits behind a failover connector (priority set on it). */
export function isBehindFailover(flow: Flow): boolean {
  return flow.failoverPriority !== undefined;
}

/** The cluster-local DNS name of a collector's Service. */
export function serviceHost(collector: Collector, namespace: string, headless = false): string {
  return `${headless ? headlessServiceName(collector.id) : collector.id}.${namespace}.svc.cluster.local`;
}

/** How a source reaches a target collector: endpoint plus the client options it needs. */
export function collectorEndpoint(
  context: CollectorContext,
  flow: Flow,
  target: Collector,
): { endpoint: string; balancerName?: string } {
  const { index } = context;
  const targetCluster = index.clusterOf(target);
  if (targetCluster && isBehindGoogleFrontEnd(targetCluster)) {
    // Cloud Run serves HTTPS on 443 only, at the service URL (set it as externalEndpoint).
    const host = target.externalEndpoint?.replace(/^https?:\/\//, '') ?? `${target.id}.${index.siteOf(target)?.region ?? 'region'}.run.app`;
    const endpoint = /:\d+$/.test(host) ? host : `${host}:443`;
    return { endpoint: flow.protocol === 'http' ? `https://${endpoint}` : endpoint };
  }
  const port = flow.protocol === 'http' ? OTLP_HTTP_PORT : OTLP_GRPC_PORT;
  const scheme = flow.protocol === 'http' ? (flow.tls.mode === 'none' ? 'http://' : 'https://') : '';
  const sameCluster = targetCluster !== undefined && targetCluster.id === context.cluster?.id;
  if (!sameCluster || !targetCluster) {
    const external = target.externalEndpoint ?? `${target.id}.${target.cluster}.otel.internal:${port}`;
    return { endpoint: /^[a-z]+:\/\//.test(external) ? external : `${scheme}${external}` };
  }
  const mode = resolvedMode(target, targetCluster);
  // gRPC keeps one connection per address: through a ClusterIP every client sticks to one pod.
  // The headless Service lists every pod and round_robin spreads over them (collector #4274).
  if (flow.protocol === 'grpc' && mode !== 'daemonset' && isMultiInstance(target, targetCluster)) {
    return {
      endpoint: `dns:///${serviceHost(target, targetCluster.namespace, true)}:${port}`,
      balancerName: 'round_robin',
    };
  }
  return { endpoint: `${scheme}${serviceHost(target, targetCluster.namespace)}:${port}` };
}

/** Cloud Run terminates TLS in front of every service: clients must speak TLS to it. */
export function isBehindGoogleFrontEnd(cluster: Cluster): boolean {
  return cluster.platform === 'cloudrun';
}

function clientTls(tls: FlowTls, protocol: 'grpc' | 'http', tlsRequired = false): Record<string, unknown> | undefined {
  if (tls.mode === 'none') return tlsRequired ? {} : protocol === 'grpc' ? { insecure: true } : undefined;
  return {
    ...(tls.caSecret ? { ca_file: tlsFile(tls.caSecret, 'ca.crt') } : {}),
    ...(tls.mode === 'mtls' && tls.clientCertSecret
      ? { cert_file: tlsFile(tls.clientCertSecret, 'tls.crt'), key_file: tlsFile(tls.clientCertSecret, 'tls.key') }
      : {}),
  };
}

export function retrySettings(flow: Flow): Record<string, unknown> {
  if (flow.retry) {
    return flow.retry.enabled
      ? {
          enabled: true,
          initial_interval: flow.retry.initialInterval,
          max_interval: flow.retry.maxInterval,
          max_elapsed_time: flow.retry.maxElapsedTime,
        }
      : { enabled: false };
  }
  // Behind failover, retries hide a dead target from the connector (contrib #36587).
  if (isBehindFailover(flow)) return { enabled: false };
  return { enabled: true, initial_interval: '5s', max_interval: '30s', max_elapsed_time: '300s' };
}

export function queueSettings(flow: Flow): Record<string, unknown> {
  const queue = flow.queue;
  if (!queue) {
    // A queue behind failover accepts data for a dead target, so failover never happens (contrib #50234).
    return isBehindFailover(flow) ? { enabled: false } : { enabled: true, num_consumers: 10, queue_size: 1000 };
  }
  if (queue.type === 'none') return { enabled: false };
  return {
    enabled: true,
    num_consumers: queue.consumers,
    queue_size: queue.size,
    ...(queue.type === 'persistent' ? { storage: FILE_STORAGE_EXTENSION } : {}),
  };
}

/** `x-source-cloud` / `x-source-region` and the flow's own headers. */
function flowHeaders(context: CollectorContext, flow: Flow, toCollector: boolean): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  const wantsSource = flow.sourceHeaders ?? (toCollector && isCrossSite(context.index, flow));
  if (wantsSource && context.site) {
    headers['x-source-cloud'] = context.site.provider;
    headers['x-source-region'] = context.site.region;
  }
  for (const [name, value] of Object.entries(flow.headers ?? {})) headers[name] = secretText(value);
  return Object.keys(headers).length > 0 ? headers : undefined;
}

const compressionOf = (flow: Flow) => flow.compression;

function otlpExporterBody(context: CollectorContext, flow: Flow, target: Collector): Record<string, unknown> {
  const { endpoint, balancerName } = collectorEndpoint(context, flow, target);
  const targetCluster = context.index.clusterOf(target);
  const tls = clientTls(flow.tls, flow.protocol, targetCluster !== undefined && isBehindGoogleFrontEnd(targetCluster));
  const headers = flowHeaders(context, flow, true);
  return {
    endpoint,
    ...(balancerName ? { balancer_name: balancerName } : {}),
    compression: compressionOf(flow),
    ...(tls ? { tls } : {}),
    ...(headers ? { headers } : {}),
    retry_on_failure: retrySettings(flow),
    sending_queue: queueSettings(flow),
  };
}

function loadBalancingBody(context: CollectorContext, flow: Flow, target: Collector): Record<string, unknown> {
  const balancing = flow.balancing!;
  const targetCluster = context.index.clusterOf(target);
  const namespace = targetCluster?.namespace ?? 'observability';
  const headers = flowHeaders(context, flow, true);
  const resolver =
    balancing.resolver === 'static'
      ? { static: { hostnames: balancing.hostnames ?? [`${target.id}.${target.cluster}.otel.internal:${OTLP_GRPC_PORT}`] } }
      : balancing.resolver === 'dns'
        ? {
            dns: {
              hostname: balancing.hostnames?.[0] ?? serviceHost(target, namespace, true),
              port: String(OTLP_GRPC_PORT),
            },
          }
        : { k8s: { service: `${headlessServiceName(target.id)}.${namespace}`, ports: [OTLP_GRPC_PORT] } };
  const tls = clientTls(flow.tls, 'grpc');
  return {
    routing_key: balancing.routingKey,
    // Retry and queue go to the per-backend OTLP exporters, where they are on by default.
    protocol: {
      otlp: {
        compression: compressionOf(flow),
        ...(tls ? { tls } : {}),
        ...(headers ? { headers } : {}),
        retry_on_failure: retrySettings(flow),
        sending_queue: queueSettings(flow),
      },
    },
    resolver,
  };
}

/**
 * Exporter-helper settings of exporters whose keys the reference catalog does not list, from
 * their config structs (googlecloudexporter, googlemanagedprometheusexporter,
 * awscloudwatchlogsexporter).
 */
const HELPER_KEYS: Readonly<Record<string, readonly string[]>> = {
  googlecloud: ['sending_queue'],
  googlemanagedprometheus: ['sending_queue'],
  awscloudwatchlogs: ['retry_on_failure', 'sending_queue'],
};

/** The exporter-helper keys (retry_on_failure, sending_queue) an exporter type accepts. */
export function helperKeys(type: string): readonly string[] {
  return catalogComponent('exporter', type)?.keys ?? HELPER_KEYS[type] ?? [];
}

/** Which of a flow's settings the exporter to a backend of this type carries (see backendBody). */
export function backendFlowSettings(type: Backend['type']): { compression: boolean; retry: boolean; queue: boolean } {
  switch (type) {
    case 'otlp':
    case 'otlphttp':
      return { compression: true, retry: true, queue: true };
    case 'awsemf':
    case 'awscloudwatchlogs':
    case 'awss3':
    case 'azuremonitor':
    case 'googlecloud':
    case 'googlemanagedprometheus': {
      const keys = helperKeys(type);
      return { compression: false, retry: keys.includes('retry_on_failure'), queue: keys.includes('sending_queue') };
    }
    default:
      return { compression: false, retry: false, queue: false };
  }
}

/** Adds the exporter-helper settings a backend exporter accepts. */
function withReliability(type: string, body: Record<string, unknown>, flow: Flow): Record<string, unknown> {
  const keys = helperKeys(type);
  return {
    ...body,
    ...(keys.includes('retry_on_failure') ? { retry_on_failure: retrySettings(flow) } : {}),
    ...(keys.includes('sending_queue') ? { sending_queue: queueSettings(flow) } : {}),
  };
}

function backendBody(context: CollectorContext, flow: Flow, backend: Backend): Record<string, unknown> {
  const headers = (extra?: Record<string, string>) => {
    const all = { ...flowHeaders(context, flow, false), ...extra };
    return Object.keys(all).length > 0 ? { headers: all } : {};
  };
  const backendHeaders = 'headers' in backend && backend.headers
    ? Object.fromEntries(Object.entries(backend.headers).map(([name, value]) => [name, secretText(value)]))
    : undefined;
  switch (backend.type) {
    case 'awsxray':
      return { region: backend.region, ...(backend.indexAllAttributes ? { index_all_attributes: true } : {}) };
    case 'awsemf':
      return withReliability('awsemf', {
        region: backend.region,
        namespace: backend.namespace,
        log_group_name: backend.logGroupName,
        resource_to_telemetry_conversion: { enabled: true },
      }, flow);
    case 'awscloudwatchlogs':
      return withReliability('awscloudwatchlogs', { region: backend.region, log_group_name: backend.logGroupName, log_stream_name: backend.logStreamName }, flow);
    case 'awss3':
      return withReliability('awss3', {
        s3uploader: { region: backend.region, s3_bucket: backend.bucket, s3_prefix: backend.prefix },
      }, flow);
    case 'azuremonitor':
      return withReliability('azuremonitor', { connection_string: secretText(backend.connectionString) }, flow);
    case 'googlecloud':
    case 'googlemanagedprometheus':
      return withReliability(backend.type, { project: backend.project }, flow);
    case 'otlp':
      return {
        endpoint: backend.endpoint,
        compression: compressionOf(flow),
        ...(backend.insecure ? { tls: { insecure: true } } : {}),
        ...headers(backendHeaders),
        retry_on_failure: retrySettings(flow),
        sending_queue: queueSettings(flow),
      };
    case 'otlphttp':
      return {
        endpoint: backend.endpoint,
        compression: compressionOf(flow),
        ...headers(backendHeaders),
        retry_on_failure: retrySettings(flow),
        sending_queue: queueSettings(flow),
      };
    case 'prometheusremotewrite':
      return { endpoint: backend.endpoint, ...headers(backendHeaders), resource_to_telemetry_conversion: { enabled: true } };
    case 'file':
      return { path: backend.path };
    case 'debug':
      return { verbosity: backend.verbosity };
  }
}

/** The component type an exporter of a backend has (before version naming). */
export function backendExporterType(backend: Backend): string {
  return canonicalType('exporter', backend.type);
}

function collectorExporterType(flow: Flow): string {
  if (flow.balancing) return 'load_balancing';
  return flow.protocol === 'http' ? 'otlp_http' : 'otlp_grpc';
}

/** One exporter per outgoing flow, named after its target: `otlp_grpc/gw-eu`, `awsxray/xray`. */
export function emitFlowExporters(context: CollectorContext): FlowExporter[] {
  const used = new Set<string>();
  const exporters: FlowExporter[] = [];
  for (const flow of context.outgoing) {
    const target = context.index.target(flow);
    if (!target) continue;
    const type = target.kind === 'backend' ? backendExporterType(target) : collectorExporterType(flow);
    let id = emittedId('exporter', type, context.version, flow.exporterName ?? target.id);
    // Two flows to one target with the same exporter type: tell them apart by flow id.
    if (used.has(id)) id = emittedId('exporter', type, context.version, `${target.id}-${flow.id}`);
    used.add(id);
    if (target.kind === 'backend') {
      exporters.push({ id, body: mergeConfig(backendBody(context, flow, target), target.config), flow, backendId: target.id });
    } else {
      const body = flow.balancing ? loadBalancingBody(context, flow, target) : otlpExporterBody(context, flow, target);
      exporters.push({ id, body, flow });
    }
  }
  return exporters;
}
