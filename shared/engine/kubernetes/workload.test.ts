import { describe, expect, it } from 'vitest';
import { agent, backend, cluster, flow, gateway, site, topology, planFor } from '../../testing/builders.js';
import { contentHash } from '../hash.js';
import { workloadObject } from './workload.js';

const eks = cluster('eks', 'aws', { namespace: 'obs' });
const labels = (id: string, role: string) => ({
  'app.kubernetes.io/name': 'opentelemetry-collector',
  'app.kubernetes.io/instance': id,
  'app.kubernetes.io/part-of': 'otel-topology',
  'app.kubernetes.io/managed-by': 'otel-topology-designer',
  'app.kubernetes.io/component': role,
});
type Plain = Record<string, any>;

describe('workloadObject', () => {
  it('GIVEN a plain gateway WHEN generated THEN the whole Deployment is as expected', () => {
    const model = topology([site('aws'), eks, gateway('gw', 'eks', { replicas: 2 }), backend('debug'), flow('out', 'gw', 'debug')]);
    const plan = planFor(model, 'gw');
    expect(workloadObject(eks, plan, 'deployment')).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'gw', namespace: 'obs', labels: labels('gw', 'gateway') },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector', 'app.kubernetes.io/instance': 'gw' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: {
          metadata: { labels: labels('gw', 'gateway'), annotations: { 'checksum/config': contentHash(plan.configText) } },
          spec: {
            serviceAccountName: 'gw',
            securityContext: { fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'otelcol',
                image: 'otel/opentelemetry-collector-contrib:0.158.0',
                imagePullPolicy: 'IfNotPresent',
                args: ['--config=/conf/collector.yaml'],
                ports: [
                  { name: 'otlp-grpc', containerPort: 4317, protocol: 'TCP' },
                  { name: 'otlp-http', containerPort: 4318, protocol: 'TCP' },
                  { name: 'health', containerPort: 13133, protocol: 'TCP' },
                  { name: 'metrics', containerPort: 8888, protocol: 'TCP' },
                ],
                env: [
                  { name: 'MY_POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
                  { name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
                  { name: 'GOMEMLIMIT', value: '409MiB' },
                ],
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                livenessProbe: { httpGet: { path: '/', port: 13133 } },
                readinessProbe: { httpGet: { path: '/', port: 13133 } },
                securityContext: {
                  runAsNonRoot: true,
                  runAsUser: 10001,
                  runAsGroup: 10001,
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
                volumeMounts: [{ name: 'config', mountPath: '/conf', readOnly: true }],
              },
            ],
            volumes: [{ name: 'config', configMap: { name: 'gw-config' } }],
          },
        },
      },
    });
  });

  it('GIVEN env from a literal, a Secret key and a pod field WHEN generated THEN the container reads each, and a user value replaces the engine\'s', () => {
    const env = { LOG_LEVEL: 'debug', API_KEY: { secret: { name: 'vendor', key: 'api-key' } }, POD_NAME: { field: 'metadata.name' }, GOMEMLIMIT: '300MiB' };
    const model = topology([site('aws'), eks, gateway('gw', 'eks', { env })]);
    const container = (workloadObject(eks, planFor(model, 'gw'), 'deployment').spec as Plain).template.spec.containers[0];
    expect(container.env).toStrictEqual([
      { name: 'MY_POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'GOMEMLIMIT', value: '300MiB' },
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'vendor', key: 'api-key' } } },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ]);
  });

  it('GIVEN autoscaling WHEN generated THEN the Deployment leaves replicas to the HPA', () => {
    const model = topology([site('aws'), eks, gateway('gw', 'eks', { autoscaling: { minReplicas: 2, maxReplicas: 4 } })]);
    expect(workloadObject(eks, planFor(model, 'gw'), 'deployment').spec).not.toHaveProperty('replicas');
  });

  it('GIVEN a different config WHEN generated THEN the checksum annotation changes, so pods roll', () => {
    const one = planFor(topology([site('aws'), eks, gateway('gw', 'eks')]), 'gw');
    const two = planFor(topology([site('aws'), eks, gateway('gw', 'eks', { overrides: { service: { telemetry: { logs: { level: 'debug' } } } } })]), 'gw');
    const checksum = (plan: typeof one) => (workloadObject(eks, plan, 'deployment').spec as Plain).template.metadata.annotations['checksum/config'];
    expect(checksum(one)).not.toBe(checksum(two));
  });

  it('GIVEN a StatefulSet with a persistent queue WHEN generated THEN it claims a volume for file_storage and names its headless Service', () => {
    const model = topology([
      site('aws'),
      eks,
      gateway('gw', 'eks', { mode: 'statefulset', replicas: 3 }),
      backend('vendor', { type: 'otlp', endpoint: 'vendor:4317' }),
      flow('out', 'gw', 'vendor', { queue: { type: 'persistent' } }),
    ]);
    const spec = workloadObject(eks, planFor(model, 'gw'), 'statefulset').spec as Plain;
    expect(spec.serviceName).toBe('gw-headless');
    expect(spec.replicas).toBe(3);
    expect(spec.volumeClaimTemplates).toStrictEqual([
      { metadata: { name: 'file-storage' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    ]);
    expect(spec.template.spec.volumes).toStrictEqual([{ name: 'config', configMap: { name: 'gw-config' } }]);
    expect(spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'file-storage', mountPath: '/var/lib/otelcol/file_storage' });
    expect(spec.template.spec.containers[0].securityContext.runAsNonRoot).toBe(true);
  });

  it('GIVEN a Deployment with a persistent queue WHEN generated THEN the queue goes on an emptyDir', () => {
    const model = topology([
      site('aws'),
      eks,
      gateway('gw', 'eks'),
      backend('vendor', { type: 'otlp', endpoint: 'vendor:4317' }),
      flow('out', 'gw', 'vendor', { queue: { type: 'persistent' } }),
    ]);
    const spec = workloadObject(eks, planFor(model, 'gw'), 'deployment').spec as Plain;
    expect(spec.template.spec.volumes).toContainEqual({ name: 'file-storage', emptyDir: {} });
  });

  it('GIVEN an agent with a persistent queue, host metrics and pod logs WHEN generated THEN the DaemonSet mounts the host and runs as root', () => {
    const model = topology([
      site('aws'),
      eks,
      agent('agent', 'eks', { receivers: [{ type: 'otlp' }, { type: 'host_metrics' }, { type: 'file_log' }] }),
      backend('vendor', { type: 'otlp', endpoint: 'vendor:4317' }),
      flow('out', 'agent', 'vendor', { signals: ['traces', 'metrics', 'logs'], queue: { type: 'persistent' } }),
    ]);
    const workload = workloadObject(eks, planFor(model, 'agent'), 'daemonset');
    expect(workload.kind).toBe('DaemonSet');
    const spec = workload.spec as Plain;
    expect(spec).not.toHaveProperty('replicas');
    expect(spec.template.spec.volumes).toStrictEqual([
      { name: 'config', configMap: { name: 'agent-config' } },
      { name: 'file-storage', hostPath: { path: '/var/lib/otelcol/obs-agent', type: 'DirectoryOrCreate' } },
      { name: 'hostfs', hostPath: { path: '/', type: 'Directory' } },
      { name: 'varlogpods', hostPath: { path: '/var/log/pods', type: 'Directory' } },
    ]);
    expect(spec.template.spec.containers[0].volumeMounts).toStrictEqual([
      { name: 'config', mountPath: '/conf', readOnly: true },
      { name: 'file-storage', mountPath: '/var/lib/otelcol/file_storage' },
      { name: 'hostfs', mountPath: '/hostfs', readOnly: true, mountPropagation: 'HostToContainer' },
      { name: 'varlogpods', mountPath: '/var/log/pods', readOnly: true },
    ]);
    expect(spec.template.spec.containers[0].securityContext).toStrictEqual({
      runAsNonRoot: false,
      runAsUser: 0,
      runAsGroup: 0,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(spec.template.spec.securityContext).toStrictEqual({ seccompProfile: { type: 'RuntimeDefault' } });
  });

  it('GIVEN server TLS and a secret header WHEN generated THEN secrets are mounted read-only and fed through secretKeyRef', () => {
    const model = topology([
      site('aws'),
      eks,
      gateway('gw', 'eks', { tls: { certSecret: 'gw-cert', clientCaSecret: 'clients.ca' } }),
      backend('vendor', { type: 'otlp', endpoint: 'vendor:4317', headers: { 'x-api-key': { env: 'API_KEY', secret: { name: 'vendor', key: 'key' } } } }),
      flow('out', 'gw', 'vendor'),
    ]);
    const container = (workloadObject(eks, planFor(model, 'gw'), 'deployment').spec as Plain).template.spec.containers[0];
    expect(container.env).toContainEqual({ name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'vendor', key: 'key' } } });
    expect(container.volumeMounts).toContainEqual({ name: 'tls-gw-cert', mountPath: '/etc/otelcol/tls/gw-cert', readOnly: true });
    const caMount = container.volumeMounts.find((mount: Plain) => mount.mountPath === '/etc/otelcol/tls/clients.ca');
    expect(caMount.name).toMatch(/^tls-clients-ca-[0-9a-f]{8}$/);
  });

  it('GIVEN an AKS identity WHEN generated THEN pods carry the workload-identity label', () => {
    const aks = cluster('aks', 'az', { platform: 'aks', identity: { azureClientId: '11111111-2222-3333-4444-555555555555' } });
    const model = topology([site('az', { provider: 'azure', region: 'westeurope' }), aks, gateway('gw', 'aks')]);
    const labelsOfPods = (workloadObject(aks, planFor(model, 'gw'), 'deployment').spec as Plain).template.metadata.labels;
    expect(labelsOfPods).toStrictEqual({ ...labels('gw', 'gateway'), 'azure.workload.identity/use': 'true' });
  });
});
