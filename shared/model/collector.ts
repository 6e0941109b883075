import { z } from 'zod';
import { Duration, ElementId, elementHead, EnvName, EnvValue, RawConfig, Resources } from './common.js';
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
const componentName = {
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -')
    .optional()
    .meta({ description: 'Name part of the component id, to tell two of a type apart: batch/traces has the name traces.' }),
};
const componentConfig = (kind: string) =>
  RawConfig.optional().meta({ description: `Raw ${kind} settings merged over the generated ones (maps merge, lists replace).` });

// ---------- receivers ----------

export const OtlpReceiver = z
  .object({
    type: z.literal('otlp').meta({ description: 'Receiver type.' }),
    ...componentName,
    protocols: z
      .array(z.enum(['grpc', 'http']))
      .min(1)
      .default(['grpc', 'http'])
      .meta({ description: 'OTLP protocols served: grpc on port 4317, http on 4318. Default both.' }),
    bind: z.string().min(1).default('auto').meta({
      description: 'Address the receiver listens on; auto: the pod IP in pods, 0.0.0.0 on VMs and Cloud Run, localhost in Lambda and sidecars. Default auto.',
    }),
    config: componentConfig('receiver'),
  })
  .strict()
  .meta({ description: 'OTLP receiver: what flows from other collectors and instrumented apps arrive at.' });

export const GenericReceiver = z
  .object({
    type: z
      .string()
      .min(1)
      .refine((type) => type !== 'otlp', 'use the otlp receiver form')
      .meta({
        description: 'Receiver type from the catalog: host_metrics, kubelet_stats, file_log, k8s_cluster and prometheus get working defaults.',
      }),
    ...componentName,
    config: componentConfig('receiver'),
  })
  .strict()
  .meta({ description: 'Any other receiver of the catalog, configured by its raw settings.' });

export const Receiver = z.union([OtlpReceiver, GenericReceiver]);
export type Receiver = z.infer<typeof Receiver>;

// ---------- processors ----------

export const AttributeAction = z
  .object({
    key: z.string().min(1).meta({ description: 'Attribute the action applies to.' }),
    action: z.enum(['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert']).meta({
      description: 'What to do: insert (if absent), update (if present), upsert (either), delete, hash, extract or convert.',
    }),
    value: z.union([z.string(), z.number(), z.boolean()]).optional().meta({ description: 'Value inserted, updated or upserted.' }),
    fromAttribute: z.string().min(1).optional().meta({ description: 'Take the value from this attribute instead.' }),
    fromContext: z.string().min(1).optional().meta({
      description: 'Take the value from the request context instead, such as metadata.x-source-cloud (a request header).',
    }),
  })
  .strict();

const processorType = <const T extends string>(type: T) => z.literal(type).meta({ description: 'Processor type.' });

