/**
 * The Kubernetes manifests of whole topologies, checked the way a cluster would: the Kubernetes
 * schema (kubernetes-models), what that schema does not check (names, ports, unknown fields,
 * references between objects), the Operator's CRD for sidecars, and `kubectl kustomize` on
 * each cluster folder as written to disk.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Namespace, ResourceQuota, Service, ServiceAccount } from 'kubernetes-models/v1';
import { DaemonSet, Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { generate } from '../shared/engine/generate.js';
import type { GeneratedFile } from '../shared/engine/bundle.js';
import type { Topology } from '../shared/model/topology.js';
import { loadTopology } from '../shared/io/topology-file.js';
import { agent, backend, cluster, flow, gateway, site, topology } from '../shared/testing/builders.js';

// ---------------------------------------------------------------------------------------------
// Topologies
// ---------------------------------------------------------------------------------------------

const SCENARIOS: Record<string, () => Topology> = {
  /** EKS with IRSA: node agent (host metrics, kubelet stats, pod logs, k8s_attributes) → autoscaled gateway. */
  'agent and autoscaled gateway on EKS': () =>
    topology([
      site('aws-use1', { cidrs: ['10.0.0.0/16'] }),
      cluster('eks-prod', 'aws-use1', { identity: { awsRoleArn: 'arn:aws:iam::123456789012:role/otel-collector' } }),
      agent('node-agent', 'eks-prod', {
        receivers: [
          { type: 'otlp' },
          { type: 'host_metrics' },
          { type: 'kubelet_stats' },
          { type: 'file_log' },
        ],
        processors: [
          { type: 'memory_limiter' },
          { type: 'k8s_attributes', passthrough: true },
          { type: 'batch' },
        ],
      }),
      gateway('gateway', 'eks-prod', {
        autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 65 },
        processors: [{ type: 'memory_limiter' }, { type: 'k8s_attributes' }, { type: 'batch' }],
      }),
      backend('tempo', {
        type: 'otlp',
        endpoint: 'tempo.example.com:4317',
        headers: { authorization: { env: 'TEMPO_TOKEN', secret: { name: 'tempo-credentials', key: 'token' } } },
      }),
      flow('agent-to-gateway', 'node-agent', 'gateway', { signals: ['traces', 'metrics', 'logs'] }),
      flow('gateway-to-tempo', 'gateway', 'tempo'),
    ]),

  /** GKE Workload Identity: a StatefulSet with a persistent queue and a DaemonSet with one. */
  'persistent queues on GKE': () =>
    topology([
      site('gcp-euw1', { provider: 'gcp', region: 'europe-west1' }),
      cluster('gke-eu', 'gcp-euw1', {
        platform: 'gke',
        namespace: 'telemetry',
        identity: { gcpServiceAccount: 'otel@project.iam.gserviceaccount.com' },
        resourceQuota: { requestsCpu: '4', requestsMemory: '8Gi', limitsCpu: '8', limitsMemory: '16Gi', pods: 40 },
      }),
      agent('agent', 'gke-eu'),
      gateway('queue-gw', 'gke-eu', { mode: 'statefulset', replicas: 3 }),
      // googlecloud gets no sending_queue from the config engine (reported), so the queue is on an OTLP backend.
      backend('vendor', { type: 'otlphttp', endpoint: 'https://otlp.vendor.example.com' }),
      flow('agent-to-gw', 'agent', 'queue-gw', { queue: { type: 'persistent' } }),
      flow('gw-to-vendor', 'queue-gw', 'vendor', { queue: { type: 'persistent', size: 5000 } }),
    ]),

  /** AKS Workload Identity: trace-ID load balancing (k8s resolver) in front of tail samplers, plus k8s_cluster. */
  'load-balanced tail sampling on AKS': () =>
    topology([
      site('azure-weu', { provider: 'azure', region: 'westeurope' }),
      cluster('aks-weu', 'azure-weu', {
        platform: 'aks',
        identity: { azureClientId: '11111111-2222-3333-4444-555555555555' },
        resourceQuota: 'none',
      }),
      gateway('lb', 'aks-weu', { replicas: 2 }),
      gateway('sampler', 'aks-weu', {
        replicas: 3,
        processors: [
          { type: 'memory_limiter' },
          { type: 'tail_sampling', policies: [{ name: 'errors', type: 'status_code', statusCodes: ['ERROR'] }] },
          { type: 'batch' },
        ],
      }),
      gateway('cluster-metrics', 'aks-weu', { replicas: 1, receivers: [{ type: 'k8s_cluster' }] }),
      backend('debug'),
      flow('lb-to-sampler', 'lb', 'sampler', { balancing: { routingKey: 'traceID', resolver: 'k8s' } }),
      flow('sampler-to-debug', 'sampler', 'debug'),
      flow('cluster-metrics-to-debug', 'cluster-metrics', 'debug', { signals: ['metrics'] }),
    ]),

  /** Agents in two clouds send to a central gateway in a third: internal load balancer, remote CIDRs. */
  'cross-cluster aggregation': () =>
    topology([
      site('aws-use1', { cidrs: ['10.0.0.0/16', '10.1.0.0/16'] }),
      site('azure-weu', { provider: 'azure', region: 'westeurope' }),
      site('onprem-dc1', { provider: 'onprem', region: 'dc1', cidrs: ['192.168.0.0/20'] }),
      cluster('eks-central', 'aws-use1'),
      cluster('aks-edge', 'azure-weu', { platform: 'aks' }),
      cluster('dc1-k8s', 'onprem-dc1', { platform: 'kubernetes', namespace: 'otel' }),
      gateway('central', 'eks-central', { replicas: 3, tls: { certSecret: 'central-tls', clientCaSecret: 'central-client-ca' } }),
      agent('azure-agent', 'aks-edge'),
      agent('dc1-agent', 'dc1-k8s'),
      backend('xray', { type: 'awsxray', region: 'us-east-1' }),
      flow('azure-to-central', 'azure-agent', 'central', { tls: { mode: 'mtls', caSecret: 'central-ca', clientCertSecret: 'edge-client' } }),
      flow('dc1-to-central', 'dc1-agent', 'central', { tls: { mode: 'tls', caSecret: 'central-ca' } }),
      flow('central-to-xray', 'central', 'xray'),
    ]),

  /** A sidecar (Operator) sending to a gateway in its cluster. */
  'sidecar through the Operator': () =>
    topology([
      site('aws-usw2', { region: 'us-west-2' }),
      cluster('eks-apps', 'aws-usw2', { namespace: 'apps-otel' }),
      agent('app-sidecar', 'eks-apps', { mode: 'sidecar', receivers: [{ type: 'otlp', protocols: ['grpc'] }] }),
      gateway('gateway', 'eks-apps'),
      backend('debug'),
      flow('sidecar-to-gateway', 'app-sidecar', 'gateway', { protocol: 'http' }),
      flow('gateway-to-debug', 'gateway', 'debug'),
    ]),
};

