import { z } from 'zod';
import { Duration, ElementId, elementHead, SecretValue, Signal } from './common.js';

export const Compression = z.enum(['gzip', 'zstd', 'snappy', 'none']);

export const FlowTls = z
  .object({
    mode: z.enum(['none', 'tls', 'mtls']).meta({ description: 'none: plain text; tls: the server is verified; mtls: both sides present certificates.' }),
    caSecret: z.string().min(1).optional().meta({ description: 'Secret whose ca.crt verifies the server; the system roots where absent.' }),
    clientCertSecret: z.string().min(1).optional().meta({ description: "Secret (kubernetes.io/tls) with the client's tls.crt and tls.key, for mtls." }),
  })
  .strict();
export type FlowTls = z.infer<typeof FlowTls>;

export const Retry = z
  .object({
    enabled: z.boolean().default(true).meta({ description: 'Retry failed sends. Default true.' }),
    initialInterval: Duration.default('5s').meta({ description: 'Wait before the first retry; later waits grow up to maxInterval. Default 5s.' }),
    maxInterval: Duration.default('30s').meta({ description: 'Longest wait between two retries. Default 30s.' }),
    maxElapsedTime: Duration.default('300s').meta({ description: 'Time after which a batch is given up and dropped. Default 300s.' }),
  })
  .strict();

export const Queue = z
  .object({
    type: z.enum(['memory', 'persistent', 'none']).meta({
      description: 'memory; persistent: on disk in a file_storage volume, so it survives restarts; none: no queue, sends block the pipeline.',
    }),
    size: z.number().int().positive().default(1000).meta({ description: 'Batches (requests) the queue holds. Default 1000.' }),
    consumers: z.number().int().positive().default(10).meta({ description: 'Batches sent in parallel from the queue. Default 10.' }),
  })
  .strict();

export const Balancing = z
  .object({
    routingKey: z
      .enum(['traceID', 'service', 'resource', 'metric', 'streamID', 'attributes'])
      .default('traceID')
      .meta({ description: 'What stays together on one replica: traceID for tail sampling, service for span metrics... Default traceID.' }),
    resolver: z.enum(['k8s', 'dns', 'static']).default('k8s').meta({
      description: "How the replicas are found: k8s watches the target's endpoints, dns resolves its headless Service, static lists them. Default k8s.",
    }),
    hostnames: z.array(z.string()).optional().meta({
      description: "static: the hosts to balance over; dns: the host name to resolve (the first). Default the target's headless Service (dns) or <id>.<cluster>.otel.internal (static).",
    }),
  })
  .strict();

export const Route = z
  .object({
    attribute: z.string().min(1).default('deployment.environment.name').meta({
      description: 'Resource attribute the route matches on. Default deployment.environment.name.',
    }),
    values: z.array(z.string()).default([]).meta({ description: 'Attribute values routed to this flow; leave empty with default.' }),
    default: z.boolean().default(false).meta({ description: 'Receive what no other route of the collector matches. Default false.' }),
  })
  .strict();

export const Flow = z
  .object({
    ...elementHead('flow'),
    from: ElementId.meta({ description: 'Sending collector (its id).' }),
    to: ElementId.meta({ description: 'Receiving collector or backend (its id).' }),
    signals: z.array(Signal).min(1).meta({ description: 'Signals the flow carries: traces, metrics, logs.' }),
    protocol: z.enum(['grpc', 'http']).default('grpc').meta({
      description: "OTLP transport to a collector: grpc (port 4317) or http (4318); a backend's type decides its own. Default grpc.",
    }),
    compression: Compression.default('gzip').meta({
      description: 'How data sent to collectors and OTLP backends is compressed (other exporters choose their own). Default gzip.',
    }),
    tls: FlowTls.default({ mode: 'none' }).meta({
      description: 'TLS towards a target collector; a backend has its own settings. Default mode none.',
    }),
    retry: Retry.optional().meta({
      description: 'Retry of failed sends; where absent, on (5s, 30s, 300s) except behind a failover connector, where it would hide failures.',
    }),
    queue: Queue.optional().meta({
      description: 'Sending queue; where absent, a memory queue (1000 batches, 10 consumers) except behind a failover connector, where it is off.',
    }),
    failoverPriority: z.number().int().min(1).max(5).optional().meta({
      description: "Failover level among the collector's flows of a signal: 1 is primary, 2 takes over when it fails (a failover connector).",
    }),
    route: Route.optional().meta({ description: 'Send only telemetry whose resource attribute matches (a routing connector).' }),
    balancing: Balancing.optional().meta({ description: "Spread over the target's replicas by key with the load_balancing exporter." }),
    sourceHeaders: z.boolean().optional().meta({
      description: 'Add x-source-cloud and x-source-region headers; where absent, on for cross-site flows to collectors.',
    }),
    headers: z.record(z.string(), SecretValue).optional().meta({ description: 'Extra request headers; use secret references for secrets.' }),
    exporterName: z
      .string()
      .regex(/^[A-Za-z0-9_.-]*$/, 'letters, digits, _ . -')
      .optional()
      .meta({
        description: "Name part of the flow's exporter id (otlp_grpc/<name>); empty for a bare otlp_grpc, as imported configs may have. Default the target's id.",
      }),
    volume: z
      .object({
        recordsPerSecond: z.number().positive().meta({ description: 'Spans, data points or log records per second.' }),
        bytesPerRecord: z.number().positive().default(512).meta({ description: 'Average size of a record in bytes, before compression. Default 512.' }),
      })
      .strict()
      .optional()
      .meta({ description: 'Estimated volume, for the egress cost and queue size checks.' }),
  })
  .strict()
  .meta({ description: 'Telemetry from a collector to a collector or a backend.' });
export type Flow = z.infer<typeof Flow>;
