import { describe, expect, it } from 'vitest';
import { collectorEnv, workloadEnv } from './workload-env.js';

describe('workloadEnv', () => {
  it('GIVEN a container env WHEN read THEN literals, Secret keys and pod fields are kept, the engine’s own variables dropped, the rest listed', () => {
    const env = [
      { name: 'MY_POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'LEVEL', value: 'info' },
      { name: 'PORT', value: 8080 },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'auth', key: 'token' } } },
      { name: 'LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
      { name: 'not a name', value: 'x' },
    ];
    expect(workloadEnv(env, [{ secretRef: { name: 'keys' }, prefix: 'K_' }, { configMapRef: { name: 'settings' } }])).toStrictEqual({
      variables: [
        // A variable the engine sets differently is the user's: it replaces the engine's.
        { name: 'K8S_NODE_NAME', value: { field: 'metadata.name' } },
        { name: 'LEVEL', value: 'info' },
        { name: 'PORT', value: '8080' },
        { name: 'TOKEN', value: { secret: { name: 'auth', key: 'token' } } },
      ],
      fromSecrets: [{ secret: 'keys', prefix: 'K_' }],
      skipped: ['env LIMIT (from resource limits.memory)', 'envFrom ConfigMap settings'],
    });
  });
});

describe('collectorEnv', () => {
  it('GIVEN variables the config reads WHEN one envFrom Secret can provide them THEN they read its keys; where several can, they are reported', () => {
    const one = workloadEnv([], [{ secretRef: { name: 'keys' }, prefix: 'K_' }]);
    expect(collectorEnv(one, ['K_API', 'OTHER', 'MY_POD_IP'])).toStrictEqual({ env: { K_API: { secret: { name: 'keys', key: 'API' } } }, notes: [] });
    const two = workloadEnv([], [{ secretRef: { name: 'a' } }, { secretRef: { name: 'b' } }]);
    expect(collectorEnv(two, ['API'])).toStrictEqual({ env: {}, notes: ['env API not imported: any of the envFrom Secrets a, b may hold it'] });
  });
});
