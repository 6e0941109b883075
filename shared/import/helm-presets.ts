/**
 * The collector config the opentelemetry-collector Helm chart renders from a values file: what
 * its templates/_config.tpl does, as of chart HELM_CHART_VERSION.
 *
 * 1. The values file is merged over the chart's values the way Helm coalesces them (maps merge,
 *    the file wins, `null` removes a key the chart has).
 * 2. The base is `config` (with `internalTelemetryViaOTLP` applied), or `alternateConfig`, which
 *    replaces it.
 * 3. Each enabled preset, in the chart's order, merges its components UNDER the config (sprig's
 *    `mustMergeOverwrite preset config`: the values file's settings win, its lists replace the
 *    preset's, its `null` nulls) and adds them to pipelines: receivers appended, processors
 *    prepended, duplicates dropped from the list it touched.
 * 4. With `rewriteDeprecatedComponentNames` (the default), `filelog` and `k8sattributes` are
 *    renamed `file_log` and `k8s_attributes`, the detector `k8snode` `k8s_api`.
 *
 * Where the chart's template would fail on a malformed value (a pipeline that is not a map...),
 * the value is left as written for the config check to report.
 */
import { COMPONENT_SECTIONS, isPlainObject, type ConfigPath, type PlainObject } from '../validation/config-check.js';
import { HELM_CHART_NAME, HELM_CHART_VERSION, helmChartDefaultValues } from './helm-chart-defaults.js';
import { deepEqual } from './overrides.js';
import { list, map } from './plain-data.js';

const HELM_MODES = ['daemonset', 'deployment', 'statefulset'] as const;
export type HelmMode = (typeof HELM_MODES)[number];
export const isHelmMode = (value: unknown): value is HelmMode => HELM_MODES.includes(value as HelmMode);

/** What `helm install NAME --namespace NAMESPACE` would say; a values file does not. */
export interface HelmRelease {
  readonly name: string;
  readonly namespace: string;
}

export interface HelmRender {
  readonly config: PlainObject;
  /** The values key the base config comes from: `alternateConfig` replaces `config` when set. */
  readonly configKey: 'config' | 'alternateConfig';
  /** Presets applied, in the chart's order. */
  readonly applied: readonly string[];
  /** Config paths (components, pipeline lists) a preset wrote, with the preset. */
  readonly written: ReadonlyArray<{ readonly path: ConfigPath; readonly preset: string }>;
  readonly notes: readonly string[];
  /** Values the chart would refuse or that do nothing, by their path in the values. */
  readonly warnings: ReadonlyArray<{ readonly path: ConfigPath; readonly message: string }>;
}

interface PresetContext {
  /** The values merged over the chart's. */
  readonly values: PlainObject;
  /** `values.presets[name]`. */
  readonly options: PlainObject;
  readonly mode: HelmMode;
  /** The chart's `opentelemetry-collector.fullname`. */
  readonly fullname: string;
  readonly namespace: string;
}

interface Preset {
  readonly name: string;
  /** Options the chart's schema allows. */
  readonly options: readonly string[];
  /** Modes whose config template applies it: the chart's daemonset config has no kubernetesEvents. */
  readonly modes?: readonly HelmMode[];
  readonly enabled: (options: PlainObject) => boolean;
  /** The config with the preset applied; `config` is the caller's copy, free to change. */
  readonly apply: (config: PlainObject, context: PresetContext) => PlainObject;
  /** Whether the release name or namespace went into the config. */
  readonly usesRelease?: (context: PresetContext) => boolean;
  /** What the chart also adds to the pod or its ClusterRole, and whether the engine does the same. */
  readonly workload?: (context: PresetContext) => string | undefined;
}


/** Go templates' truth: false, 0, "", null and empty lists and maps are false. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** `a.b.c` of nested maps, undefined where a step is no map. */
function dig(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)])) as T;
  return value;
}

/** sprig's `uniq`: first occurrences, in order (deep equality, as Go's reflect.DeepEqual). */
function uniq(items: readonly unknown[]): unknown[] {
  const names = new Set<unknown>();
  const kept: unknown[] = [];
  for (const item of items) {
    const isObject = typeof item === 'object' && item !== null;
    if (isObject ? kept.some((other) => deepEqual(other, item)) : names.has(item)) continue;
    if (!isObject) names.add(item);
    kept.push(item);
  }
  return kept;
}

/** Helm's coalesce of a values file over the chart's values: maps merge, the file wins, `null` removes a key the chart has. */
function coalesce(own: PlainObject, chart: PlainObject): PlainObject {
  const merged: PlainObject = {};
  for (const [key, fallback] of Object.entries(chart)) {
    if (!Object.hasOwn(own, key)) merged[key] = copy(fallback);
    else if (own[key] !== null) merged[key] = isPlainObject(own[key]) && isPlainObject(fallback) ? coalesce(own[key], fallback) : copy(own[key]);
  }
  for (const [key, value] of Object.entries(own)) if (!Object.hasOwn(chart, key)) merged[key] = copy(value);
  return merged;
}

