import { z } from 'zod';
import { Duration, ElementId, SecretValue, Signal } from './common.js';

export const Compression = z.enum(['gzip', 'zstd', 'snappy', 'none']);

export const FlowTls = z
  .object({
    /** `none`: plain text; `tls`: server verified; `mtls`: both sides present certificates. */
    mode: z.enum(['none', 'tls', 'mtls']),
    /** Secret with `ca.crt` to verify the server; system roots where absent. */
    caSecret: z.string().min(1).optional(),
    /** Secret (kubernetes.io/tls) with the client's `tls.crt` / `tls.key`, for mTLS. */
    clientCertSecret: z.string().min(1).optional(),
  })
  .strict();
export type FlowTls = z.infer<typeof FlowTls>;

export const Retry = z
  .object({
    enabled: z.boolean().default(true),
    /** @default "5s" */
    initialInterval: Duration.default('5s'),
    /** @default "30s" */
    maxInterval: Duration.default('30s'),
    /** @default "300s" */
    maxElapsedTime: Duration.default('300s'),
  })
  .strict();

export const Queue = z
  .object({
    /** `persistent` survives restarts on a `file_storage` volume. */
    type: z.enum(['memory', 'persistent', 'none']),
    /** Batches (requests) the queue holds. @default 1000 */
    size: z.number().int().positive().default(1000),
    /** @default 10 */
    consumers: z.number().int().positive().default(10),
  })
  .strict();

export const Balancing = z
  .object({
    /** @default "traceID" */
    routingKey: z.enum(['traceID', 'service', 'resource', 'metric', 'streamID', 'attributes']).default('traceID'),
    /** `k8s` watches the target's endpoints; `dns` resolves its headless Service. @default "k8s" */
    resolver: z.enum(['k8s', 'dns', 'static']).default('k8s'),
    /** Host names for the `static` resolver, or the host name the `dns` resolver looks up. */
    hostnames: z.array(z.string()).optional(),
  })
  .strict();

export const Route = z
  .object({
    /** Resource attribute routed on. @default "deployment.environment.name" */
    attribute: z.string().min(1).default('deployment.environment.name'),
    /** Values routed to this flow; empty with `default: true`. */
    values: z.array(z.string()).default([]),
    /** Receives what no other route matched. @default false */
    default: z.boolean().default(false),
  })
  .strict();

/** Telemetry from a collector to a collector or a backend. */
export const Flow = z
  .object({
    kind: z.literal('flow'),
    id: ElementId,
    label: z.string().optional(),
    from: ElementId,
    to: ElementId,
    signals: z.array(Signal).min(1),
    /** OTLP transport to a collector. @default "grpc" */
    protocol: z.enum(['grpc', 'http']).default('grpc'),
    /** @default "gzip" */
    compression: Compression.default('gzip'),
    /** @default { mode: "none" } */
    tls: FlowTls.default({ mode: 'none' }),
    /** Retry; where absent, on except behind a failover connector. */
    retry: Retry.optional(),
    /** Sending queue; where absent, a memory queue except behind a failover connector. */
    queue: Queue.optional(),
    /** Failover priority among flows of the same source and signals: 1 is primary. */
    failoverPriority: z.number().int().min(1).max(5).optional(),
    /** Route only part of the telemetry here (the `routing` connector). */
    route: Route.optional(),
    /** Spread over the target's replicas with the `load_balancing` exporter. */
    balancing: Balancing.optional(),
    /** Add `x-source-cloud` / `x-source-region` headers; where absent, on for cross-site flows to collectors. */
    sourceHeaders: z.boolean().optional(),
    headers: z.record(z.string(), SecretValue).optional(),
    /**
     * Name part of the exporter id the flow gets (`otlp_grpc/<exporterName>`); an empty string for
     * a bare `otlp_grpc`. Imported configs keep their own names this way. @default the target's id
     */
    exporterName: z.string().regex(/^[A-Za-z0-9_.-]*$/, 'letters, digits, _ . -').optional(),
    /** Estimated volume, for egress cost and queue sizing. */
    volume: z
      .object({
        recordsPerSecond: z.number().positive(),
        /** @default 512 */
        bytesPerRecord: z.number().positive().default(512),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Flow = z.infer<typeof Flow>;
