import type { Cluster } from '../../model/cluster.js';
import type { Resources } from '../../model/common.js';
import { resolvedReplicas } from '../../graph/topology-index.js';
import type { CollectorPlan } from '../plan.js';
import { formatMemory, parseCpu, parseMemory } from '../quantities.js';
import { clusterLabels, type KubernetesObject } from './meta.js';
import { podMode } from './workload.js';

/** Auto quotas round up to these steps, so a quota reads `1500m` / `2560Mi`, not `1337m`. */
const CPU_STEP_MILLIS = 100;
const MEMORY_STEP_BYTES = 256 * 1024 ** 2;

/**
 * Pods a collector can have at once: one per node for a DaemonSet (it does not surge), otherwise
 * its most replicas plus the one surge pod of a rolling update.
 */
export function quotaPods(plan: CollectorPlan, cluster: Cluster): number {
  if (plan.context.mode === 'daemonset') return cluster.expectedNodes;
  return (plan.collector.autoscaling?.maxReplicas ?? resolvedReplicas(plan.collector)) + 1;
}

type QuotaKey = 'requests.cpu' | 'requests.memory' | 'limits.cpu' | 'limits.memory';

/** Whole millicores: summing fractions of cores in floating point gives `301m` for 3 × 100m. */
const millicores = (text: string | undefined) => {
  const cores = text === undefined ? undefined : parseCpu(text);
  return cores === undefined ? undefined : Math.round(cores * 1000);
};
const bytes = (text: string | undefined) => {
  const value = text === undefined ? undefined : parseMemory(text);
  return value === undefined ? undefined : Math.ceil(value);
};
const formatMillicores = (millis: number) => (millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`);

const QUOTA_KEYS: ReadonlyArray<{ key: QuotaKey; read: (resources: Resources) => number | undefined; step: number; format: (value: number) => string }> = [
  { key: 'requests.cpu', read: (r) => millicores(r.requests.cpu), step: CPU_STEP_MILLIS, format: formatMillicores },
  { key: 'requests.memory', read: (r) => bytes(r.requests.memory), step: MEMORY_STEP_BYTES, format: formatMemory },
  { key: 'limits.cpu', read: (r) => millicores(r.limits.cpu), step: CPU_STEP_MILLIS, format: formatMillicores },
  { key: 'limits.memory', read: (r) => bytes(r.limits.memory), step: MEMORY_STEP_BYTES, format: formatMemory },
];

/** Rounds a whole number of units up to a whole number of steps. */
const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;

/**
 * `hard` of an `auto` quota: the sum over the namespace's pods. A resource some collector leaves
 * unset is left out, since a quota on it would turn that collector's pods away.
 */
export function autoQuotaHard(cluster: Cluster, plans: readonly CollectorPlan[]): Record<string, string> | undefined {
  const counted = plans.filter((plan) => podMode(plan) !== undefined);
  if (counted.length === 0) return undefined;
  const hard: Record<string, string> = {};
  for (const { key, read, step, format } of QUOTA_KEYS) {
    let total = 0;
    let complete = true;
    for (const plan of counted) {
      const value = read(plan.collector.resources);
      if (value === undefined) complete = false;
      else total += value * quotaPods(plan, cluster);
    }
    if (complete) hard[key] = format(roundUp(total, step));
  }
  hard.pods = String(counted.reduce((sum, plan) => sum + quotaPods(plan, cluster), 0));
  return hard;
}

export const RESOURCE_QUOTA_NAME = 'otel-collectors';

/** The namespace's ResourceQuota: sized from the collectors (`auto`), as written, or none. */
export function resourceQuotaObject(cluster: Cluster, plans: readonly CollectorPlan[]): KubernetesObject | undefined {
  const setting = cluster.resourceQuota;
  if (setting === 'none') return undefined;
  const hard =
    setting === 'auto'
      ? autoQuotaHard(cluster, plans)
      : {
          'requests.cpu': setting.requestsCpu,
          'requests.memory': setting.requestsMemory,
          'limits.cpu': setting.limitsCpu,
          'limits.memory': setting.limitsMemory,
          ...(setting.pods !== undefined ? { pods: String(setting.pods) } : {}),
        };
  if (!hard) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: RESOURCE_QUOTA_NAME, namespace: cluster.namespace, labels: clusterLabels() },
    spec: { hard },
  };
}
