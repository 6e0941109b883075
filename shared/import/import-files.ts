/**
 * `importFiles(files) → { topology, report }`: collector configs, Kubernetes manifests,
 * OpenTelemetryCollector resources and Helm values in; a topology whose generated configs are the
 * input configs again out (see README.md). Pure: file texts in, no file system.
 */
import type { z } from 'zod';
import { RENAMES } from '../catalog/renames.js';
import { typeOf } from '../catalog/catalog.js';
import { canonicalType, emittedId, mergeConfig } from '../engine/collector/components.js';
import { backendExporterType, backendFlowSettings } from '../engine/collector/exporters.js';
import { referencedEnvironment } from '../engine/collector/secrets.js';
import { OTLP_GRPC_PORT } from '../engine/conventions.js';
import { planCollectorConfig } from '../engine/plan.js';
import { indexTopology } from '../graph/topology-index.js';
import { Backend } from '../model/backend.js';
import { Resources, SIGNALS, type Signal } from '../model/common.js';
import { Cluster } from '../model/cluster.js';
import { Collector, Distribution, type DerivedMetricsConnector, type Processor, type Receiver } from '../model/collector.js';
import { Balancing, Flow } from '../model/flow.js';
import { Policy } from '../model/policy.js';
import { CURRENT_SCHEMA_VERSION, Topology, type Element } from '../model/topology.js';
import {
  checkCollectorConfig,
  componentsOf,
  isPlainObject,
  pipelinesOf,
  type ConfigPath,
  type PlainObject,
} from '../validation/config-check.js';
import { connectorModel, nameOf, processorModel, receiverModel, serverTls } from './components.js';
import { collectorFlowSettings, exporterSettings, headerValues, secretValue, type SecretLookup } from './flow-settings.js';
import { map } from './plain-data.js';
import { collectorEnv, NO_ENV, secretOf } from './workload-env.js';
import { configDifference, deepEqual, isRemoval, overridePaths, semanticConfig } from './overrides.js';
import { collectSources, slug, type CollectorSource, type ImportFile, type Problem } from './sources.js';
import { readYamlFile, type Position, type YamlDocument } from './yaml-input.js';

export type { ImportFile, Problem } from './sources.js';

export interface ReportEntry extends Position {
  readonly message: string;
}

export interface OverrideEntry extends Position {
  readonly collector: string;
  /** Config path the override sets or removes: `exporters.otlp/jaeger`, `service.pipelines.traces`. */
  readonly path: string;
  /** `set`: the input's value is kept; `remove`: only removes what the engine would add. */
  readonly change: 'set' | 'remove';
}

export interface ImportReport {
  /** What became model elements, and from where. */
  readonly recognised: ReportEntry[];
  /** What the model cannot say and the collectors' `overrides` keep. */
  readonly overrides: OverrideEntry[];
  /** Errors (nothing imported) and warnings (unknown types, dangling references...). */
  readonly problems: Problem[];
  /** Guesses and synthetic elements: what the input did not say and the import assumed. */
  readonly notes: ReportEntry[];
}

export interface ImportResult {
  /** Absent whenever any problem is an error: an import is whole or nothing. */
  readonly topology?: Topology;
  readonly report: ImportReport;
}

export const IMPORTED_SITE_ID = 'imported';
const DEFAULT_VERSION = Policy.parse({}).collectorVersion;
const PLAIN_NAMESPACE = 'default';

// ---------- versions and images ----------

interface ImageFacts {
  version?: string;
  distribution?: Distribution;
  repository?: string;
}

const DISTRIBUTION_REPOSITORIES: ReadonlyArray<[RegExp, Distribution]> = [
  [/opentelemetry-collector-contrib$/, 'contrib'],
  [/opentelemetry-collector-k8s$/, 'k8s'],
  [/opentelemetry-collector$/, 'core'],
];
const DEFAULT_REPOSITORIES: Readonly<Record<Distribution, string>> = {
  contrib: 'otel/opentelemetry-collector-contrib',
  k8s: 'otel/opentelemetry-collector-k8s',
  core: 'otel/opentelemetry-collector',
};

function imageFacts(image: string | undefined): ImageFacts {
  if (!image) return {};
  const withoutDigest = image.split('@')[0]!;
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1).replace(/^v/, '') : undefined;
  const distribution = DISTRIBUTION_REPOSITORIES.find(([pattern]) => pattern.test(repository))?.[1];
  return {
    ...(tag && /^\d+\.\d+\.\d+$/.test(tag) ? { version: tag } : {}),
    ...(distribution ? { distribution } : {}),
    ...(distribution && DEFAULT_REPOSITORIES[distribution] === repository ? {} : { repository }),
  };
}