/** sprig's `mustMergeOverwrite first ...rest` (mergo with override): maps merge, later wins, lists and `null` replace. */
function mergeOverwrite(...layers: PlainObject[]): PlainObject {
  const overwrite = (base: PlainObject, top: PlainObject): PlainObject => {
    const merged = copy(base);
    for (const [key, value] of Object.entries(top)) {
      const current = merged[key];
      merged[key] = isPlainObject(value) && isPlainObject(current) ? overwrite(current, value) : copy(value);
    }
    return merged;
  };
  return layers.reduce(overwrite, {});
}

/** sprig's `mustMerge base extra` (mergo without override): `extra` fills only what is missing or empty. */
function mergeKeep(base: PlainObject, extra: PlainObject): PlainObject {
  const merged = copy(base);
  for (const [key, value] of Object.entries(extra)) {
    if (value === null) continue;
    const current = merged[key];
    if (isPlainObject(value) && isPlainObject(current)) merged[key] = mergeKeep(current, value);
    else if (!truthy(current)) merged[key] = copy(value);
  }
  return merged;
}

/** The config under `{ service: { pipelines: { SIGNAL: { receivers: [] } } } }` and the preset, as most presets merge it. */
function underPreset(config: PlainObject, preset: PlainObject, signal?: string): PlainObject {
  const pipelineDefault = signal ? { service: { pipelines: { [signal]: { receivers: [] } } } } : {};
  return mergeOverwrite(pipelineDefault, preset, config);
}

/** The list at `path` with `item` appended (or prepended), duplicates dropped; left alone where the path holds no list. */
function addTo(config: PlainObject, path: readonly string[], item: string, where: 'end' | 'start' = 'end'): void {
  const parent = dig(config, ...path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!isPlainObject(parent)) return;
  const current = parent[key] ?? [];
  if (!Array.isArray(current)) return;
  parent[key] = uniq(where === 'end' ? [...current, item] : [item, ...current]);
}

/** `service.extensions` with `name` appended, created when missing. */
function addExtension(config: PlainObject, name: string): void {
  if (isPlainObject(config.service) && config.service.extensions === undefined) config.service.extensions = [];
  addTo(config, ['service', 'extensions'], name);
}

function leaderElector(name: string, leaseName: string, namespace: string): PlainObject {
  return { [`k8s_leader_elector/${name}`]: { auth_type: 'serviceAccount', lease_name: leaseName, lease_namespace: namespace } };
}

/** sprig's `int`: numbers truncated, numeric strings read, anything else 0. */
function toInt(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === 'string' && /^\s*-?\d+(\.0*)?\s*$/.test(value)) return Number.parseInt(value, 10);
  return value === true ? 1 : 0;
}

const objectsLeaderElection = (context: PresetContext) => context.mode === 'daemonset' && !truthy(context.options.disableLeaderElection);
const clusterLeaderElection = (context: PresetContext) =>
  (context.mode === 'daemonset' || toInt(context.values.replicaCount) > 1) && !truthy(context.options.disableLeaderElection);

const HOST_METRICS_RECEIVER = {
  root_path: '/hostfs',
  collection_interval: '10s',
  scrapers: {
    cpu: null,
    load: null,
    memory: null,
    disk: null,
    filesystem: {
      exclude_mount_points: {
        mount_points: ['^/dev($|/)', '^/proc($|/)', '^/sys($|/)', '^/run/k3s/containerd($|/)', '^/var/lib/docker($|/)', '^/var/lib/kubelet($|/)', '^/snap($|/)'],
        match_type: 'regexp',
      },
      exclude_fs_types: {
        fs_types: [
          'autofs', 'binfmt_misc', 'bpf', 'cgroup2', 'configfs', 'debugfs', 'devpts', 'devtmpfs', 'fusectl', 'hugetlbfs', 'iso9660', 'mqueue',
          'nsfs', 'overlay', 'proc', 'procfs', 'pstore', 'rpc_pipefs', 'securityfs', 'selinuxfs', 'squashfs', 'sysfs', 'tracefs',
        ],
        match_type: 'strict',
      },
    },
    network: null,
  },
};

const POD_METADATA = [
  'k8s.namespace.name', 'k8s.pod.name', 'k8s.pod.uid', 'k8s.node.name', 'k8s.pod.start_time', 'k8s.deployment.name',
  'k8s.replicaset.name', 'k8s.replicaset.uid', 'k8s.daemonset.name', 'k8s.daemonset.uid', 'k8s.job.name', 'k8s.job.uid',
  'k8s.container.name', 'k8s.cronjob.name', 'k8s.statefulset.name', 'k8s.statefulset.uid', 'container.image.tag',
  'container.image.name', 'k8s.cluster.uid', 'service.namespace', 'service.name', 'service.version', 'service.instance.id',
];

