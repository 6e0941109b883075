import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import { agent, cluster, gateway, site, topology } from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { resourceQuotaObject } from './resource-quota.js';

function plansFor(target: Cluster, collectors: ReturnType<typeof agent>[]) {
  const index = indexTopology(topology([site('aws'), target, ...collectors]));
  return index.collectors.map((collector) => planCollector(index, collector));
}

describe('resourceQuotaObject', () => {
  it('GIVEN auto, an agent on 4 nodes and a gateway scaling to 5 WHEN generated THEN the quota sums 10 pods, rounded up', () => {
    const eks = cluster('eks', 'aws', { expectedNodes: 4 });
    const plans = plansFor(eks, [
      agent('agent', 'eks', { resources: { requests: { cpu: '50m', memory: '100Mi' }, limits: { cpu: '250m', memory: '200Mi' } } }),
      gateway('gw', 'eks', {
        autoscaling: { minReplicas: 2, maxReplicas: 5 },
        resources: { requests: { cpu: '300m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      }),
    ]);
    // requests.cpu 4 × 50m + 6 × 300m = 2000m; requests.memory 4 × 100Mi + 6 × 512Mi = 3472Mi → 3584Mi;
    // limits.memory 4 × 200Mi + 6 × 1Gi = 6944Mi → 7168Mi (7Gi), in steps of 256Mi.
    expect(resourceQuotaObject(eks, plans)).toStrictEqual({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {
        name: 'otel-collectors',
        namespace: 'observability',
        labels: { 'app.kubernetes.io/part-of': 'otel-topology', 'app.kubernetes.io/managed-by': 'otel-topology-designer' },
      },
      spec: { hard: { 'requests.cpu': '2', 'requests.memory': '3584Mi', 'limits.cpu': '7', 'limits.memory': '7Gi', pods: '10' } },
    });
  });

  it('GIVEN three pods of 100m WHEN summed THEN the quota is 300m, not 301m', () => {
    const eks = cluster('eks', 'aws');
    const hard = (resourceQuotaObject(eks, plansFor(eks, [gateway('gw', 'eks', { replicas: 2 })]))?.spec as { hard: Record<string, string> }).hard;
    expect(hard['requests.cpu']).toBe('300m');
  });

  it('GIVEN a collector without a memory limit WHEN sized THEN the quota leaves limits.memory out rather than reject its pods', () => {
    const eks = cluster('eks', 'aws');
    const plans = plansFor(eks, [gateway('gw', 'eks', { replicas: 1, resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1' } } })]);
    expect(resourceQuotaObject(eks, plans)?.spec).toStrictEqual({
      hard: { 'requests.cpu': '200m', 'requests.memory': '256Mi', 'limits.cpu': '2', pods: '2' },
    });
  });

  it('GIVEN explicit values WHEN generated THEN the quota says exactly those', () => {
    const eks = cluster('eks', 'aws', { resourceQuota: { requestsCpu: '2', requestsMemory: '4Gi', limitsCpu: '4', limitsMemory: '8Gi' } });
    expect(resourceQuotaObject(eks, plansFor(eks, [agent('agent', 'eks')]))?.spec).toStrictEqual({
      hard: { 'requests.cpu': '2', 'requests.memory': '4Gi', 'limits.cpu': '4', 'limits.memory': '8Gi' },
    });
  });

  it('GIVEN none, or only sidecars with auto WHEN generated THEN there is no quota', () => {
    const none = cluster('eks', 'aws', { resourceQuota: 'none' });
    expect(resourceQuotaObject(none, plansFor(none, [agent('agent', 'eks')]))).toBeUndefined();
    const auto = cluster('eks', 'aws');
    expect(resourceQuotaObject(auto, plansFor(auto, [agent('sidecar', 'eks', { mode: 'sidecar' })]))).toBeUndefined();
  });
});