/**
 * A version at which the engine writes the component names the config uses: below the first
 * rename whose old name appears (`otlp` exporter → before 0.144.0). Undefined where no old name
 * appears (the policy's version then).
 */
function versionFromNames(config: PlainObject): { version: string; because: string } | undefined {
  let earliest: { since: string; because: string } | undefined;
  const sectionOf = { exporter: 'exporters', processor: 'processors', receiver: 'receivers', connector: 'connectors', extension: 'extensions' } as const;
  for (const [kind, renames] of Object.entries(RENAMES) as Array<[keyof typeof sectionOf, Record<string, { previous: string; since: string }>]>) {
    const types = new Set(Object.keys(componentsOf(config, sectionOf[kind])).map(typeOf));
    for (const [current, { previous, since }] of Object.entries(renames)) {
      if (!types.has(previous)) continue;
      if (!earliest || compare(since, earliest.since) < 0) earliest = { since, because: `the ${kind} \`${previous}\` is called \`${current}\` from ${since}` };
    }
  }
  if (!earliest) return undefined;
  const [major, minor] = earliest.since.split('.').map(Number) as [number, number];
  return { version: `${major}.${Math.max(0, minor - 1)}.0`, because: earliest.because };
}

function compare(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < 3; index++) if (left[index] !== right[index]) return (left[index] ?? 0) - (right[index] ?? 0);
  return 0;
}

// ---------- endpoints ----------

/** The first DNS label and the namespace (where written) an endpoint names. */
export function endpointHost(endpoint: string): { name: string; namespace?: string } | undefined {
  if (endpoint.includes('${')) return undefined;
  const withoutScheme = endpoint.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, '').replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = withoutScheme.split('/')[0]!.replace(/:\d+$/, '').toLowerCase();
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(host) || /^\d+(\.\d+){3}$/.test(host)) return undefined;
  const labels = host.split('.');
  // name, name.namespace, name.namespace.svc[.cluster.local]
  const namespace = labels.length >= 2 && (labels.length === 2 || labels[2] === 'svc') ? labels[1] : undefined;
  if (labels.length > 2 && labels[2] !== 'svc') return undefined;
  return namespace ? { name: labels[0]!, namespace } : { name: labels[0]! };
}

/** Host names an exporter sends to: its endpoint, or the load_balancing resolver's names. */
function exporterHosts(type: string, body: PlainObject): string[] {
  if (type === 'load_balancing') {
    const resolver = isPlainObject(body.resolver) ? body.resolver : {};
    const k8s = isPlainObject(resolver.k8s) ? resolver.k8s : {};
    const dns = isPlainObject(resolver.dns) ? resolver.dns : {};
    const fixed = isPlainObject(resolver.static) ? resolver.static : {};
    return [
      ...(typeof k8s.service === 'string' ? [k8s.service] : []),
      ...(typeof dns.hostname === 'string' ? [dns.hostname] : []),
      ...(Array.isArray(fixed.hostnames) ? fixed.hostnames.filter((host): host is string => typeof host === 'string') : []),
    ];
  }
  return typeof body.endpoint === 'string' ? [body.endpoint] : [];
}

function balancingOf(body: PlainObject): z.infer<typeof Balancing> | undefined {
  const resolver = isPlainObject(body.resolver) ? body.resolver : {};
  const kind = (['k8s', 'dns', 'static'] as const).find((key) => key in resolver);
  const hostnames = kind === 'static' ? exporterHosts('load_balancing', { resolver: { static: resolver.static } }) : kind === 'dns' ? exporterHosts('load_balancing', { resolver: { dns: resolver.dns } }) : undefined;
  const result = Balancing.safeParse({
    ...(typeof body.routing_key === 'string' ? { routingKey: body.routing_key } : {}),
    ...(kind ? { resolver: kind } : {}),
    ...(hostnames && hostnames.length > 0 ? { hostnames } : {}),
  });
  return result.success ? result.data : undefined;
}

