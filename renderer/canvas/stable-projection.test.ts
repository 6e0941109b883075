import { describe, expect, it } from 'vitest';
import { agentToGateway } from '../../shared/testing/builders.js';
import type { Topology } from '../../shared/model/topology.js';
import { projectTopology } from './projection.js';
import { deepEqual, keepLocalNodes, shareUnchanged } from './stable-projection.js';

/** The same topology as a fresh parse would give it: equal data, new objects. */
const reparsed = (topology: Topology): Topology => structuredClone(topology);

const withReplicas = (topology: Topology, id: string, replicas: number): Topology => ({
  ...topology,
  elements: topology.elements.map((element) => (element.id === id && element.kind === 'collector' ? { ...element, replicas } : element)),
});

describe('shareUnchanged', () => {
  it('GIVEN the same topology parsed again THEN the previous node and edge lists are kept whole', () => {
    const before = projectTopology(agentToGateway());

    const after = shareUnchanged(before, projectTopology(reparsed(agentToGateway())));

    expect(after.nodes).toBe(before.nodes);
    expect(after.edges).toBe(before.edges);
  });

  it('GIVEN one collector edited THEN only its node is new; every other node and every edge is the previous object', () => {
    const topology = agentToGateway();
    const gateway = topology.elements.find((element) => element.kind === 'collector' && element.role === 'gateway')!;
    const before = projectTopology(topology);

    const after = shareUnchanged(before, projectTopology(withReplicas(reparsed(topology), gateway.id, 7)));

    const changed = after.nodes.filter((node) => !before.nodes.includes(node)).map((node) => node.id);
    expect(changed).toStrictEqual([gateway.id]);
    expect(after.nodes.find((node) => node.id === gateway.id)?.data.subtitle).toContain('×7');
    expect(after.edges).toBe(before.edges);
  });

  it('GIVEN a selection change THEN the selected node is new and keeps its place in the list', () => {
    const topology = agentToGateway();
    const before = projectTopology(topology);
    const id = before.nodes[1]!.id;

    const after = shareUnchanged(before, projectTopology(reparsed(topology), [], new Set([id])));

    expect(after.nodes.map((node) => node.id)).toStrictEqual(before.nodes.map((node) => node.id));
    expect(after.nodes[1]).not.toBe(before.nodes[1]);
    expect(after.nodes[1]?.selected).toBe(true);
    expect(after.nodes.filter((node, index) => node !== before.nodes[index])).toHaveLength(1);
  });
});

describe('deepEqual', () => {
  it.each([
    { name: 'equal nested data', a: { x: [1, { y: 'z' }] }, b: { x: [1, { y: 'z' }] }, equal: true },
    { name: 'a different leaf', a: { x: [1, { y: 'z' }] }, b: { x: [1, { y: 'w' }] }, equal: false },
    { name: 'a missing key', a: { x: 1, y: undefined }, b: { x: 1, z: undefined }, equal: false },
    { name: 'an array against an object', a: [1], b: { 0: 1 }, equal: false },
    { name: 'arrays of different lengths', a: [1, 2], b: [1], equal: false },
  ])('GIVEN $name THEN equal is $equal', ({ a, b, equal }) => {
    expect(deepEqual(a, b)).toBe(equal);
  });
});

describe('keepLocalNodes', () => {
  it('GIVEN React Flow’s measured copies THEN the unchanged ones are kept and the changed one is projected', () => {
    const topology = agentToGateway();
    const gateway = topology.elements.find((element) => element.kind === 'collector' && element.role === 'gateway')!;
    const local = projectTopology(topology).nodes.map((node) => ({ ...node, measured: { width: node.width, height: node.height } }));
    const projected = projectTopology(withReplicas(reparsed(topology), gateway.id, 7)).nodes;

    const kept = keepLocalNodes(local, projected);

    expect(kept.filter((node, index) => node === local[index]).map((node) => node.id)).toStrictEqual(local.map((node) => node.id).filter((id) => id !== gateway.id));
    expect(kept.find((node) => node.id === gateway.id)).toBe(projected.find((node) => node.id === gateway.id));
  });
});