/** Every label (annotation) of the pod as a resource attribute of the same name; `$$` is the collector's escaped `$`. */
const ALL_OF_POD = [{ tag_name: '$$1', key_regex: '(.*)', from: 'pod' }];

const K8S_ATTRIBUTES = 'k8s_attributes';
const K8S_ATTRIBUTES_LEGACY = 'k8sattributes';

/** kubernetesObjects: resources per option, with their API group, in the chart's order. */
const OBJECT_GROUPS: ReadonlyArray<{ option: string; resources: ReadonlyArray<readonly [string, string?]> }> = [
  {
    option: 'core',
    resources: [
      ['namespaces'], ['pods'], ['nodes'], ['services'], ['serviceaccounts'],
      ['deployments', 'apps'], ['replicasets', 'apps'], ['daemonsets', 'apps'], ['statefulsets', 'apps'],
      ['jobs', 'batch'], ['cronjobs', 'batch'],
    ],
  },
  {
    option: 'rbac',
    resources: [
      ['roles', 'rbac.authorization.k8s.io'], ['rolebindings', 'rbac.authorization.k8s.io'],
      ['clusterroles', 'rbac.authorization.k8s.io'], ['clusterrolebindings', 'rbac.authorization.k8s.io'],
    ],
  },
  { option: 'storage', resources: [['storageclasses', 'storage.k8s.io'], ['persistentvolumes'], ['persistentvolumeclaims']] },
  { option: 'networking', resources: [['ingresses', 'networking.k8s.io'], ['networkpolicies', 'networking.k8s.io']] },
  { option: 'autoscaling', resources: [['horizontalpodautoscalers', 'autoscaling']] },
  { option: 'policy', resources: [['poddisruptionbudgets', 'policy']] },
  { option: 'apiExtensions', resources: [['customresourcedefinitions', 'apiextensions.k8s.io']] },
];

const EVENTS_OBJECT = { name: 'events', mode: 'watch', group: 'events.k8s.io', exclude_watch_type: ['DELETED'] };

function kubernetesObjects(options: PlainObject): PlainObject[] {
  const objects: PlainObject[] = [];
  const add = (name: string, group?: string) => {
    for (const mode of truthy(options.watch) ? ['pull', 'watch'] : ['pull']) objects.push({ name, mode, ...(group ? { group } : {}) });
  };
  for (const { option, resources } of OBJECT_GROUPS) {
    if (!truthy(dig(options, option, 'enabled'))) continue;
    for (const [name, group] of resources) add(name, group);
    if (option === 'autoscaling' && truthy(dig(options, 'autoscaling', 'vpa', 'enabled'))) add('verticalpodautoscalers', 'autoscaling.k8s.io');
  }
  if (truthy(dig(options, 'events', 'enabled'))) objects.push(copy(EVENTS_OBJECT));
  return objects;
}

/** Processors prepended to the logs, metrics and traces pipelines there are, unless one of `present` is there already. */
function prependProcessor(config: PlainObject, name: string, present: readonly string[], signals: readonly string[]): PlainObject {
  let result = config;
  for (const signal of signals) {
    if (!truthy(dig(result, 'service', 'pipelines', signal))) continue;
    result = mergeOverwrite({ service: { pipelines: { [signal]: { processors: [] } } } }, result);
    const processors = dig(result, 'service', 'pipelines', signal, 'processors');
    if (Array.isArray(processors) && present.some((other) => processors.includes(other))) continue;
    addTo(result, ['service', 'pipelines', signal, 'processors'], name, 'start');
  }
  return result;
}

