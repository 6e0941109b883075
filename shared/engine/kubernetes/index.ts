import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import { yamlFile, type GeneratedFile } from '../bundle.js';
import type { CollectorPlan } from '../plan.js';
import { configMapObject } from './config-map.js';
import { hpaObject } from './hpa.js';
import { kustomizationObject } from './kustomization.js';
import { compact, type KubernetesObject } from './meta.js';
import { namespaceObject } from './namespace.js';
import { networkPolicyObject } from './network-policy.js';
import { operatorCollectorObject } from './operator-collector.js';
import { pdbObject } from './pdb.js';
import { clusterRoleObjects, endpointSliceRoleObjects } from './rbac.js';
import { resourceQuotaObject } from './resource-quota.js';
import { serviceAccountObject } from './service-account.js';
import { externalServiceObject, headlessServiceObject, serviceObject } from './service.js';
import { podMode, workloadObject } from './workload.js';

/** Apply order: what an object refers to exists before it. */
const STAGES = [
  'namespace',
  'quota',
  'service-account',
  'rbac',
  'config',
  'service',
  'workload',
  'autoscaling',
  'disruption-budget',
  'network-policy',
] as const;
type Stage = (typeof STAGES)[number];

interface Manifest {
  readonly path: string;
  readonly object: KubernetesObject | undefined;
  readonly stage: Stage;
  /** Model element the whole file comes from: the collector, or the cluster for shared objects. */
  readonly elementId: string;
  readonly collectorId?: string;
}

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

function collectorManifests(index: TopologyIndex, cluster: Cluster, plan: CollectorPlan): Manifest[] {
  const id = plan.collector.id;
  const of = (path: string, stage: Stage, object: KubernetesObject | undefined): Manifest => ({
    path,
    object,
    stage,
    elementId: id,
    collectorId: id,
  });
  if (plan.context.mode === 'sidecar') {
    return [of(`${id}-opentelemetrycollector.yaml`, 'workload', operatorCollectorObject(cluster, plan))];
  }
  const mode = podMode(plan);
  // Knative, Lambda and systemd collectors have no manifest here; the rules report the mismatch.
  if (!mode) return [];
  const clusterRole = clusterRoleObjects(cluster, plan);
  const siteProvider = index.siteOf(cluster)?.provider;
  return [
    of(`${id}-service-account.yaml`, 'service-account', serviceAccountObject(cluster, plan)),
    of(`${id}-cluster-role.yaml`, 'rbac', clusterRole?.role),
    of(`${id}-cluster-role-binding.yaml`, 'rbac', clusterRole?.binding),
    ...endpointSliceRoleObjects(cluster, plan).flatMap(({ namespace, role, binding }) => [
      of(`${id}-endpointslices-${namespace}-role.yaml`, 'rbac', role),
      of(`${id}-endpointslices-${namespace}-role-binding.yaml`, 'rbac', binding),
    ]),
    of(`${id}-config-map.yaml`, 'config', configMapObject(cluster, plan)),
    of(`${id}-service.yaml`, 'service', serviceObject(cluster, plan)),
    // A StatefulSet's serviceName must name a headless Service, balanced over or not.
    of(`${id}-headless-service.yaml`, 'service', plan.exposure.headless || mode === 'statefulset' ? headlessServiceObject(cluster, plan) : undefined),
    of(`${id}-external-service.yaml`, 'service', plan.exposure.external ? externalServiceObject(cluster, plan, siteProvider) : undefined),
    of(`${id}-${mode}.yaml`, 'workload', workloadObject(cluster, plan, mode)),
    of(`${id}-hpa.yaml`, 'autoscaling', hpaObject(cluster, plan, mode)),
    of(`${id}-pdb.yaml`, 'disruption-budget', pdbObject(cluster, plan, mode)),
    of(`${id}-network-policy.yaml`, 'network-policy', networkPolicyObject(index, cluster, plan)),
  ];
}

/**
 * The manifests of one Kubernetes cluster (EKS, AKS, GKE, any Kubernetes): a folder that
 * `kubectl apply -k` takes as it is, one object per file. Paths are relative to the cluster's folder.
 */
export function kubernetesClusterFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  const manifests: Manifest[] = [
    { path: 'namespace.yaml', object: namespaceObject(cluster), stage: 'namespace', elementId: cluster.id },
    { path: 'resource-quota.yaml', object: resourceQuotaObject(cluster, plans), stage: 'quota', elementId: cluster.id },
    ...plans.flatMap((plan) => collectorManifests(index, cluster, plan)),
  ];
  const ordered = manifests
    .filter((manifest) => manifest.object !== undefined)
    .map((manifest, position) => ({ manifest, position }))
    .sort((a, b) => STAGES.indexOf(a.manifest.stage) - STAGES.indexOf(b.manifest.stage) || a.position - b.position)
    .map(({ manifest }) => manifest);
  const files = ordered.map((manifest) =>
    yamlFile(manifest.path, compact(manifest.object), manifest.elementId, manifest.collectorId ? { collectorId: manifest.collectorId } : {}),
  );
  files.push(yamlFile(KUSTOMIZATION_FILE, kustomizationObject(ordered.map((manifest) => manifest.path)), cluster.id));
  return files;
}
