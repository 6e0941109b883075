import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { unencryptedCrossSite } from './unencrypted-cross-site.js';

/** An on-prem agent sending to a cloud gateway over `links`. */
function design(links: Element[], extra: Element[] = [], requireTlsAcrossSites = false) {
  return topology(
    [
      site('dc', { provider: 'onprem', region: 'paris' }),
      site('aws'),
      ...links,
      cluster('k8s', 'dc', { platform: 'kubernetes' }),
      cluster('eks', 'aws'),
      agent('agent', 'k8s'),
      gateway('gw', 'eks', { tls: { certSecret: 'gw-tls' } }),
      ...extra,
    ],
    { policy: { requireTlsAcrossSites } },
  );
}

const dx = link('dx', 'dc', 'aws', { type: 'aws-direct-connect' });
const plainOverDx = design([dx], [flow('wan', 'agent', 'gw')]);
const insecureBackend = design(
  [dx],
  [backend('tempo', { type: 'otlp', endpoint: 'tempo.aws:4317', insecure: true, site: 'aws' }), flow('to-tempo', 'agent', 'tempo')],
);
const httpBackend = design(
  [link('net', 'dc', 'aws', { type: 'internet' })],
  [backend('vendor', { type: 'otlphttp', endpoint: 'http://otlp.vendor.example', site: 'aws' }), flow('to-vendor', 'agent', 'vendor')],
);

const cases: RuleCase[] = [
  { name: 'TLS over Direct Connect', topology: design([dx], [flow('wan', 'agent', 'gw', { tls: { mode: 'tls' } })]), diagnostics: [] },
  { name: 'plain text inside an IPsec VPN', topology: design([link('vpn', 'dc', 'aws')], [flow('wan', 'agent', 'gw')]), diagnostics: [] },
  {
    name: 'plain text over Direct Connect without MACsec',
    topology: plainOverDx,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['wan', 'dx'],
        message: /Flow 'wan' goes from site 'dc' to site 'aws' without TLS over link 'dx' \(aws-direct-connect\), which does not encrypt traffic: .*Use TLS/,
        path: ['elements', 7, 'tls'],
      },
    ],
  },
  {
    name: 'Direct Connect with MACsec (encrypted: true) is fine',
    topology: design([link('dx', 'dc', 'aws', { type: 'aws-direct-connect', encrypted: true })], [flow('wan', 'agent', 'gw')]),
    diagnostics: [],
  },
  {
    name: 'the policy requires TLS even inside a VPN',
    topology: design([link('vpn', 'dc', 'aws')], [flow('wan', 'agent', 'gw')], true),
    diagnostics: [{ severity: 'error', elementIds: ['wan'], message: /Flow 'wan' goes from site 'dc' to site 'aws' without TLS, and the policy requires TLS across sites\./ }],
  },
  {
    name: 'an insecure OTLP backend in another site',
    topology: insecureBackend,
    diagnostics: [
      { severity: 'error', elementIds: ['to-tempo', 'dx', 'tempo'], message: /Flow 'to-tempo' goes from site 'dc' to site 'aws' in plain text \(backend 'tempo' is set to insecure\) over link 'dx'.*Connect to backend 'tempo' over TLS/, path: ['elements', 7] },
    ],
  },
  {
    name: 'an http:// backend over the internet',
    topology: httpBackend,
    diagnostics: [{ severity: 'error', elementIds: ['to-vendor', 'net', 'vendor'], message: /in plain text \(backend 'vendor' has an http:\/\/ endpoint\) over link 'net' \(internet\)/ }],
  },
  {
    name: 'cloud exporters use HTTPS whatever the flow says',
    topology: design([dx], [backend('xray', { type: 'awsxray', region: 'eu-west-3', site: 'aws' }), flow('to-xray', 'agent', 'xray')], true),
    diagnostics: [],
  },
];

describe('unencrypted-cross-site', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(unencryptedCrossSite, checkRule(unencryptedCrossSite, model), diagnostics);
  });

  it('quick fixes: TLS on the flow, secure or https on the backend', () => {
    expect(applyFix(unencryptedCrossSite, plainOverDx).elements[7]).toMatchObject({ tls: { mode: 'tls' } });
    expect(applyFix(unencryptedCrossSite, insecureBackend).elements[7]).toMatchObject({ insecure: false });
    expect(applyFix(unencryptedCrossSite, httpBackend).elements[7]).toMatchObject({ endpoint: 'https://otlp.vendor.example' });
  });
});
