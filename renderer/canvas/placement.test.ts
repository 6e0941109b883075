import { describe, expect, it } from 'vitest';
import { agent, backend, cluster, site, topology } from '../../shared/testing/builders.js';
import { absolutePosition, projectTopology, type ElementNode } from './projection.js';
import { applyDrag, dragOutcomes, dropPlacement, pastePlacement, selectedFrame } from './placement.js';

/** Two sites side by side (aws at 0,0; gcp at 1000,0), a cluster in each, an agent in eks. */
function model() {
  return topology(
    [
      site('aws'),
      site('gcp', { provider: 'gcp', region: 'us-central1' }),
      cluster('eks', 'aws'),
      cluster('gke', 'gcp', { platform: 'gke' }),
      agent('agent', 'eks'),
      backend('tempo', { type: 'debug', site: 'aws' }),
    ],
    { layout: { aws: { x: 0, y: 0 }, gcp: { x: 1000, y: 0 }, eks: { x: 20, y: 40 }, gke: { x: 20, y: 40 }, agent: { x: 20, y: 40 }, tempo: { x: 300, y: 40 } } },
  );
}

/** The canvas nodes with `id` dragged to `position` (relative to its current parent). */
function dragged(id: string, position: { x: number; y: number }): ElementNode[] {
  return projectTopology(model()).nodes.map((node) => (node.id === id ? { ...node, position } : node));
}

describe('dragOutcomes', () => {
  it('GIVEN a collector moved inside its own cluster THEN it is a plain move', () => {
    const nodes = dragged('agent', { x: 30, y: 50 });
    expect(dragOutcomes(nodes, ['agent'], { x: 80, y: 100 })).toStrictEqual([{ kind: 'move', id: 'agent', position: { x: 30, y: 50 } }]);
  });

  it('GIVEN a cluster dropped on another site THEN its site changes and its position becomes relative to that site', () => {
    // eks sits in aws at (20, 40); dragged 1000 to the right it is over gcp (at 1000, 0).
    const nodes = dragged('eks', { x: 1020, y: 60 });
    const [outcome] = dragOutcomes(nodes, ['eks'], { x: 1100, y: 90 });
    expect(outcome).toStrictEqual({ kind: 'reparent', id: 'eks', field: 'site', parentId: 'gcp', position: { x: 20, y: 60 } });
  });

  it('GIVEN a collector dropped on a cluster of another site THEN its cluster changes', () => {
    const gke = absolutePosition(projectTopology(model()).nodes, 'gke');
    const eks = absolutePosition(projectTopology(model()).nodes, 'eks');
    const nodes = dragged('agent', { x: gke.x - eks.x + 30, y: gke.y - eks.y + 45 });
    const [outcome] = dragOutcomes(nodes, ['agent'], { x: gke.x + 40, y: gke.y + 50 });
    expect(outcome).toStrictEqual({ kind: 'reparent', id: 'agent', field: 'cluster', parentId: 'gke', position: { x: 30, y: 45 } });
  });

  it('GIVEN a cluster dropped outside every site THEN it is refused', () => {
    const nodes = dragged('eks', { x: 20, y: 2000 });
    expect(dragOutcomes(nodes, ['eks'], { x: 100, y: 2050 })).toStrictEqual([{ kind: 'reject', id: 'eks', reason: 'A cluster belongs in a site: drop it inside one.' }]);
  });

  it('GIVEN a backend dragged out of its site THEN it leaves the site, at its canvas position', () => {
    const nodes = dragged('tempo', { x: 300, y: 2000 });
    expect(dragOutcomes(nodes, ['tempo'], { x: 350, y: 2020 })).toStrictEqual([{ kind: 'reparent', id: 'tempo', field: 'site', parentId: undefined, position: { x: 300, y: 2000 } }]);
  });

  it('GIVEN a frame dragged with what is inside it THEN the children only move', () => {
    const nodes = dragged('eks', { x: 40, y: 60 });
    const outcomes = dragOutcomes(nodes, ['eks', 'agent'], { x: 100, y: 100 });
    expect(outcomes.map((outcome) => outcome.kind)).toStrictEqual(['move', 'move']);
  });
});

