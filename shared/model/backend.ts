import { z } from 'zod';
import { ElementId, RawConfig, SecretValue } from './common.js';

const base = {
  kind: z.literal('backend'),
  id: ElementId,
  label: z.string().optional(),
  /** Site the backend lives in, for data residency, egress cost and network paths. */
  site: ElementId.optional(),
  /** Raw exporter settings merged over the generated ones. */
  config: RawConfig.optional(),
};

const headers = z.record(z.string(), SecretValue).optional();

const backends = [
  z.object({ ...base, type: z.literal('awsxray'), region: z.string().min(1), indexAllAttributes: z.boolean().optional() }).strict(),
  z
    .object({
      ...base,
      type: z.literal('awsemf'),
      region: z.string().min(1),
      /** CloudWatch metrics namespace. */
      namespace: z.string().min(1),
      /** @default "/metrics/otel" */
      logGroupName: z.string().default('/metrics/otel'),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('awscloudwatchlogs'),
      region: z.string().min(1),
      logGroupName: z.string().min(1),
      /** @default "otel" */
      logStreamName: z.string().default('otel'),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('awss3'),
      region: z.string().min(1),
      bucket: z.string().min(1),
      /** @default "otel" */
      prefix: z.string().default('otel'),
    })
    .strict(),
  z.object({ ...base, type: z.literal('azuremonitor'), connectionString: SecretValue }).strict(),
  z.object({ ...base, type: z.literal('googlecloud'), project: z.string().min(1) }).strict(),
  z.object({ ...base, type: z.literal('googlemanagedprometheus'), project: z.string().min(1) }).strict(),
  z
    .object({
      ...base,
      /** OTLP over gRPC: Jaeger, Tempo, any vendor. */
      type: z.literal('otlp'),
      endpoint: z.string().min(1),
      headers,
      /** @default false */
      insecure: z.boolean().default(false),
    })
    .strict(),
  z
    .object({ ...base, type: z.literal('otlphttp'), endpoint: z.string().url(), headers })
    .strict(),
  z.object({ ...base, type: z.literal('prometheusremotewrite'), endpoint: z.string().url(), headers }).strict(),
  z.object({ ...base, type: z.literal('file'), path: z.string().min(1) }).strict(),
  z
    .object({ ...base, type: z.literal('debug'), verbosity: z.enum(['basic', 'normal', 'detailed']).default('basic') })
    .strict(),
] as const;

/** Where telemetry lands. */
export const Backend = z.discriminatedUnion('type', [...backends]);
export type Backend = z.infer<typeof Backend>;
export type BackendType = Backend['type'];
export const BACKEND_TYPES: readonly BackendType[] = backends.map((schema) => schema.shape.type.value);