/** The backend an exporter writes to, in the model's terms; undefined where the model has none. */
function backendFields(type: string, body: PlainObject, secretOf: SecretLookup): Record<string, unknown> | undefined {
  const s3 = isPlainObject(body.s3uploader) ? body.s3uploader : {};
  const tls = isPlainObject(body.tls) ? body.tls : {};
  const headers = headerValues(body.headers, secretOf);
  const withHeaders = headers ? { headers } : {};
  switch (type) {
    case 'otlp_grpc':
      return { type: 'otlp', endpoint: body.endpoint, ...(tls.insecure === true ? { insecure: true } : {}), ...withHeaders };
    case 'otlp_http':
      return { type: 'otlphttp', endpoint: body.endpoint, ...withHeaders };
    case 'prometheus_remote_write':
      return { type: 'prometheusremotewrite', endpoint: body.endpoint, ...withHeaders };
    case 'debug':
      return { type: 'debug', ...(body.verbosity !== undefined ? { verbosity: body.verbosity } : {}) };
    case 'file':
      return { type: 'file', path: body.path };
    case 'awsxray':
      return { type, region: body.region };
    case 'awsemf':
      return { type, region: body.region, namespace: body.namespace, ...(body.log_group_name !== undefined ? { logGroupName: body.log_group_name } : {}) };
    case 'awscloudwatchlogs':
      return { type, region: body.region, logGroupName: body.log_group_name, ...(body.log_stream_name !== undefined ? { logStreamName: body.log_stream_name } : {}) };
    case 'awss3':
      return { type, region: s3.region, bucket: s3.s3_bucket, ...(s3.s3_prefix !== undefined ? { prefix: s3.s3_prefix } : {}) };
    case 'azuremonitor':
      return { type, connectionString: typeof body.connection_string === 'string' ? secretValue(body.connection_string, secretOf) : body.connection_string };
    case 'googlecloud':
    case 'googlemanagedprometheus':
      return { type, project: body.project };
    default:
      return undefined;
  }
}

// ---------- the import ----------

class Ids {
  private readonly taken = new Set<string>();
  take(base: string): string {
    let id = base;
    for (let suffix = 2; this.taken.has(id); suffix++) id = `${base}-${suffix}`;
    this.taken.add(id);
    return id;
  }
}

interface Imported {
  readonly source: CollectorSource;
  id: string;
  /** Version the engine writes component names for: the collector's, or the policy's. */
  readonly version: string;
  /** The collector's own version, where the image or its component names tell it. */
  readonly ownVersion?: string;
  readonly image: ImageFacts;
  /** The input config as the collector reads it: the round trip must give it back. */
  readonly input: PlainObject;
  element?: Collector;
}

const where = (position: Position) => ({ file: position.file, line: position.line, column: position.column });
const dotted = (path: readonly (string | number)[]) => path.join('.');

function guessRole(config: PlainObject): 'agent' | 'gateway' {
  const agentReceivers = new Set(['host_metrics', 'file_log', 'kubelet_stats', 'journald']);
  return Object.keys(componentsOf(config, 'receivers')).some((id) => agentReceivers.has(canonicalType('receiver', typeOf(id)))) ? 'agent' : 'gateway';
}

/** Reads every file and rebuilds the topology; never throws. */
export function importFiles(files: readonly ImportFile[]): ImportResult {
  const report: ImportReport = { recognised: [], overrides: [], problems: [], notes: [] };
  try {
    return importOrFail(files, report);
  } catch (error) {
    const file = files[0]?.path ?? '(input)';
    report.problems.push({ file, line: 1, column: 1, severity: 'error', message: `import failed: ${(error as Error)?.message ?? String(error)}` });
    return { report };
  }
}