describe('applyDrag', () => {
  it('GIVEN a reparent THEN the reference and the layout change in one topology', () => {
    const result = applyDrag(model(), [{ kind: 'reparent', id: 'eks', field: 'site', parentId: 'gcp', position: { x: 20, y: 200 } }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.elements.find((element) => element.id === 'eks')).toMatchObject({ site: 'gcp' });
    expect(result.topology.layout.eks).toStrictEqual({ x: 20, y: 200 });
  });

  it('GIVEN a backend leaving its site THEN its site is removed', () => {
    const result = applyDrag(model(), [{ kind: 'reparent', id: 'tempo', field: 'site', parentId: undefined, position: { x: 5, y: 6 } }]);
    expect(result.ok && result.topology.elements.find((element) => element.id === 'tempo')).not.toHaveProperty('site');
  });

  it('GIVEN a refused drop THEN nothing changes and the reason is given', () => {
    expect(applyDrag(model(), [{ kind: 'reject', id: 'eks', reason: 'no' }])).toStrictEqual({ ok: false, error: 'no' });
  });
});

describe('dropPlacement and selectedFrame', () => {
  it('GIVEN a point inside a cluster THEN a collector goes there, positioned relative to it', () => {
    const nodes = projectTopology(model()).nodes;
    const eks = absolutePosition(nodes, 'eks');
    expect(dropPlacement(nodes, { kind: 'collector', parent: 'cluster' }, { x: eks.x + 30, y: eks.y + 50 })).toStrictEqual({
      siteId: 'aws',
      clusterId: 'eks',
      position: { x: 30, y: 50 },
    });
  });

  it('GIVEN a drop on a frame header THEN the element goes just below it; from the keyboard it is centred on the point', () => {
    const nodes = projectTopology(model()).nodes;
    const eks = absolutePosition(nodes, 'eks');
    expect(dropPlacement(nodes, { kind: 'collector', parent: 'cluster' }, { x: eks.x + 2, y: eks.y + 5 }).position).toStrictEqual({ x: 20, y: 40 });
    expect(dropPlacement(nodes, { kind: 'site' }, { x: 3000, y: 3000 }, true).position).toStrictEqual({ x: 3000 - 130, y: 3000 - 70 });
  });

  it('GIVEN a selected collector THEN its cluster and site are the frames for keyboard adds', () => {
    expect(selectedFrame(model(), ['agent'], 'cluster')).toBe('eks');
    expect(selectedFrame(model(), ['agent'], 'site')).toBe('aws');
    expect(selectedFrame(model(), [], 'site')).toBeUndefined();
  });
});

describe('pastePlacement', () => {
  // aws spans (0, 0)–(510, 176) with eks at (20, 40)–(250, 156) in it; gcp (1000, 0)–(1270, 140) with gke at (1020, 40)–(1250, 120).
  const nodes = projectTopology(model()).nodes;

  it.each([
    // A collector, backend or control plane (190 × 56) is centred on the point.
    { name: 'a collector over a cluster of another site', kinds: ['collector'], point: { x: 1150, y: 110 }, placement: { into: 'gke', position: { x: 35, y: 42 } } },
    { name: 'a collector over a cluster, near its header', kinds: ['collector'], point: { x: 30, y: 45 }, placement: { into: 'eks', position: { x: 20, y: 40 } } },
    { name: 'a cluster over a site, beside its cluster', kinds: ['cluster'], point: { x: 1260, y: 130 }, placement: { into: 'gcp', position: { x: 260, y: 130 } } },
    // Nested frames: the innermost that can hold it.
    { name: 'a cluster over a cluster: the site around it', kinds: ['cluster'], point: { x: 60, y: 100 }, placement: { into: 'aws', position: { x: 60, y: 100 } } },
    { name: 'a backend over a cluster: its site', kinds: ['backend'], point: { x: 1200, y: 100 }, placement: { into: 'gcp', position: { x: 105, y: 72 } } },
    { name: 'a control plane over no frame: the canvas', kinds: ['controlPlane'], point: { x: 3000, y: 3000 }, placement: { into: null, position: { x: 2905, y: 2972 } } },
    // A site or cluster has its top-left corner at the point.
    { name: 'a site over a site: the canvas', kinds: ['site'], point: { x: 1010, y: 5 }, placement: { into: null, position: { x: 1010, y: 5 } } },
    { name: 'a site and a backend over a site: the canvas', kinds: ['site', 'backend'], point: { x: 300, y: 160 }, placement: { into: null, position: { x: 300, y: 160 } } },
    { name: 'clusters and backends over a cluster: its site', kinds: ['cluster', 'backend'], point: { x: 60, y: 100 }, placement: { into: 'aws', position: { x: 60, y: 100 } } },
  ] as const)('GIVEN $name THEN it goes into the frame that can hold it, at the point (the first node\'s kind decides how)', ({ kinds, point, placement }) => {
    expect(pastePlacement(nodes, kinds, point)).toStrictEqual(placement);
  });

  it.each([
    { name: 'a collector over a site but no cluster', kinds: ['collector'], point: { x: 400, y: 160 }, refused: 'a collector goes in a cluster, and there is none under the pointer' },
    { name: 'a collector over no frame', kinds: ['collector'], point: { x: 3000, y: 3000 }, refused: 'a collector goes in a cluster, and there is none under the pointer' },
    { name: 'a cluster over no frame', kinds: ['cluster'], point: { x: 700, y: 50 }, refused: 'a cluster goes in a site, and there is none under the pointer' },
    { name: 'a collector and a backend over a cluster', kinds: ['collector', 'backend'], point: { x: 60, y: 100 }, refused: 'no one frame under the pointer can hold them all' },
    { name: 'a cluster and a collector over a site', kinds: ['cluster', 'collector'], point: { x: 400, y: 160 }, refused: 'a collector goes in a cluster, and there is none under the pointer' },
  ] as const)('GIVEN $name THEN no frame there can hold it, and the answer says why', ({ kinds, point, refused }) => {
    expect(pastePlacement(nodes, kinds, point)).toStrictEqual({ refused });
  });
});
