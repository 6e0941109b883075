import { describe, expect, it } from 'vitest';
import { agent, backend, cluster, flow, gateway, site, topology, planFor } from '../../testing/builders.js';
import { clusterRoleObjects, endpointSliceRoleObjects, mergeRules } from './rbac.js';

const eks = cluster('eks', 'aws', { namespace: 'obs' });
const labels = (id: string, role: string) => ({
  'app.kubernetes.io/name': 'opentelemetry-collector',
  'app.kubernetes.io/instance': id,
  'app.kubernetes.io/part-of': 'otel-topology',
  'app.kubernetes.io/managed-by': 'otel-topology-designer',
  'app.kubernetes.io/component': role,
});

describe('clusterRoleObjects', () => {
  it('GIVEN k8s_attributes WHEN generated THEN a ClusterRole reads pods, namespaces, nodes and replicasets, bound to the collector', () => {
    const model = topology([
      site('aws'),
      eks,
      agent('agent', 'eks', { processors: [{ type: 'memory_limiter' }, { type: 'k8s_attributes' }, { type: 'batch' }] }),
    ]);
    const metadata = { name: 'otel-obs-agent', labels: labels('agent', 'agent') };
    expect(clusterRoleObjects(eks, planFor(model, 'agent'))).toStrictEqual({
      role: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata,
        rules: [
          { apiGroups: [''], resources: ['pods', 'namespaces', 'nodes'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get', 'list', 'watch'] },
        ],
      },
      binding: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata,
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'otel-obs-agent' },
        subjects: [{ kind: 'ServiceAccount', name: 'agent', namespace: 'obs' }],
      },
    });
  });

  it('GIVEN kubelet_stats WHEN generated THEN the role may get nodes/stats and nodes/proxy', () => {
    const model = topology([site('aws'), eks, agent('agent', 'eks', { receivers: [{ type: 'kubelet_stats' }] })]);
    expect(clusterRoleObjects(eks, planFor(model, 'agent'))?.role.rules).toStrictEqual([
      { apiGroups: [''], resources: ['nodes/stats', 'nodes/proxy'], verbs: ['get'] },
    ]);
  });

  it('GIVEN k8s_cluster and k8s_attributes WHEN generated THEN their rules merge without repeats', () => {
    const model = topology([
      site('aws'),
      eks,
      gateway('cm', 'eks', { receivers: [{ type: 'k8s_cluster' }], processors: [{ type: 'k8s_attributes' }] }),
    ]);
    const rules = clusterRoleObjects(eks, planFor(model, 'cm'))!.role.rules as Array<{ apiGroups: string[]; resources: string[] }>;
    const core = rules.find((rule) => rule.apiGroups[0] === '')!;
    expect(core.resources.filter((resource) => resource === 'pods')).toHaveLength(1);
    expect(core.resources).toContain('resourcequotas');
    expect(rules.map((rule) => rule.apiGroups[0])).toStrictEqual(['', 'apps', 'batch', 'autoscaling']);
  });

  it('GIVEN a collector that reads nothing from the API WHEN generated THEN there is no ClusterRole', () => {
    expect(clusterRoleObjects(eks, planFor(topology([site('aws'), eks, agent('agent', 'eks')]), 'agent'))).toBeUndefined();
  });
});

describe('endpointSliceRoleObjects', () => {
  it('GIVEN load balancing with the k8s resolver WHEN generated THEN a Role reads EndpointSlices in the target namespace', () => {
    const model = topology([
      site('aws'),
      eks,
      gateway('lb', 'eks'),
      gateway('sampler', 'eks'),
      backend('debug'),
      flow('lb-to-sampler', 'lb', 'sampler', { balancing: { resolver: 'k8s', routingKey: 'traceID' } }),
      flow('out', 'sampler', 'debug'),
    ]);
    const metadata = { name: 'lb-endpointslices', namespace: 'obs', labels: labels('lb', 'gateway') };
    expect(endpointSliceRoleObjects(eks, planFor(model, 'lb'))).toStrictEqual([
      {
        namespace: 'obs',
        role: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata,
          rules: [{ apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] }],
        },
        binding: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata,
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lb-endpointslices' },
          subjects: [{ kind: 'ServiceAccount', name: 'lb', namespace: 'obs' }],
        },
      },
    ]);
    expect(endpointSliceRoleObjects(eks, planFor(model, 'sampler'))).toStrictEqual([]);
  });
});

describe('mergeRules', () => {
  it('GIVEN rules of the same group and verbs WHEN merged THEN resources are united in first-seen order', () => {
    expect(
      mergeRules([
        { apiGroups: [''], resources: ['pods', 'nodes'], verbs: ['get'] },
        { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get'] },
        { apiGroups: [''], resources: ['nodes', 'services'], verbs: ['get'] },
      ]),
    ).toStrictEqual([
      { apiGroups: [''], resources: ['pods', 'nodes', 'services'], verbs: ['get'] },
      { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get'] },
    ]);
  });
});
