/**
 * What the files hold: collector configs found in them, each with the deployment facts around it
 * (workload kind, replicas, image, namespace) and a way back to the lines it was written at.
 *
 * Grouping: plain collector configs (files whose top level is `receivers`, `exporters`,
 * `service`...) are the `--config` files of ONE collector and are merged in the order given, the
 * way the collector merges several `--config` files (maps merge, later wins, lists replaced),
 * unless a file names its collector (`ImportFile.collector`, the CLI's `--collector NAME=a,b`):
 * then files naming the same collector are merged, and each name is one collector.
 */
import { referencedEnvironment } from '../engine/collector/secrets.js';
import type { CollectorRole, DeploymentMode } from '../model/collector.js';
import { COMPONENT_SECTIONS, isPlainObject, type ConfigPath, type PlainObject } from '../validation/config-check.js';
import { helmPodEnv } from './helm-chart-defaults.js';
import { list, map } from './plain-data.js';
import { isHelmMode, renderHelmConfig } from './helm-presets.js';
import { workloadEnv, type WorkloadEnv } from './workload-env.js';
import { readEmbeddedYaml, type Locator, type Position, type YamlDocument } from './yaml-input.js';

export interface ImportFile {
  readonly path: string;
  readonly text: string;
  /** Collector a plain config file belongs to; plain configs without one form one collector. */
  readonly collector?: string;
}

export interface Problem extends Position {
  readonly message: string;
  /** `error`: nothing is imported; `warning`: imported, but look at it. */
  readonly severity: 'error' | 'warning';
}

export interface ResourceFields {
  readonly requests?: { cpu?: string; memory?: string };
  readonly limits?: { cpu?: string; memory?: string };
}

/** One collector found in the input. */
export interface CollectorSource {
  /** Name it had (workload, resource or file name): the preferred element id. */
  readonly name: string;
  /** Kubernetes namespace; absent for plain configs and Helm values. */
  readonly namespace?: string;
  /** How it was found, for the report: `Deployment observability/gateway`. */
  readonly what: string;
  readonly at: Position;
  readonly role?: CollectorRole;
  readonly mode?: DeploymentMode;
  readonly replicas?: number;
  readonly resources?: ResourceFields;
  /** Full image reference, `repository:tag`. */
  readonly image?: string;
  /** The container's environment, where a workload, resource or values file sets it. */
  readonly env?: WorkloadEnv;
  /** The collector config as the collector reads it (files merged). */
  readonly config: PlainObject;
  readonly locate: Locator;
  /** Host names (first DNS label) other collectors reach it by. */
  readonly serviceNames: readonly string[];
  readonly notes: readonly string[];
}

const WORKLOAD_ROLE: Readonly<Record<string, { role: CollectorRole; mode: DeploymentMode }>> = {
  DaemonSet: { role: 'agent', mode: 'daemonset' },
  Deployment: { role: 'gateway', mode: 'deployment' },
  StatefulSet: { role: 'gateway', mode: 'statefulset' },
};
const OPERATOR_MODES: Readonly<Record<string, { role: CollectorRole; mode: DeploymentMode }>> = {
  daemonset: { role: 'agent', mode: 'daemonset' },
  deployment: { role: 'gateway', mode: 'deployment' },
  statefulset: { role: 'gateway', mode: 'statefulset' },
  sidecar: { role: 'agent', mode: 'sidecar' },
};

const CONFIG_KEYS = new Set<string>([...COMPONENT_SECTIONS, 'service']);

/** Whether a value reads as a collector config: a map with at least one of its top-level keys. */
export function looksLikeCollectorConfig(value: unknown): value is PlainObject {
  return isPlainObject(value) && Object.keys(value).some((key) => CONFIG_KEYS.has(key));
}

/** Values of the opentelemetry-collector chart: `mode` or `presets`, or `config` beside other chart keys. */
function looksLikeHelmValues(value: PlainObject): boolean {
  if ('mode' in value || 'presets' in value) return true;
  const chartKeys = ['replicaCount', 'image', 'alternateConfig', 'ports', 'fullnameOverride', 'nameOverride', 'resources'];
  return 'config' in value && chartKeys.some((key) => key in value);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The collector's merge of several `--config` files: maps merge recursively, later wins, the rest replaced. */
export function mergeConfigFiles(base: PlainObject, override: PlainObject): PlainObject {
  const merged: PlainObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfigFiles(current, value) : value;
  }
  return merged;
}

