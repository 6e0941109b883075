import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import type { Element } from '../../model/topology.js';
import * as build from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { cloudRunFiles, cloudRunCpu, CONFIG_ENV, secretManagerName } from './cloud-run.js';

const VENDOR_KEY = { env: 'VENDOR_KEY', secret: { name: 'vendor', key: 'api-key' } };

/** A Cloud Run gateway `gw` in GCP, fed from an agent in AWS, exporting to a vendor over OTLP/HTTP. */
function cloudRun(gatewayFields: Parameters<typeof build.gateway>[2] = {}, extra: Element[] = [], incoming = ['grpc'] as Array<'grpc' | 'http'>) {
  const topology = build.topology([
    build.site('aws-euw1', { provider: 'aws', region: 'eu-west-1' }),
    build.site('gcp-euw1', { provider: 'gcp', region: 'europe-west1' }),
    build.cluster('eks', 'aws-euw1'),
    build.cluster('run', 'gcp-euw1', {
      platform: 'cloudrun',
      gcpProject: 'obs-prod',
      identity: { gcpServiceAccount: 'otel@obs-prod.iam.gserviceaccount.com' },
    }),
    build.agent('agent', 'eks'),
    build.gateway('gw', 'run', gatewayFields),
    build.backend('vendor', { type: 'otlphttp', endpoint: 'https://otlp.vendor.example', headers: { 'api-key': VENDOR_KEY } }),
    ...incoming.map((protocol, n) => build.flow(`in-${n}`, 'agent', 'gw', { protocol })),
    build.flow('gw-to-vendor', 'gw', 'vendor'),
    ...extra,
  ]);
  const index = indexTopology(topology);
  const cluster = index.clusters.find((candidate) => candidate.id === 'run')!;
  const plan = planCollector(index, index.collector('gw')!);
  const files = cloudRunFiles(index, cluster, [plan]);
  const file = (path: string) => files.find((candidate) => candidate.path === path)!;
  return { plan, files, file, service: () => parse(file('gw/service.yaml').content) };
}

