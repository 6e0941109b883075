import type { Cluster } from '../../model/cluster.js';
import { CONFIG_FILE_NAME, configMapName } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';
import { collectorMeta, type KubernetesObject } from './meta.js';

/** The collector's config file, mounted at CONFIG_DIRECTORY. */
export function configMapObject(cluster: Cluster, plan: CollectorPlan): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: collectorMeta(plan, configMapName(plan.collector.id), cluster.namespace),
    data: { [CONFIG_FILE_NAME]: plan.configText },
  };
}
