import type { Cluster } from '../../model/cluster.js';
import type { CollectorPlan } from '../plan.js';
import { collectorMeta, type KubernetesObject } from './meta.js';
import { collectorVolumes, containerEnv, containerResources, containerSecurityContext } from './pod.js';

/**
 * A sidecar collector: the OpenTelemetry Operator injects it into application pods annotated
 * `sidecar.opentelemetry.io/inject: "<namespace>/<name>"` (any namespace since operator #1395).
 * The config goes inline as an object (v1beta1); the pod is the application's, so there is no
 * ServiceAccount, Service or ConfigMap of its own.
 */
export function operatorCollectorObject(cluster: Cluster, plan: CollectorPlan): KubernetesObject {
  const { volumes, mounts } = collectorVolumes(plan, cluster, { config: false });
  const resources = containerResources(plan.collector.resources);
  return {
    apiVersion: 'opentelemetry.io/v1beta1',
    kind: 'OpenTelemetryCollector',
    metadata: collectorMeta(plan, plan.collector.id, cluster.namespace),
    spec: {
      mode: 'sidecar',
      image: plan.image,
      config: plan.config,
      ...(Object.keys(resources).length > 0 ? { resources } : {}),
      ...(plan.env.length > 0 ? { env: containerEnv(plan.env) } : {}),
      securityContext: containerSecurityContext(plan),
      ...(volumes.length > 0 ? { volumes } : {}),
      ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
    },
  };
}
