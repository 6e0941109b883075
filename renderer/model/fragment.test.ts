import { describe, expect, it } from 'vitest';
import { Topology } from '../../shared/model/topology.js';
import { agent, agentToGateway, backend, cluster, controlPlane, flow, gateway, link, site, topology } from '../../shared/testing/builders.js';
import { deleteElements } from './commands.js';
import { copyFragment, cutFragment, pasteFragment, PASTE_OFFSET, type Fragment, type PasteAt } from './fragment.js';

/** What the store does after a command: read the result back through the schema. */
const reparse = (value: Topology) => Topology.parse(JSON.parse(JSON.stringify(value)));

function pasted(model: Topology, fragment: Fragment, at?: PasteAt) {
  const result = pasteFragment(model, fragment, at);
  if (!result.ok) throw new Error(result.error);
  const byId = new Map(result.topology.elements.map((element) => [element.id, element as unknown as Record<string, unknown>]));
  return { ...result, ids: result.ids!, byId };
}

/** Two sites joined by a link; in AWS a cluster with an agent and a gateway, a Tempo backend and an OpAMP control plane. */
function twoSites(): Topology {
  return topology(
    [
      site('aws'),
      site('gcp', { provider: 'gcp', region: 'us-central1' }),
      link('aws-gcp', 'aws', 'gcp'),
      cluster('eks', 'aws'),
      agent('agent', 'eks', { controlPlane: 'opamp' }),
      gateway('gateway', 'eks'),
      flow('agent-to-gateway', 'agent', 'gateway'),
      flow('gateway-to-tempo', 'gateway', 'tempo'),
      backend('tempo', { type: 'otlp', site: 'aws', endpoint: 'tempo:4317' }),
      controlPlane('opamp'),
    ],
    { layout: { aws: { x: 0, y: 0, width: 600, height: 400 }, eks: { x: 24, y: 40 }, gateway: { x: 200, y: 48 }, gcp: { x: 700, y: 0 } } },
  );
}

const idsOf = (fragment: Fragment) => fragment.elements.map((element) => element.id);

describe('copyFragment', () => {
  it('GIVEN a selected site WHEN copied THEN its clusters, their collectors and what it holds come along, with the flows inside and their layout', () => {
    const fragment = copyFragment(twoSites(), ['aws']);
    expect(idsOf(fragment)).toStrictEqual(['aws', 'eks', 'agent', 'gateway', 'agent-to-gateway', 'gateway-to-tempo', 'tempo']);
    // The link goes to gcp, outside the copied set: left out, as is gcp's placement.
    expect(fragment.layout).toStrictEqual({ aws: { x: 0, y: 0, width: 600, height: 400 }, eks: { x: 24, y: 40 }, gateway: { x: 200, y: 48 } });
  });

  it('GIVEN a selected collector WHEN copied THEN only it: flows to elements outside the selection stay behind', () => {
    const fragment = copyFragment(twoSites(), ['gateway']);
    expect(idsOf(fragment)).toStrictEqual(['gateway']);
    expect(fragment.layout).toStrictEqual({ gateway: { x: 200, y: 48 } });
  });

  it('GIVEN two connected collectors WHEN copied THEN the flow between them comes too', () => {
    expect(idsOf(copyFragment(twoSites(), ['gateway', 'agent']))).toStrictEqual(['agent', 'gateway', 'agent-to-gateway']);
  });

  it('GIVEN two sites WHEN copied THEN the link joining them comes too', () => {
    expect(idsOf(copyFragment(twoSites(), ['aws', 'gcp']))).toContain('aws-gcp');
  });

  it('GIVEN only a flow, an unknown id or nothing WHEN copied THEN the fragment is empty', () => {
    for (const ids of [['agent-to-gateway'], ['aws-gcp'], ['nowhere'], []]) expect(copyFragment(twoSites(), ids)).toStrictEqual({ elements: [], layout: {} });
  });
});

