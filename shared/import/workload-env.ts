/**
 * The environment a collector runs with, read from where Kubernetes sets it: a container's
 * `env` / `envFrom`, an OpenTelemetryCollector's `spec.env` / `spec.envFrom`, the Helm chart's
 * `extraEnvs` / `extraEnvsFrom` (all the same shape). Secret references stay references: a
 * `secretKeyRef` becomes `{ secret: { name, key } }`, never a value.
 */
import { NODE_NAME_ENV, POD_IP_ENV } from '../engine/conventions.js';
import { EnvName, type EnvValue, type SecretKey } from '../model/common.js';
import { isPlainObject, type PlainObject } from '../validation/config-check.js';

export interface WorkloadEnv {
  /** `env` entries the model can hold, in the order written. */
  readonly variables: ReadonlyArray<{ readonly name: string; readonly value: EnvValue }>;
  /** `envFrom` Secrets: each of their keys becomes a variable named `prefix` + key. */
  readonly fromSecrets: ReadonlyArray<{ readonly secret: string; readonly prefix: string }>;
  /** What the model has no place for (ConfigMap and resource references), for the report. */
  readonly skipped: readonly string[];
}

export const NO_ENV: WorkloadEnv = { variables: [], fromSecrets: [], skipped: [] };

/** Variables the engine sets itself the same way in every pod. */
const ENGINE_FIELDS: Readonly<Record<string, string>> = { [POD_IP_ENV]: 'status.podIP', [NODE_NAME_ENV]: 'spec.nodeName' };

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const list = (value: unknown): PlainObject[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);

function envValue(entry: PlainObject): EnvValue | string {
  if (!isPlainObject(entry.valueFrom)) return typeof entry.value === 'string' ? entry.value : String(entry.value ?? '');
  const { secretKeyRef, fieldRef, configMapKeyRef, resourceFieldRef } = entry.valueFrom;
  const secret = isPlainObject(secretKeyRef) ? secretKeyRef : undefined;
  if (secret && text(secret.name) && text(secret.key)) return { secret: { name: text(secret.name)!, key: text(secret.key)! } };
  const field = isPlainObject(fieldRef) ? text(fieldRef.fieldPath) : undefined;
  if (field) return { field };
  if (isPlainObject(configMapKeyRef)) return `ConfigMap ${String(configMapKeyRef.name)} key ${String(configMapKeyRef.key)}`;
  if (isPlainObject(resourceFieldRef)) return `resource ${String(resourceFieldRef.resource)}`;
  return 'an unreadable valueFrom';
}

export function workloadEnv(env: unknown, envFrom: unknown): WorkloadEnv {
  const variables: Array<{ name: string; value: EnvValue }> = [];
  const skipped: string[] = [];
  for (const entry of list(env)) {
    const name = text(entry.name);
    if (!name || !EnvName.safeParse(name).success) continue;
    const value = envValue(entry);
    const described = typeof value === 'string' && isPlainObject(entry.valueFrom);
    if (described) skipped.push(`env ${name} (from ${value})`);
    else if (!(typeof value === 'object' && 'field' in value && ENGINE_FIELDS[name] === value.field)) variables.push({ name, value });
  }
  const fromSecrets: Array<{ secret: string; prefix: string }> = [];
  for (const source of list(envFrom)) {
    const secret = isPlainObject(source.secretRef) ? text(source.secretRef.name) : undefined;
    if (secret) fromSecrets.push({ secret, prefix: text(source.prefix) ?? '' });
    else if (isPlainObject(source.configMapRef)) skipped.push(`envFrom ConfigMap ${String(source.configMapRef.name)}`);
  }
  return { variables, fromSecrets, skipped };
}

/**
 * The collector's `env` for the model: the workload's variables, plus those the config reads
 * (`referenced`) that an `envFrom` Secret provides. A variable several `envFrom` Secrets could
 * provide is left out and reported: which one holds the key is not in the manifests.
 */
export function collectorEnv(workload: WorkloadEnv, referenced: Iterable<string>): { env: Record<string, EnvValue>; notes: string[] } {
  const env: Record<string, EnvValue> = Object.fromEntries(workload.variables.map(({ name, value }) => [name, value]));
  const notes = workload.skipped.map((what) => `${what} not imported: the model has no place for it`);
  for (const name of referenced) {
    if (name in env || name in ENGINE_FIELDS) continue;
    const providers = workload.fromSecrets.filter(({ prefix }) => name.startsWith(prefix));
    if (providers.length === 1) {
      const { secret, prefix } = providers[0]!;
      env[name] = { secret: { name: secret, key: name.slice(prefix.length) } };
    } else if (providers.length > 1) {
      notes.push(`env ${name} not imported: any of the envFrom Secrets ${providers.map(({ secret }) => secret).join(', ')} may hold it`);
    }
  }
  return { env, notes };
}

/** The Secret key a variable comes from, where it does. */
export function secretOf(env: Readonly<Record<string, EnvValue>>, name: string): SecretKey | undefined {
  const value = env[name];
  return typeof value === 'object' && 'secret' in value ? value.secret : undefined;
}
