import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import type { GeneratedFile } from '../bundle.js';
import type { CollectorPlan } from '../plan.js';

/**
 * The manifests of one Kubernetes cluster (EKS, AKS, GKE, any Kubernetes): a folder that
 * `kubectl apply -k` takes as it is. Paths are relative to the cluster's folder.
 */
export function kubernetesClusterFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  void index;
  void cluster;
  void plans;
  return [];
}
