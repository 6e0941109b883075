/**
 * A collector config's components in the model's terms, where the model can say them: the typed
 * forms (otlp receiver, memory_limiter, batch, k8s_attributes...) or the generic `{ type, name,
 * config }`. A component the model would write under another id (an alias its version renames,
 * a name the model does not accept) stays out of the model: the overrides carry it.
 */
import { emittedId, canonicalType } from '../engine/collector/components.js';
import {
  DerivedMetricsConnector,
  GenericProcessor,
  GenericReceiver,
  KnownProcessor,
  KNOWN_PROCESSOR_TYPES,
  OtlpReceiver,
  ServerTls,
  type Processor,
  type Receiver,
} from '../model/collector.js';
import { SamplingPolicy, type LeafSamplingPolicy } from '../model/tail-sampling.js';
import { tlsSecret } from './flow-settings.js';
import { defined, map, parsed } from './plain-data.js';
import { isPlainObject, type PlainObject } from '../validation/config-check.js';
import { typeOf } from '../catalog/catalog.js';
import { OTLP_GRPC_PORT, OTLP_HTTP_PORT } from '../engine/conventions.js';

/** The id's name part: `batch/traces` → `traces`; undefined for a bare type. */
export function nameOf(id: string): string | undefined {
  const slash = id.indexOf('/');
  return slash === -1 ? undefined : id.slice(slash + 1);
}

/** The host every present OTLP protocol binds on its standard port, for `bind`; `auto` otherwise. */
function otlpBind(protocols: PlainObject): string {
  const hosts = new Set<string>();
  for (const [protocol, port] of [['grpc', OTLP_GRPC_PORT], ['http', OTLP_HTTP_PORT]] as const) {
    if (!(protocol in protocols)) continue;
    const endpoint = map(protocols[protocol]).endpoint;
    const match = typeof endpoint === 'string' ? /^(.+):(\d+)$/.exec(endpoint) : null;
    if (!match || Number(match[2]) !== port) return 'auto';
    hosts.add(match[1]!);
  }
  return hosts.size === 1 ? [...hosts][0]! : 'auto';
}

/**
 * The collector's server TLS, where every protocol of every OTLP receiver has the same `tls` with
 * files in the engine's layout (`/etc/otelcol/tls/<secret>/tls.crt`): what the engine writes for
 * `Collector.tls`. Undefined otherwise; the overrides then keep the receivers' `tls`.
 */
export function serverTls(receivers: PlainObject): ServerTls | undefined {
  const settings = Object.entries(receivers)
    .filter(([id]) => canonicalType('receiver', typeOf(id)) === 'otlp')
    .flatMap(([, body]) => Object.values(map(map(body).protocols)).map((protocol) => map(protocol).tls));
  const first = settings[0];
  if (!isPlainObject(first) || !settings.every((tls) => isPlainObject(tls) && JSON.stringify(tls) === JSON.stringify(first))) return undefined;
  const certSecret = tlsSecret(first.cert_file, 'tls.crt');
  const clientCaSecret = first.client_ca_file === undefined ? undefined : tlsSecret(first.client_ca_file, 'ca.crt');
  const known = new Set(['cert_file', 'key_file', 'client_ca_file']);
  if (!certSecret || tlsSecret(first.key_file, 'tls.key') !== certSecret || Object.keys(first).some((key) => !known.has(key))) return undefined;
  if (first.client_ca_file !== undefined && !clientCaSecret) return undefined;
  return parsed(ServerTls, defined({ certSecret, clientCaSecret }));
}

export function receiverModel(id: string, body: unknown, version: string): Receiver | undefined {
  const type = canonicalType('receiver', typeOf(id));
  const name = nameOf(id);
  let model: Receiver | undefined;
  if (type === 'otlp') {
    const protocols = map(map(body).protocols);
    const present = (['grpc', 'http'] as const).filter((protocol) => protocol in protocols);
    if (present.length === 0) return undefined;
    model = parsed(OtlpReceiver, defined({ type, name, protocols: present, bind: otlpBind(protocols) }));
  } else {
    const config = isPlainObject(body) && Object.keys(body).length > 0 ? body : undefined;
    model = parsed(GenericReceiver, defined({ type, name, config }));
  }
  return model && emittedId('receiver', model.type, version, model.name) === id ? model : undefined;
}

