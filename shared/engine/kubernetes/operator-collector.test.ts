import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import { agent, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { operatorCollectorObject } from './operator-collector.js';

describe('operatorCollectorObject', () => {
  it('GIVEN a sidecar collector WHEN generated THEN an OpenTelemetryCollector v1beta1 in sidecar mode carries the config inline', () => {
    const eks = cluster('eks', 'aws', { namespace: 'apps' });
    const index = indexTopology(
      topology([
        site('aws'),
        eks,
        agent('sc', 'eks', { mode: 'sidecar', resources: { requests: { cpu: '50m' }, limits: { memory: '128Mi' } } }),
        gateway('gw', 'eks'),
        flow('out', 'sc', 'gw', { tls: { mode: 'tls', caSecret: 'gw-ca' } }),
      ]),
    );
    const plan = planCollector(index, index.collector('sc')!);
    expect(operatorCollectorObject(eks, plan)).toStrictEqual({
      apiVersion: 'opentelemetry.io/v1beta1',
      kind: 'OpenTelemetryCollector',
      metadata: {
        name: 'sc',
        namespace: 'apps',
        labels: {
          'app.kubernetes.io/name': 'opentelemetry-collector',
          'app.kubernetes.io/instance': 'sc',
          'app.kubernetes.io/part-of': 'otel-topology',
          'app.kubernetes.io/managed-by': 'otel-topology-designer',
          'app.kubernetes.io/component': 'agent',
        },
      },
      spec: {
        mode: 'sidecar',
        image: 'otel/opentelemetry-collector-contrib:0.158.0',
        config: plan.config,
        resources: { requests: { cpu: '50m' }, limits: { memory: '128Mi' } },
        env: [
          { name: 'MY_POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          { name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
          { name: 'GOMEMLIMIT', value: '102MiB' },
        ],
        securityContext: {
          runAsNonRoot: true,
          runAsUser: 10001,
          runAsGroup: 10001,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
        volumes: [{ name: 'tls-gw-ca', secret: { secretName: 'gw-ca' } }],
        volumeMounts: [{ name: 'tls-gw-ca', mountPath: '/etc/otelcol/tls/gw-ca', readOnly: true }],
      },
    });
  });
});
