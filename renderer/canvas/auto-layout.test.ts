import { describe, expect, it } from 'vitest';
import { agent, backend, cluster, flow, gateway, site, topology } from '../../shared/testing/builders.js';
import { applyLayout, computeAutoLayout, elkGraph } from './auto-layout.js';
import { projectTopology } from './projection.js';

/** Two sites: agents in one send to a gateway in the other, which exports to a backend. */
function twoSites() {
  return topology([
    site('aws'),
    site('gcp', { provider: 'gcp', region: 'us-central1' }),
    cluster('eks', 'aws'),
    cluster('gke', 'gcp', { platform: 'gke' }),
    cluster('empty', 'gcp', { platform: 'gke' }),
    agent('agent-a', 'eks'),
    agent('agent-b', 'eks'),
    gateway('gw', 'gke'),
    backend('tempo', { type: 'debug', site: 'gcp' }),
    backend('outside'),
    flow('a-to-gw', 'agent-a', 'gw'),
    flow('b-to-gw', 'agent-b', 'gw'),
    flow('gw-to-tempo', 'gw', 'tempo'),
    flow('gw-to-outside', 'gw', 'outside'),
  ]);
}

describe('elkGraph', () => {
  it('GIVEN sites, clusters and collectors THEN they nest as compound nodes, flows are root edges', () => {
    const graph = elkGraph(twoSites());
    expect(graph.children!.map((child) => child.id)).toStrictEqual(['aws', 'gcp', 'outside']);
    const gcp = graph.children!.find((child) => child.id === 'gcp')!;
    expect(gcp.children!.map((child) => child.id)).toStrictEqual(['gke', 'empty', 'tempo']);
    expect(gcp.children!.find((child) => child.id === 'gke')!.children!.map((child) => child.id)).toStrictEqual(['gw']);
    expect(graph.edges!.map((edge) => [edge.sources[0], edge.targets[0]])).toStrictEqual([
      ['agent-a', 'gw'],
      ['agent-b', 'gw'],
      ['gw', 'tempo'],
      ['gw', 'outside'],
    ]);
  });
});

describe('computeAutoLayout', () => {
  it('GIVEN a topology WHEN laid out THEN every child lies inside its parent frame as drawn, and flows go left to right', async () => {
    const model = twoSites();
    const laidOut = applyLayout(model, await computeAutoLayout(model));
    const { nodes } = projectTopology(laidOut);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    expect(Object.keys(laidOut.layout).sort()).toStrictEqual(['agent-a', 'agent-b', 'aws', 'eks', 'empty', 'gcp', 'gke', 'gw', 'outside', 'tempo']);
    for (const node of nodes) {
      if (!node.parentId) continue;
      const parent = byId.get(node.parentId)!;
      expect(node.position.x, node.id).toBeGreaterThanOrEqual(0);
      expect(node.position.y, node.id).toBeGreaterThanOrEqual(0);
      expect(node.position.x + node.width!, node.id).toBeLessThanOrEqual(parent.width!);
      expect(node.position.y + node.height!, node.id).toBeLessThanOrEqual(parent.height!);
    }
    // The frames ELK sized are the frames the canvas draws: nothing is grown past the layout.
    const aws = laidOut.layout.aws!;
    const gcp = laidOut.layout.gcp!;
    expect(aws.x + byId.get('aws')!.width!).toBeLessThanOrEqual(gcp.x);
    expect(laidOut.layout['agent-a']!.x).toBe(laidOut.layout['agent-b']!.x);
    // Siblings do not overlap.
    const agentA = laidOut.layout['agent-a']!;
    const agentB = laidOut.layout['agent-b']!;
    expect(Math.abs(agentA.y - agentB.y)).toBeGreaterThanOrEqual(byId.get('agent-a')!.height!);
  });

  it('GIVEN the same topology twice THEN the layout is the same (deterministic)', async () => {
    const first = await computeAutoLayout(twoSites());
    const second = await computeAutoLayout(twoSites());
    expect(second).toStrictEqual(first);
  });
});

describe('applyLayout', () => {
  it('GIVEN a layout THEN it replaces the stored placements of laid-out elements only', () => {
    const model = { ...twoSites(), layout: { gw: { x: 1, y: 2, width: 400, height: 100 }, ghost: { x: 5, y: 5 } } };
    const next = applyLayout(model, { gw: { x: 10, y: 20 }, unknown: { x: 0, y: 0 } });
    expect(next.layout).toStrictEqual({ gw: { x: 10, y: 20 }, ghost: { x: 5, y: 5 } });
    expect(next.elements).toBe(model.elements);
  });
});
