import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import { agent, backend, cluster, flow, site, topology } from '../../testing/builders.js';
import { generateCollectorConfig } from './config.js';
import { collectorContext } from './context.js';
import { mergeConfig } from './components.js';

describe('mergeConfig', () => {
  it('GIVEN maps and lists WHEN merged THEN maps merge key by key and lists are replaced', () => {
    expect(mergeConfig({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 })).toStrictEqual({ a: { b: 1, c: [3] }, d: 1, e: 2 });
  });

  it('GIVEN an override { $patch: delete } WHEN merged THEN the key is removed, at any depth and where it never was', () => {
    expect(mergeConfig({ a: { b: 1, c: 2 }, d: 1 }, { a: { b: { $patch: 'delete' } }, d: { $patch: 'delete' }, x: { $patch: 'delete' } })).toStrictEqual({ a: { c: 2 } });
  });

  it('GIVEN a map replacing a scalar WHEN merged THEN delete markers inside it are applied, not copied', () => {
    expect(mergeConfig({ a: 1 }, { a: { b: 2, c: { $patch: 'delete' } } })).toStrictEqual({ a: { b: 2 } });
  });

  it('GIVEN a map with $patch beside other keys WHEN merged THEN it is an ordinary value', () => {
    expect(mergeConfig({}, { a: { $patch: 'delete', b: 1 } })).toStrictEqual({ a: { $patch: 'delete', b: 1 } });
  });
});

describe('flow exporterName', () => {
  function exportersOf(fields: Parameters<typeof flow>[3]) {
    const model = topology([site('s'), cluster('c', 's'), agent('a', 'c'), backend('store', { type: 'debug' }), flow('f', 'a', 'store', fields)]);
    const index = indexTopology(model);
    return Object.keys(generateCollectorConfig(collectorContext(index, index.collector('a')!)).config.exporters as object);
  }

  it('GIVEN no exporterName WHEN generated THEN the exporter is named after the target', () => {
    expect(exportersOf({})).toStrictEqual(['debug/store']);
  });

  it('GIVEN an exporterName WHEN generated THEN the exporter keeps that name, and an empty one gives a bare type', () => {
    expect(exportersOf({ exporterName: 'imported' })).toStrictEqual(['debug/imported']);
    expect(exportersOf({ exporterName: '' })).toStrictEqual(['debug']);
  });
});