function leafPolicy(policy: PlainObject): Record<string, unknown> {
  const type = policy.type;
  const settings = map(typeof type === 'string' ? policy[type] : undefined);
  const head = { name: policy.name, type };
  switch (type) {
    case 'latency':
      return { ...head, thresholdMs: settings.threshold_ms };
    case 'status_code':
      return { ...head, statusCodes: settings.status_codes };
    case 'string_attribute':
      return defined({ ...head, key: settings.key, values: settings.values, invertMatch: settings.invert_match });
    case 'numeric_attribute':
      return defined({ ...head, key: settings.key, minValue: settings.min_value, maxValue: settings.max_value });
    case 'probabilistic':
      return { ...head, samplingPercentage: settings.sampling_percentage };
    case 'rate_limiting':
      return { ...head, spansPerSecond: settings.spans_per_second };
    case 'ottl_condition':
      return { ...head, spanConditions: settings.span };
    case 'and':
      return { ...head, policies: (Array.isArray(settings.and_sub_policy) ? settings.and_sub_policy : []).map((sub) => leafPolicy(map(sub))) };
    default:
      return head;
  }
}

function samplingPolicies(value: unknown): LeafSamplingPolicy[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const policies = value.map((policy) => parsed(SamplingPolicy, leafPolicy(map(policy))));
  return policies.every((policy) => policy !== undefined) ? (policies as LeafSamplingPolicy[]) : undefined;
}

function attributeActions(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    const action = map(item);
    return defined({ key: action.key, action: action.action, value: action.value, fromAttribute: action.from_attribute, fromContext: action.from_context });
  });
}

const POD_SOURCES: Record<string, string> = { 'k8s.pod.ip': 'k8s.pod.ip', 'k8s.pod.uid': 'k8s.pod.uid' };

function podAssociation(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const sources = value.map((rule) => {
    const list = map(rule).sources;
    const source = Array.isArray(list) && list.length === 1 ? map(list[0]) : {};
    if (source.from === 'connection') return 'connection';
    return source.from === 'resource_attribute' && typeof source.name === 'string' ? POD_SOURCES[source.name] : undefined;
  });
  return sources.every((source) => source !== undefined) ? (sources as string[]) : undefined;
}

/** The typed fields of a known processor, read from its config; the overrides take the rest. */
function knownProcessorFields(type: string, body: PlainObject): Record<string, unknown> {
  switch (type) {
    case 'memory_limiter':
      return { checkInterval: body.check_interval, limitPercentage: body.limit_percentage, spikeLimitPercentage: body.spike_limit_percentage };
    case 'batch':
      return { timeout: body.timeout, sendBatchSize: body.send_batch_size, sendBatchMaxSize: body.send_batch_max_size };
    case 'k8s_attributes':
      return { passthrough: body.passthrough, extractMetadata: map(body.extract).metadata, podAssociation: podAssociation(body.pod_association) };
    case 'resource_detection':
      return { detectors: body.detectors, timeout: body.timeout, override: body.override };
    case 'tail_sampling':
      return {
        decisionWait: body.decision_wait,
        numTraces: body.num_traces,
        expectedNewTracesPerSec: body.expected_new_traces_per_sec,
        policies: samplingPolicies(body.policies),
      };
    case 'probabilistic_sampler':
      return { samplingPercentage: body.sampling_percentage };
    case 'attributes':
      return { actions: attributeActions(body.actions) };
    case 'resource':
      return { attributes: attributeActions(body.attributes) };
    case 'filter':
      return { errorMode: body.error_mode, spans: map(body.traces).span, metrics: map(body.metrics).metric, logs: map(body.logs).log_record };
    default:
      return {};
  }
}

export function processorModel(id: string, body: unknown, version: string): Processor | undefined {
  const type = canonicalType('processor', typeOf(id));
  const name = nameOf(id);
  const model: Processor | undefined = KNOWN_PROCESSOR_TYPES.includes(type)
    ? parsed(KnownProcessor, defined({ type, name, ...knownProcessorFields(type, map(body)) }))
    : parsed(GenericProcessor, defined({ type, name, config: isPlainObject(body) && Object.keys(body).length > 0 ? body : undefined }));
  return model && emittedId('processor', model.type, version, model.name) === id ? model : undefined;
}

export function connectorModel(id: string, body: unknown, version: string): DerivedMetricsConnector | undefined {
  const type = canonicalType('connector', typeOf(id));
  if (type !== 'span_metrics' && type !== 'service_graph') return undefined;
  const model = parsed(DerivedMetricsConnector, defined({ type, name: nameOf(id), config: isPlainObject(body) && Object.keys(body).length > 0 ? body : undefined }));
  return model && emittedId('connector', model.type, version, model.name) === id ? model : undefined;
}
