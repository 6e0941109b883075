import type { TopologyIndex } from '../graph/topology-index.js';
import type { Cluster } from '../model/cluster.js';

/**
 * Clusters in the order to deploy them: a cluster whose collectors receive from another
 * cluster comes first, so senders find their targets up. Cycles fall back to model order.
 */
export function clusterApplyOrder(index: TopologyIndex): Cluster[] {
  const dependsOn = new Map<string, Set<string>>();
  for (const cluster of index.clusters) dependsOn.set(cluster.id, new Set());
  for (const flow of index.flows) {
    const source = index.collector(flow.from);
    const target = index.collector(flow.to);
    if (source && target && source.cluster !== target.cluster) dependsOn.get(source.cluster)?.add(target.cluster);
  }
  const ordered: Cluster[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (cluster: Cluster) => {
    if (state.get(cluster.id)) return;
    state.set(cluster.id, 'visiting');
    for (const dependency of dependsOn.get(cluster.id) ?? []) {
      const target = index.clusters.find((candidate) => candidate.id === dependency);
      if (target && state.get(target.id) !== 'visiting') visit(target);
    }
    state.set(cluster.id, 'done');
    ordered.push(cluster);
  };
  for (const cluster of index.clusters) visit(cluster);
  return ordered;
}