describe('pasteFragment', () => {
  it('GIVEN a copied site WHEN pasted into its own topology THEN every copy has a fresh id, references inside point at the copies, outside ones stay', () => {
    const model = twoSites();
    const result = pasted(model, copyFragment(model, ['aws']));
    expect(result.ids).toStrictEqual(['aws-2', 'eks-2', 'agent-2', 'gateway-2', 'agent-to-gateway-2', 'gateway-to-tempo-2', 'tempo-2']);
    expect(result.id).toBe('aws-2');
    expect(result.byId.get('eks-2')).toMatchObject({ site: 'aws-2' });
    expect(result.byId.get('agent-2')).toMatchObject({ cluster: 'eks-2', controlPlane: 'opamp' });
    expect(result.byId.get('gateway-to-tempo-2')).toMatchObject({ from: 'gateway-2', to: 'tempo-2' });
    expect(result.byId.get('tempo-2')).toMatchObject({ site: 'aws-2' });
    expect(result.topology.elements).toHaveLength(model.elements.length + 7);
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN a copied site WHEN pasted THEN the outer copy is moved off its original and the inner ones keep their place in it', () => {
    const model = twoSites();
    const { topology: after } = pasted(model, copyFragment(model, ['aws']));
    expect(after.layout['aws-2']).toStrictEqual({ x: PASTE_OFFSET, y: PASTE_OFFSET, width: 600, height: 400 });
    expect(after.layout['eks-2']).toStrictEqual({ x: 24, y: 40 });
    expect(after.layout['gateway-2']).toStrictEqual({ x: 200, y: 48 });
    expect(after.layout.aws).toStrictEqual(model.layout.aws);
  });

  it('GIVEN the same fragment WHEN pasted twice THEN the second copy moves on past the first', () => {
    const model = twoSites();
    const fragment = copyFragment(model, ['gateway']);
    const once = pasted(model, fragment);
    const twice = pasted(once.topology, fragment);
    expect(twice.ids).toStrictEqual(['gateway-3']);
    expect(twice.topology.layout['gateway-2']).toStrictEqual({ x: 200 + PASTE_OFFSET, y: 48 + PASTE_OFFSET });
    expect(twice.topology.layout['gateway-3']).toStrictEqual({ x: 200 + 2 * PASTE_OFFSET, y: 48 + 2 * PASTE_OFFSET });
  });

  it('GIVEN a cut collector (copied, then deleted) WHEN pasted THEN it comes back with its own id and place', () => {
    const model = twoSites();
    const fragment = copyFragment(model, ['gateway']);
    const result = pasted(deleteElements(model, ['gateway']), fragment);
    expect(result.ids).toStrictEqual(['gateway']);
    expect(result.byId.get('gateway')).toStrictEqual(model.elements.find((element) => element.id === 'gateway'));
    expect(result.topology.layout.gateway).toStrictEqual({ x: 200, y: 48 });
  });

  it('GIVEN a cut element whose id ends in a number WHEN pasted THEN it keeps that id too (not its base)', () => {
    const model = topology([site('aws'), cluster('eks', 'aws'), agent('agent-2', 'eks')]);
    const fragment = copyFragment(model, ['agent-2']);
    expect(pasted(deleteElements(model, ['agent-2']), fragment).ids).toStrictEqual(['agent-2']);
    expect(pasted(model, fragment).ids).toStrictEqual(['agent']);
  });

  it('GIVEN another topology holding the cluster WHEN a collector is pasted there THEN it keeps its id and joins that cluster', () => {
    const fragment = copyFragment(twoSites(), ['gateway']);
    const other = topology([site('aws'), cluster('eks', 'aws')]);
    const result = pasted(other, fragment);
    expect(result.ids).toStrictEqual(['gateway']);
    expect(result.byId.get('gateway')).toMatchObject({ kind: 'collector', cluster: 'eks' });
    expect(result.topology.layout).toStrictEqual({ gateway: { x: 200, y: 48 } });
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it.each([
    {
      name: "a collector whose cluster it lacks",
      copy: ['gateway'],
      into: topology([site('aws')]),
      error: 'Cannot paste: collector gateway belongs in cluster eks, which is not in this topology. Copy the cluster along with it, or paste where it exists.',
    },
    {
      name: "a cluster whose site it lacks",
      copy: ['eks'],
      into: topology([site('azure', { provider: 'azure', region: 'eastus' })]),
      error: 'Cannot paste: cluster eks belongs in site aws, which is not in this topology. Copy the site along with it, or paste where it exists.',
    },
    {
      name: 'a collector whose "cluster" is a site there',
      copy: ['gateway'],
      into: topology([site('eks')]),
      error: 'Cannot paste: collector gateway belongs in cluster eks, which is not in this topology. Copy the cluster along with it, or paste where it exists.',
    },
  ])('GIVEN another topology WHEN $name is pasted there THEN it refuses, saying why', ({ copy, into, error }) => {
    expect(pasteFragment(into, copyFragment(twoSites(), copy))).toStrictEqual({ ok: false, error });
  });

  it('GIVEN a written fragment with a flow to an element the topology lacks WHEN pasted THEN it refuses', () => {
    const fragment: Fragment = { elements: [flow('a-to-b', 'agent', 'nowhere')], layout: {} };
    expect(pasteFragment(twoSites(), fragment)).toStrictEqual({ ok: false, error: 'Cannot paste: flow a-to-b connects to collector or backend nowhere, which is not in this topology.' });
  });

  it('GIVEN optional references to elements the topology lacks (a control plane, a backend\'s site) WHEN pasted THEN they are dropped', () => {
    const fragment = copyFragment(twoSites(), ['agent', 'tempo']);
    const result = pasted(topology([site('gcp', { provider: 'gcp', region: 'us-central1' }), cluster('eks', 'gcp')]), fragment);
    expect(result.byId.get('agent')).toMatchObject({ cluster: 'eks' });
    expect(result.byId.get('agent')).not.toHaveProperty('controlPlane');
    expect(result.byId.get('tempo')).not.toHaveProperty('site');
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN a point WHEN pasted at it THEN the first outer copy goes there and the others keep their distance from it', () => {
    const model = topology([site('aws'), site('gcp', { provider: 'gcp', region: 'us-central1' })], { layout: { aws: { x: 0, y: 0 }, gcp: { x: 700, y: 10 } } });
    const { topology: after } = pasted(model, copyFragment(model, ['aws', 'gcp']), { x: 100.4, y: 300 });
    expect(after.layout['aws-2']).toStrictEqual({ x: 100, y: 300 });
    expect(after.layout['gcp-2']).toStrictEqual({ x: 800, y: 310 });
  });

  it('GIVEN an empty fragment WHEN pasted THEN it refuses and nothing changes', () => {
    expect(pasteFragment(agentToGateway(), { elements: [], layout: {} })).toStrictEqual({ ok: false, error: 'Nothing to paste.' });
  });
});

describe('pasteFragment at a point, into a frame', () => {
  /** twoSites with a second cluster, in GCP. */
  const withGke = () => {
    const model = twoSites();
    return { ...model, elements: [...model.elements, cluster('gke', 'gcp', { platform: 'gke' })] };
  };

  it('GIVEN a copied collector WHEN pasted into another cluster THEN its cluster is that one and it sits at the point in it', () => {
    const model = withGke();
    const result = pasted(model, copyFragment(model, ['gateway']), { x: 30, y: 50, into: 'gke' });
    expect(result.byId.get('gateway-2')).toMatchObject({ cluster: 'gke' });
    expect(result.topology.layout['gateway-2']).toStrictEqual({ x: 30, y: 50 });
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN a copied cluster WHEN pasted into another site THEN its site changes and its collectors and flows come along inside it', () => {
    const model = twoSites();
    const result = pasted(model, copyFragment(model, ['eks']), { x: 20, y: 40, into: 'gcp' });
    expect(result.ids).toStrictEqual(['eks-2', 'agent-2', 'gateway-2', 'agent-to-gateway-2']);
    expect(result.byId.get('eks-2')).toMatchObject({ site: 'gcp' });
    expect(result.byId.get('gateway-2')).toMatchObject({ cluster: 'eks-2' });
    expect(result.topology.layout['eks-2']).toStrictEqual({ x: 20, y: 40 });
    expect(result.topology.layout['gateway-2']).toStrictEqual({ x: 200, y: 48 });
  });

  it('GIVEN a backend in a site WHEN pasted onto the canvas itself THEN it has no site; into a site THEN that one', () => {
    const model = twoSites();
    const fragment = copyFragment(model, ['tempo']);
    expect(pasted(model, fragment, { x: 900, y: 600, into: null }).byId.get('tempo-2')).not.toHaveProperty('site');
    expect(pasted(model, fragment, { x: 10, y: 40, into: 'gcp' }).byId.get('tempo-2')).toMatchObject({ site: 'gcp' });
  });

  it('GIVEN an outer node without a placement WHEN pasted at a point THEN it goes there all the same', () => {
    const model = twoSites();
    // The agent has no layout entry: the grid places it.
    const { topology: after } = pasted(model, copyFragment(model, ['agent']), { x: 24, y: 112, into: 'eks' });
    expect(after.layout['agent-2']).toStrictEqual({ x: 24, y: 112 });
  });

  it('GIVEN a frame that cannot hold the node WHEN pasted into it THEN it refuses, saying so', () => {
    const model = twoSites();
    expect(pasteFragment(model, copyFragment(model, ['gateway']), { x: 0, y: 0, into: 'aws' })).toStrictEqual({
      ok: false,
      error: 'Cannot paste: collector gateway cannot go into aws.',
    });
    expect(pasteFragment(model, copyFragment(model, ['eks']), { x: 0, y: 0, into: null })).toStrictEqual({
      ok: false,
      error: 'Cannot paste: cluster eks cannot go outside every frame.',
    });
  });

  it('GIVEN a collector copied in another topology WHEN pasted into a cluster there THEN it joins it though its own cluster is missing', () => {
    const other = topology([site('gcp', { provider: 'gcp', region: 'us-central1' }), cluster('gke', 'gcp', { platform: 'gke' })]);
    const result = pasted(other, copyFragment(twoSites(), ['gateway']), { x: 20, y: 40, into: 'gke' });
    expect(result.byId.get('gateway')).toMatchObject({ cluster: 'gke' });
  });
});

describe('cut and paste: connections to what stays', () => {
  const byId = (model: Topology, id: string) => model.elements.find((element) => element.id === id);

  it('GIVEN a collector WHEN cut THEN the fragment carries its flows to elements outside it; a copy does not', () => {
    const model = twoSites();
    const cut = cutFragment(model, ['gateway']);
    expect(idsOf(cut)).toStrictEqual(['gateway']);
    expect(cut.outside?.map((connection) => connection.id)).toStrictEqual(['agent-to-gateway', 'gateway-to-tempo']);
    // A copy of a gateway that kept the agents' flows into it would double what they send.
    expect(copyFragment(model, ['gateway'])).not.toHaveProperty('outside');
  });

  it('GIVEN a site WHEN cut THEN its link to the other site is carried; flows inside it are elements as in a copy', () => {
    const cut = cutFragment(twoSites(), ['aws']);
    expect(idsOf(cut)).toContain('agent-to-gateway');
    expect(cut.outside?.map((connection) => connection.id)).toStrictEqual(['aws-gcp']);
  });

  it('GIVEN a cut collector WHEN pasted back THEN its flows to what stayed come back as they were', () => {
    const model = twoSites();
    const result = pasted(deleteElements(model, ['gateway']), cutFragment(model, ['gateway']));
    expect(result.ids).toStrictEqual(['gateway']);
    expect(result.topology.elements.map((element) => element.id)).toStrictEqual([...deleteElements(model, ['gateway']).elements.map((element) => element.id), 'gateway', 'agent-to-gateway', 'gateway-to-tempo']);
    for (const id of ['agent-to-gateway', 'gateway-to-tempo']) expect(result.byId.get(id)).toStrictEqual(byId(model, id));
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN a cut site WHEN pasted back THEN its link comes back', () => {
    const model = twoSites();
    const result = pasted(deleteElements(model, ['aws']), cutFragment(model, ['aws']));
    expect(result.byId.get('aws-gcp')).toStrictEqual(byId(model, 'aws-gcp'));
  });

  it('GIVEN a cut collector moved into another cluster (pasted at the pointer) THEN its flows come back too', () => {
    const model = { ...twoSites(), elements: [...twoSites().elements, cluster('gke', 'gcp', { platform: 'gke' })] };
    const result = pasted(deleteElements(model, ['agent']), cutFragment(model, ['agent']), { x: 20, y: 40, into: 'gke' });
    expect(result.byId.get('agent')).toMatchObject({ cluster: 'gke' });
    expect(result.byId.get('agent-to-gateway')).toMatchObject({ from: 'agent', to: 'gateway' });
  });

  it('GIVEN the element at the other end is gone by the paste THEN that connection is dropped without a word, the others come back', () => {
    const model = twoSites();
    const fragment = cutFragment(model, ['gateway']);
    const result = pasted(deleteElements(model, ['gateway', 'tempo']), fragment);
    expect(result.byId.has('agent-to-gateway')).toBe(true);
    expect(result.byId.has('gateway-to-tempo')).toBe(false);
    expect(() => reparse(result.topology)).not.toThrow();
  });

  it('GIVEN an element of another kind under the other end\'s id by the paste THEN that connection is dropped', () => {
    const model = twoSites();
    const fragment = cutFragment(model, ['gateway']);
    const rest = deleteElements(model, ['gateway', 'agent']);
    // agent-to-gateway starts at "agent", now a backend, which sends nothing: dropped.
    const result = pasted({ ...rest, elements: [...rest.elements, backend('agent')] }, fragment);
    expect(result.byId.has('agent-to-gateway')).toBe(false);
    expect(result.byId.has('gateway-to-tempo')).toBe(true);
  });

  it('GIVEN the cut elements are there again (a second paste, or the cut undone) WHEN pasted THEN the copies start unconnected', () => {
    const model = twoSites();
    const fragment = cutFragment(model, ['gateway']);
    const once = pasted(deleteElements(model, ['gateway']), fragment);
    const twice = pasted(once.topology, fragment);
    expect(twice.topology.elements.slice(once.topology.elements.length).map((element) => element.id)).toStrictEqual(['gateway-2']);
    expect(pasted(model, fragment).topology.elements.slice(model.elements.length).map((element) => element.id)).toStrictEqual(['gateway-2']);
  });
});
