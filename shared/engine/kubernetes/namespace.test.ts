import { describe, expect, it } from 'vitest';
import { cluster } from '../../testing/builders.js';
import { namespaceObject } from './namespace.js';

describe('namespaceObject', () => {
  it('GIVEN a cluster with a namespace WHEN generated THEN it is a labelled Namespace of that name', () => {
    expect(namespaceObject(cluster('eks', 'aws', { namespace: 'telemetry' }))).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'telemetry',
        labels: { 'app.kubernetes.io/part-of': 'otel-topology', 'app.kubernetes.io/managed-by': 'otel-topology-designer' },
      },
    });
  });
});
