import type { Cluster } from '../../model/cluster.js';
import type { CollectorPlan } from '../plan.js';
import { collectorMeta, type KubernetesObject } from './meta.js';
import type { PodMode } from './workload.js';

/** A CPU-driven HorizontalPodAutoscaler for a Deployment or StatefulSet with autoscaling. */
export function hpaObject(cluster: Cluster, plan: CollectorPlan, mode: PodMode): KubernetesObject | undefined {
  const autoscaling = plan.collector.autoscaling;
  if (!autoscaling || mode === 'daemonset') return undefined;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: collectorMeta(plan, plan.collector.id, cluster.namespace),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: mode === 'deployment' ? 'Deployment' : 'StatefulSet', name: plan.collector.id },
      minReplicas: autoscaling.minReplicas,
      maxReplicas: autoscaling.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: autoscaling.targetCpuUtilization } },
        },
      ],
    },
  };
}