function resourcesOf(value: unknown): ResourceFields | undefined {
  if (!isPlainObject(value)) return undefined;
  const part = (side: unknown) => {
    if (!isPlainObject(side)) return undefined;
    const quantity = (item: unknown) => (typeof item === 'string' ? item : typeof item === 'number' ? String(item) : undefined);
    const cpu = quantity(side.cpu);
    const memory = quantity(side.memory);
    return cpu === undefined && memory === undefined ? undefined : { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) };
  };
  const requests = part(value.requests);
  const limits = part(value.limits);
  return requests || limits ? { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } : undefined;
}

/** A name usable as an element id: lower-case DNS label characters. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/\.(ya?ml|json)$/, '')
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63) || 'collector'
  );
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

interface ConfigMapEntry {
  readonly document: YamlDocument;
  readonly namespace: string;
  readonly name: string;
  /** Data keys holding a collector config, in written order. */
  readonly configs: Array<{ key: string; value: PlainObject; locate: Locator; has: (path: ConfigPath) => boolean }>;
  used: boolean;
}

interface Workload {
  readonly document: YamlDocument;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly value: PlainObject;
}

/** Configs of several files (or data keys) merged, located at the last file that wrote each path. */
function mergedSource(parts: ReadonlyArray<{ value: PlainObject; locate: Locator; has: (path: ConfigPath) => boolean }>): {
  config: PlainObject;
  locate: Locator;
} {
  let config: PlainObject = {};
  for (const part of parts) config = mergeConfigFiles(config, part.value);
  return {
    config,
    locate(path) {
      for (let index = parts.length - 1; index >= 0; index--) if (parts[index]!.has(path)) return parts[index]!.locate(path);
      // Nearest parent written anywhere, from the last file.
      for (let length = path.length - 1; length >= 0; length--) {
        const parent = path.slice(0, length);
        for (let index = parts.length - 1; index >= 0; index--) if (parts[index]!.has(parent)) return parts[index]!.locate(parent);
      }
      return parts[parts.length - 1]!.locate([]);
    },
  };
}

function imageVersionNote(image: unknown, at: Position, problems: Problem[]): string | undefined {
  if (image === undefined) return undefined;
  if (typeof image !== 'string' || image === '') {
    problems.push({ ...at, severity: 'error', message: 'the image must be a string such as otel/opentelemetry-collector-contrib:0.158.0' });
    return undefined;
  }
  return image;
}

function replicasOf(value: unknown, at: Position, problems: Problem[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    problems.push({ ...at, severity: 'error', message: `replicas must be a whole number, not ${JSON.stringify(value)}` });
    return undefined;
  }
  return value === 0 ? undefined : value;
}

