import { describe, expect, it } from 'vitest';
import { cluster, gateway, site, topology, planFor } from '../../testing/builders.js';
import { pdbObject } from './pdb.js';

const eks = cluster('eks', 'aws');
const planOf = (fields: Parameters<typeof gateway>[2]) => planFor(topology([site('aws'), eks, gateway('gw', 'eks', fields)]), 'gw');

describe('pdbObject', () => {
  it('GIVEN two replicas WHEN generated THEN at most one may be unavailable', () => {
    expect(pdbObject(eks, planOf({ replicas: 2 }), 'deployment')?.spec).toStrictEqual({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector', 'app.kubernetes.io/instance': 'gw' } },
    });
    expect(pdbObject(eks, planOf({ replicas: 2 }), 'deployment')?.apiVersion).toBe('policy/v1');
  });

  it('GIVEN autoscaling from one replica WHEN generated THEN there is a budget', () => {
    expect(pdbObject(eks, planOf({ replicas: 1, autoscaling: { minReplicas: 1, maxReplicas: 3 } }), 'deployment')).toBeDefined();
  });

  it('GIVEN one replica, or a DaemonSet WHEN generated THEN there is none (it would block node drains)', () => {
    expect(pdbObject(eks, planOf({ replicas: 1 }), 'deployment')).toBeUndefined();
    expect(pdbObject(eks, planOf({ replicas: 3 }), 'daemonset')).toBeUndefined();
  });
});