/** The chart's presets in the order its config templates apply them. */
const PRESETS: readonly Preset[] = [
  {
    name: 'logsCollection',
    options: ['enabled', 'includeCollectorLogs', 'storeCheckpoints', 'maxRecombineLogSize'],
    enabled: (options) => truthy(options.enabled),
    apply(config, { options, fullname, namespace }) {
      const checkpoints = truthy(options.storeCheckpoints);
      const receiver = {
        include: ['/var/log/pods/*/*/*.log'],
        // Not the collector's own logs: /var/log/pods/<namespace>_<pod>_<uid>/<container>/<run>.log
        exclude: truthy(options.includeCollectorLogs) ? [] : [`/var/log/pods/${namespace}_${fullname}*_*/${HELM_CHART_NAME}/*.log`],
        start_at: 'end',
        retry_on_failure: { enabled: true },
        ...(checkpoints ? { storage: 'file_storage' } : {}),
        include_file_path: true,
        include_file_name: false,
        operators: [{ type: 'container', id: 'container-parser', max_log_size: options.maxRecombineLogSize ?? null }],
      };
      const preset = { ...(checkpoints ? { extensions: { file_storage: { directory: '/var/lib/otelcol' } } } : {}), receivers: { filelog: receiver } };
      const result = underPreset(config, preset, 'logs');
      addTo(result, ['service', 'pipelines', 'logs', 'receivers'], 'filelog');
      if (checkpoints) addExtension(result, 'file_storage');
      return result;
    },
    usesRelease: ({ options }) => !truthy(options.includeCollectorLogs),
    workload: ({ options }) =>
      "the chart also mounts the host's /var/log/pods and /var/lib/docker/containers (the engine mounts /var/log/pods for file_log)" +
      (truthy(options.storeCheckpoints)
        ? "; and /var/lib/otelcol, file_storage's directory, which the engine does not mount (its file_storage volume is at /var/lib/otelcol/file_storage)"
        : ''),
  },
  {
    name: 'annotationDiscovery',
    options: ['logs', 'metrics'],
    enabled: (options) => truthy(dig(options, 'logs', 'enabled')) || truthy(dig(options, 'metrics', 'enabled')),
    apply(config, { options, mode }) {
      const logs = truthy(dig(options, 'logs', 'enabled'));
      const metrics = truthy(dig(options, 'metrics', 'enabled'));
      const preset = {
        extensions: { k8s_observer: { auth_type: 'serviceAccount', ...(mode === 'daemonset' ? { node: '${env:K8S_NODE_NAME}' } : {}) } },
        receivers: {
          ...(logs
            ? {
                'receiver_creator/logs': {
                  watch_observers: ['k8s_observer'],
                  discovery: { enabled: true, default_annotations: { 'io.opentelemetry.discovery.logs/enabled': 'true' } },
                },
              }
            : {}),
          ...(metrics ? { 'receiver_creator/metrics': { watch_observers: ['k8s_observer'], discovery: { enabled: true } } } : {}),
        },
      };
      const result = mergeOverwrite(preset, config);
      addTo(result, ['service', 'extensions'], 'k8s_observer');
      if (logs) addTo(result, ['service', 'pipelines', 'logs', 'receivers'], 'receiver_creator/logs');
      if (metrics) addTo(result, ['service', 'pipelines', 'metrics', 'receivers'], 'receiver_creator/metrics');
      return result;
    },
    workload: ({ options }) =>
      'the chart also grants read on pods' +
      (truthy(dig(options, 'logs', 'enabled')) ? " and mounts the host's /var/log/pods and /var/lib/docker/containers" : '') +
      '; the engine does not',
  },
  {
    name: 'hostMetrics',
    options: ['enabled'],
    enabled: (options) => truthy(options.enabled),
    apply(config) {
      const result = underPreset(config, { receivers: { hostmetrics: copy(HOST_METRICS_RECEIVER) } }, 'metrics');
      addTo(result, ['service', 'pipelines', 'metrics', 'receivers'], 'hostmetrics');
      return result;
    },
    workload: () => "the chart also mounts the host's / at /hostfs (so does the engine for host_metrics)",
  },
  {
    name: 'profiling',
    options: ['enabled'],
    enabled: (options) => truthy(options.enabled),
    apply(config) {
      const pipelineDefault = { service: { pipelines: { profiles: { receivers: [], exporters: [] } } } };
      const result = mergeOverwrite(pipelineDefault, { receivers: { profiling: {} }, exporters: { debug: {} } }, config);
      addTo(result, ['service', 'pipelines', 'profiles', 'receivers'], 'profiling');
      const profiles = dig(result, 'service', 'pipelines', 'profiles');
      if (isPlainObject(profiles) && !truthy(profiles.exporters)) profiles.exporters = ['debug'];
      return result;
    },
    workload: () => "the chart also runs the pod with hostPID, as root with eBPF capabilities, and mounts the host's /sys/kernel/tracing; the engine does not",
  },
  {
    name: 'kubeletMetrics',
    options: ['enabled'],
    enabled: (options) => truthy(options.enabled),
    apply(config) {
      const receiver = { collection_interval: '20s', auth_type: 'serviceAccount', endpoint: '${env:K8S_NODE_IP}:10250' };
      const result = underPreset(config, { receivers: { kubeletstats: receiver } }, 'metrics');
      addTo(result, ['service', 'pipelines', 'metrics', 'receivers'], 'kubeletstats');
      return result;
    },
    workload: () => 'the chart also grants read on nodes/stats and sets K8S_NODE_IP to the node\'s IP (the engine grants nodes/stats for kubelet_stats, and leaves K8S_NODE_IP unset)',
  },
  {
    name: 'kubernetesAttributes',
    options: ['enabled', 'extractAllPodLabels', 'extractAllPodAnnotations'],
    enabled: (options) => truthy(options.enabled),
    apply(config, { values, options, mode }) {
      const name = truthy(values.rewriteDeprecatedComponentNames) ? K8S_ATTRIBUTES : K8S_ATTRIBUTES_LEGACY;
      const processor = {
        ...(mode === 'daemonset' ? { filter: { node_from_env_var: 'K8S_NODE_NAME' } } : {}),
        passthrough: false,
        pod_association: [
          { sources: [{ from: 'resource_attribute', name: 'k8s.pod.ip' }] },
          { sources: [{ from: 'resource_attribute', name: 'k8s.pod.uid' }] },
          { sources: [{ from: 'connection' }] },
        ],
        extract: {
          otel_annotations: true,
          metadata: [...POD_METADATA],
          ...(truthy(options.extractAllPodLabels) ? { labels: copy(ALL_OF_POD) } : {}),
          ...(truthy(options.extractAllPodAnnotations) ? { annotations: copy(ALL_OF_POD) } : {}),
        },
      };
      const present = [K8S_ATTRIBUTES_LEGACY, K8S_ATTRIBUTES];
      let result = prependProcessor(mergeOverwrite({ processors: { [name]: processor } }, config), name, present, ['logs', 'metrics', 'traces']);
      if (truthy(dig(result, 'service', 'pipelines', 'profiles'))) {
        result = prependProcessor(result, name, present, ['profiles']);
        // Profiles carry container.id, not the pod's IP: match on it first.
        const block = dig(result, 'processors', name);
        if (isPlainObject(block)) {
          const associations = list(block.pod_association);
          const byContainer = associations.some((association) =>
            list(dig(association, 'sources')).some((source) => dig(source, 'from') === 'resource_attribute' && dig(source, 'name') === 'container.id'),
          );
          if (!byContainer) block.pod_association = [{ sources: [{ from: 'resource_attribute', name: 'container.id' }] }, ...associations];
        }
      }
      return result;
    },
    workload: () => 'the chart also grants read on pods, namespaces and replicasets (so does the engine for k8s_attributes)',
  },
  {
    name: 'kubernetesEvents',
    options: ['enabled', 'useK8sEventsReceiver'],
    modes: ['deployment', 'statefulset'],
    enabled: (options) => truthy(options.enabled),
    apply(config, { options }) {
      const eventsReceiver = truthy(options.useK8sEventsReceiver);
      const receiverName = eventsReceiver ? 'k8s_events' : 'k8sobjects';
      const receiver = eventsReceiver ? {} : { objects: [copy(EVENTS_OBJECT)] };
      const result = underPreset(config, { receivers: { [receiverName]: receiver } }, 'logs');
      addTo(result, ['service', 'pipelines', 'logs', 'receivers'], receiverName);
      return result;
    },
    workload: ({ options }) =>
      truthy(options.useK8sEventsReceiver)
        ? 'the chart also grants read on events; the engine does not'
        : 'the chart also grants watch and list on events.k8s.io events; the engine does not',
  },
  {
    name: 'kubernetesObjects',
    options: ['enabled', 'disableLeaderElection', 'watch', 'core', 'rbac', 'storage', 'networking', 'autoscaling', 'policy', 'apiExtensions', 'events'],
    enabled: (options) => truthy(options.enabled),
    apply(config, context) {
      const leader = objectsLeaderElection(context);
      const preset = {
        ...(leader ? { extensions: leaderElector('k8s_objects', 'k8s.objects.receiver.opentelemetry.io', context.namespace) } : {}),
        receivers: { k8sobjects: { ...(leader ? { k8s_leader_elector: 'k8s_leader_elector/k8s_objects' } : {}), objects: [] } },
      };
      // The preset's objects come first, then those the config lists (kubernetesEvents' included), duplicates kept.
      const objects = [...kubernetesObjects(context.options), ...list(dig(config, 'receivers', 'k8sobjects', 'objects'))];
      const result = underPreset(config, preset, 'logs');
      const receiver = dig(result, 'receivers', 'k8sobjects');
      if (isPlainObject(receiver)) receiver.objects = copy(objects);
      if (leader) addExtension(result, 'k8s_leader_elector/k8s_objects');
      addTo(result, ['service', 'pipelines', 'logs', 'receivers'], 'k8sobjects');
      return result;
    },
    usesRelease: objectsLeaderElection,
    workload: (context) =>
      `the chart also grants read on the objects it collects${objectsLeaderElection(context) ? ' and on leases, for the leader election' : ''}; the engine does not`,
  },
  {
    name: 'clusterMetrics',
    options: ['enabled', 'disableLeaderElection'],
    enabled: (options) => truthy(options.enabled),
    apply(config, context) {
      const leader = clusterLeaderElection(context);
      const preset = {
        ...(leader ? { extensions: leaderElector('k8s_cluster', 'k8s.cluster.receiver.opentelemetry.io', context.namespace) } : {}),
        receivers: { k8s_cluster: { ...(leader ? { k8s_leader_elector: 'k8s_leader_elector/k8s_cluster' } : {}), collection_interval: '10s' } },
      };
      const result = underPreset(config, preset, 'metrics');
      if (leader) addExtension(result, 'k8s_leader_elector/k8s_cluster');
      addTo(result, ['service', 'pipelines', 'metrics', 'receivers'], 'k8s_cluster');
      return result;
    },
    usesRelease: clusterLeaderElection,
    workload: (context) =>
      "the chart also grants read on the cluster's workloads, nodes and events (so does the engine for k8s_cluster)" +
      (clusterLeaderElection(context) ? ', and on leases for the leader election (the engine does not)' : ''),
  },
  {
    name: 'resourceDetection',
    options: ['enabled', 'env', 'k8s_api', 'k8snode', 'eks', 'aks', 'gcp'],
    enabled: (options) =>
      truthy(options.enabled) && ['env', 'k8s_api', 'k8snode', 'eks', 'aks', 'gcp'].some((detector) => truthy(dig(options, detector, 'enabled'))),
    apply(config, { options }) {
      const on = (detector: string) => truthy(dig(options, detector, 'enabled'));
      const clusterName = { resource_attributes: { 'k8s.cluster.name': { enabled: true } } };
      const processors = isPlainObject(config.processors) ? config.processors : {};
      let processor = map(processors['resourcedetection/env']);
      let detectors = list(processor.detectors);
      if (on('env')) detectors = uniq([...detectors, 'env']);
      if (on('k8snode')) detectors = uniq([...detectors, 'k8snode']);
      else if (on('k8s_api')) detectors = uniq([...detectors, 'k8s_api']);
      // Unlike the other presets', these settings win over the config's.
      if (on('aks')) [processor, detectors] = [mergeOverwrite(processor, { aks: copy(clusterName) }), uniq([...detectors, 'aks'])];
      if (on('eks')) [processor, detectors] = [mergeOverwrite(processor, { timeout: '15s', eks: copy(clusterName) }), uniq([...detectors, 'eks'])];
      if (on('gcp')) [processor, detectors] = [mergeOverwrite(processor, { gcp: copy(clusterName) }), uniq([...detectors, 'gcp'])];
      processors['resourcedetection/env'] = { ...processor, detectors };
      config.processors = processors;
      return prependProcessor(config, 'resourcedetection/env', ['resourcedetection/env'], ['logs', 'metrics', 'traces']);
    },
    workload: ({ options }) => {
      const k8snode = truthy(dig(options, 'k8snode', 'enabled'));
      const k8sApi = truthy(dig(options, 'k8s_api', 'enabled'));
      if (!k8snode && !k8sApi) return undefined;
      return `the chart also grants read on nodes${k8sApi && !k8snode ? ' and on the kube-system namespace' : ''}; the engine does not`;
    },
  },
];

