import { describe, expect, it } from 'vitest';
import { agentToGateway, backend, link, site, topology } from '../../shared/testing/builders.js';
import type { Diagnostic } from '../../shared/validation/diagnostic.js';
import { absolutePosition, frameAt, projectTopology } from './projection.js';

describe('projectTopology', () => {
  it('GIVEN sites, clusters and collectors THEN frames are parents, parents come first', () => {
    const { nodes } = projectTopology(agentToGateway());
    const byId = new Map(nodes.map((node) => [node.id, node]));
    expect(byId.get('eks-prod')?.parentId).toBe('aws-use1');
    expect(byId.get('agent')?.parentId).toBe('eks-prod');
    expect(byId.get('debug')?.parentId).toBeUndefined();
    for (const node of nodes) if (node.parentId) expect(nodes.indexOf(byId.get(node.parentId)!)).toBeLessThan(nodes.indexOf(node));
  });

  it('GIVEN a frame THEN it is large enough for its children', () => {
    const { nodes } = projectTopology(agentToGateway());
    const cluster = nodes.find((node) => node.id === 'eks-prod')!;
    for (const child of nodes.filter((node) => node.parentId === 'eks-prod')) {
      expect(child.position.x + child.width!).toBeLessThanOrEqual(cluster.width!);
      expect(child.position.y + child.height!).toBeLessThanOrEqual(cluster.height!);
    }
  });

  it('GIVEN a stored placement THEN it is used', () => {
    const { nodes } = projectTopology({ ...agentToGateway(), layout: { debug: { x: 900, y: 30 } } });
    expect(nodes.find((node) => node.id === 'debug')?.position).toStrictEqual({ x: 900, y: 30 });
  });

  it('GIVEN flows and links THEN they are edges with signals and link types as labels', () => {
    const { edges } = projectTopology(topology([...agentToGateway().elements, site('b'), link('a-b', 'aws-use1', 'b')]));
    expect(edges.find((edge) => edge.id === 'agent-to-gateway')).toMatchObject({ source: 'agent', target: 'gateway', label: 'traces' });
    expect(edges.find((edge) => edge.id === 'a-b')).toMatchObject({ source: 'aws-use1', target: 'b', label: 'vpn-ipsec', className: 'link-edge link-vpn-ipsec' });
  });

  it('GIVEN diagnostics THEN nodes carry the worst severity and the count', () => {
    const diagnostics: Diagnostic[] = [
      { ruleId: 'a', severity: 'warning', message: 'w', elementIds: ['gateway'] },
      { ruleId: 'b', severity: 'error', message: 'e', elementIds: ['gateway', 'agent'] },
    ];
    const { nodes } = projectTopology(agentToGateway(), diagnostics, new Set(['gateway']));
    expect(nodes.find((node) => node.id === 'gateway')?.data).toMatchObject({ severity: 'error', problemCount: 2 });
    expect(nodes.find((node) => node.id === 'gateway')?.selected).toBe(true);
  });

  it('GIVEN a point inside a cluster THEN frameAt finds the cluster and its site', () => {
    const { nodes } = projectTopology(topology([...agentToGateway().elements, backend('other', { type: 'debug' })]));
    const at = absolutePosition(nodes, 'agent');
    const point = { x: at.x + 5, y: at.y + 5 };
    expect(frameAt(nodes, point, 'cluster')?.id).toBe('eks-prod');
    expect(frameAt(nodes, point, 'site')?.id).toBe('aws-use1');
    expect(frameAt(nodes, { x: -500, y: -500 }, 'site')).toBeUndefined();
  });
});
