import { describe, expect, it } from 'vitest';
import { agentToGateway, site, topology } from '../../shared/testing/builders.js';
import { stringifyTopology } from '../../shared/io/topology-file.js';
import { copyFragment } from './fragment.js';
import { fragmentText, readFragment } from './fragment-text.js';

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
    expect(text).toMatch(/^# OTel Topology Designer: topology elements.*\notelTopologyFragment: 1\nelements:\n {2}- kind: site\n {4}id: aws-use1\n/);
    expect(text).toContain('layout:\n  aws-use1:\n    x: 10\n');
    expect(readFragment(text)).toStrictEqual({ ok: true, fragment });
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
    ['another version', GATEWAY.replace(': 1', ': 2'), /: it is format version 2; this app reads version 1\.$/],
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