/** Renames `rewriteDeprecatedComponentNames` applies, by config section. */
const COMPONENT_RENAMES: Readonly<Record<'processors' | 'receivers', Readonly<Record<string, string>>>> = {
  processors: { k8sattributes: 'k8s_attributes' },
  receivers: { filelog: 'file_log' },
};
const DETECTOR_RENAMES: Readonly<Record<string, string>> = { k8snode: 'k8s_api' };

const isRenamed = (id: unknown, old: string) => typeof id === 'string' && (id === old || id.startsWith(`${old}/`));
const renamedId = (id: string, old: string, current: string) => id.replaceAll(`${old}/`, `${current}/`).replaceAll(old, current);

/** The chart's `rewriteDeprecatedComponentNames`: old component ids and detectors renamed, with every pipeline's receivers and processors deduplicated. */
function rewriteDeprecatedNames(config: PlainObject): PlainObject {
  for (const [section, renames] of Object.entries(COMPONENT_RENAMES)) {
    for (const [old, current] of Object.entries(renames)) {
      const components = config[section];
      if (isPlainObject(components)) {
        for (const [id, body] of Object.entries(components).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          if (!isRenamed(id, old)) continue;
          const target = renamedId(id, old, current);
          const existing = isPlainObject(components[target]) ? components[target] : {};
          delete components[id];
          components[target] = body === null || isPlainObject(body) ? mergeOverwrite(existing, map(body)) : body;
        }
      }
      for (const pipeline of Object.values(map(dig(config, 'service', 'pipelines')))) {
        const refs = dig(pipeline, section);
        if (!isPlainObject(pipeline) || !Array.isArray(refs) || refs.length === 0) continue;
        pipeline[section] = uniq(refs.map((ref) => (isRenamed(ref, old) ? (ref === old ? current : (ref as string).replaceAll(`${old}/`, `${current}/`)) : ref)));
      }
    }
  }
  for (const [id, processor] of Object.entries(map(config.processors))) {
    const detectors = dig(processor, 'detectors');
    if (!(id === 'resourcedetection' || id.startsWith('resourcedetection/')) || !isPlainObject(processor) || !Array.isArray(detectors) || detectors.length === 0) continue;
    processor.detectors = uniq(detectors.map((detector) => (typeof detector === 'string' ? (DETECTOR_RENAMES[detector] ?? detector) : detector)));
  }
  return config;
}

