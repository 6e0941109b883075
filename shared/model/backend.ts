import { z } from 'zod';
import { ElementId, elementHead, RawConfig, SecretValue } from './common.js';

const base = {
  ...elementHead('backend'),
  site: ElementId.optional().meta({ description: 'Site the backend is in (its id), for network paths, TLS, egress cost and data residency.' }),
  config: RawConfig.optional().meta({ description: 'Raw exporter settings merged over the generated ones (maps merge, lists replace).' }),
};

const backendType = <const T extends string>(type: T) => z.literal(type).meta({ description: 'Backend type: the exporter its flows get.' });
const region = z.string().min(1).meta({ description: 'AWS region of the service (us-east-1...).' });
const headers = z.record(z.string(), SecretValue).optional().meta({ description: 'Request headers, such as API keys; use secret references for secrets.' });

const backends = [
  z
    .object({
      ...base,
      type: backendType('awsxray'),
      region,
      indexAllAttributes: z.boolean().optional().meta({ description: 'Index every attribute as an X-Ray annotation (index_all_attributes). Default false.' }),
    })
    .strict()
    .meta({ description: 'AWS X-Ray, for traces.' }),
  z
    .object({
      ...base,
      type: backendType('awsemf'),
      region,
      namespace: z.string().min(1).meta({ description: 'CloudWatch metrics namespace.' }),
      logGroupName: z.string().min(1).default('/metrics/otel').meta({ description: 'Log group the EMF records are written to. Default /metrics/otel.' }),
    })
    .strict()
    .meta({ description: 'CloudWatch metrics, written as Embedded Metric Format logs (awsemf).' }),
  z
    .object({
      ...base,
      type: backendType('awscloudwatchlogs'),
      region,
      logGroupName: z.string().min(1).meta({ description: 'CloudWatch Logs log group.' }),
      logStreamName: z.string().min(1).default('otel').meta({ description: 'Log stream in the group. Default otel.' }),
    })
    .strict()
    .meta({ description: 'CloudWatch Logs, for logs.' }),
  z
    .object({
      ...base,
      type: backendType('awss3'),
      region,
      bucket: z.string().min(1).meta({ description: 'S3 bucket.' }),
      prefix: z.string().default('otel').meta({ description: 'Key prefix of the objects written; empty for none. Default otel.' }),
    })
    .strict()
    .meta({ description: 'An S3 bucket, as an archive.' }),
  z
    .object({
      ...base,
      type: backendType('azuremonitor'),
      connectionString: SecretValue.meta({ description: 'Application Insights connection string; use a secret reference.' }),
    })
    .strict()
    .meta({ description: 'Azure Monitor (Application Insights).' }),
  z
    .object({
      ...base,
      type: backendType('googlecloud'),
      project: z.string().min(1).meta({ description: 'GCP project the telemetry is written to.' }),
    })
    .strict()
    .meta({ description: 'Google Cloud Trace, Monitoring and Logging.' }),
  z
    .object({
      ...base,
      type: backendType('googlemanagedprometheus'),
      project: z.string().min(1).meta({ description: 'GCP project the metrics are written to.' }),
    })
    .strict()
    .meta({ description: 'Google Cloud Managed Service for Prometheus, for metrics.' }),
  z
    .object({
      ...base,
      type: backendType('otlp'),
      endpoint: z.string().min(1).meta({ description: 'host:port of the OTLP gRPC endpoint.' }),
      headers,
      insecure: z.boolean().default(false).meta({ description: 'Send in plain text, without TLS. Default false.' }),
    })
    .strict()
    .meta({ description: 'Any OTLP over gRPC endpoint: Jaeger, Tempo, a vendor.' }),
  z
    .object({
      ...base,
      type: backendType('otlphttp'),
      endpoint: z.string().url().meta({ description: 'Base URL of the OTLP/HTTP endpoint; the exporter appends /v1/traces, /v1/metrics, /v1/logs.' }),
      headers,
    })
    .strict()
    .meta({ description: 'Any OTLP over HTTP endpoint.' }),
  z
    .object({
      ...base,
      type: backendType('prometheusremotewrite'),
      endpoint: z.string().url().meta({ description: 'Remote-write URL (.../api/v1/write).' }),
      headers,
    })
    .strict()
    .meta({ description: 'A Prometheus remote-write endpoint, for metrics.' }),
  z
    .object({
      ...base,
      type: backendType('file'),
      path: z.string().min(1).meta({ description: "Path of the file, on the collector's file system." }),
    })
    .strict()
    .meta({ description: 'A file the collector writes telemetry to, as JSON lines.' }),
  z
    .object({
      ...base,
      type: backendType('debug'),
      verbosity: z.enum(['basic', 'normal', 'detailed']).default('basic').meta({
        description: 'How much is logged: basic (counts), normal (a line per record), detailed (every field). Default basic.',
      }),
    })
    .strict()
    .meta({ description: "The collector's own log (debug exporter), for trying a topology out." }),
] as const;

/** Where telemetry lands. */
export const Backend = z.discriminatedUnion('type', [...backends]);
export type Backend = z.infer<typeof Backend>;
export type BackendType = Backend['type'];

export const BACKEND_TYPES: readonly BackendType[] = backends.map((schema) => schema.shape.type.value);