/** The examples shipped with the product, each a seed scenario, checked the same way. */
const EXAMPLES_DIRECTORY = resolve(import.meta.dirname, '../examples');
for (const name of readdirSync(EXAMPLES_DIRECTORY).filter((file) => file.endsWith('.otel-topology.yaml')).sort()) {
  SCENARIOS[`example ${name}`] = () => {
    const loaded = loadTopology(readFileSync(join(EXAMPLES_DIRECTORY, name), 'utf8'));
    if (!loaded.ok) throw new Error(`${name} does not load: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
    return loaded.topology;
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the bundle
// ---------------------------------------------------------------------------------------------

type Plain = Record<string, unknown>;

interface Manifest {
  readonly file: GeneratedFile;
  readonly cluster: string;
  readonly name: string;
  readonly object: Plain;
}

const KUBERNETES_PLATFORMS = ['eks', 'aks', 'gke', 'kubernetes'];
const kubernetesClusterIds = (model: Topology) =>
  new Set(model.elements.flatMap((element) => (element.kind === 'cluster' && KUBERNETES_PLATFORMS.includes(element.platform) ? [element.id] : [])));

/** The folders of Kubernetes clusters (Cloud Run, Lambda and VM folders hold other kinds of files). */
function clusterFolders(model: Topology, files: readonly GeneratedFile[]): Map<string, GeneratedFile[]> {
  const kubernetes = kubernetesClusterIds(model);
  const folders = new Map<string, GeneratedFile[]>();
  for (const file of files) {
    const match = /^clusters\/([^/]+)\/(.+)$/.exec(file.path);
    if (!match || !kubernetes.has(match[1]!)) continue;
    folders.set(match[1]!, [...(folders.get(match[1]!) ?? []), file]);
  }
  return folders;
}

function manifestsOf(model: Topology, files: readonly GeneratedFile[]): Manifest[] {
  const kubernetes = kubernetesClusterIds(model);
  return files
    .filter((file) => kubernetes.has(file.path.split('/')[1]!) && file.path.startsWith('clusters/') && !file.path.endsWith('/kustomization.yaml'))
    .map((file) => {
      const [, clusterId, name] = /^clusters\/([^/]+)\/(.+)$/.exec(file.path)!;
      return { file, cluster: clusterId!, name: name!, object: parse(file.content) as Plain };
    });
}

const meta = (object: Plain) => object.metadata as { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
const spec = (object: Plain) => (object.spec ?? {}) as Plain;
const podSpecOf = (workload: Plain) => ((spec(workload).template as Plain).spec ?? {}) as Plain;
const WORKLOAD_KINDS = new Set(['DaemonSet', 'Deployment', 'StatefulSet']);

// ---------------------------------------------------------------------------------------------
// Checks beyond the schema
// ---------------------------------------------------------------------------------------------

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const isLabel = (text: unknown) => typeof text === 'string' && text.length <= 63 && DNS1123_LABEL.test(text);
const isSubdomain = (text: unknown) => typeof text === 'string' && text.length <= 253 && DNS1123_SUBDOMAIN.test(text);

function qualifiedNameProblems(key: string): string[] {
  const parts = key.split('/');
  const name = parts.pop()!;
  const prefix = parts.join('/');
  const problems: string[] = [];
  if (parts.length > 1 || (parts.length === 1 && !isSubdomain(prefix))) problems.push(`bad key prefix in ${key}`);
  if (name.length > 63 || !LABEL_NAME.test(name)) problems.push(`bad key name in ${key}`);
  return problems;
}

/** Object, label, volume, container and port names as the API server would check them. */
function nameProblems(object: Plain): string[] {
  const problems: string[] = [];
  const { name, labels = {}, annotations = {} } = meta(object);
  const kind = object.kind as string;
  if (kind === 'Service') {
    if (!(name.length <= 63 && DNS1035_LABEL.test(name))) problems.push(`Service name ${name} is not a DNS-1035 label`);
  } else if (kind === 'Namespace') {
    if (!isLabel(name)) problems.push(`Namespace name ${name} is not a DNS-1123 label`);
  } else if (!isSubdomain(name)) {
    problems.push(`${kind} name ${name} is not a DNS-1123 subdomain`);
  }
  if (meta(object).namespace !== undefined && !isLabel(meta(object).namespace)) problems.push(`namespace of ${name}`);
  for (const [key, value] of Object.entries(labels)) {
    problems.push(...qualifiedNameProblems(key));
    if (value.length > 63 || !LABEL_VALUE.test(value)) problems.push(`label value ${key}=${value}`);
  }
  for (const key of Object.keys(annotations)) problems.push(...qualifiedNameProblems(key));
  const pods = [
    ...(WORKLOAD_KINDS.has(kind) ? [podSpecOf(object)] : []),
    ...(kind === 'OpenTelemetryCollector' ? [{ volumes: spec(object).volumes, containers: [spec(object)] }] : []),
  ];
  for (const pod of pods) {
    for (const volume of (pod.volumes ?? []) as Plain[]) if (!isLabel(volume.name)) problems.push(`volume name ${String(volume.name)}`);
    for (const container of (pod.containers ?? []) as Plain[]) {
      if (container.name !== undefined && !isLabel(container.name)) problems.push(`container name ${String(container.name)}`);
      for (const port of (container.ports ?? []) as Plain[]) {
        const portName = port.name as string | undefined;
        if (portName !== undefined && !(portName.length <= 15 && PORT_NAME.test(portName) && /[a-z]/.test(portName) && !portName.includes('--'))) {
          problems.push(`port name ${portName} is not an IANA service name`);
        }
      }
      for (const variable of (container.env ?? []) as Plain[]) if (!ENV_NAME.test(variable.name as string)) problems.push(`env ${String(variable.name)}`);
    }
  }
  for (const claim of (spec(object).volumeClaimTemplates ?? []) as Plain[]) if (!isLabel(meta(claim).name)) problems.push(`claim ${meta(claim).name}`);
  return problems;
}

/** Every port number in the object, with where it is. */
function portNumbers(value: unknown, path = ''): Array<{ path: string; port: number }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => portNumbers(item, `${path}/${index}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const here = `${path}/${key}`;
    if (['port', 'containerPort', 'targetPort', 'hostPort', 'nodePort'].includes(key) && typeof item === 'number') return [{ path: here, port: item }];
    return portNumbers(item, here);
  });
}

