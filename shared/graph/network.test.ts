import { describe, expect, it } from 'vitest';
import { agent, backend, cluster, flow, gateway, link, site, topology } from '../testing/builders.js';
import {
  criticalLinks,
  crossSiteFlows,
  flowSettingsApply,
  isCrossSiteFlow,
  networkPath,
  reachableSites,
  referencesOf,
  removeElement,
  renameElement,
  sitesConnected,
  unusedId,
} from './network.js';
import { indexTopology } from './topology-index.js';

/** Four sites: a–b over a cheap dedicated line and an expensive VPN, b–c over one VPN, d alone. */
function network() {
  return topology([
    site('a'),
    site('b'),
    site('c'),
    site('d'),
    link('a-b-dx', 'a', 'b', { type: 'aws-direct-connect', egressCostPerGb: 0.02 }),
    link('a-b-vpn', 'a', 'b', { type: 'vpn-ipsec', egressCostPerGb: 0.09 }),
    link('b-c-vpn', 'c', 'b', { type: 'vpn-ipsec', egressCostPerGb: 0.05 }),
    cluster('eks-a', 'a'),
    cluster('eks-c', 'c'),
    agent('agent-a', 'eks-a'),
    gateway('gw-c', 'eks-c'),
    backend('saas', { type: 'otlp', endpoint: 'ingest.example.com:4317' }),
    backend('xray-c', { type: 'awsxray', region: 'us-east-1', site: 'c' }),
    flow('a-to-c', 'agent-a', 'gw-c'),
    flow('a-to-saas', 'agent-a', 'saas'),
  ]);
}

describe('network', () => {
  it('finds the sites reachable over links, in both directions', () => {
    // GIVEN links a–b and c–b WHEN searching from c THEN a is reachable through b, d is not
    const index = indexTopology(network());
    expect([...reachableSites(index, 'c')].sort()).toStrictEqual(['a', 'b', 'c']);
    expect(sitesConnected(index, 'c', 'a')).toBe(true);
    expect(sitesConnected(index, 'a', 'd')).toBe(false);
  });

  it('takes the cheapest chain of links, and respects a link filter', () => {
    // GIVEN two links a–b at 0.02 and 0.09 $/GB WHEN asking the path a → c
    const index = indexTopology(network());
    const path = networkPath(index, 'a', 'c');
    // THEN it goes over the dedicated line, then the b–c VPN
    expect(path?.sites).toStrictEqual(['a', 'b', 'c']);
    expect(path?.links.map((item) => item.id)).toStrictEqual(['a-b-dx', 'b-c-vpn']);
    // AND with encrypted links only it takes the a–b VPN
    const encrypted = networkPath(index, 'a', 'c', { only: (item) => item.type === 'vpn-ipsec' });
    expect(encrypted?.links.map((item) => item.id)).toStrictEqual(['a-b-vpn', 'b-c-vpn']);
    expect(networkPath(index, 'a', 'd')).toBeUndefined();
    expect(networkPath(index, 'a', 'a')).toStrictEqual({ sites: ['a'], links: [] });
  });

  it('names the links whose loss alone separates two sites', () => {
    // GIVEN a–b doubled and b–c single WHEN asking what a–c cannot do without THEN only b–c
    const index = indexTopology(network());
    expect(criticalLinks(index, 'a', 'c').map((item) => item.id)).toStrictEqual(['b-c-vpn']);
    expect(criticalLinks(index, 'a', 'b')).toStrictEqual([]);
    expect(criticalLinks(index, 'a', 'd')).toStrictEqual([]);
  });

  it('counts a flow as cross-site only when both ends have different sites', () => {
    // GIVEN a flow to a collector in another site and one to a backend without a site
    const index = indexTopology(network());
    const [toGateway, toSaas] = index.flows;
    // THEN only the first crosses sites
    expect(isCrossSiteFlow(index, toGateway!)).toBe(true);
    expect(isCrossSiteFlow(index, toSaas!)).toBe(false);
    expect(crossSiteFlows(index).map(({ flow: item, from, to }) => [item.id, from.id, to.id])).toStrictEqual([['a-to-c', 'a', 'c']]);
  });

  it("knows which flow settings a target's exporter honours", () => {
    const index = indexTopology(network());
    expect(flowSettingsApply(index.collector('gw-c')!)).toStrictEqual({ compression: true, retry: true, queue: true });
    expect(flowSettingsApply(index.backend('xray-c')!)).toStrictEqual({ compression: false, retry: false, queue: false });
  });

  it('renames an element with every reference to it and its placement', () => {
    // GIVEN site a referenced by a cluster and two links, and placed on the canvas
    const model = { ...network(), layout: { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } } };
    // WHEN renaming a to east
    const renamed = renameElement(model, 'a', 'east');
    // THEN nothing refers to a any more, and the placement moved
    const references = renamed.elements.flatMap((element) => referencesOf(element).map((reference) => reference.id));
    expect(references).not.toContain('a');
    expect(references.filter((id) => id === 'east')).toHaveLength(3);
    expect(renamed.elements.some((element) => element.id === 'east' && element.kind === 'site')).toBe(true);
    expect(renamed.layout).toStrictEqual({ east: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    // AND the original is untouched
    expect(model.elements.some((element) => element.id === 'a')).toBe(true);
  });

  it('picks unused ids and removes elements with their placement', () => {
    const model = { ...network(), layout: { saas: { x: 0, y: 0 } } };
    expect(unusedId(model, 'a')).toBe('a-2');
    expect(unusedId(model, 'e')).toBe('e');
    const removed = removeElement(model, 'saas');
    expect(removed.elements.map((element) => element.id)).not.toContain('saas');
    expect(removed.layout).toStrictEqual({});
  });
});
