import type { SecretRef } from '../model/common.js';
import { isMultiInstance, type TopologyIndex } from '../graph/topology-index.js';
import type { Collector } from '../model/collector.js';
import { goMemLimit } from './quantities.js';
import {
  NODE_NAME_ENV,
  OPAMP_TOKEN_ENV,
  POD_IP_ENV,
  collectorImage,
  HEALTH_CHECK_PORT,
} from './conventions.js';
import { generateCollectorConfig, type CollectorConfig } from './collector/config.js';
import { collectorContext, runsInPod, type CollectorContext } from './collector/context.js';
import { receiverPorts } from './collector/receivers.js';
import { referencedEnvironment } from './collector/secrets.js';
import { canonicalType } from './collector/components.js';
import { emitYaml, type SourceRegion } from './yaml-emit.js';

/** An environment variable of the collector's container. */
export type EnvVar =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly fieldPath: string }
  | { readonly name: string; readonly secret: { readonly name: string; readonly key: string } };

/** Everything the deployment files of one collector need, computed once from the model. */
export interface CollectorPlan {
  readonly context: CollectorContext;
  readonly collector: Collector;
  readonly config: CollectorConfig;
  /** The config as YAML, and its source map. */
  readonly configText: string;
  readonly configRegions: readonly SourceRegion[];
  readonly image: string;
  /** OTLP ports its receivers listen on. */
  readonly ports: ReadonlyArray<{ readonly name: string; readonly port: number }>;
  /** health_check port, where the collector has one. */
  readonly healthPort?: number;
  readonly env: readonly EnvVar[];
  /** `${env:...}` variables the config uses that nothing in the model fills (documented in the README). */
  readonly unsourcedEnv: readonly string[];
  /** Secrets mounted as TLS material under TLS_DIRECTORY. */
  readonly tlsSecrets: readonly string[];
  /** A file_storage extension needs a writable, lasting directory. */
  readonly fileStorage: boolean;
  readonly hostMounts: { readonly hostRoot: boolean; readonly podLogs: boolean };
  readonly rbac: {
    /** k8s_attributes: pods, namespaces, replicasets... */
    readonly podMetadata: boolean;
    /** kubelet_stats: nodes/stats. */
    readonly nodeStats: boolean;
    /** k8s_cluster: read most objects of the cluster. */
    readonly clusterMetrics: boolean;
    /** load_balancing with the k8s resolver: EndpointSlices in these namespaces. */
    readonly endpointSliceNamespaces: readonly string[];
  };
  readonly exposure: {
    /** Someone balances over its pods (load_balancing or gRPC round_robin): a headless Service. */
    readonly headless: boolean;
    /** Flows arrive from other clusters: an internal load balancer. */
    readonly external: boolean;
  };
}

function componentTypes(config: CollectorConfig, section: string): Set<string> {
  const components = config[section];
  if (typeof components !== 'object' || components === null) return new Set();
  const kind = section.slice(0, -1) as 'receiver' | 'processor' | 'exporter' | 'extension' | 'connector';
  return new Set(Object.keys(components).map((id) => canonicalType(kind, id.split('/')[0]!)));
}

function secretSources(index: TopologyIndex, collector: Collector, context: CollectorContext): Map<string, SecretRef> {
  const sources = new Map<string, SecretRef>();
  const add = (value: unknown) => {
    if (typeof value === 'object' && value !== null && 'env' in value) sources.set((value as SecretRef).env, value as SecretRef);
  };
  for (const flow of context.outgoing) {
    for (const value of Object.values(flow.headers ?? {})) add(value);
    const target = index.target(flow);
    if (target?.kind === 'backend') {
      if (target.type === 'azuremonitor') add(target.connectionString);
      if ('headers' in target) for (const value of Object.values(target.headers ?? {})) add(value);
    }
  }
  const controlPlane = collector.controlPlane ? index.byId.get(collector.controlPlane) : undefined;
  if (controlPlane?.kind === 'controlPlane') add(controlPlane.token);
  return sources;
}

/**
 * The collector's config alone — `planCollector(index, collector).config` without the YAML, the
 * environment or the Kubernetes facts, for callers that only compare configs (the import's round trip).
 */
