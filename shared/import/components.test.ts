import { describe, expect, it } from 'vitest';
import { serverTls } from './components.js';

const CERT = { cert_file: '/etc/otelcol/tls/gw/tls.crt', key_file: '/etc/otelcol/tls/gw/tls.key' };
const otlp = (grpcTls: unknown, httpTls: unknown = grpcTls) => ({ otlp: { protocols: { grpc: { tls: grpcTls }, http: { tls: httpTls } } } });

describe('serverTls', () => {
  const cases: Array<{ name: string; receivers: Record<string, unknown>; expected: unknown }> = [
    { name: 'a certificate in the engine’s layout on both protocols', receivers: otlp(CERT), expected: { certSecret: 'gw' } },
    { name: 'a client CA too (mutual TLS)', receivers: otlp({ ...CERT, client_ca_file: '/etc/otelcol/tls/clients/ca.crt' }), expected: { certSecret: 'gw', clientCaSecret: 'clients' } },
    { name: 'no TLS', receivers: { otlp: { protocols: { grpc: {} } } }, expected: undefined },
    { name: 'TLS on one protocol only', receivers: { otlp: { protocols: { grpc: { tls: CERT }, http: {} } } }, expected: undefined },
    { name: 'files elsewhere', receivers: otlp({ cert_file: '/certs/tls.crt', key_file: '/certs/tls.key' }), expected: undefined },
    { name: 'certificate and key from two Secrets', receivers: otlp({ cert_file: CERT.cert_file, key_file: '/etc/otelcol/tls/other/tls.key' }), expected: undefined },
    { name: 'settings the model has no field for', receivers: otlp({ ...CERT, min_version: '1.3' }), expected: undefined },
    { name: 'no OTLP receiver', receivers: { jaeger: { protocols: { grpc: { tls: CERT } } } }, expected: undefined },
  ];
  it.each(cases)('GIVEN $name WHEN read THEN the server TLS is as expected', ({ receivers, expected }) => {
    expect(serverTls(receivers)).toStrictEqual(expected);
  });
});