function importOrFail(files: readonly ImportFile[], report: ImportReport): ImportResult {
  if (files.length === 0) {
    report.problems.push({ file: '(input)', line: 1, column: 1, severity: 'error', message: 'no files to import' });
    return { report };
  }
  const documents: YamlDocument[] = [];
  for (const file of files) {
    const read = readYamlFile(file.path, file.text);
    if (read.ok) documents.push(...read.documents);
    else for (const problem of read.problems) report.problems.push({ ...problem, severity: 'error' });
  }
  if (report.problems.length > 0) return { report };

  const { sources, problems, notes } = collectSources(documents, files);
  report.problems.push(...problems);
  report.notes.push(...notes);
  if (sources.length === 0 && problems.length === 0) {
    report.problems.push({ file: files[0]!.path, line: 1, column: 1, severity: 'error', message: 'no collector config found in the files' });
  }

  const ids = new Ids();
  ids.take(IMPORTED_SITE_ID);
  const clusterIds = new Map<string, string>();
  const elements: Element[] = [];
  const imported: Imported[] = [];

  for (const source of sources) {
    const namespace = source.namespace ?? PLAIN_NAMESPACE;
    if (!clusterIds.has(namespace)) clusterIds.set(namespace, '');
    const image = imageFacts(source.image);
    const inferred = image.version ? undefined : versionFromNames(source.config);
    const version = image.version ?? inferred?.version;
    const findings = checkCollectorConfig(source.config, { version: version ?? DEFAULT_VERSION, distribution: image.distribution ?? 'contrib' });
    for (const finding of findings) {
      if (finding.code === 'null-body' || finding.code === 'deprecated-alias' || (inferred && finding.code === 'type-not-in-version')) continue;
      report.problems.push({ ...where(source.locate(finding.path)), severity: finding.code === 'invalid-structure' ? 'error' : 'warning', message: finding.message });
    }
    if (inferred) report.notes.push({ ...where(source.at), message: `${source.name}: no image version; collector version ${inferred.version} assumed because ${inferred.because}` });
    for (const note of source.notes) report.notes.push({ ...where(source.at), message: `${source.name}: ${note}` });
    imported.push({
      source,
      id: '',
      version: version ?? DEFAULT_VERSION,
      ...(version ? { ownVersion: version } : {}),
      image,
      input: semanticConfig(source.config),
    });
  }
  if (report.problems.some((problem) => problem.severity === 'error')) return { report };

  // Ids: the site, clusters (one per namespace), collectors, then backends and flows.
  for (const namespace of clusterIds.keys()) clusterIds.set(namespace, ids.take(slug(namespace)));
  for (const entry of imported) entry.id = ids.take(slug(entry.source.name));

  elements.push({ kind: 'site', id: IMPORTED_SITE_ID, label: 'Imported', provider: 'onprem', region: 'imported' });
  report.notes.push({ file: files[0]!.path, line: 1, column: 1, message: `site \`${IMPORTED_SITE_ID}\` (on-premises) added: the input names no cloud or region` });
  for (const [namespace, id] of clusterIds) {
    elements.push(Cluster.parse({ kind: 'cluster', id, site: IMPORTED_SITE_ID, platform: 'kubernetes', namespace }));
    report.notes.push({ file: files[0]!.path, line: 1, column: 1, message: `cluster \`${id}\` (Kubernetes, namespace ${namespace}) added for the collectors${namespace === PLAIN_NAMESPACE ? ' with no namespace, and those' : ''} in namespace ${namespace}` });
  }

  const backends = new Map<string, string>();
  const flows: Flow[] = [];
  const modelled = new Map<string, { receivers: Receiver[]; processors: Processor[]; connectors: DerivedMetricsConnector[] }>();

  for (const entry of imported) {
    const { source, version, id } = entry;
    const config = entry.input;
    const receivers: Receiver[] = [];
    const processors: Processor[] = [];
    const connectors: DerivedMetricsConnector[] = [];
    for (const [componentId, body] of Object.entries(componentsOf(config, 'receivers'))) {
      const model = receiverModel(componentId, body, version);
      if (model) receivers.push(model);
    }
    // Processors in the order the pipelines list them, then the unused ones.
    const pipelineOrder = [...new Set(pipelinesOf(config).flatMap((pipeline) => pipeline.processors))];
    const processorIds = Object.keys(componentsOf(config, 'processors'));
    for (const componentId of [...pipelineOrder.filter((item) => processorIds.includes(item)), ...processorIds.filter((item) => !pipelineOrder.includes(item))]) {
      const model = processorModel(componentId, componentsOf(config, 'processors')[componentId], version);
      if (model) processors.push(model);
    }
    for (const [componentId, body] of Object.entries(componentsOf(config, 'connectors'))) {
      const model = connectorModel(componentId, body, version);
      if (model) connectors.push(model);
    }
    modelled.set(id, { receivers, processors, connectors });

    const environment = collectorEnv(source.env ?? NO_ENV, referencedEnvironment(config));
    for (const note of environment.notes) report.notes.push({ ...where(source.at), message: `${id}: ${note}` });
    const lookup: SecretLookup = (variable) => secretOf(environment.env, variable);
    const ownFlows: Flow[] = [];
    const ownBackends: Backend[] = [];
    const pipelines = pipelinesOf(config);
    for (const [exporterId, rawBody] of Object.entries(componentsOf(config, 'exporters'))) {
      const body = isPlainObject(rawBody) ? rawBody : {};
      const signals = SIGNALS.filter((signal) => pipelines.some((pipeline) => pipeline.signal === signal && pipeline.exporters.includes(exporterId)));
      if (signals.length === 0) continue;
      const type = canonicalType('exporter', typeOf(exporterId));
      const exporterName = nameOf(exporterId) ?? '';
      const at = source.locate(['exporters', exporterId]);
      // To another imported collector?
      const target = ['otlp_grpc', 'otlp_http', 'load_balancing'].includes(type)
        ? exporterHosts(type, body)
            .map(endpointHost)
            .flatMap((host) => (host ? imported.filter((other) => other !== entry && matchesService(other.source, host, source.namespace)) : []))[0]
        : undefined;
      if (target) {
        const balancing = type === 'load_balancing' ? balancingOf(body) : undefined;
        if (type === 'load_balancing' && !balancing) continue;
        const flowType = balancing ? 'load_balancing' : type === 'otlp_http' ? 'otlp_http' : 'otlp_grpc';
        if (emittedId('exporter', flowType, version, exporterName) !== exporterId) continue;
        const flow = Flow.safeParse({
          kind: 'flow',
          id: ids.take(`${id}-to-${target.id}`),
          from: id,
          to: target.id,
          signals,
          ...(type === 'otlp_http' ? { protocol: 'http' } : {}),
          ...(balancing ? { balancing } : {}),
          ...collectorFlowSettings(balancing ? map(map(body.protocol).otlp) : body, type === 'otlp_http' ? 'http' : 'grpc', lookup),
          exporterName,
        });
        if (flow.success) {
          flows.push(flow.data);
          ownFlows.push(flow.data);
          report.recognised.push({ ...where(at), message: `flow ${id} → ${target.id} (${signals.join(', ')}) from exporter \`${exporterId}\`` });
        }
        continue;
      }
      const fields = backendFields(type, body, lookup);
      if (!fields) continue;
      const candidate = Backend.safeParse({ kind: 'backend', id: 'candidate', ...fields });
      if (!candidate.success) {
        report.notes.push({ ...where(at), message: `${id}: exporter \`${exporterId}\` kept in the overrides: ${candidate.error.issues[0]?.message ?? 'not a backend the model describes'} (${dotted((candidate.error.issues[0]?.path ?? []).map(String))})` });
        continue;
      }
      if (emittedId('exporter', backendExporterType(candidate.data), version, exporterName) !== exporterId) continue;
      const key = JSON.stringify({ ...candidate.data, id: undefined });
      let backendId = backends.get(key);
      if (!backendId) {
        backendId = ids.take(slug(exporterName || candidate.data.type));
        backends.set(key, backendId);
        elements.push({ ...candidate.data, id: backendId });
        report.recognised.push({ ...where(at), message: `backend ${backendId} (${candidate.data.type}) from exporter \`${exporterId}\` of ${id}` });
      }
      const flow = Flow.parse({
        kind: 'flow',
        id: ids.take(`${id}-to-${backendId}`),
        from: id,
        to: backendId,
        signals,
        ...exporterSettings(body, backendFlowSettings(candidate.data.type)),
        exporterName,
      });
      flows.push(flow);
      ownFlows.push(flow);
      ownBackends.push(candidate.data);
    }
    // A variable a flow or backend now references with its Secret needs no env entry of its own.
    for (const name of referencedSecrets([...ownFlows, ...ownBackends])) {
      if (secretOf(environment.env, name)) delete environment.env[name];
    }

    const resources = source.resources ? Resources.safeParse(source.resources) : undefined;
    if (resources && !resources.success) report.problems.push({ ...where(source.at), severity: 'warning', message: `${id}: resources not imported: ${resources.error.issues[0]?.message}` });
    const tls = serverTls(componentsOf(config, 'receivers'));
    const role = source.role ?? guessRole(config);
    if (!source.role) report.notes.push({ ...where(source.at), message: `${id}: no workload says how it runs; role ${role} assumed from its receivers, mode auto` });
    entry.element = Collector.parse({
      kind: 'collector',
      id,
      cluster: clusterIds.get(source.namespace ?? PLAIN_NAMESPACE)!,
      role,
      ...(source.mode ? { mode: source.mode } : {}),
      ...(source.replicas !== undefined ? { replicas: source.replicas } : {}),
      ...(resources?.success ? { resources: resources.data } : {}),
      ...(entry.ownVersion ? { version: entry.ownVersion } : {}),
      ...(entry.image.distribution ? { distribution: entry.image.distribution } : {}),
      ...(entry.image.repository ? { image: entry.image.repository } : {}),
      ...(Object.keys(environment.env).length > 0 ? { env: environment.env } : {}),
      ...(tls ? { tls } : {}),
      receivers,
      processors,
      connectors,
    });
    report.recognised.push({
      ...where(source.at),
      message: `collector ${id} (${role}${source.mode ? `/${source.mode}` : ''}) from ${source.what}: ${receivers.length} receivers, ${processors.length} processors, ${connectors.length} connectors in the model`,
    });
  }

  const result = withOverrides(imported, elements, flows, report);
  return result;
}

