import { describe, expect, it } from 'vitest';
import { cluster, gateway, site, topology, planFor } from '../../testing/builders.js';
import { hpaObject } from './hpa.js';

const eks = cluster('eks', 'aws');
const planOf = (fields: Parameters<typeof gateway>[2]) => planFor(topology([site('aws'), eks, gateway('gw', 'eks', fields)]), 'gw');

describe('hpaObject', () => {
  it('GIVEN a gateway with autoscaling WHEN generated THEN an autoscaling/v2 HPA targets its Deployment on CPU', () => {
    const plan = planOf({ autoscaling: { minReplicas: 2, maxReplicas: 8, targetCpuUtilization: 60 } });
    expect(hpaObject(eks, plan, 'deployment')).toStrictEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'gw',
        namespace: 'observability',
        labels: {
          'app.kubernetes.io/name': 'opentelemetry-collector',
          'app.kubernetes.io/instance': 'gw',
          'app.kubernetes.io/part-of': 'otel-topology',
          'app.kubernetes.io/managed-by': 'otel-topology-designer',
          'app.kubernetes.io/component': 'gateway',
        },
      },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gw' },
        minReplicas: 2,
        maxReplicas: 8,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }],
      },
    });
  });

  it('GIVEN a StatefulSet WHEN generated THEN the HPA targets the StatefulSet', () => {
    const plan = planOf({ mode: 'statefulset', autoscaling: { minReplicas: 2, maxReplicas: 4 } });
    expect((hpaObject(eks, plan, 'statefulset')?.spec as { scaleTargetRef: unknown }).scaleTargetRef).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: 'gw',
    });
  });

  it('GIVEN no autoscaling, or a DaemonSet WHEN generated THEN there is no HPA', () => {
    expect(hpaObject(eks, planOf({}), 'deployment')).toBeUndefined();
    expect(hpaObject(eks, planOf({ autoscaling: { minReplicas: 2, maxReplicas: 4 } }), 'daemonset')).toBeUndefined();
  });
});
