import { describe, expect, it } from 'vitest';
import { exporterSettings, flowTls, headerValues } from './flow-settings.js';

describe('flowTls', () => {
  const cases: Array<{ name: string; tls: unknown; protocol: 'grpc' | 'http'; endpoint?: string; expected: unknown }> = [
    { name: 'insecure', tls: { insecure: true }, protocol: 'grpc', expected: { mode: 'none' } },
    { name: 'absent on gRPC (the collector then uses TLS)', tls: undefined, protocol: 'grpc', expected: { mode: 'tls' } },
    { name: 'absent on HTTP to http://', tls: undefined, protocol: 'http', endpoint: 'http://gw:4318', expected: undefined },
    { name: 'absent on HTTP to https://', tls: undefined, protocol: 'http', endpoint: 'https://gw:4318', expected: { mode: 'tls' } },
    { name: 'a CA in the engine’s layout', tls: { ca_file: '/etc/otelcol/tls/ca/ca.crt' }, protocol: 'grpc', expected: { mode: 'tls', caSecret: 'ca' } },
    { name: 'a CA elsewhere (the overrides keep the path)', tls: { ca_file: '/certs/ca.pem' }, protocol: 'grpc', expected: { mode: 'tls' } },
    {
      name: 'a client certificate and key from one Secret',
      tls: { ca_file: '/etc/otelcol/tls/ca/ca.crt', cert_file: '/etc/otelcol/tls/client/tls.crt', key_file: '/etc/otelcol/tls/client/tls.key' },
      protocol: 'grpc',
      expected: { mode: 'mtls', caSecret: 'ca', clientCertSecret: 'client' },
    },
    {
      name: 'a certificate and key from two Secrets',
      tls: { cert_file: '/etc/otelcol/tls/a/tls.crt', key_file: '/etc/otelcol/tls/b/tls.key' },
      protocol: 'grpc',
      expected: { mode: 'mtls' },
    },
    { name: 'not a map', tls: 'yes', protocol: 'grpc', expected: undefined },
  ];
  it.each(cases)('GIVEN $name WHEN read THEN the flow TLS is as expected', ({ tls, protocol, endpoint, expected }) => {
    expect(flowTls(tls, protocol, endpoint)).toStrictEqual(expected);
  });
});

describe('exporterSettings', () => {
  const all = { compression: true, retry: true, queue: true };
  const cases: Array<{ name: string; body: Record<string, unknown>; keys?: typeof all; expected: unknown }> = [
    { name: 'nothing set', body: {}, expected: {} },
    { name: 'a known compression', body: { compression: 'snappy' }, expected: { compression: 'snappy' } },
    { name: 'an unknown compression (kept as an override)', body: { compression: 'lz4' }, expected: {} },
    { name: 'retry off', body: { retry_on_failure: { enabled: false } }, expected: { retry: { enabled: false, initialInterval: '5s', maxInterval: '30s', maxElapsedTime: '300s' } } },
    { name: 'retry with one interval', body: { retry_on_failure: { initial_interval: '2s' } }, expected: { retry: { enabled: true, initialInterval: '2s', maxInterval: '30s', maxElapsedTime: '300s' } } },
    { name: 'retry with a malformed interval', body: { retry_on_failure: { initial_interval: 'soon' } }, expected: {} },
    { name: 'queue off', body: { sending_queue: { enabled: false } }, expected: { queue: { type: 'none', size: 1000, consumers: 10 } } },
    { name: 'a persistent queue on the engine’s storage', body: { sending_queue: { storage: 'file_storage/queue', queue_size: 50 } }, expected: { queue: { type: 'persistent', size: 50, consumers: 10 } } },
    { name: 'a queue on another storage', body: { sending_queue: { storage: 'file_storage/mine' } }, expected: { queue: { type: 'memory', size: 1000, consumers: 10 } } },
    { name: 'settings the exporter does not carry', body: { compression: 'zstd', sending_queue: { enabled: false } }, keys: { compression: false, retry: true, queue: false }, expected: {} },
  ];
  it.each(cases)('GIVEN $name WHEN read THEN the flow settings are as expected', ({ body, keys, expected }) => {
    expect(exporterSettings(body, keys ?? all)).toStrictEqual(expected);
  });
});

describe('headerValues', () => {
  const secrets = (variable: string) => (variable === 'API_KEY' ? { name: 'vendor', key: 'api-key' } : undefined);
  it('GIVEN headers WHEN read THEN a whole ${env:} value becomes a reference, with its Secret where the workload says', () => {
    expect(headerValues({ 'x-api-key': '${env:API_KEY}', authorization: 'Bearer ${env:TOKEN}', 'x-org': '${env:ORG}' }, secrets)).toStrictEqual({
      'x-api-key': { env: 'API_KEY', secret: { name: 'vendor', key: 'api-key' } },
      authorization: 'Bearer ${env:TOKEN}',
      'x-org': { env: 'ORG' },
    });
  });
  it('GIVEN a header that is not a string WHEN read THEN the headers stay in the overrides', () => {
    expect(headerValues({ 'x-count': 3 }, secrets)).toBeUndefined();
  });
});
