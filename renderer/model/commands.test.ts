import { describe, expect, it } from 'vitest';
import { Topology } from '../../shared/model/topology.js';
import { agentToGateway, controlPlane, site, topology } from '../../shared/testing/builders.js';
import { addElement, connect, deleteElements, isDnsLabel, moveElements, updateElement } from './commands.js';
import { paletteItem } from './palette.js';

const item = (id: string) => {
  const found = paletteItem(id);
  if (!found) throw new Error(`no palette item ${id}`);
  return found;
};

/** What the store does after a command: read the result back through the schema. */
const reparse = (value: Topology) => Topology.parse(JSON.parse(JSON.stringify(value)));

describe('addElement', () => {
  it('GIVEN an empty canvas WHEN a site is dropped THEN it gets a DNS-1123 id and its position', () => {
    const result = addElement(topology([]), item('site:aws'), { position: { x: 10.4, y: 20.6 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).toBe('aws-us-east-1');
    expect(result.topology.elements).toStrictEqual([{ kind: 'site', id: 'aws-us-east-1', provider: 'aws', region: 'us-east-1' }]);
    expect(result.topology.layout).toStrictEqual({ 'aws-us-east-1': { x: 10, y: 21 } });
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN an id in use WHEN another of the same kind is dropped THEN the new id is unique', () => {
    const first = addElement(topology([]), item('collector:agent'), { clusterId: 'eks' });
    if (!first.ok) throw new Error(first.error);
    const second = addElement(first.topology, item('collector:agent'), { clusterId: 'eks' });
    expect(second.ok && second.id).toBe('agent-2');
    expect(second.ok && isDnsLabel(second.id!)).toBe(true);
  });

  it('GIVEN a drop inside a site WHEN the item is a cluster THEN the cluster belongs to that site', () => {
    const result = addElement(topology([site('aws-use1')]), item('cluster:eks'), { siteId: 'aws-use1' });
    expect(result.ok && result.topology.elements[1]).toStrictEqual({ kind: 'cluster', id: 'eks', site: 'aws-use1', platform: 'eks' });
  });

  it('GIVEN a drop outside any cluster WHEN the item is a collector THEN it is refused with a reason', () => {
    const result = addElement(topology([site('aws-use1')]), item('collector:gateway'), { siteId: 'aws-use1' });
    expect(result).toStrictEqual({ ok: false, error: 'Drop a Gateway collector inside a cluster.' });
  });

  it('GIVEN a drop inside a site WHEN the item is a backend THEN it takes the site', () => {
    const result = addElement(topology([site('aws-use1')]), item('backend:debug'), { siteId: 'aws-use1' });
    expect(result.ok && result.topology.elements[1]).toStrictEqual({ kind: 'backend', id: 'debug', site: 'aws-use1', type: 'debug' });
  });
});

describe('connect', () => {
  it('GIVEN a collector and a backend WHEN connected THEN a flow of every signal is added', () => {
    const result = connect(agentToGateway(), 'agent', 'debug');
    expect(result.ok && result.topology.elements.at(-1)).toStrictEqual({
      kind: 'flow', id: 'agent-to-debug', from: 'agent', to: 'debug', signals: ['traces', 'metrics', 'logs'],
    });
  });

  it('GIVEN two sites WHEN connected THEN a VPN link is added', () => {
    const result = connect(topology([site('a'), site('b')]), 'a', 'b');
    expect(result.ok && result.topology.elements.at(-1)).toStrictEqual({ kind: 'link', id: 'a-b', from: 'a', to: 'b', type: 'vpn-ipsec' });
  });

  it('GIVEN an existing flow WHEN the same ends are connected again THEN it is refused', () => {
    expect(connect(agentToGateway(), 'agent', 'gateway').ok).toBe(false);
  });

  it('GIVEN a backend as the source WHEN connected THEN it is refused', () => {
    expect(connect(agentToGateway(), 'debug', 'gateway').ok).toBe(false);
  });
});

describe('deleteElements', () => {
  it('GIVEN a site WHEN deleted THEN its clusters, collectors and their flows go too, the backend stays', () => {
    const before = agentToGateway();
    const after = deleteElements({ ...before, layout: { 'aws-use1': { x: 1, y: 2 } } }, ['aws-use1']);
    expect(after.elements.map((element) => element.id)).toStrictEqual(['debug']);
    expect(after.layout).toStrictEqual({});
  });

  it('GIVEN a control plane in use WHEN deleted THEN collectors lose the reference', () => {
    const base = agentToGateway();
    const withPlane = { ...base, elements: [...base.elements.map((element) => (element.id === 'agent' ? { ...element, controlPlane: 'opamp' } : element)), controlPlane('opamp')] };
    const after = deleteElements(withPlane as Topology, ['opamp']);
    expect(after.elements.find((element) => element.id === 'agent')).not.toHaveProperty('controlPlane');
  });
});

describe('updateElement', () => {
  it('GIVEN a collector WHEN replicas change THEN only that field changes', () => {
    const result = updateElement(agentToGateway(), 'gateway', { replicas: 5 });
    expect(result.ok && result.topology.elements.find((element) => element.id === 'gateway')).toMatchObject({ replicas: 5, role: 'gateway' });
  });

  it('GIVEN an element WHEN its id changes THEN references follow', () => {
    const result = updateElement(agentToGateway(), 'gateway', { id: 'central' });
    if (!result.ok) throw new Error(result.error);
    expect(result.topology.elements.find((element) => element.id === 'agent-to-gateway')).toMatchObject({ to: 'central' });
  });

  it('GIVEN an invalid or taken id WHEN renaming THEN it is refused', () => {
    expect(updateElement(agentToGateway(), 'gateway', { id: 'Bad_Name' }).ok).toBe(false);
    expect(updateElement(agentToGateway(), 'gateway', { id: 'agent' }).ok).toBe(false);
  });

  it('GIVEN an optional field WHEN set to undefined THEN it is removed', () => {
    const result = updateElement(agentToGateway(), 'gateway', { replicas: undefined });
    expect(result.ok && result.topology.elements.find((element) => element.id === 'gateway')).not.toHaveProperty('replicas');
  });

  it('GIVEN a field WHEN set to an empty string THEN it keeps the empty string (a bare exporter id), not removed', () => {
    const result = updateElement(agentToGateway(), 'agent-to-gateway', { exporterName: '' });
    expect(result.ok && result.topology.elements.find((element) => element.id === 'agent-to-gateway')).toHaveProperty('exporterName', '');
  });
});

describe('moveElements', () => {
  it('GIVEN a stored size WHEN moved THEN the size stays and the position is rounded', () => {
    const base = { ...agentToGateway(), layout: { 'aws-use1': { x: 0, y: 0, width: 500, height: 300 } } };
    expect(moveElements(base, [{ id: 'aws-use1', x: 40.2, y: 7.7 }]).layout).toStrictEqual({ 'aws-use1': { x: 40, y: 8, width: 500, height: 300 } });
  });
});
