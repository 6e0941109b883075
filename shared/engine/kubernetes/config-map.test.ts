import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import { agentToGateway } from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { configMapObject } from './config-map.js';

describe('configMapObject', () => {
  it('GIVEN a collector WHEN generated THEN `<id>-config` holds its config text under collector.yaml', () => {
    const index = indexTopology(agentToGateway());
    const plan = planCollector(index, index.collector('gateway')!);
    const configMap = configMapObject(index.clusters[0]!, plan);
    expect(configMap.metadata.name).toBe('gateway-config');
    expect(configMap.metadata.namespace).toBe('observability');
    expect(configMap.data).toStrictEqual({ 'collector.yaml': plan.configText });
  });
});
