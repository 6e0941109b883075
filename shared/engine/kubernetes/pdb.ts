import type { Cluster } from '../../model/cluster.js';
import { resolvedReplicas } from '../../graph/topology-index.js';
import { selectorLabels } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';
import { collectorMeta, type KubernetesObject } from './meta.js';
import type { PodMode } from './workload.js';

/**
 * Keeps node drains from taking more than one replica at a time. Only for workloads that can
 * have more than one replica: with one, a budget would block drains for good. DaemonSets are
 * not evicted by drains, so they get none.
 */
export function pdbObject(cluster: Cluster, plan: CollectorPlan, mode: PodMode): KubernetesObject | undefined {
  if (mode === 'daemonset') return undefined;
  if (!plan.collector.autoscaling && resolvedReplicas(plan.collector) <= 1) return undefined;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: collectorMeta(plan, plan.collector.id, cluster.namespace),
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(plan.collector.id) } },
  };
}
