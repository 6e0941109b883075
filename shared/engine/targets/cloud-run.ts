import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import type { GeneratedFile } from '../bundle.js';
import type { CollectorPlan } from '../plan.js';

/** Cloud Run: a Knative Service per collector. Paths are relative to the cluster's folder. */
export function cloudRunFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  void index;
  void cluster;
  void plans;
  return [];
}