/** Deprecated names the values' own config uses, as the chart's deprecation warnings list them. */
function deprecatedNamesIn(config: PlainObject, presets: PlainObject): string[] {
  const found: string[] = [];
  for (const [section, renames] of Object.entries(COMPONENT_RENAMES)) {
    for (const [old, current] of Object.entries(renames)) {
      const inSection = Object.keys(map(config[section])).some((id) => isRenamed(id, old));
      const inPipelines = Object.values(map(dig(config, 'service', 'pipelines'))).some((pipeline) => list(dig(pipeline, section)).some((ref) => isRenamed(ref, old)));
      if (inSection || inPipelines) found.push(`${old} → ${current}`);
    }
  }
  for (const [old, current] of Object.entries(DETECTOR_RENAMES)) if (truthy(dig(presets, 'resourceDetection', old, 'enabled'))) found.push(`detector ${old} → ${current}`);
  return found;
}

/** Paths a preset wrote: components added or changed, pipeline lists and service.extensions changed. */
function writtenPaths(before: PlainObject, after: PlainObject): ConfigPath[] {
  const paths: ConfigPath[] = [];
  for (const section of COMPONENT_SECTIONS) {
    for (const [id, body] of Object.entries(map(after[section]))) {
      if (!deepEqual(dig(before, section, id), body)) paths.push([section, id]);
    }
  }
  if (!deepEqual(dig(before, 'service', 'extensions'), dig(after, 'service', 'extensions'))) paths.push(['service', 'extensions']);
  for (const [signal, pipeline] of Object.entries(map(dig(after, 'service', 'pipelines')))) {
    for (const key of ['receivers', 'processors', 'exporters']) {
      if (!deepEqual(dig(before, 'service', 'pipelines', signal, key), dig(pipeline, key))) paths.push(['service', 'pipelines', signal, key]);
    }
  }
  return paths;
}

