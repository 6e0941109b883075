import { z } from 'zod';
import { Duration, ElementId, EnvName, EnvValue, RawConfig, Resources } from './common.js';
import { TailSamplingSettings } from './tail-sampling.js';

export const CollectorRole = z.enum(['agent', 'gateway']);
export type CollectorRole = z.infer<typeof CollectorRole>;

export const DeploymentMode = z.enum([
  'daemonset',
  'deployment',
  'statefulset',
  'sidecar',
  'knative',
  'lambda-layer',
  'systemd',
]);
export type DeploymentMode = z.infer<typeof DeploymentMode>;

export const Distribution = z.enum(['contrib', 'k8s', 'core']);
export type Distribution = z.infer<typeof Distribution>;

/** Optional `name` of a component: `batch/traces` is type `batch`, name `traces`. */
const componentName = { name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -').optional() };

// ---------- receivers ----------

export const OtlpReceiver = z
  .object({
    type: z.literal('otlp'),
    ...componentName,
    /** @default ["grpc", "http"] */
    protocols: z.array(z.enum(['grpc', 'http'])).min(1).default(['grpc', 'http']),
    /**
     * Address to bind. `auto`: the pod IP in pods, all interfaces on VMs and Cloud Run, localhost
     * in Lambda and sidecars.
     * @default "auto"
     */
    bind: z.string().default('auto'),
    config: RawConfig.optional(),
  })
  .strict();

export const GenericReceiver = z
  .object({
    /** Any receiver type of the catalog: `host_metrics`, `kubelet_stats`, `file_log`, `prometheus`... */
    type: z.string().min(1).refine((type) => type !== 'otlp', 'use the otlp receiver form'),
    ...componentName,
    config: RawConfig.optional(),
  })
  .strict();

export const Receiver = z.union([OtlpReceiver, GenericReceiver]);
export type Receiver = z.infer<typeof Receiver>;

// ---------- processors ----------

export const AttributeAction = z
  .object({
    key: z.string().min(1),
    action: z.enum(['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert']),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    fromAttribute: z.string().optional(),
    fromContext: z.string().optional(),
  })
  .strict();

const processors = [
  z
    .object({
      type: z.literal('memory_limiter'),
      ...componentName,
      /** @default "1s" */
      checkInterval: Duration.default('1s'),
      /** @default 80 */
      limitPercentage: z.number().int().min(1).max(100).default(80),
      /** @default 25 */
      spikeLimitPercentage: z.number().int().min(1).max(100).default(25),
    })
    .strict(),
  z
    .object({
      type: z.literal('batch'),
      ...componentName,
      /** @default "200ms" */
      timeout: Duration.default('200ms'),
      /** @default 8192 */
      sendBatchSize: z.number().int().positive().default(8192),
      sendBatchMaxSize: z.number().int().positive().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('k8s_attributes'),
      ...componentName,
      /** Only record pod IP/UID for a downstream k8s_attributes (agents that feed a gateway). @default false */
      passthrough: z.boolean().default(false),
      /**
       * How spans are matched to pods. A gateway sees the agent's IP as the connection address,
       * so it needs a resource attribute (contrib #29630).
       * @default ["k8s.pod.ip", "k8s.pod.uid", "connection"]
       */
      podAssociation: z
        .array(z.enum(['k8s.pod.ip', 'k8s.pod.uid', 'connection']))
        .default(['k8s.pod.ip', 'k8s.pod.uid', 'connection']),
      /** @default ["k8s.namespace.name", "k8s.pod.name", "k8s.pod.uid", "k8s.deployment.name", "k8s.node.name"] */
      extractMetadata: z
        .array(z.string())
        .default(['k8s.namespace.name', 'k8s.pod.name', 'k8s.pod.uid', 'k8s.deployment.name', 'k8s.node.name']),
    })
    .strict(),
  z
    .object({
      type: z.literal('resource_detection'),
      ...componentName,
      /** `auto` picks the detectors of the cluster's platform. @default ["auto"] */
      detectors: z.array(z.string()).default(['auto']),
      /** @default "2s" */
      timeout: Duration.default('2s'),
      /** @default false */
      override: z.boolean().default(false),
    })
    .strict(),
  z.object({ type: z.literal('tail_sampling'), ...componentName, ...TailSamplingSettings }).strict(),
  z
    .object({
      type: z.literal('probabilistic_sampler'),
      ...componentName,
      samplingPercentage: z.number().min(0).max(100),
    })
    .strict(),
  z.object({ type: z.literal('attributes'), ...componentName, actions: z.array(AttributeAction).min(1) }).strict(),
  z.object({ type: z.literal('resource'), ...componentName, attributes: z.array(AttributeAction).min(1) }).strict(),
  z
    .object({
      type: z.literal('filter'),
      ...componentName,
      /** @default "ignore" */
      errorMode: z.enum(['ignore', 'silent', 'propagate']).default('ignore'),
      /** OTTL conditions: matching spans are dropped. */
      spans: z.array(z.string()).optional(),
      /** OTTL conditions: matching metrics are dropped. */
      metrics: z.array(z.string()).optional(),
      /** OTTL conditions: matching log records are dropped. */
      logs: z.array(z.string()).optional(),
    })
    .strict(),
] as const;

export const KnownProcessor = z.discriminatedUnion('type', [...processors]);
export type KnownProcessor = z.infer<typeof KnownProcessor>;
export const KNOWN_PROCESSOR_TYPES: readonly string[] = processors.map((schema) => schema.shape.type.value);

export const GenericProcessor = z
  .object({
    /** Any processor of the catalog not modelled above (`transform`, `span`, `decouple`...). */
    type: z
      .string()
      .min(1)
      .refine((type) => !KNOWN_PROCESSOR_TYPES.includes(type), 'this processor has its own form'),
    ...componentName,
    config: RawConfig.optional(),
  })
  .strict();

export const Processor = z.union([KnownProcessor, GenericProcessor]);
export type Processor = z.infer<typeof Processor>;

// ---------- connectors that derive signals inside the collector ----------

export const DerivedMetricsConnector = z
  .object({
    /** span_metrics (RED metrics) or service_graph, fed by the traces pipeline into the metrics one. */
    type: z.enum(['span_metrics', 'service_graph']),
    ...componentName,
    config: RawConfig.optional(),
  })
  .strict();
export type DerivedMetricsConnector = z.infer<typeof DerivedMetricsConnector>;

// ---------- the collector ----------

export const Autoscaling = z
  .object({
    minReplicas: z.number().int().positive(),
    maxReplicas: z.number().int().positive(),
    /** @default 70 */
    targetCpuUtilization: z.number().int().min(1).max(100).default(70),
  })
  .strict();

export const ServerTls = z
  .object({
    /** Secret (kubernetes.io/tls) with the receiver's `tls.crt` / `tls.key`. */
    certSecret: z.string().min(1),
    /** Secret whose `ca.crt` verifies client certificates: mutual TLS. */
    clientCaSecret: z.string().min(1).optional(),
  })
  .strict();
export type ServerTls = z.infer<typeof ServerTls>;

/** An OpenTelemetry Collector deployment in a cluster. */
export const Collector = z
  .object({
    kind: z.literal('collector'),
    id: ElementId,
    label: z.string().optional(),
    cluster: ElementId,
    role: CollectorRole,
    /** How it runs; `auto` picks from role and platform (agent: daemonset, gateway: deployment...). @default "auto" */
    mode: z.union([DeploymentMode, z.literal('auto')]).default('auto'),
    /** @default 1 (gateways: 2) */
    replicas: z.number().int().min(1).optional(),
    autoscaling: Autoscaling.optional(),
    resources: Resources.default({ requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } }),
    /** Collector version; the policy's where absent. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 0.158.0 (no "v")').optional(),
    /** Distribution; the policy's where absent. */
    distribution: Distribution.optional(),
    /** Image repository instead of the distribution's default. */
    image: z.string().optional(),
    /** @default [otlp (grpc + http)] */
    receivers: z.array(Receiver).default([{ type: 'otlp', protocols: ['grpc', 'http'], bind: 'auto' }]),
    /** In pipeline order. @default [memory_limiter, batch] */
    processors: z.array(Processor).default([
      { type: 'memory_limiter', checkInterval: '1s', limitPercentage: 80, spikeLimitPercentage: 25 },
      { type: 'batch', timeout: '200ms', sendBatchSize: 8192 },
    ]),
    connectors: z.array(DerivedMetricsConnector).default([]),
    /** TLS on the OTLP receiver, for flows that arrive with TLS or mTLS. */
    tls: ServerTls.optional(),
    /**
     * Address other sites reach this collector at (`host:port`). Cross-cluster flows use it;
     * where absent, `<id>.<cluster>.otel.internal` behind an internal load balancer.
     */
    externalEndpoint: z.string().optional(),
    /** OpAMP control plane managing this collector. */
    controlPlane: ElementId.optional(),
    /**
     * Extra environment variables: literals, Secret keys or pod fields. One named like a variable
     * the engine sets (MY_POD_IP, GOMEMLIMIT...) replaces it.
     */
    env: z.record(EnvName, EnvValue).optional(),
    /** Raw collector config merged over the generated one (maps merge, lists replace). */
    overrides: RawConfig.optional(),
  })
  .strict();
export type Collector = z.infer<typeof Collector>;
