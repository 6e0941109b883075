import { describe, expect, it } from 'vitest';
import { Topology } from '../../shared/model/topology.js';
import { agent, agentToGateway, backend, cluster, controlPlane, flow, gateway, link, site, topology } from '../../shared/testing/builders.js';
import { isDnsLabel } from './commands.js';
import { duplicateElements } from './duplicate.js';
import { PASTE_OFFSET } from './fragment.js';

/** What the store does after a command: read the result back through the schema. */
const reparse = (value: Topology) => Topology.parse(JSON.parse(JSON.stringify(value)));

function duplicated(model: Topology, ids: string[]) {
  const result = duplicateElements(model, ids);
  if (!result.ok) throw new Error(result.error);
  const byId = new Map(result.topology.elements.map((element) => [element.id, element as unknown as Record<string, unknown>]));
  return { ...result, ids: result.ids!, byId };
}

describe('duplicateElements', () => {
  it('GIVEN a selected collector WHEN duplicated THEN the copy has a fresh DNS-1123 id, the same cluster and fields, and an offset position', () => {
    const model = { ...agentToGateway(), layout: { gateway: { x: 100, y: 40 } } };
    const result = duplicated(model, ['gateway']);
    expect(result.ids).toStrictEqual(['gateway-2']);
    expect(result.id).toBe('gateway-2');
    expect(isDnsLabel('gateway-2')).toBe(true);
    const { id: _copyId, ...copy } = result.byId.get('gateway-2')!;
    const { id: _originalId, ...original } = result.byId.get('gateway')!;
    expect(copy).toStrictEqual(original);
    expect(copy.cluster).toBe('eks-prod');
    expect(result.topology.layout['gateway-2']).toStrictEqual({ x: 100 + PASTE_OFFSET, y: 40 + PASTE_OFFSET });
    expect(result.topology.elements).toHaveLength(model.elements.length + 1);
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN flows to elements outside the selection WHEN duplicated THEN they are dropped: the copy starts unconnected', () => {
    const result = duplicated(agentToGateway(), ['gateway']);
    const flows = result.topology.elements.filter((element) => element.kind === 'flow');
    expect(flows.map((element) => element.id)).toStrictEqual(['agent-to-gateway', 'gateway-to-debug']);
  });

  it('GIVEN two connected collectors WHEN both are duplicated THEN the flow between them is copied and points at the copies', () => {
    const result = duplicated(agentToGateway(), ['agent', 'gateway']);
    expect(result.byId.get('agent-to-gateway-2')).toMatchObject({ kind: 'flow', from: 'agent-2', to: 'gateway-2' });
    // gateway → debug leaves the set: not copied.
    expect([...result.byId.keys()].filter((id) => id.startsWith('gateway-to-debug'))).toStrictEqual(['gateway-to-debug']);
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN a selected site WHEN duplicated THEN its clusters and collectors come along with references rewritten; links inside the set only', () => {
    const model = topology(
      [
        site('aws'),
        site('gcp', { provider: 'gcp', region: 'us-central1' }),
        link('aws-gcp', 'aws', 'gcp'),
        cluster('eks', 'aws'),
        agent('agent', 'eks', { controlPlane: 'opamp' }),
        gateway('gateway', 'eks'),
        flow('agent-to-gateway', 'agent', 'gateway'),
        backend('tempo', { type: 'otlp', site: 'aws', endpoint: 'tempo:4317' }),
        controlPlane('opamp'),
      ],
      { layout: { aws: { x: 0, y: 0, width: 600, height: 400 }, eks: { x: 24, y: 40 } } },
    );
    const result = duplicated(model, ['aws']);
    expect(result.ids).toStrictEqual(['aws-2', 'eks-2', 'agent-2', 'gateway-2', 'agent-to-gateway-2', 'tempo-2']);
    expect(result.byId.get('eks-2')).toMatchObject({ site: 'aws-2' });
    // Inside the set: rewritten. Outside (the control plane): kept.
    expect(result.byId.get('agent-2')).toMatchObject({ cluster: 'eks-2', controlPlane: 'opamp' });
    expect(result.byId.get('agent-to-gateway-2')).toMatchObject({ from: 'agent-2', to: 'gateway-2' });
    expect(result.byId.get('tempo-2')).toMatchObject({ site: 'aws-2' });
    // The link goes to gcp, outside the set: dropped.
    expect(result.topology.elements.filter((element) => element.kind === 'link')).toHaveLength(1);
    // The outer copy moves; the inner ones keep their position in the (new) parent.
    expect(result.topology.layout['aws-2']).toStrictEqual({ x: PASTE_OFFSET, y: PASTE_OFFSET, width: 600, height: 400 });
    expect(result.topology.layout['eks-2']).toStrictEqual({ x: 24, y: 40 });
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN ids in use WHEN duplicated twice or with a -N suffix THEN every id is unique and a DNS-1123 label', () => {
    const once = duplicated(agentToGateway(), ['agent', 'gateway']);
    const twice = duplicated(once.topology, ['agent', 'agent-2', 'gateway-2']);
    expect(twice.ids).toStrictEqual(['agent-3', 'agent-4', 'gateway-3', 'agent-to-gateway-3']);
    const ids = twice.topology.elements.map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isDnsLabel(id), id).toBe(true);
    expect(() => reparse(twice.topology)).not.toThrow();
  });

  it('GIVEN a long id WHEN duplicated THEN the copy stays within 63 characters', () => {
    const long = 'a'.repeat(63);
    const result = duplicated(topology([site('aws'), cluster('eks', 'aws'), agent(long, 'eks')]), [long]);
    expect(result.ids[0]!.length).toBeLessThanOrEqual(63);
    expect(isDnsLabel(result.ids[0]!)).toBe(true);
  });

  it('GIVEN only a flow or nothing selected WHEN duplicated THEN it refuses with a message and nothing changes', () => {
    expect(duplicateElements(agentToGateway(), ['agent-to-gateway']).ok).toBe(false);
    expect(duplicateElements(agentToGateway(), []).ok).toBe(false);
  });
});