/** The id a component written under `id` ends up with after the rewrite. */
function finalPath(path: ConfigPath, rewrite: boolean): ConfigPath {
  const [section, id] = path;
  if (!rewrite || (section !== 'receivers' && section !== 'processors') || typeof id !== 'string') return path;
  const rename = Object.entries(COMPONENT_RENAMES[section]).find(([old]) => isRenamed(id, old));
  return rename ? [section, renamedId(id, rename[0], rename[1]), ...path.slice(2)] : path;
}

/** `internalTelemetryViaOTLP`: the collector's own traces, metrics and logs sent over OTLP/HTTP. */
function withInternalTelemetry(config: PlainObject, settings: PlainObject): PlainObject {
  const service = config.service;
  if (!isPlainObject(service)) return config;
  const exporter = (signal: string) => {
    const own = map(settings[signal]);
    const headers = truthy(own.headers) ? own.headers : settings.headers;
    const endpoint = truthy(own.endpoint) ? own.endpoint : settings.endpoint;
    return {
      otlp: {
        protocol: 'http/protobuf',
        // An empty endpoint renders as `endpoint:`, which reads as null.
        endpoint: truthy(endpoint) ? endpoint : null,
        ...(truthy(headers) ? { headers: copy(headers) } : {}),
      },
    };
  };
  const on = (signal: string) => truthy(dig(settings, signal, 'enabled'));
  if (on('traces')) service.telemetry = mergeKeep(map(service.telemetry), { traces: { processors: [{ batch: { exporter: exporter('traces') } }] } });
  if (on('metrics')) {
    // The chart's prometheus receiver scrapes the collector's own metrics: it goes with the pull reader.
    if (isPlainObject(config.receivers)) delete config.receivers.prometheus;
    const metrics = dig(service, 'pipelines', 'metrics');
    if (isPlainObject(metrics) && truthy(metrics)) metrics.receivers = list(metrics.receivers).filter((receiver) => receiver !== 'prometheus');
    const telemetryMetrics = dig(service, 'telemetry', 'metrics');
    if (isPlainObject(telemetryMetrics)) delete telemetryMetrics.readers;
    service.telemetry = mergeKeep(map(service.telemetry), { metrics: { readers: [{ periodic: { exporter: exporter('metrics') } }] } });
  }
  if (on('logs')) service.telemetry = mergeKeep(map(service.telemetry), { logs: { processors: [{ batch: { exporter: exporter('logs') } }] } });
  return config;
}

/** The chart's `opentelemetry-collector.fullname`: fullnameOverride, else the release name with the chart's name. */
function chartFullname(values: PlainObject, release: HelmRelease): string {
  const trim = (name: string) => name.slice(0, 63).replace(/-$/, '');
  if (truthy(values.fullnameOverride) && typeof values.fullnameOverride === 'string') return trim(values.fullnameOverride);
  const name = truthy(values.nameOverride) && typeof values.nameOverride === 'string' ? values.nameOverride : HELM_CHART_NAME;
  return trim(release.name.includes(name) ? release.name : `${release.name}-${name}`);
}

