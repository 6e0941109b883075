/**
 * What an exporter's config says about its flow, in the model's terms: compression, TLS, retry,
 * sending queue and headers. A setting becomes a flow field where the model can say it; what it
 * cannot (other keys, values it would write differently) stays in the overrides, and the round
 * trip (import-files.ts) proves the two together give the exporter back.
 */
import { FILE_STORAGE_EXTENSION, TLS_DIRECTORY } from '../engine/conventions.js';
import type { SecretKey, SecretValue } from '../model/common.js';
import { Compression, FlowTls, Queue, Retry, type Flow } from '../model/flow.js';
import { isPlainObject, type PlainObject } from '../validation/config-check.js';
import { defined, parsed } from './plain-data.js';

export type FlowSettings = Partial<Pick<Flow, 'compression' | 'tls' | 'retry' | 'queue' | 'headers'>>;

/** Which settings the exporter of a flow carries (a debug exporter has no queue...). */
export interface SettingKeys {
  readonly compression: boolean;
  readonly retry: boolean;
  readonly queue: boolean;
}

/** Looks up the Secret key an environment variable is filled from, where the workload says. */
export type SecretLookup = (variable: string) => SecretKey | undefined;

const ENV_ONLY = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** A value that is exactly `${env:NAME}` becomes a reference (with its Secret where known); anything else stays literal. */
export function secretValue(value: string, secretOf: SecretLookup): SecretValue {
  const variable = ENV_ONLY.exec(value)?.[1];
  if (!variable) return value;
  const secret = secretOf(variable);
  return secret ? { env: variable, secret } : { env: variable };
}

/** Headers with string values; undefined where any value is not a string (the overrides keep them). */
export function headerValues(value: unknown, secretOf: SecretLookup): Record<string, SecretValue> | undefined {
  if (!isPlainObject(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length === 0 || !entries.every((entry): entry is [string, string] => typeof entry[1] === 'string')) return undefined;
  return Object.fromEntries(entries.map(([name, text]) => [name, secretValue(text, secretOf)]));
}

/** The Secret a TLS file path of the engine's layout (`/etc/otelcol/tls/<secret>/ca.crt`) lives in. */
export function tlsSecret(path: unknown, file: 'ca.crt' | 'tls.crt' | 'tls.key'): string | undefined {
  if (typeof path !== 'string' || !path.startsWith(`${TLS_DIRECTORY}/`) || !path.endsWith(`/${file}`)) return undefined;
  const secret = path.slice(TLS_DIRECTORY.length + 1, -file.length - 1);
  return secret && !secret.includes('/') ? secret : undefined;
}

/**
 * TLS of a flow to a collector. Where the exporter does not say, gRPC clients use TLS and HTTP
 * ones follow the endpoint's scheme, as the collector does.
 */
export function flowTls(tls: unknown, protocol: 'grpc' | 'http', endpoint: unknown): FlowTls | undefined {
  if (tls === undefined) {
    if (protocol === 'grpc') return { mode: 'tls' };
    return typeof endpoint === 'string' && endpoint.startsWith('https://') ? { mode: 'tls' } : undefined;
  }
  if (!isPlainObject(tls)) return undefined;
  if (tls.insecure === true) return { mode: 'none' };
  const mutual = tls.cert_file !== undefined || tls.cert_pem !== undefined;
  const caSecret = tlsSecret(tls.ca_file, 'ca.crt');
  const clientCertSecret = tlsSecret(tls.cert_file, 'tls.crt');
  return parsed(FlowTls, {
    mode: mutual ? 'mtls' : 'tls',
    ...(caSecret ? { caSecret } : {}),
    ...(mutual && clientCertSecret && clientCertSecret === tlsSecret(tls.key_file, 'tls.key') ? { clientCertSecret } : {}),
  });
}

function retryOf(value: unknown): Flow['retry'] {
  if (!isPlainObject(value)) return undefined;
  if (value.enabled === false) return parsed(Retry, { enabled: false });
  return parsed(Retry, defined({ enabled: true, initialInterval: value.initial_interval, maxInterval: value.max_interval, maxElapsedTime: value.max_elapsed_time }));
}

function queueOf(value: unknown): Flow['queue'] {
  if (!isPlainObject(value)) return undefined;
  if (value.enabled === false) return parsed(Queue, { type: 'none' });
  // Only the engine's own storage extension makes the queue `persistent`; another one stays an override.
  return parsed(Queue, defined({ type: value.storage === FILE_STORAGE_EXTENSION ? 'persistent' : 'memory', size: value.queue_size, consumers: value.num_consumers }));
}

/** Compression, retry and queue of an exporter body, where the exporter carries them. */
export function exporterSettings(body: PlainObject, keys: SettingKeys): FlowSettings {
  const compression = keys.compression ? parsed(Compression, body.compression) : undefined;
  const retry = keys.retry ? retryOf(body.retry_on_failure) : undefined;
  const queue = keys.queue ? queueOf(body.sending_queue) : undefined;
  return { ...(compression ? { compression } : {}), ...(retry ? { retry } : {}), ...(queue ? { queue } : {}) };
}

/** Everything a flow to another collector keeps of its OTLP exporter (for load_balancing: its `protocol.otlp`). */
export function collectorFlowSettings(body: PlainObject, protocol: 'grpc' | 'http', secretOf: SecretLookup): FlowSettings {
  const tls = flowTls(body.tls, protocol, body.endpoint);
  const headers = headerValues(body.headers, secretOf);
  return {
    ...exporterSettings(body, { compression: true, retry: true, queue: true }),
    ...(tls ? { tls } : {}),
    ...(headers ? { headers } : {}),
  };
}
