import { describe, expect, it } from 'vitest';
import { agentToGateway, site, topology } from '../../shared/testing/builders.js';
import { stringifyTopology } from '../../shared/io/topology-file.js';
import { copyFragment, cutFragment } from './fragment.js';
import { fragmentText, readFragment } from './fragment-text.js';

/** Written by hand, or by the build before cuts carried connections (format version 1). */
const GATEWAY = `otelTopologyFragment: 1
elements:
  - kind: collector
    id: gateway
    cluster: eks
    role: gateway
`;

describe('fragment text', () => {
  it('GIVEN a copied site WHEN written and read back THEN the same fragment returns', () => {
    const model = { ...agentToGateway(), layout: { 'aws-use1': { x: 10, y: 20, width: 640, height: 400 }, gateway: { x: 200, y: 48 } } };
    const fragment = copyFragment(model, ['aws-use1']);
    const text = fragmentText(fragment);
    expect(text).toMatch(/^# OTel Topology Designer: topology elements.*\notelTopologyFragment: 2\nelements:\n {2}- kind: site\n {4}id: aws-use1\n/);
    expect(text).toContain('layout:\n  aws-use1:\n    x: 10\n');
    expect(text).not.toContain('outsideConnections');
    expect(readFragment(text)).toStrictEqual({ ok: true, fragment });
  });

  it('GIVEN a cut collector WHEN written and read back THEN its connections to what stays are listed apart, after the layout, and return', () => {
    const fragment = cutFragment(agentToGateway(), ['gateway']);
    const text = fragmentText(fragment);
    expect(text).toMatch(/\noutsideConnections:\n {2}- kind: flow\n {4}id: agent-to-gateway\n {4}from: agent\n {4}to: gateway\n/);
    expect(text.indexOf('outsideConnections:')).toBeGreaterThan(text.indexOf('elements:'));
    expect(readFragment(text)).toStrictEqual({ ok: true, fragment });
  });

  it('GIVEN version 1 text (an earlier build) WHEN read THEN it reads as a fragment without connections', () => {
    expect(readFragment(GATEWAY)).toMatchObject({ ok: true, fragment: { elements: [{ id: 'gateway' }], layout: {} } });
    const read = readFragment(GATEWAY);
    expect(read?.ok && read.fragment).not.toHaveProperty('outside');
  });

  it('GIVEN a fragment written by hand WHEN read THEN the schemas fill in the defaults, as in a topology file', () => {
    const read = readFragment(GATEWAY);
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.fragment.layout).toStrictEqual({});
    expect(read.fragment.elements[0]).toMatchObject({ kind: 'collector', id: 'gateway', cluster: 'eks', role: 'gateway', mode: 'auto' });
  });

  it.each([
    ['plain text', 'central-gateway'],
    ['an empty clipboard', ''],
    ['a topology file', stringifyTopology(topology([site('aws')]))],
    ['YAML that names the marker only inside a value', 'note: |\n  otelTopologyFragment: 1\n'],
  ])('GIVEN %s WHEN read THEN it is no fragment: left to others', (_name, text) => {
    expect(readFragment(text)).toBeUndefined();
  });

  it.each([
    ['broken YAML', 'otelTopologyFragment: 1\nelements: [', /^Cannot paste these topology elements: it is not valid YAML \(line \d+\): /],
    ['a later version', GATEWAY.replace(': 1', ': 3'), /: it is format version 3; this app reads versions up to 2\.$/],
    ['outside connections in version 1', `${GATEWAY}outsideConnections: []\n`, /: unknown key "outsideConnections"$/],
    ['an outside connection that is no flow or link', `${GATEWAY.replace(': 1', ': 2')}outsideConnections:\n  - kind: site\n    id: x\n`, /: outsideConnections\[0\]\.kind: /],
    [
      'an outside connection joining none of the elements',
      `${GATEWAY.replace(': 1', ': 2')}outsideConnections:\n  - { kind: flow, id: a-to-b, from: a, to: b, signals: [traces] }\n`,
      /: outsideConnections\[0\]: a-to-b joins none of the pasted elements\.$/,
    ],
    [
      'an outside connection with an element\'s id',
      `${GATEWAY.replace(': 1', ': 2')}outsideConnections:\n  - { kind: flow, id: gateway, from: agent, to: gateway, signals: [traces] }\n`,
      /: outsideConnections\[0\]: the id gateway is used twice\.$/,
    ],
    ['no elements', 'otelTopologyFragment: 1\nelements: []\n', /: elements: list at least one element$/],
    ['an unknown kind', GATEWAY.replace('kind: collector', 'kind: router'), /: elements\[0\]\.kind: .*expected one of "site", "cluster", "collector"/],
    ['a field out of range', `${GATEWAY}    replicas: 0\n`, /: elements\[0\]\.replicas: /],
    ['a missing field', GATEWAY.replace('    cluster: eks\n', ''), /: elements\[0\]\.cluster: /],
    ['an unknown key', `${GATEWAY}extra: true\n`, /: unknown key "extra"$/],
    ['an id used twice', GATEWAY + GATEWAY.split('elements:\n')[1], /: the id gateway is used twice\.$/],
    ['a placement of no element', `${GATEWAY}layout:\n  router: { x: 1, y: 2 }\n`, /: layout\.router: no element router among the pasted elements\.$/],
    ['a placement that is not one', `${GATEWAY}layout:\n  gateway: { x: left, y: 2 }\n`, /: layout\.gateway\.x: /],
  ])('GIVEN a fragment with %s WHEN read THEN it is refused with a message that says where', (_name, text, error) => {
    const read = readFragment(text);
    expect(read?.ok).toBe(false);
    if (read?.ok !== false) return;
    expect(read.error).toMatch(/^Cannot paste these topology elements: /);
    expect(read.error).toMatch(error);
  });
});