/** Variables that SecretRefs with a Secret in these flows' and backends' fields read. */
function referencedSecrets(elements: ReadonlyArray<Flow | Backend>): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (!isPlainObject(value)) return;
    if (typeof value.env === 'string' && isPlainObject(value.secret)) names.add(value.env);
    else for (const item of Object.values(value)) visit(item);
  };
  for (const element of elements) visit(element);
  return names;
}

const serviceNameSets = new WeakMap<CollectorSource, Set<string>>();

function matchesService(source: CollectorSource, host: { name: string; namespace?: string }, fromNamespace: string | undefined): boolean {
  let names = serviceNameSets.get(source);
  if (!names) serviceNameSets.set(source, (names = new Set(source.serviceNames.flatMap((name) => [name, `${name}-headless`]))));
  if (!names.has(host.name)) return false;
  const namespace = host.namespace ?? fromNamespace;
  return namespace === undefined || source.namespace === undefined || source.namespace === namespace;
}

/**
 * Overrides = input − what the engine generates from the mapped model. A collector whose
 * regenerated config still differs (it should not) falls back to a bare model: no components,
 * no flows, everything in overrides.
 *
 * The engine applies a collector's overrides last, merged over the config it generates from the
 * model, and reads them nowhere else: what the topology exports is the generated config with the
 * overrides merged over it (empty bodies written `{}`). So that merge is what the round trip
 * checks, without indexing and generating every collector a second time
 * (round-trip.property.test.ts holds the engine to it).
 */
