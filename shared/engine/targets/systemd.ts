import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import type { GeneratedFile } from '../bundle.js';
import type { CollectorPlan } from '../plan.js';

/** VMs and data-centre hosts: config plus a systemd unit (and an OpAMP supervisor). Paths are relative to the cluster's folder. */
export function systemdFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  void index;
  void cluster;
  void plans;
  return [];
}