const processors = [
  z
    .object({
      type: processorType('memory_limiter'),
      ...componentName,
      checkInterval: Duration.default('1s').meta({ description: 'How often memory use is measured. Default 1s.' }),
      limitPercentage: z.number().int().min(1).max(100).default(80).meta({
        description: "Hard limit in percent of the container's memory, where garbage collection is forced. Default 80.",
      }),
      spikeLimitPercentage: z.number().int().min(1).max(100).default(25).meta({
        description: 'Headroom below the hard limit, in percent of memory: above the soft limit (hard limit minus this) data is refused. Default 25.',
      }),
    })
    .strict()
    .meta({ description: 'Refuses data before the collector runs out of memory; put it first.' }),
  z
    .object({
      type: processorType('batch'),
      ...componentName,
      timeout: Duration.default('200ms').meta({ description: 'Longest a batch waits before it is sent, whatever its size. Default 200ms.' }),
      sendBatchSize: z.number().int().positive().default(8192).meta({
        description: 'Spans, data points or log records after which a batch is sent before its timeout. Default 8192.',
      }),
      sendBatchMaxSize: z.number().int().positive().optional().meta({ description: 'Largest batch; bigger ones are split. No limit where absent.' }),
    })
    .strict()
    .meta({ description: 'Groups records into batches before export; put it last.' }),
  z
    .object({
      type: processorType('k8s_attributes'),
      ...componentName,
      passthrough: z.boolean().default(false).meta({
        description: "Only tag records with the pod IP, for a gateway's k8s_attributes to enrich (agents feeding a gateway). Default false.",
      }),
      podAssociation: z
        .array(z.enum(['k8s.pod.ip', 'k8s.pod.uid', 'connection']))
        .default(['k8s.pod.ip', 'k8s.pod.uid', 'connection'])
        .meta({
          description:
            "How records are matched to pods, tried in order; a gateway sees the agent's address, so it needs a resource attribute. Default k8s.pod.ip, k8s.pod.uid, connection.",
        }),
      extractMetadata: z
        .array(z.string())
        .default(['k8s.namespace.name', 'k8s.pod.name', 'k8s.pod.uid', 'k8s.deployment.name', 'k8s.node.name'])
        .meta({ description: 'Pod metadata added as resource attributes (none with passthrough). Default namespace, pod name and uid, deployment, node.' }),
    })
    .strict()
    .meta({ description: 'Adds the Kubernetes metadata of the sending pod (namespace, pod, deployment, node).' }),
  z
    .object({
      type: processorType('resource_detection'),
      ...componentName,
      detectors: z.array(z.string()).default(['auto']).meta({
        description: "Detectors run in order; auto stands for the platform's (eks: env, eks, ec2; gke: env, gcp...). Default auto.",
      }),
      timeout: Duration.default('2s').meta({ description: 'Time the detectors may take. Default 2s.' }),
      override: z.boolean().default(false).meta({ description: 'Replace resource attributes the telemetry already has. Default false.' }),
    })
    .strict()
    .meta({ description: 'Adds resource attributes of the host or cloud (region, instance, cluster).' }),
  z
    .object({ type: processorType('tail_sampling'), ...componentName, ...TailSamplingSettings })
    .strict()
    .meta({ description: 'Decides per whole trace which traces to keep; needs every span of a trace on one replica.' }),
  z
    .object({
      type: processorType('probabilistic_sampler'),
      ...componentName,
      samplingPercentage: z.number().min(0).max(100).meta({ description: 'Share of traces or log records kept, in percent.' }),
    })
    .strict()
    .meta({ description: 'Keeps a fixed share of traces (by trace id) or log records, without buffering.' }),
  z
    .object({
      type: processorType('attributes'),
      ...componentName,
      actions: z.array(AttributeAction).min(1).meta({ description: 'Actions on span, log record and data point attributes, in order.' }),
    })
    .strict()
    .meta({ description: 'Inserts, changes or removes attributes of spans, logs and data points.' }),
  z
    .object({
      type: processorType('resource'),
      ...componentName,
      attributes: z.array(AttributeAction).min(1).meta({ description: 'Actions on resource attributes, in order.' }),
    })
    .strict()
    .meta({ description: 'Inserts, changes or removes resource attributes.' }),
  z
    .object({
      type: processorType('filter'),
      ...componentName,
      errorMode: z.enum(['ignore', 'silent', 'propagate']).default('ignore').meta({
        description: 'When a condition fails to evaluate: ignore logs it and goes on, silent goes on, propagate drops the payload. Default ignore.',
      }),
      spans: z.array(z.string()).optional().meta({ description: 'OTTL conditions: matching spans are dropped.' }),
      metrics: z.array(z.string()).optional().meta({ description: 'OTTL conditions: matching metrics are dropped.' }),
      logs: z.array(z.string()).optional().meta({ description: 'OTTL conditions: matching log records are dropped.' }),
    })
    .strict()
    .meta({ description: 'Drops spans, metrics or log records that match OTTL conditions.' }),
] as const;

export const KnownProcessor = z.discriminatedUnion('type', [...processors]);
export type KnownProcessor = z.infer<typeof KnownProcessor>;
export const KNOWN_PROCESSOR_TYPES: readonly string[] = processors.map((schema) => schema.shape.type.value);

export const GenericProcessor = z
  .object({
    type: z
      .string()
      .min(1)
      .refine((type) => !KNOWN_PROCESSOR_TYPES.includes(type), 'this processor has its own form')
      .meta({ description: 'Processor type from the catalog (transform, span, decouple...).' }),
    ...componentName,
    config: componentConfig('processor'),
  })
  .strict()
  .meta({ description: 'Any other processor of the catalog, configured by its raw settings.' });

export const Processor = z.union([KnownProcessor, GenericProcessor]);
export type Processor = z.infer<typeof Processor>;

// ---------- connectors that derive signals inside the collector ----------

export const DerivedMetricsConnector = z
  .object({
    type: z.enum(['span_metrics', 'service_graph']).meta({
      description: 'span_metrics: request, error and duration metrics per service; service_graph: metrics of the calls between services.',
    }),
    ...componentName,
    config: componentConfig('connector'),
  })
  .strict();
export type DerivedMetricsConnector = z.infer<typeof DerivedMetricsConnector>;