function portProblems(object: Plain): string[] {
  return portNumbers(object)
    .filter(({ port }) => !Number.isInteger(port) || port < 1 || port > 65535)
    .map(({ path, port }) => `${meta(object).name}${path}: port ${port} out of 1-65535`);
}

/** Paths holding null or undefined: a key with no value is a mistake in a manifest. */
function emptyValues(value: unknown, path = ''): string[] {
  if (value === null || value === undefined) return [path || '/'];
  if (Array.isArray(value)) return value.flatMap((item, index) => emptyValues(item, `${path}/${index}`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => emptyValues(item, `${path}/${key}`));
  return [];
}

// ---- unknown fields, from the Kubernetes schema itself ----

/**
 * kubernetes-models' validators are compiled JSON Schema: they read every property the schema
 * declares and enumerate only free-form maps (labels, data, resources). Running one over proxies
 * that record those reads tells, per path, which keys the schema knows; any other key is unknown
 * (the API server would drop it, or reject it with `kubectl apply --validate=strict`).
 */
function unknownFields(model: { validate(): void }, data: Plain): string[] {
  const reads = new Map<string, Set<string>>();
  const maps = new Set<string>();
  const wrap = (value: unknown, path: string): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    return new Proxy(value as object, {
      get(target, key, receiver) {
        const item = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return item;
        if (!reads.has(path)) reads.set(path, new Set());
        reads.get(path)!.add(key);
        return typeof item === 'function' ? item : wrap(item, `${path}/${key}`);
      },
      ownKeys(target) {
        maps.add(path);
        return Reflect.ownKeys(target);
      },
    });
  };
  (wrap(model, '') as { validate(): void }).validate();
  const unknown: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}/${index}`));
      return;
    }
    if (typeof value !== 'object' || value === null || maps.has(path)) return;
    const known = reads.get(path) ?? new Set<string>();
    for (const [key, item] of Object.entries(value)) {
      if (!known.has(key)) unknown.push(`${path}/${key}`);
      else visit(item, `${path}/${key}`);
    }
  };
  visit(data, '');
  return unknown;
}

type ModelClass = new (data: Plain) => { validate(): void };
const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace as unknown as ModelClass,
  'v1/ServiceAccount': ServiceAccount as unknown as ModelClass,
  'v1/ConfigMap': ConfigMap as unknown as ModelClass,
  'v1/Service': Service as unknown as ModelClass,
  'v1/ResourceQuota': ResourceQuota as unknown as ModelClass,
  'apps/v1/DaemonSet': DaemonSet as unknown as ModelClass,
  'apps/v1/Deployment': Deployment as unknown as ModelClass,
  'apps/v1/StatefulSet': StatefulSet as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/Role': Role as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding as unknown as ModelClass,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as unknown as ModelClass,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as unknown as ModelClass,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy as unknown as ModelClass,
};

/** Schema errors and unknown fields of a built-in object; undefined for kinds without a model. */
function schemaProblems(object: Plain): string[] | undefined {
  const Model = MODELS[`${String(object.apiVersion)}/${String(object.kind)}`];
  if (!Model) return undefined;
  const model = new Model(object);
  try {
    model.validate();
  } catch (error) {
    return [`${meta(object).name}: ${(error as Error).message}`];
  }
  return unknownFields(model, object).map((path) => `${String(object.kind)} ${meta(object).name}: unknown field ${path}`);
}

// ---- the Operator's CRD ----

interface OpenApiSchema {
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  anyOf?: OpenApiSchema[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
}

/** A structural-schema check as the API server runs it for a CRD, including pruning of unknown fields. */
function crdProblems(value: unknown, schema: OpenApiSchema, path = ''): string[] {
  const problems: string[] = [];
  if (schema['x-kubernetes-int-or-string']) {
    if (typeof value !== 'string' && !Number.isInteger(value)) problems.push(`${path}: not an int or string`);
    if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${path}: ${value} !~ ${schema.pattern}`);
    return problems;
  }
  const typeOk = {
    object: () => typeof value === 'object' && value !== null && !Array.isArray(value),
    array: () => Array.isArray(value),
    string: () => typeof value === 'string',
    integer: () => Number.isInteger(value),
    number: () => typeof value === 'number',
    boolean: () => typeof value === 'boolean',
  }[schema.type ?? ''];
  if (typeOk && !typeOk()) return [`${path}: expected ${schema.type}, got ${JSON.stringify(value)}`];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${path}: ${value} !~ ${schema.pattern}`);
  if (Array.isArray(value) && schema.items) value.forEach((item, index) => problems.push(...crdProblems(item, schema.items!, `${path}/${index}`)));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of schema.required ?? []) if (!(key in value)) problems.push(`${path}: missing ${key}`);
    for (const [key, item] of Object.entries(value)) {
      // ObjectMeta is the API server's own, not the CRD's: the schema only says `type: object`.
      if (path === '' && key === 'metadata') continue;
      const property = schema.properties?.[key];
      if (property) problems.push(...crdProblems(item, property, `${path}/${key}`));
      else if (typeof schema.additionalProperties === 'object') problems.push(...crdProblems(item, schema.additionalProperties, `${path}/${key}`));
      else if (!schema['x-kubernetes-preserve-unknown-fields'] && schema.additionalProperties !== true && schema.type === 'object') {
        problems.push(`${path}/${key}: unknown field (the API server prunes it)`);
      }
    }
  }
  return problems;
}

const CRD_PATH = resolve(import.meta.dirname, '../../shared/reference/schemas/operator-v0.158.0-opentelemetry.io_opentelemetrycollectors.yaml');

function operatorSchema(version: string): OpenApiSchema {
  const crd = parse(readFileSync(CRD_PATH, 'utf8')) as { spec: { versions: Array<{ name: string; served: boolean; schema: { openAPIV3Schema: OpenApiSchema } }> } };
  const served = crd.spec.versions.find((candidate) => candidate.name === version && candidate.served);
  if (!served) throw new Error(`the CRD does not serve ${version}`);
  return served.schema.openAPIV3Schema;
}

// ---- references between objects ----

/** Secret names the topology declares: SecretRef secrets and TLS secrets. */
function declaredSecrets(model: Topology): Set<string> {
  const names = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Plain;
      const secret = record.secret as Plain | undefined;
      if (typeof record.env === 'string' && typeof secret?.name === 'string') names.add(secret.name);
      for (const key of ['certSecret', 'clientCaSecret', 'caSecret', 'clientCertSecret']) if (typeof record[key] === 'string') names.add(record[key] as string);
      Object.values(record).forEach(walk);
    }
  };
  walk(model.elements);
  return names;
}

function podLabelsOf(workload: Plain): Record<string, string> {
  return (((spec(workload).template as Plain).metadata as Plain).labels ?? {}) as Record<string, string>;
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/** Broken references inside one cluster folder. */
function referenceProblems(objects: readonly Plain[], secrets: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const find = (kind: string, name: string, namespace?: string) =>
    objects.find((object) => object.kind === kind && meta(object).name === name && (namespace === undefined || meta(object).namespace === namespace));
  const workloads = objects.filter((object) => WORKLOAD_KINDS.has(object.kind as string));

  for (const workload of workloads) {
    const { name, namespace } = meta(workload);
    const selector = ((spec(workload).selector as Plain).matchLabels ?? {}) as Record<string, string>;
    if (Object.keys(selector).length === 0 || !matches(selector, podLabelsOf(workload))) problems.push(`${name}: selector not within template labels`);
    const pod = podSpecOf(workload);
    if (!find('ServiceAccount', pod.serviceAccountName as string, namespace)) problems.push(`${name}: no ServiceAccount ${String(pod.serviceAccountName)}`);
    const volumes = new Set([
      ...((pod.volumes ?? []) as Plain[]).map((volume) => volume.name as string),
      ...((spec(workload).volumeClaimTemplates ?? []) as Plain[]).map((claim) => meta(claim).name),
    ]);
    for (const volume of (pod.volumes ?? []) as Plain[]) {
      const configMap = volume.configMap as Plain | undefined;
      if (configMap && !find('ConfigMap', configMap.name as string, namespace)) problems.push(`${name}: no ConfigMap ${String(configMap.name)}`);
      const secret = volume.secret as Plain | undefined;
      if (secret && !secrets.has(secret.secretName as string)) problems.push(`${name}: secret ${String(secret.secretName)} is not declared in the topology`);
    }
    for (const container of (pod.containers ?? []) as Plain[]) {
      const ports = new Map(((container.ports ?? []) as Plain[]).map((port) => [port.name as string, port.containerPort as number]));
      for (const mount of (container.volumeMounts ?? []) as Plain[]) if (!volumes.has(mount.name as string)) problems.push(`${name}: mount of unknown volume ${String(mount.name)}`);
      for (const probe of [container.livenessProbe, container.readinessProbe] as Array<Plain | undefined>) {
        const port = (probe?.httpGet as Plain | undefined)?.port;
        if (port !== undefined && ![...ports.values()].includes(port as number) && !ports.has(port as string)) problems.push(`${name}: probe port ${String(port)} not a container port`);
      }
      for (const variable of (container.env ?? []) as Plain[]) {
        const ref = (variable.valueFrom as Plain | undefined)?.secretKeyRef as Plain | undefined;
        if (ref && !secrets.has(ref.name as string)) problems.push(`${name}: secretKeyRef ${String(ref.name)} is not declared in the topology`);
      }
    }
    if (workload.kind === 'StatefulSet') {
      const headless = find('Service', spec(workload).serviceName as string, namespace);
      if (!headless || spec(headless).clusterIP !== 'None') problems.push(`${name}: serviceName does not name a headless Service`);
    }
  }

  for (const service of objects.filter((object) => object.kind === 'Service')) {
    const selector = spec(service).selector as Record<string, string>;
    const targets = workloads.filter((workload) => meta(workload).namespace === meta(service).namespace && matches(selector, podLabelsOf(workload)));
    if (targets.length === 0) {
      problems.push(`Service ${meta(service).name} selects no workload`);
      continue;
    }
    for (const port of (spec(service).ports ?? []) as Plain[]) {
      const named = targets.every((workload) =>
        ((podSpecOf(workload).containers ?? []) as Plain[]).some((container) =>
          ((container.ports ?? []) as Plain[]).some((containerPort) => containerPort.name === port.targetPort || containerPort.containerPort === port.targetPort),
        ),
      );
      if (!named) problems.push(`Service ${meta(service).name}: targetPort ${String(port.targetPort)} is no container port`);
    }
  }

  for (const object of objects.filter((candidate) => ['PodDisruptionBudget', 'NetworkPolicy'].includes(candidate.kind as string))) {
    const selector = (((spec(object).selector ?? spec(object).podSelector) as Plain).matchLabels ?? {}) as Record<string, string>;
    if (!workloads.some((workload) => meta(workload).namespace === meta(object).namespace && matches(selector, podLabelsOf(workload)))) {
      problems.push(`${String(object.kind)} ${meta(object).name} selects no workload`);
    }
  }

  for (const binding of objects.filter((object) => object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding')) {
    const roleRef = binding.roleRef as Plain;
    if (!find(roleRef.kind as string, roleRef.name as string, binding.kind === 'RoleBinding' ? meta(binding).namespace : undefined)) {
      problems.push(`${meta(binding).name}: no ${String(roleRef.kind)} ${String(roleRef.name)}`);
    }
    for (const subject of (binding.subjects ?? []) as Plain[]) {
      if (!find('ServiceAccount', subject.name as string, subject.namespace as string)) problems.push(`${meta(binding).name}: no ServiceAccount ${String(subject.namespace)}/${String(subject.name)}`);
    }
  }

  for (const hpa of objects.filter((object) => object.kind === 'HorizontalPodAutoscaler')) {
    const target = spec(hpa).scaleTargetRef as Plain;
    if (!find(target.kind as string, target.name as string, meta(hpa).namespace)) problems.push(`HPA ${meta(hpa).name}: no ${String(target.kind)} ${String(target.name)}`);
  }

  for (const object of objects) {
    const namespace = meta(object).namespace;
    if (namespace !== undefined && !find('Namespace', namespace)) problems.push(`${meta(object).name}: namespace ${namespace} is not created`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The checkers themselves catch what they are for
// ---------------------------------------------------------------------------------------------

describe('the manifest checks', () => {
  const deployment = (): Plain => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'gw', namespace: 'obs', labels: { app: 'gw' } },
    spec: {
      selector: { matchLabels: { app: 'gw' } },
      template: {
        metadata: { labels: { app: 'gw' } },
        spec: { serviceAccountName: 'gw', containers: [{ name: 'c', image: 'i', ports: [{ name: 'otlp', containerPort: 4317 }] }] },
      },
    },
  });

  it('GIVEN a misspelt field WHEN checked against the schema THEN it is reported as unknown', () => {
    const object = deployment();
    ((podSpecOf(object).containers as Plain[])[0]!.ports as Plain[])[0]!.containerPrt = 1;
    (spec(object) as Plain).replica = 2;
    expect(schemaProblems(object)?.sort()).toStrictEqual([
      'Deployment gw: unknown field /spec/replica',
      'Deployment gw: unknown field /spec/template/spec/containers/0/ports/0/containerPrt',
    ]);
    expect(schemaProblems(deployment())).toStrictEqual([]);
  });

  it('GIVEN a wrong type WHEN validated THEN kubernetes-models rejects it', () => {
    const object = deployment();
    (spec(object) as Plain).replicas = 'two';
    expect(schemaProblems(object)?.[0]).toMatch(/replicas/);
  });

  it('GIVEN bad names and ports WHEN checked THEN each is reported', () => {
    const object = deployment();
    (object.metadata as Plain).name = 'Gateway_1';
    ((podSpecOf(object).containers as Plain[])[0]!.ports as Plain[])[0]!.name = 'otlp-grpc-receiver';
    ((podSpecOf(object).containers as Plain[])[0]!.ports as Plain[])[0]!.containerPort = 70000;
    expect(nameProblems(object)).toStrictEqual([
      'Deployment name Gateway_1 is not a DNS-1123 subdomain',
      'port name otlp-grpc-receiver is not an IANA service name',
    ]);
    expect(portProblems(object)).toStrictEqual(['Gateway_1/spec/template/spec/containers/0/ports/0/containerPort: port 70000 out of 1-65535']);
  });

  it('GIVEN dangling references WHEN checked THEN each is reported', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'gw', namespace: 'obs' }, spec: { selector: { app: 'other' }, ports: [{ port: 4317, targetPort: 'otlp' }] } };
    expect(referenceProblems([deployment(), service], new Set())).toStrictEqual([
      'gw: no ServiceAccount gw',
      'Service gw selects no workload',
      'gw: namespace obs is not created',
      'gw: namespace obs is not created',
    ]);
  });

  it('GIVEN an unknown field in an OpenTelemetryCollector WHEN checked against the CRD THEN it is pruned', () => {
    const schema = operatorSchema('v1beta1');
    const object = { apiVersion: 'opentelemetry.io/v1beta1', kind: 'OpenTelemetryCollector', metadata: { name: 'x' }, spec: { mode: 'sidecars', confg: {} } };
    expect(crdProblems(object, schema).sort()).toStrictEqual([
      '/spec/confg: unknown field (the API server prunes it)',
      '/spec/mode: "sidecars" not in ["daemonset","deployment","sidecar","statefulset"]',
      '/spec: missing config',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The scenarios
// ---------------------------------------------------------------------------------------------

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const hasKubectl = kubectl.status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'otel-topology-k8s-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(Object.entries(SCENARIOS))('%s', (scenario, build) => {
  const model = build();
  const bundle = generate(model);
  const folders = clusterFolders(model, bundle.files);
  const manifests = manifestsOf(model, bundle.files);

  it('GIVEN the topology WHEN generated twice THEN the bytes are the same', () => {
    expect(generate(build()).files.map((file) => [file.path, file.content])).toStrictEqual(bundle.files.map((file) => [file.path, file.content]));
  });

  it('GIVEN each cluster folder WHEN read THEN it holds one object per file, all listed in the kustomization in apply order', () => {
    expect([...folders.keys()].sort()).toStrictEqual([...kubernetesClusterIds(model)].sort());
    for (const [clusterId, files] of folders) {
      const kustomization = parse(files.find((file) => file.path.endsWith('/kustomization.yaml'))!.content) as Plain;
      expect(Object.keys(kustomization)).toStrictEqual(['apiVersion', 'kind', 'resources']);
      const listed = kustomization.resources as string[];
      const others = files.filter((file) => !file.path.endsWith('/kustomization.yaml')).map((file) => file.path.slice(`clusters/${clusterId}/`.length));
      expect([...listed].sort()).toStrictEqual(others.sort());
      for (const file of files) {
        expect(parseAllDocuments(file.content)).toHaveLength(1);
        expect(file.regions[0]).toMatchObject({ path: [], startLine: 1 });
      }
      const kinds = listed.map((path) => parse(files.find((file) => file.path.endsWith(`/${path}`))!.content).kind as string);
      const rank = ['Namespace', 'ResourceQuota', 'ServiceAccount', 'ClusterRole|ClusterRoleBinding|Role|RoleBinding', 'ConfigMap', 'Service', 'DaemonSet|Deployment|StatefulSet|OpenTelemetryCollector', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy'];
      const ranks = kinds.map((kind) => rank.findIndex((group) => group.split('|').includes(kind)));
      expect(ranks.every((value) => value >= 0)).toBe(true);
      expect(ranks).toStrictEqual([...ranks].sort((a, b) => a - b));
      expect(kinds[0]).toBe('Namespace');
    }
  });

  it('GIVEN every object WHEN read back THEN apiVersion, kind, metadata come first, named after the file, with no empty values', () => {
    for (const { object, file, name } of manifests) {
      expect(Object.keys(object).slice(0, 3)).toStrictEqual(['apiVersion', 'kind', 'metadata']);
      expect(emptyValues(object)).toStrictEqual([]);
      expect(name.endsWith('.yaml')).toBe(true);
      const root = file.regions[0]!.elementId;
      expect(root === file.collectorId || root === file.clusterId).toBe(true);
    }
  });

  it('GIVEN every built-in object WHEN validated with kubernetes-models THEN it passes and has no unknown field', () => {
    const problems = manifests.flatMap(({ object }) => schemaProblems(object) ?? []);
    expect(problems).toStrictEqual([]);
    const unmodelled = manifests.filter(({ object }) => schemaProblems(object) === undefined).map(({ object }) => object.kind);
    expect(unmodelled.every((kind) => kind === 'OpenTelemetryCollector')).toBe(true);
  });

  it('GIVEN every object WHEN checked THEN names are DNS-1123, ports are in range', () => {
    expect(manifests.flatMap(({ object }) => [...nameProblems(object), ...portProblems(object)])).toStrictEqual([]);
  });

  it('GIVEN each cluster folder WHEN references are followed THEN each resolves', () => {
    const secrets = declaredSecrets(model);
    for (const clusterId of folders.keys()) {
      const objects = manifests.filter((manifest) => manifest.cluster === clusterId).map((manifest) => manifest.object);
      expect(referenceProblems(objects, secrets)).toStrictEqual([]);
    }
  });

  const operatorCollectors = manifests.filter((manifest) => manifest.object.kind === 'OpenTelemetryCollector');
  it.skipIf(operatorCollectors.length === 0)('GIVEN an OpenTelemetryCollector WHEN checked against the Operator v0.158 CRD THEN it fits', () => {
    const schema = operatorSchema('v1beta1');
    for (const { object } of operatorCollectors) expect(crdProblems(object, schema)).toStrictEqual([]);
  });

  it.skipIf(!hasKubectl)('GIVEN each cluster folder written to disk WHEN `kubectl kustomize` builds it THEN it succeeds with every object', () => {
    for (const [clusterId, files] of folders) {
      const directory = join(scratch, scenario.replace(/\W+/g, '-'), clusterId);
      for (const file of files) {
        const path = join(directory, file.path.slice(`clusters/${clusterId}/`.length));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
      }
      const result = spawnSync('kubectl', ['kustomize', directory], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const built = parseAllDocuments(result.stdout).map((document) => document.toJSON() as Plain);
      const key = (object: Plain) => `${String(object.kind)}/${meta(object).namespace ?? ''}/${meta(object).name}`;
      const expected = manifests.filter((manifest) => manifest.cluster === clusterId).map((manifest) => manifest.object);
      expect(built.map(key).sort()).toStrictEqual(expected.map(key).sort());
      // kustomize re-serialises: the objects must come out as they went in.
      for (const object of expected) expect(built.find((candidate) => key(candidate) === key(object))).toStrictEqual(object);
    }
  });
});

if (!hasKubectl) {
  it.skip('kubectl kustomize: `kubectl` is not installed on this machine', () => {});
}

// ---------------------------------------------------------------------------------------------
// What the scenarios must contain
// ---------------------------------------------------------------------------------------------

function objectsOf(name: string, clusterId: string): Plain[] {
  const model = SCENARIOS[name]!();
  return manifestsOf(model, generate(model).files)
    .filter((manifest) => manifest.cluster === clusterId)
    .map((manifest) => manifest.object);
}
const one = (objects: readonly Plain[], kind: string, name: string) => {
  const found = objects.filter((object) => object.kind === kind && meta(object).name === name);
  expect(found, `${kind} ${name}`).toHaveLength(1);
  return found[0]!;
};
const containerOf = (workload: Plain) => (podSpecOf(workload).containers as Plain[])[0]!;

describe('scenario contents', () => {
  it('GIVEN an agent with node receivers and an autoscaled gateway on EKS WHEN generated THEN IRSA, RBAC, host mounts, HPA and PDB are there', () => {
    const objects = objectsOf('agent and autoscaled gateway on EKS', 'eks-prod');
    expect(meta(one(objects, 'ServiceAccount', 'gateway')).annotations).toStrictEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/otel-collector' });
    const agentRole = one(objects, 'ClusterRole', 'otel-observability-node-agent');
    expect(agentRole.rules).toStrictEqual([
      { apiGroups: [''], resources: ['pods', 'namespaces', 'nodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['nodes/stats', 'nodes/proxy'], verbs: ['get'] },
    ]);
    const daemonSet = one(objects, 'DaemonSet', 'node-agent');
    expect(containerOf(daemonSet).volumeMounts).toContainEqual({ name: 'hostfs', mountPath: '/hostfs', readOnly: true, mountPropagation: 'HostToContainer' });
    expect(containerOf(daemonSet).volumeMounts).toContainEqual({ name: 'varlogpods', mountPath: '/var/log/pods', readOnly: true });
    expect((containerOf(daemonSet).securityContext as Plain).runAsUser).toBe(0);
    const deployment = one(objects, 'Deployment', 'gateway');
    expect(spec(deployment).replicas).toBeUndefined();
    expect(containerOf(deployment).env).toContainEqual({ name: 'TEMPO_TOKEN', valueFrom: { secretKeyRef: { name: 'tempo-credentials', key: 'token' } } });
    expect(spec(one(objects, 'HorizontalPodAutoscaler', 'gateway'))).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
    expect(spec(one(objects, 'PodDisruptionBudget', 'gateway')).maxUnavailable).toBe(1);
    expect(objects.some((object) => object.kind === 'PodDisruptionBudget' && meta(object).name === 'node-agent')).toBe(false);
    // 3 nodes × agent + (6 + 1) gateways = 10 pods; requests 10 × 100m, limits 10 × 512Mi.
    expect(spec(one(objects, 'ResourceQuota', 'otel-collectors')).hard).toStrictEqual({
      'requests.cpu': '1',
      'requests.memory': '2560Mi',
      'limits.cpu': '10',
      'limits.memory': '5Gi',
      pods: '10',
    });
  });

  it('GIVEN persistent queues on GKE WHEN generated THEN the StatefulSet claims a volume and the DaemonSet uses the host', () => {
    const objects = objectsOf('persistent queues on GKE', 'gke-eu');
    const statefulSet = one(objects, 'StatefulSet', 'queue-gw');
    expect(spec(statefulSet).serviceName).toBe('queue-gw-headless');
    expect((spec(statefulSet).volumeClaimTemplates as Plain[]).map((claim) => meta(claim).name)).toStrictEqual(['file-storage']);
    expect(containerOf(statefulSet).volumeMounts).toContainEqual({ name: 'file-storage', mountPath: '/var/lib/otelcol/file_storage' });
    expect(spec(one(objects, 'Service', 'queue-gw-headless')).clusterIP).toBe('None');
    const daemonSet = one(objects, 'DaemonSet', 'agent');
    expect(podSpecOf(daemonSet).volumes).toContainEqual({
      name: 'file-storage',
      hostPath: { path: '/var/lib/otelcol/telemetry-agent', type: 'DirectoryOrCreate' },
    });
    expect((containerOf(daemonSet).securityContext as Plain).runAsUser).toBe(0);
    expect(meta(one(objects, 'ServiceAccount', 'agent')).annotations).toStrictEqual({ 'iam.gke.io/gcp-service-account': 'otel@project.iam.gserviceaccount.com' });
    expect(spec(one(objects, 'ResourceQuota', 'otel-collectors')).hard).toStrictEqual({
      'requests.cpu': '4',
      'requests.memory': '8Gi',
      'limits.cpu': '8',
      'limits.memory': '16Gi',
      pods: '40',
    });
  });

  it('GIVEN trace-ID load balancing with the k8s resolver on AKS WHEN generated THEN the sampler is headless and the balancer may watch EndpointSlices', () => {
    const objects = objectsOf('load-balanced tail sampling on AKS', 'aks-weu');
    expect(spec(one(objects, 'Service', 'sampler-headless')).clusterIP).toBe('None');
    expect(one(objects, 'Role', 'lb-endpointslices').rules).toStrictEqual([
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(one(objects, 'RoleBinding', 'lb-endpointslices').subjects).toStrictEqual([{ kind: 'ServiceAccount', name: 'lb', namespace: 'observability' }]);
    expect((one(objects, 'ClusterRole', 'otel-observability-cluster-metrics').rules as Plain[]).flatMap((rule) => rule.resources as string[])).toContain('horizontalpodautoscalers');
    expect(meta(one(objects, 'ServiceAccount', 'lb')).annotations).toStrictEqual({ 'azure.workload.identity/client-id': '11111111-2222-3333-4444-555555555555' });
    expect(podLabelsOf(one(objects, 'Deployment', 'lb'))['azure.workload.identity/use']).toBe('true');
    expect(objects.some((object) => object.kind === 'ResourceQuota')).toBe(false);
    expect(objects.some((object) => object.kind === 'PodDisruptionBudget' && meta(object).name === 'cluster-metrics')).toBe(false);
  });

  it('GIVEN flows from two other clusters WHEN generated THEN the gateway gets an internal load balancer and the senders\' CIDRs', () => {
    const objects = objectsOf('cross-cluster aggregation', 'eks-central');
    const external = one(objects, 'Service', 'central-external');
    expect(spec(external).type).toBe('LoadBalancer');
    expect(meta(external).annotations?.['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internal');
    expect(meta(external).annotations?.['external-dns.alpha.kubernetes.io/hostname']).toBe('central.eks-central.otel.internal');
    // The Azure site declares no CIDRs: anywhere.
    const policy = one(objects, 'NetworkPolicy', 'central');
    expect(((spec(policy).ingress as Plain[])[0]!.from as Plain[])).toStrictEqual([{ namespaceSelector: {} }, { ipBlock: { cidr: '0.0.0.0/0' } }]);
    const central = one(objects, 'Deployment', 'central');
    expect(containerOf(central).volumeMounts).toContainEqual({ name: 'tls-central-tls', mountPath: '/etc/otelcol/tls/central-tls', readOnly: true });
    const edge = objectsOf('cross-cluster aggregation', 'aks-edge');
    expect(objects.length).toBeGreaterThan(0);
    expect(edge.some((object) => meta(object).name === 'azure-agent-external')).toBe(false);
  });

  it('GIVEN a sidecar WHEN generated THEN an Operator collector carries the config inline, and the gateway it sends to is a Deployment', () => {
    const objects = objectsOf('sidecar through the Operator', 'eks-apps');
    const sidecar = one(objects, 'OpenTelemetryCollector', 'app-sidecar');
    expect(spec(sidecar).mode).toBe('sidecar');
    expect(Object.keys(spec(sidecar).config as Plain)).toContain('service');
    expect(objects.some((object) => object.kind === 'ServiceAccount' && meta(object).name === 'app-sidecar')).toBe(false);
    one(objects, 'Deployment', 'gateway');
  });
});
