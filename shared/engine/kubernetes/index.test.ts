import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import { agent, agentToGateway, cluster, gateway, site, topology } from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { kubernetesClusterFiles } from './index.js';

function filesOf(model: ReturnType<typeof topology>, clusterId: string) {
  const index = indexTopology(model);
  const target = index.clusters.find((candidate) => candidate.id === clusterId)!;
  return kubernetesClusterFiles(index, target, index.collectorsIn(clusterId).map((collector) => planCollector(index, collector)));
}

describe('kubernetesClusterFiles', () => {
  it('GIVEN an agent and a gateway WHEN generated THEN the folder holds one file per object and a kustomization in apply order', () => {
    const files = filesOf(agentToGateway(), 'eks-prod');
    const kustomization = files.find((file) => file.path === 'kustomization.yaml')!;
    expect(kustomization.content).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - namespace.yaml',
        '  - resource-quota.yaml',
        '  - agent-service-account.yaml',
        '  - gateway-service-account.yaml',
        '  - agent-config-map.yaml',
        '  - gateway-config-map.yaml',
        '  - agent-service.yaml',
        '  - gateway-service.yaml',
        '  - gateway-headless-service.yaml',
        '  - agent-daemonset.yaml',
        '  - gateway-deployment.yaml',
        '  - gateway-pdb.yaml',
        '  - agent-network-policy.yaml',
        '  - gateway-network-policy.yaml',
        '',
      ].join('\n'),
    );
    expect(files.map((file) => file.path).sort()).toStrictEqual([...kustomization.content.matchAll(/- (.+)\n/g)].map((match) => match[1]).concat('kustomization.yaml').sort());
  });

  it('GIVEN the files WHEN read THEN each maps its lines to the collector or the cluster', () => {
    const files = filesOf(agentToGateway(), 'eks-prod');
    const deployment = files.find((file) => file.path === 'gateway-deployment.yaml')!;
    expect(deployment.collectorId).toBe('gateway');
    expect(deployment.regions[0]).toStrictEqual({ elementId: 'gateway', path: [], startLine: 1, endLine: deployment.content.split('\n').length - 1 });
    expect(deployment.content.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n')).toBe(true);
    const namespace = files.find((file) => file.path === 'namespace.yaml')!;
    expect(namespace.regions[0]!.elementId).toBe('eks-prod');
    expect(namespace.collectorId).toBeUndefined();
  });

  it('GIVEN collectors with node metadata and a VM-mode collector WHEN generated THEN RBAC files appear and the VM one gets nothing', () => {
    const model = topology([
      site('aws'),
      cluster('eks', 'aws'),
      agent('agent', 'eks', { receivers: [{ type: 'kubelet_stats' }] }),
      gateway('odd', 'eks', { mode: 'systemd' }),
    ]);
    const paths = filesOf(model, 'eks').map((file) => file.path);
    expect(paths).toContain('agent-cluster-role.yaml');
    expect(paths).toContain('agent-cluster-role-binding.yaml');
    expect(paths.filter((path) => path.startsWith('odd-'))).toStrictEqual([]);
  });
});