describe('cloudRunFiles', () => {
  it('writes a Knative Service, the plain config and a README per collector', () => {
    // GIVEN a Cloud Run gateway  WHEN its files are generated
    const { files, plan } = cloudRun();
    // THEN there are three files, in the collector's folder
    expect(files.map((file) => file.path)).toStrictEqual(['gw/service.yaml', 'gw/collector.yaml', 'gw/README.md']);
    expect(files.every((file) => file.collectorId === 'gw' && file.clusterId === 'run')).toBe(true);
    // AND collector.yaml is the collector's config as it is
    expect(files[1]!.content).toBe(plan.configText);
  });

  it('has the fields Cloud Run requires: name, project namespace, scale annotations, one container', () => {
    // GIVEN a gateway autoscaled between 2 and 6 instances
    const { service } = cloudRun({ autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 } });
    // WHEN the Service is read back
    const manifest = service();
    // THEN its identity and revision template are what `gcloud run services replace` takes
    expect(manifest.apiVersion).toBe('serving.knative.dev/v1');
    expect(manifest.kind).toBe('Service');
    expect(manifest.metadata).toStrictEqual({
      name: 'gw',
      namespace: 'obs-prod',
      annotations: { 'run.googleapis.com/ingress': 'all' },
    });
    expect(manifest.spec.template.metadata.annotations).toStrictEqual({
      'autoscaling.knative.dev/minScale': '2',
      'autoscaling.knative.dev/maxScale': '6',
      'run.googleapis.com/cpu-throttling': 'false',
    });
    expect(manifest.spec.template.spec.serviceAccountName).toBe('otel@obs-prod.iam.gserviceaccount.com');
    expect(manifest.spec.template.spec.containers).toHaveLength(1);
    const [container] = manifest.spec.template.spec.containers;
    expect(container.image).toBe('otel/opentelemetry-collector-contrib:0.158.0');
    expect(container.resources).toStrictEqual({ limits: { cpu: '1', memory: '512Mi' } });
  });

  it('omits the namespace without a GCP project, and pins the scale to the replicas without autoscaling', () => {
    // GIVEN a gateway with 3 replicas in a Cloud Run cluster with no project
    const topology = build.topology([
      build.site('gcp', { provider: 'gcp', region: 'us-central1' }),
      build.cluster('run', 'gcp', { platform: 'cloudrun' }),
      build.gateway('gw', 'run', { replicas: 3 }),
    ]);
    const index = indexTopology(topology);
    // WHEN its Service is generated
    const [file] = cloudRunFiles(index, index.clusters[0]!, [planCollector(index, index.collector('gw')!)]);
    const manifest = parse(file!.content);
    // THEN gcloud picks the project, and min = max = 3
    expect(manifest.metadata).toStrictEqual({ name: 'gw', annotations: { 'run.googleapis.com/ingress': 'internal' } });
    expect(manifest.spec.template.metadata.annotations['autoscaling.knative.dev/minScale']).toBe('3');
    expect(manifest.spec.template.metadata.annotations['autoscaling.knative.dev/maxScale']).toBe('3');
    expect(manifest.spec.template.spec.serviceAccountName).toBeUndefined();
  });

  it.each([
    { name: 'a gRPC flow arrives', incoming: ['grpc'] as Array<'grpc' | 'http'>, ports: [{ name: 'h2c', containerPort: 4317 }] },
    { name: 'gRPC and HTTP flows arrive', incoming: ['http', 'grpc'] as Array<'grpc' | 'http'>, ports: [{ name: 'h2c', containerPort: 4317 }] },
    { name: 'only HTTP flows arrive', incoming: ['http'] as Array<'grpc' | 'http'>, ports: [{ name: 'http1', containerPort: 4318 }] },
    { name: 'nothing arrives', incoming: [] as Array<'grpc' | 'http'>, ports: [{ name: 'http1', containerPort: 4318 }] },
  ])('exposes exactly one port when $name', ({ incoming, ports }) => {
    // GIVEN flows over the given protocols  WHEN the Service is generated
    const manifest = cloudRun({}, [], incoming).service();
    // THEN the one container has one port: h2c for gRPC, http1 otherwise
    expect(manifest.spec.template.spec.containers[0].ports).toStrictEqual(ports);
  });

  it('passes the config through the env: provider and secrets as Secret Manager references', () => {
    // GIVEN a gateway whose exporter reads VENDOR_KEY from a secret
    const { service, plan } = cloudRun();
    // WHEN the container is read back
    const container = service().spec.template.spec.containers[0];
    // THEN the collector loads its config from the variable that carries it
    expect(container.args).toStrictEqual([`--config=env:${CONFIG_ENV}`]);
    const [configVariable, ...rest] = container.env;
    expect(configVariable.name).toBe(CONFIG_ENV);
    expect(parse(configVariable.value)).toStrictEqual(plan.config);
    // AND the secret is a reference to the latest version, never a value
    expect(rest).toStrictEqual([
      { name: 'GOMEMLIMIT', value: '409MiB' },
      { name: 'VENDOR_KEY', valueFrom: { secretKeyRef: { name: 'vendor-api-key', key: 'latest' } } },
    ]);
  });

  it('probes the health_check extension', () => {
    // GIVEN a gateway (health_check on 13133)  WHEN the container is read back
    const container = cloudRun().service().spec.template.spec.containers[0];
    // THEN startup and liveness probes ask it over HTTP, within Cloud Run's 240 s startup budget
    expect(container.startupProbe).toStrictEqual({
      httpGet: { path: '/', port: 13133 },
      periodSeconds: 5,
      timeoutSeconds: 3,
      failureThreshold: 24,
    });
    expect(container.startupProbe.periodSeconds * container.startupProbe.failureThreshold).toBeLessThanOrEqual(240);
    expect(container.livenessProbe.httpGet).toStrictEqual({ path: '/', port: 13133 });
  });

  it('mounts a one-file TLS secret from Secret Manager where the config reads it', () => {
    // GIVEN a gateway that verifies the next gateway with a CA secret
    const { service } = cloudRun({}, [
      build.gateway('central', 'eks'),
      build.flow('gw-to-central', 'gw', 'central', { tls: { mode: 'tls', caSecret: 'central-ca' } }),
    ]);
    // WHEN the Service is generated
    const spec = service().spec.template.spec;
    // THEN the CA is a Secret Manager volume at /etc/otelcol/tls/central-ca/ca.crt
    expect(spec.volumes).toStrictEqual([
      { name: 'tls-central-ca', secret: { secretName: 'central-ca-ca-crt', items: [{ key: 'latest', path: 'ca.crt' }] } },
    ]);
    expect(spec.containers[0].volumeMounts).toStrictEqual([
      { name: 'tls-central-ca', mountPath: '/etc/otelcol/tls/central-ca', readOnly: true },
    ]);
  });

  it('tells in the README how to deploy and which Secret Manager secrets to create', () => {
    // GIVEN a gateway with a secret  WHEN its README is generated
    const readme = cloudRun().file('gw/README.md').content;
    // THEN it has the gcloud command with region and project, and the secret to create
    expect(readme).toContain('gcloud run services replace gw/service.yaml --region=europe-west1 --project=obs-prod');
    expect(readme).toContain('`vendor-api-key` → `VENDOR_KEY`');
  });

  it('reports flows the single port cannot take', () => {
    // GIVEN HTTP and gRPC flows into one service  WHEN its README is generated
    const readme = cloudRun({}, [], ['grpc', 'http']).file('gw/README.md').content;
    // THEN the HTTP flow is called out
    expect(readme).toContain('flow `in-1` arrives over http, but the service only exposes h2c on 4317');
  });
});

describe('cloudRunCpu', () => {
  it.each([
    { limit: undefined, cpu: '1' },
    { limit: '500m', cpu: '1' },
    { limit: '1', cpu: '1' },
    { limit: '1500m', cpu: '2' },
    { limit: '3', cpu: '4' },
    { limit: '5', cpu: '6' },
    { limit: '16', cpu: '8' },
  ])('turns $limit into $cpu', ({ limit, cpu }) => {
    expect(cloudRunCpu(limit)).toBe(cpu);
  });
});

describe('secretManagerName', () => {
  it('joins name and key with characters Secret Manager accepts', () => {
    expect(secretManagerName({ name: 'gw-tls', key: 'tls.crt' })).toBe('gw-tls-tls-crt');
  });
});