/** Reads Kubernetes objects, Operator resources, Helm values and plain configs out of the documents. */
export function collectSources(
  documents: readonly YamlDocument[],
  files: readonly ImportFile[],
): { sources: CollectorSource[]; problems: Problem[]; notes: Array<Position & { message: string }> } {
  const problems: Problem[] = [];
  const notes: Array<Position & { message: string }> = [];
  const sources: CollectorSource[] = [];
  const fileText = new Map(files.map((file) => [file.path, file.text]));
  const groupOf = new Map(files.map((file) => [file.path, file.collector]));
  const plainGroups = new Map<string, Array<{ file: string; value: PlainObject; locate: Locator; has: (path: ConfigPath) => boolean }>>();
  const configMaps: ConfigMapEntry[] = [];
  const workloads: Workload[] = [];
  const services: Array<{ namespace: string; name: string; selector: PlainObject }> = [];

  const visit = (document: YamlDocument, value: unknown, prefix: ConfigPath): void => {
    const at = document.locate(prefix);
    const here = (path: ConfigPath) => document.locate([...prefix, ...path]);
    if (!isPlainObject(value)) {
      problems.push({ ...at, severity: 'error', message: 'expected a mapping: a collector config, a Kubernetes object or Helm values' });
      return;
    }
    const kind = text(value.kind);
    const apiVersion = text(value.apiVersion);
    if (kind !== undefined && apiVersion !== undefined) {
      const metadata = map(value.metadata);
      const name = text(metadata.name);
      const namespace = text(metadata.namespace) ?? 'default';
      if (kind === 'List') {
        for (const [index, item] of list(value.items).entries()) visit(document, item, [...prefix, 'items', index]);
        return;
      }
      if (name === undefined) {
        problems.push({ ...here(['metadata']), severity: 'error', message: `${kind} without metadata.name` });
        return;
      }
      if (kind === 'OpenTelemetryCollector' && apiVersion.startsWith('opentelemetry.io/')) {
        operatorSource(document, value, prefix, name, namespace);
      } else if (kind === 'ConfigMap') {
        const configs: ConfigMapEntry['configs'] = [];
        for (const [key, entry] of Object.entries(map(value.data))) {
          if (typeof entry !== 'string' || !/^\s*(receivers|exporters|processors|connectors|extensions|service)\s*:/m.test(entry)) continue;
          const read = readEmbeddedYaml(document, [...prefix, 'data', key], entry, fileText.get(document.file) ?? '');
          if (!read.ok) {
            for (const problem of read.problems) problems.push({ ...problem, severity: 'error' });
            continue;
          }
          if (looksLikeCollectorConfig(read.value)) configs.push({ key, value: read.value, locate: read.locate, has: read.has });
        }
        if (configs.length > 0) configMaps.push({ document, namespace, name, configs, used: false });
      } else if (kind in WORKLOAD_ROLE) {
        workloads.push({ document, kind, namespace, name, value });
      } else if (kind === 'Service') {
        services.push({ namespace, name, selector: map(map(value.spec).selector) });
      } else {
        notes.push({ ...at, message: `${kind} ${namespace}/${name} skipped: not part of a collector's config` });
      }
      return;
    }
    if (looksLikeHelmValues(value)) {
      helmSource(document, value);
      return;
    }
    if (looksLikeCollectorConfig(value)) {
      const group = groupOf.get(document.file) ?? '';
      const parts = plainGroups.get(group) ?? [];
      parts.push({ file: document.file, value, locate: document.locate, has: document.has });
      plainGroups.set(group, parts);
      return;
    }
    problems.push({
      ...at,
      severity: 'error',
      message: 'not a collector config (receivers, exporters, service...), a Kubernetes manifest, an OpenTelemetryCollector or Helm values of the opentelemetry-collector chart',
    });
  };

  function operatorSource(document: YamlDocument, value: PlainObject, prefix: ConfigPath, name: string, namespace: string): void {
    const spec = map(value.spec);
    const at = document.locate(prefix);
    const specAt = (key: string) => document.locate([...prefix, 'spec', key]);
    const modeText = spec.mode === undefined ? 'deployment' : spec.mode;
    const mode = typeof modeText === 'string' ? OPERATOR_MODES[modeText] : undefined;
    if (!mode) {
      problems.push({ ...specAt('mode'), severity: 'error', message: `spec.mode is one of ${Object.keys(OPERATOR_MODES).join(', ')}, not ${JSON.stringify(modeText)}` });
      return;
    }
    let config: PlainObject;
    let locate: Locator;
    if (typeof spec.config === 'string') {
      const read = readEmbeddedYaml(document, [...prefix, 'spec', 'config'], spec.config, fileText.get(document.file) ?? '');
      if (!read.ok) {
        for (const problem of read.problems) problems.push({ ...problem, severity: 'error' });
        return;
      }
      if (!isPlainObject(read.value)) {
        problems.push({ ...specAt('config'), severity: 'error', message: 'spec.config must hold a collector config (a mapping)' });
        return;
      }
      config = read.value;
      locate = read.locate;
    } else if (isPlainObject(spec.config)) {
      config = spec.config;
      locate = (path) => document.locate([...prefix, 'spec', 'config', ...path]);
    } else {
      problems.push({ ...(spec.config === undefined ? at : specAt('config')), severity: 'error', message: 'an OpenTelemetryCollector needs spec.config (a mapping in v1beta1, a YAML string in v1alpha1)' });
      return;
    }
    const image = imageVersionNote(spec.image, specAt('image'), problems);
    const replicas = replicasOf(spec.replicas, specAt('replicas'), problems);
    const resources = resourcesOf(spec.resources);
    const mapped = new Set(['mode', 'config', 'image', 'replicas', 'resources', 'env', 'envFrom']);
    const unmapped = Object.keys(spec).filter((key) => !mapped.has(key));
    sources.push({
      name,
      namespace,
      what: `OpenTelemetryCollector ${namespace}/${name} (${String(value.apiVersion)})`,
      at,
      ...mode,
      ...(replicas !== undefined ? { replicas } : {}),
      ...(resources ? { resources } : {}),
      ...(image ? { image } : {}),
      env: workloadEnv(spec.env, spec.envFrom),
      config,
      locate,
      serviceNames: [name, `${name}-collector`, `${name}-collector-headless`],
      notes: unmapped.length > 0 ? [`spec fields not imported (the model has no place for them): ${unmapped.join(', ')}`] : [],
    });
  }

  function helmSource(document: YamlDocument, value: PlainObject): void {
    const at = document.locate([]);
    const modeText = value.mode ?? 'deployment';
    if (!isHelmMode(modeText)) {
      problems.push({ ...document.locate(['mode']), severity: 'error', message: `mode is daemonset, deployment or statefulset, not ${JSON.stringify(modeText)}` });
      return;
    }
    const mode = OPERATOR_MODES[modeText]!;
    if (value.config !== undefined && value.config !== null && !isPlainObject(value.config)) {
      problems.push({ ...document.locate(['config']), severity: 'error', message: 'config must be a mapping (the collector config merged over the chart\'s)' });
      return;
    }
    if (value.alternateConfig !== undefined && value.alternateConfig !== null && !isPlainObject(value.alternateConfig)) {
      problems.push({ ...document.locate(['alternateConfig']), severity: 'error', message: 'alternateConfig must be a mapping (a collector config used in place of config)' });
      return;
    }
    // What `helm install` would be told; the import's cluster for Helm values is namespace default.
    const release = { name: slug(baseName(document.file)).replace(/-?values$/, '') || 'collector', namespace: 'default' };
    const rendered = renderHelmConfig(value, { mode: modeText, release });
    for (const warning of rendered.warnings) problems.push({ ...document.locate(warning.path), severity: 'warning', message: warning.message });
    const image = map(value.image);
    const repository = text(image.repository);
    const tag = typeof image.tag === 'string' || typeof image.tag === 'number' ? String(image.tag) : undefined;
    const replicas = replicasOf(value.replicaCount, document.locate(['replicaCount']), problems);
    const resources = resourcesOf(value.resources);
    const name = text(value.fullnameOverride) ?? text(value.nameOverride) ?? release.name;
    const configKey = rendered.configKey;
    const configAt = document.locate([configKey]);
    /** Where the values file wrote a config path: under `config`, else the preset that added it, else `config` or the file. */
    const locate = (path: ConfigPath) => {
      if (document.has([configKey, ...path])) return document.locate([configKey, ...path]);
      const preset = rendered.written.find((entry) => entry.path.every((key, index) => path[index] === key));
      if (preset) return document.locate(['presets', preset.preset]);
      return document.has([configKey]) ? configAt : at;
    };
    sources.push({
      name: name || 'collector',
      what: `Helm values (${modeText})`,
      at,
      ...mode,
      ...(replicas !== undefined ? { replicas } : {}),
      ...(resources ? { resources } : {}),
      ...(repository ? { image: `${repository}:${tag ?? ''}`.replace(/:$/, '') } : {}),
      env: workloadEnv([...helmPodEnv(referencedEnvironment(rendered.config)), ...list(value.extraEnvs)], value.extraEnvsFrom),
      config: rendered.config,
      locate,
      serviceNames: [name, `${name}-opentelemetry-collector`, ...(text(value.fullnameOverride) ? [text(value.fullnameOverride)!] : [])],
      notes: rendered.notes,
    });
  }

  for (const document of documents) visit(document, document.value, []);

  for (const [group, parts] of plainGroups) {
    const files = [...new Set(parts.map((part) => part.file))];
    const { config, locate } = mergedSource(parts);
    const name = group || slug(baseName(files[0]!));
    sources.push({
      name,
      what: files.length > 1 ? `collector config (${files.length} files merged in order: ${files.join(', ')})` : 'collector config',
      at: parts[0]!.locate([]),
      config,
      locate,
      serviceNames: [name],
      notes: [],
    });
  }

  for (const workload of workloads) {
    const podSpec = map(map(map(workload.value.spec).template).spec);
    const podLabels = map(map(map(map(workload.value.spec).template).metadata).labels);
    const volumes = list(podSpec.volumes).map(map);
    const mountedMaps = new Map<string, { name: string; items: Array<{ key: string; path: string }> }>();
    for (const volume of volumes) {
      const configMap = map(volume.configMap);
      const volumeName = text(volume.name);
      const mapName = text(configMap.name);
      if (volumeName && mapName) {
        const items = list(configMap.items).map(map).flatMap((item) => (text(item.key) && text(item.path) ? [{ key: text(item.key)!, path: text(item.path)! }] : []));
        mountedMaps.set(volumeName, { name: mapName, items });
      }
    }
    const holders = (mapName: string) => configMaps.find((entry) => entry.namespace === workload.namespace && entry.name === mapName);
    const containers = list(podSpec.containers).map(map);
    const argsOf = (container: PlainObject) => [...list(container.command), ...list(container.args)].filter((arg): arg is string => typeof arg === 'string');
    const container =
      containers.find((item) => /opentelemetry-collector|otelcol/.test(text(item.image) ?? '')) ??
      containers.find((item) => argsOf(item).some((arg) => arg.startsWith('--config'))) ??
      containers.find((item) => list(item.volumeMounts).map(map).some((mount) => holders(mountedMaps.get(text(mount.name) ?? '')?.name ?? '')));
    if (!container) {
      notes.push({ ...workload.document.locate([]), message: `${workload.kind} ${workload.namespace}/${workload.name} skipped: no collector container` });
      continue;
    }
    const args = argsOf(container);
    const configArgs: string[] = [];
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!;
      if (arg.startsWith('--config=')) configArgs.push(arg.slice('--config='.length));
      else if (arg === '--config' && args[index + 1] !== undefined) configArgs.push(args[++index]!);
    }
    const mounts = list(container.volumeMounts).map(map);
    const parts: Array<{ value: PlainObject; locate: Locator; has: (path: ConfigPath) => boolean }> = [];
    for (const arg of configArgs) {
      const path = arg.replace(/^file:/, '');
      for (const mount of mounts) {
        const mountPath = (text(mount.mountPath) ?? '').replace(/\/$/, '');
        const volume = mountedMaps.get(text(mount.name) ?? '');
        if (!volume || !mountPath) continue;
        const subPath = text(mount.subPath);
        const relative = subPath ? (path === mountPath ? subPath : undefined) : path.startsWith(`${mountPath}/`) ? path.slice(mountPath.length + 1) : undefined;
        if (relative === undefined) continue;
        const key = volume.items.find((item) => item.path === relative)?.key ?? relative;
        const holder = holders(volume.name);
        const entry = holder?.configs.find((config) => config.key === key);
        if (holder && entry) {
          holder.used = true;
          parts.push(entry);
        }
      }
    }
    if (parts.length === 0) {
      // No --config pointing into a ConfigMap: every collector config its ConfigMaps hold.
      for (const mount of mounts) {
        const holder = holders(mountedMaps.get(text(mount.name) ?? '')?.name ?? '');
        if (!holder || holder.used) continue;
        holder.used = true;
        parts.push(...holder.configs);
      }
    }
    if (parts.length === 0) {
      notes.push({ ...workload.document.locate([]), message: `${workload.kind} ${workload.namespace}/${workload.name} skipped: its collector config is not in the imported ConfigMaps` });
      continue;
    }
    const { config, locate } = mergedSource(parts);
    const at = workload.document.locate([]);
    const spec = map(workload.value.spec);
    const replicas = workload.kind === 'DaemonSet' ? undefined : replicasOf(spec.replicas, workload.document.locate(['spec', 'replicas']), problems);
    const image = imageVersionNote(container.image, at, problems);
    const resources = resourcesOf(container.resources);
    const matchingServices = services
      .filter((service) => service.namespace === workload.namespace && Object.keys(service.selector).length > 0)
      .filter((service) => Object.entries(service.selector).every(([key, label]) => podLabels[key] === label))
      .map((service) => service.name);
    sources.push({
      name: workload.name,
      namespace: workload.namespace,
      what: `${workload.kind} ${workload.namespace}/${workload.name}`,
      at,
      ...WORKLOAD_ROLE[workload.kind]!,
      ...(replicas !== undefined ? { replicas } : {}),
      ...(resources ? { resources } : {}),
      ...(image ? { image } : {}),
      env: workloadEnv(container.env, container.envFrom),
      config,
      locate,
      serviceNames: [workload.name, ...matchingServices],
      notes: [],
    });
  }

  for (const holder of configMaps) {
    if (holder.used) continue;
    const { config, locate } = mergedSource(holder.configs);
    notes.push({ ...holder.document.locate([]), message: `ConfigMap ${holder.namespace}/${holder.name} is mounted by no imported workload: imported as a collector of its own` });
    sources.push({
      name: holder.name.replace(/-(config|conf|configmap)$/, ''),
      namespace: holder.namespace,
      what: `ConfigMap ${holder.namespace}/${holder.name}`,
      at: holder.document.locate([]),
      config,
      locate,
      serviceNames: [holder.name.replace(/-(config|conf|configmap)$/, '')],
      notes: [],
    });
  }
  return { sources, problems, notes };
}
