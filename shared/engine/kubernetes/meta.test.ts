import { describe, expect, it } from 'vitest';
import { clusterScopedName, compact, dnsLabel } from './meta.js';

describe('dnsLabel', () => {
  it('GIVEN a valid label WHEN cleaned THEN it is kept as it is', () => {
    expect(dnsLabel('tls-gateway-cert')).toBe('tls-gateway-cert');
  });

  it('GIVEN dots or a name too long WHEN cleaned THEN a valid label with a hash of the original comes out', () => {
    expect(dnsLabel('tls-gw.example.com')).toMatch(/^tls-gw-example-com-[0-9a-f]{8}$/);
    expect(dnsLabel('tls-gw.example.com')).not.toBe(dnsLabel('tls-gw-example.com'));
    const long = dnsLabel(`tls-${'x'.repeat(80)}`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});

describe('compact', () => {
  it('GIVEN undefined values in maps and lists WHEN compacted THEN they are gone and the rest is untouched', () => {
    expect(compact({ a: 1, b: undefined, c: [1, undefined, { d: undefined, e: null }] })).toStrictEqual({ a: 1, c: [1, { e: null }] });
  });
});

describe('clusterScopedName', () => {
  it('GIVEN a namespace and collector WHEN named THEN both are in the name', () => {
    expect(clusterScopedName('observability', 'agent')).toBe('otel-observability-agent');
  });
});