// ---------- the collector ----------

export const Autoscaling = z
  .object({
    minReplicas: z.number().int().positive().meta({ description: 'Fewest replicas (Cloud Run: minimum instances).' }),
    maxReplicas: z.number().int().positive().meta({ description: 'Most replicas (Cloud Run: maximum instances).' }),
    targetCpuUtilization: z.number().int().min(1).max(100).default(70).meta({
      description: 'Average CPU use the HorizontalPodAutoscaler aims for, in percent of the CPU request. Default 70.',
    }),
  })
  .strict();

export const ServerTls = z
  .object({
    certSecret: z.string().min(1).meta({ description: "Secret (kubernetes.io/tls) with the receivers' tls.crt and tls.key." }),
    clientCaSecret: z.string().min(1).optional().meta({ description: 'Secret whose ca.crt verifies client certificates: mutual TLS.' }),
  })
  .strict();
export type ServerTls = z.infer<typeof ServerTls>;

export const Collector = z
  .object({
    ...elementHead('collector'),
    cluster: ElementId.meta({ description: 'Cluster the collector runs in (its id).' }),
    role: CollectorRole.meta({
      description: 'agent: runs next to the workloads and forwards; gateway: receives from agents and exports centrally. Sets the default mode and replicas.',
    }),
    mode: z.union([DeploymentMode, z.literal('auto')]).default('auto').meta({
      description:
        'How it runs; auto: knative on Cloud Run, lambda-layer on Lambda, systemd on VMs, else daemonset for agents and deployment for gateways. Default auto.',
    }),
    replicas: z.number().int().min(1).optional().meta({
      description: 'Replicas of a Deployment or StatefulSet (Cloud Run: minimum instances); DaemonSets and autoscaling ignore it. Default 2 for gateways, 1 for agents.',
    }),
    autoscaling: Autoscaling.optional().meta({ description: 'CPU-driven HorizontalPodAutoscaler (Cloud Run: instance range) instead of fixed replicas.' }),
    resources: Resources.default({ requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } }).meta({
      description: 'Container CPU and memory requests and limits. Default requests 100m and 256Mi, limits 1 and 512Mi.',
    }),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a version such as 0.158.0 (no "v")')
      .optional()
      .meta({ description: "Collector version (image tag and component names); the policy's collectorVersion where absent." }),
    distribution: Distribution.optional().meta({ description: "Collector distribution (contrib, k8s, core); the policy's where absent." }),
    image: z.string().min(1).optional().meta({ description: "Image repository instead of the distribution's (otel/opentelemetry-collector-contrib...); the tag is the version." }),
    receivers: z
      .array(Receiver)
      .default([{ type: 'otlp', protocols: ['grpc', 'http'], bind: 'auto' }])
      .meta({ description: 'Receivers, each in every pipeline of a signal it produces. Default one OTLP receiver (gRPC and HTTP).' }),
    processors: z
      .array(Processor)
      .default([
        { type: 'memory_limiter', checkInterval: '1s', limitPercentage: 80, spikeLimitPercentage: 25 },
        { type: 'batch', timeout: '200ms', sendBatchSize: 8192 },
      ])
      .meta({ description: 'Processors in pipeline order, each in every pipeline of a signal it handles. Default memory_limiter, batch.' }),
    connectors: z
      .array(DerivedMetricsConnector)
      .default([])
      .meta({ description: "Connectors that turn this collector's traces into metrics (span_metrics, service_graph), fed into its metrics pipeline." }),
    tls: ServerTls.optional().meta({ description: 'TLS on the OTLP receivers, for flows that arrive with TLS or mTLS.' }),
    externalEndpoint: z.string().min(1).optional().meta({
      description: 'Address (host:port) collectors in other clusters send to; where absent, <id>.<cluster>.otel.internal behind an internal load balancer.',
    }),
    controlPlane: ElementId.optional().meta({ description: 'OpAMP control plane managing this collector (its id): the opamp extension, or a supervisor on VMs.' }),
    env: z.record(EnvName, EnvValue).optional().meta({
      description: 'Extra environment variables: literals, Secret keys or pod fields; one named like a variable the engine sets (MY_POD_IP, GOMEMLIMIT...) replaces it.',
    }),
    overrides: RawConfig.optional().meta({
      description: 'Raw collector config merged over the generated one: maps merge, lists replace, {$patch: delete} removes a key.',
    }),
  })
  .strict()
  .meta({ description: 'An OpenTelemetry Collector deployment in a cluster.' });
export type Collector = z.infer<typeof Collector>;
