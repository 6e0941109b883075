import type { Cluster } from '../../model/cluster.js';
import type { CollectorPlan } from '../plan.js';
import { clusterScopedName, collectorMeta, objectLabels, type KubernetesObject } from './meta.js';

export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

const READ = ['get', 'list', 'watch'];

/** k8s_attributes: pod metadata, plus replicasets to name a pod's Deployment (contrib README). */
const POD_METADATA_RULES: readonly PolicyRule[] = [
  { apiGroups: [''], resources: ['pods', 'namespaces', 'nodes'], verbs: READ },
  { apiGroups: ['apps'], resources: ['replicasets'], verbs: READ },
];

/** kubelet_stats with `auth_type: serviceAccount`: the kubelet's stats and proxy endpoints. */
const NODE_STATS_RULES: readonly PolicyRule[] = [{ apiGroups: [''], resources: ['nodes/stats', 'nodes/proxy'], verbs: ['get'] }];

/** k8s_cluster: what the receiver's README grants (it watches most workload kinds). */
const CLUSTER_METRICS_RULES: readonly PolicyRule[] = [
  {
    apiGroups: [''],
    resources: [
      'events',
      'namespaces',
      'namespaces/status',
      'nodes',
      'nodes/spec',
      'pods',
      'pods/status',
      'replicationcontrollers',
      'replicationcontrollers/status',
      'resourcequotas',
      'services',
    ],
    verbs: READ,
  },
  { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], verbs: READ },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
];

/**
 * load_balancing with the k8s resolver watches the target Service's EndpointSlices (contrib
 * moved from Endpoints to EndpointSlices around v0.140).
 */
const ENDPOINT_SLICE_RULES: readonly PolicyRule[] = [
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
];

/** Rules with the same API group and verbs merged into one, resources in first-seen order. */
export function mergeRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const merged = new Map<string, { apiGroups: readonly string[]; resources: string[]; verbs: readonly string[] }>();
  for (const rule of rules) {
    const key = JSON.stringify([rule.apiGroups, rule.verbs]);
    const existing = merged.get(key);
    if (!existing) merged.set(key, { apiGroups: rule.apiGroups, resources: [...rule.resources], verbs: rule.verbs });
    else for (const resource of rule.resources) if (!existing.resources.includes(resource)) existing.resources.push(resource);
  }
  return [...merged.values()];
}

/** What the collector's components need to read cluster-wide. */
export function clusterRules(plan: CollectorPlan): PolicyRule[] {
  return mergeRules([
    ...(plan.rbac.podMetadata ? POD_METADATA_RULES : []),
    ...(plan.rbac.nodeStats ? NODE_STATS_RULES : []),
    ...(plan.rbac.clusterMetrics ? CLUSTER_METRICS_RULES : []),
  ]);
}

function serviceAccountSubject(cluster: Cluster, plan: CollectorPlan) {
  return { kind: 'ServiceAccount', name: plan.collector.id, namespace: cluster.namespace };
}

/** ClusterRole and ClusterRoleBinding for the collector, or none when it reads nothing cluster-wide. */
export function clusterRoleObjects(cluster: Cluster, plan: CollectorPlan): { role: KubernetesObject; binding: KubernetesObject } | undefined {
  const rules = clusterRules(plan);
  if (rules.length === 0) return undefined;
  const name = clusterScopedName(cluster.namespace, plan.collector.id);
  const metadata = { name, labels: objectLabels(plan) };
  return {
    role: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata, rules },
    binding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [serviceAccountSubject(cluster, plan)],
    },
  };
}

export const endpointSliceRoleName = (collectorId: string) => `${collectorId}-endpointslices`;

/** A Role and RoleBinding per namespace whose EndpointSlices the collector's load balancer watches. */
export function endpointSliceRoleObjects(
  cluster: Cluster,
  plan: CollectorPlan,
): Array<{ namespace: string; role: KubernetesObject; binding: KubernetesObject }> {
  return plan.rbac.endpointSliceNamespaces.map((namespace) => {
    const name = endpointSliceRoleName(plan.collector.id);
    const metadata = collectorMeta(plan, name, namespace);
    return {
      namespace,
      role: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata, rules: mergeRules(ENDPOINT_SLICE_RULES) },
      binding: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata,
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [serviceAccountSubject(cluster, plan)],
      },
    };
  });
}
