import { describe, expect, it } from 'vitest';
import type { Collector } from '../../model/collector.js';
import type { Flow } from '../../model/flow.js';
import { agent, backend, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { tlsServerMissing } from './tls-server-missing.js';

function design(serverTls: Collector['tls'], clientTls: Partial<Flow['tls']>) {
  return topology([
    site('s'),
    cluster('k', 's'),
    agent('agent', 'k'),
    gateway('gw', 'k', serverTls ? { tls: serverTls } : {}),
    backend('debug'),
    flow('in', 'agent', 'gw', { tls: { mode: 'none', ...clientTls } }),
    flow('out', 'gw', 'debug'),
  ]);
}

const noServerCert = design(undefined, { mode: 'tls' });
const withGatewayOverrides = (model: ReturnType<typeof design>, overrides: Record<string, unknown>) =>
  ({ ...model, elements: model.elements.map((element) => (element.id === 'gw' ? { ...element, overrides } : element)) }) as ReturnType<typeof design>;
const noClientCert = design({ certSecret: 'gw-tls', clientCaSecret: 'clients-ca' }, { mode: 'mtls' });
const plainIntoTls = design({ certSecret: 'gw-tls' }, { mode: 'none' });
const tlsIntoMtls = design({ certSecret: 'gw-tls', clientCaSecret: 'clients-ca' }, { mode: 'tls' });
const mtlsUnchecked = design({ certSecret: 'gw-tls' }, { mode: 'mtls', clientCertSecret: 'agent-cert' });

const cases: RuleCase[] = [
  { name: 'plain text to a plain receiver', topology: design(undefined, {}), diagnostics: [] },
  { name: 'TLS to a collector with a certificate', topology: design({ certSecret: 'gw-tls' }, { mode: 'tls' }), diagnostics: [] },
  {
    name: 'TLS to a collector whose overrides give its receiver a certificate (an imported config)',
    topology: withGatewayOverrides(noServerCert, { receivers: { otlp: { protocols: { grpc: { tls: { cert_file: '/certs/tls.crt', key_file: '/certs/tls.key' } } } } } }),
    diagnostics: [],
  },
  {
    name: 'TLS to a collector whose overrides only remove its receiver’s TLS',
    topology: withGatewayOverrides(noServerCert, { receivers: { otlp: { protocols: { grpc: { tls: { $patch: 'delete' } } } } } }),
    diagnostics: [{ severity: 'error', elementIds: ['in', 'gw'], message: /has no server certificate/, path: ['elements', 5, 'tls', 'mode'] }],
  },
  { name: 'mutual TLS on both sides', topology: design({ certSecret: 'gw-tls', clientCaSecret: 'ca' }, { mode: 'mtls', clientCertSecret: 'agent-cert' }), diagnostics: [] },
  {
    name: 'TLS to a collector without a server certificate',
    topology: noServerCert,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['in', 'gw'],
        message: /Flow 'in' connects to 'gw' with TLS, but 'gw' has no server certificate: .*handshake fails\. Give 'gw' a TLS certificate Secret/,
        path: ['elements', 5, 'tls', 'mode'],
      },
    ],
  },
  {
    name: 'mutual TLS without a client certificate',
    topology: noClientCert,
    diagnostics: [{ severity: 'error', elementIds: ['in', 'agent'], message: /Flow 'in' uses mutual TLS but names no client certificate: 'agent' has nothing to present/, path: ['elements', 5, 'tls'] }],
  },
  {
    name: 'plain text into a collector that requires TLS',
    topology: plainIntoTls,
    diagnostics: [{ severity: 'error', elementIds: ['in', 'gw'], message: /sends plain text to 'gw', whose receiver requires TLS \(certificate 'gw-tls'\): the connection is refused\. Set the flow's TLS mode to tls/ }],
  },
  {
    name: 'TLS without a client certificate into a collector that checks them',
    topology: tlsIntoMtls,
    diagnostics: [{ severity: 'error', elementIds: ['in', 'gw'], message: /requires one \(client CA 'clients-ca'\): the handshake fails\. Use mutual TLS/ }],
  },
  {
    name: 'mutual TLS into a collector that does not check client certificates: a warning',
    topology: mtlsUnchecked,
    diagnostics: [{ severity: 'warning', elementIds: ['in', 'gw'], message: /'gw' does not check client certificates \(no tls.clientCaSecret\): any client that reaches it can send/, path: ['elements', 3, 'tls'] }],
  },
];

describe('tls-server-missing', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(tlsServerMissing, checkRule(tlsServerMissing, model), diagnostics);
  });

  it('quick fixes', () => {
    expect(applyFix(tlsServerMissing, noServerCert).elements[3]).toMatchObject({ tls: { certSecret: 'gw-tls' } });
    expect(applyFix(tlsServerMissing, noClientCert).elements[5]).toMatchObject({ tls: { mode: 'mtls', clientCertSecret: 'agent-client-tls' } });
    expect(applyFix(tlsServerMissing, plainIntoTls).elements[5]).toMatchObject({ tls: { mode: 'tls' } });
    expect(applyFix(tlsServerMissing, tlsIntoMtls).elements[5]).toMatchObject({ tls: { mode: 'mtls', clientCertSecret: 'agent-client-tls' } });
    expect(applyFix(tlsServerMissing, mtlsUnchecked).elements[3]).toMatchObject({ tls: { certSecret: 'gw-tls', clientCaSecret: 'gw-client-ca' } });
  });
});