export function planCollectorConfig(index: TopologyIndex, collector: Collector): CollectorConfig {
  return generateCollectorConfig(collectorContext(index, collector)).config;
}

export function planCollector(index: TopologyIndex, collector: Collector): CollectorPlan {
  const context = collectorContext(index, collector);
  const { config, origins } = generateCollectorConfig(context);
  const emitted = emitYaml(config, origins);
  const inPod = runsInPod(context.mode);
  const receivers = componentTypes(config, 'receivers');
  const processors = componentTypes(config, 'processors');
  const extensions = componentTypes(config, 'extensions');

  const sources = secretSources(index, collector, context);
  const env: EnvVar[] = [];
  const referenced = referencedEnvironment(config);
  if (inPod || context.mode === 'knative') {
    if (inPod) env.push({ name: POD_IP_ENV, fieldPath: 'status.podIP' });
    if (inPod) env.push({ name: NODE_NAME_ENV, fieldPath: 'spec.nodeName' });
  }
  const memLimit = goMemLimit(collector.resources.limits.memory);
  if (memLimit && context.mode !== 'lambda-layer') env.push({ name: 'GOMEMLIMIT', value: memLimit });
  for (const [name, value] of Object.entries(collector.env ?? {})) {
    const variable: EnvVar = typeof value === 'string' ? { name, value } : 'secret' in value ? { name, secret: value.secret } : { name, fieldPath: value.field };
    const engineSet = env.findIndex((other) => other.name === name);
    if (engineSet === -1) env.push(variable);
    else env[engineSet] = variable;
  }
  const unsourced: string[] = [];
  for (const name of [...referenced].sort()) {
    if (env.some((variable) => variable.name === name)) continue;
    const source = sources.get(name);
    if (source?.secret) env.push({ name, secret: source.secret });
    else unsourced.push(name);
  }

  const tlsSecrets = new Set<string>();
  if (collector.tls) {
    tlsSecrets.add(collector.tls.certSecret);
    if (collector.tls.clientCaSecret) tlsSecrets.add(collector.tls.clientCaSecret);
  }
  for (const flow of context.outgoing) {
    if (flow.tls.caSecret) tlsSecrets.add(flow.tls.caSecret);
    if (flow.tls.mode === 'mtls' && flow.tls.clientCertSecret) tlsSecrets.add(flow.tls.clientCertSecret);
  }

  const endpointSliceNamespaces = new Set<string>();
  for (const flow of context.outgoing) {
    if (flow.balancing?.resolver !== 'k8s') continue;
    const target = index.collector(flow.to);
    const targetCluster = target && index.clusterOf(target);
    if (targetCluster) endpointSliceNamespaces.add(targetCluster.namespace);
  }

  const incoming = context.incoming;
  const headless =
    incoming.some((flow) => flow.balancing !== undefined) ||
    (isMultiInstance(collector, context.cluster) &&
      incoming.some((flow) => flow.protocol === 'grpc' && index.collector(flow.from)?.cluster === collector.cluster));
  const external = incoming.some((flow) => {
    const source = index.collector(flow.from);
    return source !== undefined && source.cluster !== collector.cluster;
  });

  const distribution = context.distribution === 'lambda' ? 'contrib' : context.distribution;
  return {
    context,
    collector,
    config,
    configText: emitted.text,
    configRegions: emitted.regions,
    image: collectorImage(distribution, context.version, collector.image),
    ports: receiverPorts(context),
    ...(extensions.has('health_check') ? { healthPort: HEALTH_CHECK_PORT } : {}),
    env,
    unsourcedEnv: unsourced.filter((name) => name !== OPAMP_TOKEN_ENV || !sources.has(name)),
    tlsSecrets: [...tlsSecrets].sort(),
    fileStorage: extensions.has('file_storage'),
    hostMounts: { hostRoot: receivers.has('host_metrics') && inPod, podLogs: receivers.has('file_log') && inPod },
    rbac: {
      podMetadata: processors.has('k8s_attributes'),
      nodeStats: receivers.has('kubelet_stats'),
      clusterMetrics: receivers.has('k8s_cluster'),
      endpointSliceNamespaces: [...endpointSliceNamespaces].sort(),
    },
    exposure: { headless, external },
  };
}