function withOverrides(imported: Imported[], base: Element[], flowsIn: Flow[], report: ImportReport): ImportResult {
  let flows = flowsIn;
  const bare = new Set<string>();
  for (let attempt = 0; attempt < 2; attempt++) {
    const collectors = imported.map((entry) =>
      bare.has(entry.id) ? { ...entry.element!, receivers: [], processors: [], connectors: [] } : entry.element!,
    );
    const used = new Set(flows.map((flow) => flow.to));
    const elements = [...base.filter((element) => element.kind !== 'backend' || used.has(element.id)), ...collectors, ...flows];
    const plain = Topology.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, name: 'imported', elements });
    const index = indexTopology(plain);
    const overrides = new Map<string, PlainObject | undefined>();
    const failed: Imported[] = [];
    for (const entry of imported) {
      const generated = planCollectorConfig(index, index.collector(entry.id)!);
      const difference = configDifference(entry.input, generated);
      overrides.set(entry.id, difference);
      if (!deepEqual(semanticConfig(mergeConfig(generated, difference)), entry.input)) failed.push(entry);
    }
    if (failed.length === 0) {
      // Parsed elements plus overrides, a plain map (all the schema asks), in its place as the last field.
      const final: Topology = {
        ...plain,
        elements: plain.elements.map((element) => {
          const difference = element.kind === 'collector' ? overrides.get(element.id) : undefined;
          return difference ? { ...element, overrides: difference } : element;
        }),
      };
      for (const entry of imported) {
        const difference = overrides.get(entry.id);
        if (!difference) continue;
        for (const path of overridePaths(difference)) {
          report.overrides.push({
            ...where(entry.source.locate(path)),
            collector: entry.id,
            path: path.join('.'),
            change: isRemoval(difference, path) ? 'remove' : 'set',
          });
        }
      }
      return { topology: final, report };
    }
    for (const entry of failed) {
      if (bare.has(entry.id)) continue;
      bare.add(entry.id);
      flows = flows.filter((flow) => flow.from !== entry.id);
    }
    if (attempt === 1) {
      for (const entry of failed) {
        report.problems.push({ ...where(entry.source.at), severity: 'error', message: `${entry.id}: its config cannot be reproduced exactly (a key the merge cannot express, such as a literal \`$patch: delete\`)` });
      }
      return { report };
    }
  }
  return { report };
}

export type { ConfigPath, Signal };
