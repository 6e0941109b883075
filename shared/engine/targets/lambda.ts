import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import type { GeneratedFile } from '../bundle.js';
import type { CollectorPlan } from '../plan.js';

/** Lambda: the layer's collector config and the function environment. Paths are relative to the cluster's folder. */
export function lambdaFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  void index;
  void cluster;
  void plans;
  return [];
}
