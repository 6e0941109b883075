import type { Cluster } from '../../model/cluster.js';
import { resolvedReplicas } from '../../graph/topology-index.js';
import { headlessServiceName, selectorLabels } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';
import { collectorMeta, type KubernetesObject } from './meta.js';
import { FILE_STORAGE_VOLUME, podTemplate } from './pod.js';

/** Size of a StatefulSet's persistent-queue claim; the model has no field for it yet. */
export const FILE_STORAGE_CLAIM_SIZE = '1Gi';

export type PodMode = 'daemonset' | 'deployment' | 'statefulset';

export function podMode(plan: CollectorPlan): PodMode | undefined {
  const mode = plan.context.mode;
  return mode === 'daemonset' || mode === 'deployment' || mode === 'statefulset' ? mode : undefined;
}

/**
 * Replicas to write, or none: with an HPA the autoscaler owns the count, and a `replicas` in the
 * manifest would reset it on every apply (the Kubernetes HPA docs say to leave it out).
 */
function replicasField(plan: CollectorPlan): { replicas?: number } {
  return plan.collector.autoscaling ? {} : { replicas: resolvedReplicas(plan.collector) };
}

/** The DaemonSet, Deployment or StatefulSet that runs the collector. */
export function workloadObject(cluster: Cluster, plan: CollectorPlan, mode: PodMode): KubernetesObject {
  const metadata = collectorMeta(plan, plan.collector.id, cluster.namespace);
  const selector = { matchLabels: selectorLabels(plan.collector.id) };
  const template = podTemplate(plan, cluster);
  switch (mode) {
    case 'daemonset':
      return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata, spec: { selector, template } };
    case 'deployment':
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: {
          ...replicasField(plan),
          selector,
          // One extra pod at a time and none taken away early: the ResourceQuota sizes for one surge pod.
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          template,
        },
      };
    case 'statefulset':
      return {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata,
        spec: {
          ...replicasField(plan),
          serviceName: headlessServiceName(plan.collector.id),
          // Collectors do not need to start one after another.
          podManagementPolicy: 'Parallel',
          selector,
          template,
          ...(plan.fileStorage
            ? {
                volumeClaimTemplates: [
                  {
                    metadata: { name: FILE_STORAGE_VOLUME },
                    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: FILE_STORAGE_CLAIM_SIZE } } },
                  },
                ],
              }
            : {}),
        },
      };
  }
}