/** Presets and options the chart does not have, and presets that are not maps. */
function presetWarnings(presets: unknown): Array<{ path: ConfigPath; message: string }> {
  if (presets === undefined || presets === null) return [];
  if (!isPlainObject(presets)) return [{ path: ['presets'], message: 'presets must be a mapping of preset names to settings; ignored' }];
  const warnings: Array<{ path: ConfigPath; message: string }> = [];
  for (const [name, options] of Object.entries(presets)) {
    const preset = PRESETS.find((candidate) => candidate.name === name);
    if (!preset) {
      warnings.push({ path: ['presets', name], message: `presets.${name}: chart ${HELM_CHART_VERSION} has no such preset (it has ${PRESETS.map((known) => known.name).join(', ')}); ignored` });
    } else if (options !== null && !isPlainObject(options)) {
      warnings.push({ path: ['presets', name], message: `presets.${name} must be a mapping such as { enabled: true }; ignored` });
    } else {
      for (const option of Object.keys(map(options))) {
        if (!preset.options.includes(option)) warnings.push({ path: ['presets', name, option], message: `presets.${name}.${option}: not an option of the chart's ${name} preset; ignored` });
      }
    }
  }
  if (truthy(dig(presets, 'logsCollection', 'enabled')) && truthy(dig(presets, 'annotationDiscovery', 'logs', 'enabled'))) {
    warnings.push({ path: ['presets', 'annotationDiscovery', 'logs'], message: 'presets.logsCollection and presets.annotationDiscovery.logs: the chart refuses both together' });
  }
  return warnings;
}

/** The collector config the chart renders from `values` in `mode`, as its templates/_config.tpl does. */
export function renderHelmConfig(values: PlainObject, { mode, release }: { mode: HelmMode; release: HelmRelease }): HelmRender {
  const warnings = presetWarnings(values.presets);
  const merged = coalesce(isPlainObject(values.presets) ? values : { ...values, presets: {} }, helmChartDefaultValues());
  const configKey = truthy(merged.alternateConfig) ? 'alternateConfig' : 'config';
  const base = configKey === 'alternateConfig' ? copy(map(merged.alternateConfig)) : withInternalTelemetry(copy(map(merged.config)), map(merged.internalTelemetryViaOTLP));
  const presets = map(merged.presets);
  const namespace = truthy(merged.namespaceOverride) && typeof merged.namespaceOverride === 'string' ? merged.namespaceOverride : release.namespace;
  const fullname = chartFullname(merged, release);
  const rewrite = truthy(merged.rewriteDeprecatedComponentNames);

  let config = base;
  const applied: Preset[] = [];
  const notApplied: Preset[] = [];
  const written: Array<{ path: ConfigPath; preset: string }> = [];
  const contexts = new Map<Preset, PresetContext>();
  for (const preset of PRESETS) {
    const context: PresetContext = { values: merged, options: map(presets[preset.name]), mode, fullname, namespace };
    if (!preset.enabled(context.options)) continue;
    if (preset.modes && !preset.modes.includes(mode)) {
      notApplied.push(preset);
      continue;
    }
    const before = config;
    config = preset.apply(copy(config), context);
    for (const path of writtenPaths(before, config)) written.push({ path: finalPath(path, rewrite), preset: preset.name });
    applied.push(preset);
    contexts.set(preset, context);
  }
  if (rewrite) config = rewriteDeprecatedNames(config);

  const notes = [
    `config as chart ${HELM_CHART_VERSION} renders it: the values merged over the chart's (maps merge, null removes)` +
      (configKey === 'alternateConfig' ? ', alternateConfig in place of config' : '') +
      (applied.length > 0 ? `, presets applied: ${applied.map((preset) => preset.name).join(', ')}` : ', no presets'),
  ];
  const deprecated = rewrite ? deprecatedNamesIn(base, presets) : [];
  if (deprecated.length > 0) notes.push(`deprecated names rewritten as the chart does (rewriteDeprecatedComponentNames): ${deprecated.join(', ')}`);
  for (const preset of notApplied) notes.push(`preset ${preset.name} not applied: the chart adds it in ${preset.modes!.join(' and ')} mode only`);
  for (const preset of applied) {
    const workload = preset.workload?.(contexts.get(preset)!);
    if (workload) notes.push(`preset ${preset.name}: ${workload}`);
  }
  const releaseUsers = applied.filter((preset) => preset.usesRelease?.(contexts.get(preset)!));
  if (releaseUsers.length > 0) {
    notes.push(`release \`${release.name}\` in namespace \`${namespace}\` assumed where the chart writes them into the config (${releaseUsers.map((preset) => preset.name).join(', ')})`);
  }
  return { config, configKey, applied: applied.map((preset) => preset.name), written, notes, warnings };
}
