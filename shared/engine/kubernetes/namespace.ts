import type { Cluster } from '../../model/cluster.js';
import { clusterLabels, type KubernetesObject } from './meta.js';

/** The namespace the cluster's collectors run in. */
export function namespaceObject(cluster: Cluster): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: cluster.namespace, labels: clusterLabels() },
  };
}
