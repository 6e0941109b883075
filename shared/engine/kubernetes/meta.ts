import { fnv1a32 } from '../hash.js';
import { collectorLabels, PART_OF } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';

/** A Kubernetes object as plain data: `apiVersion`, `kind` and `metadata` first. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly [field: string]: unknown;
}

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Port the collector's own metrics are served on (service.telemetry.metrics in the config). */
export { METRICS_PORT } from '../conventions.js';
/** The collector container's name in every pod the engine writes. */
export const CONTAINER_NAME = 'otelcol';

/** Labels of a collector's objects: the shared ones plus its role. */
export function objectLabels(plan: CollectorPlan): Record<string, string> {
  return { ...collectorLabels(plan.collector.id), 'app.kubernetes.io/component': plan.collector.role };
}

/** Labels of objects that belong to the cluster's folder rather than to one collector. */
export function clusterLabels(): Record<string, string> {
  return { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': 'otel-topology-designer' };
}

/** Metadata of a collector's namespaced object. */
export function collectorMeta(plan: CollectorPlan, name: string, namespace: string, annotations?: Record<string, string>): ObjectMeta {
  return {
    name,
    namespace,
    labels: objectLabels(plan),
    ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}

/**
 * Cluster-scoped objects (ClusterRole, ClusterRoleBinding) share one name space across
 * namespaces, so two topologies' collectors named `gateway` must not overwrite each other's.
 */
export const clusterScopedName = (namespace: string, collectorId: string) => `otel-${namespace}-${collectorId}`;

/**
 * A DNS-1123 label made from `text` (volume and port names are labels): lowercase, `.` and other
 * characters become `-`, and a text too long keeps a hash of the whole so names stay distinct.
 */
export function dnsLabel(text: string, maxLength = 63): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|-+$/g, '');
  if (cleaned.length > 0 && cleaned.length <= maxLength && cleaned === text) return cleaned;
  const suffix = fnv1a32(text);
  const head = cleaned.slice(0, maxLength - suffix.length - 1).replace(/-+$/, '');
  return head.length > 0 ? `${head}-${suffix}` : `x-${suffix}`;
}

type Plain = { [key: string]: unknown };

/**
 * Drops undefined values (in maps and lists) from plain data: the sanitize step before YAML, so
 * no object carries a key that a reader would take for `null`.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map((item) => compact(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const result: Plain = {};
    for (const [key, item] of Object.entries(value as Plain)) if (item !== undefined) result[key] = compact(item);
    return result as T;
  }
  return value;
}
