import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planCollector } from '../engine/plan.js';
import { indexTopology } from '../graph/topology-index.js';
import { renderHelmConfig, type HelmMode } from './helm-presets.js';
import { importFiles } from './import-files.js';

/*
 * Expectations are read off the chart's templates/_config.tpl and values.yaml (chart 0.170.0),
 * written out here, never computed by the code under test.
 */

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A config with changes merged over it: maps merge, lists and scalars replace (test-only, independent of the renderer). */
function changed(base: Plain, changes: Plain): Plain {
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(changes)) merged[key] = isPlain(merged[key]) && isPlain(value) ? changed(merged[key] as Plain, value) : value;
  return merged;
}

const RELEASE = { name: 'otel', namespace: 'observability' };

/** `alternateConfig` replaces the chart's default config (presets apply to it all the same): each case shows its whole config. */
const BASE: Plain = {
  receivers: { otlp: { protocols: { grpc: {} } } },
  processors: { batch: {} },
  exporters: { debug: {} },
  extensions: { health_check: {} },
  service: {
    extensions: ['health_check'],
    pipelines: {
      logs: { receivers: ['otlp'], processors: ['batch'], exporters: ['debug'] },
      metrics: { receivers: ['otlp'], processors: ['batch'], exporters: ['debug'] },
      traces: { receivers: ['otlp'], processors: ['batch'], exporters: ['debug'] },
    },
  },
};
const pipeline = (receivers: string[], processors = ['batch'], exporters = ['debug']) => ({ receivers, processors, exporters });

const FILE_LOG = {
  include: ['/var/log/pods/*/*/*.log'],
  exclude: ['/var/log/pods/observability_otel-opentelemetry-collector*_*/opentelemetry-collector/*.log'],
  start_at: 'end',
  retry_on_failure: { enabled: true },
  include_file_path: true,
  include_file_name: false,
  operators: [{ type: 'container', id: 'container-parser', max_log_size: 102400 }],
};

const HOST_METRICS = {
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

const KUBELET_STATS = { collection_interval: '20s', auth_type: 'serviceAccount', endpoint: '${env:K8S_NODE_IP}:10250' };

const POD_ASSOCIATION = [
  { sources: [{ from: 'resource_attribute', name: 'k8s.pod.ip' }] },
  { sources: [{ from: 'resource_attribute', name: 'k8s.pod.uid' }] },
  { sources: [{ from: 'connection' }] },
];
const POD_METADATA = [
  'k8s.namespace.name', 'k8s.pod.name', 'k8s.pod.uid', 'k8s.node.name', 'k8s.pod.start_time', 'k8s.deployment.name',
  'k8s.replicaset.name', 'k8s.replicaset.uid', 'k8s.daemonset.name', 'k8s.daemonset.uid', 'k8s.job.name', 'k8s.job.uid',
  'k8s.container.name', 'k8s.cronjob.name', 'k8s.statefulset.name', 'k8s.statefulset.uid', 'container.image.tag',
  'container.image.name', 'k8s.cluster.uid', 'service.namespace', 'service.name', 'service.version', 'service.instance.id',
];
const K8S_ATTRIBUTES = { passthrough: false, pod_association: POD_ASSOCIATION, extract: { otel_annotations: true, metadata: POD_METADATA } };

const EVENTS = { name: 'events', mode: 'watch', group: 'events.k8s.io', exclude_watch_type: ['DELETED'] };
const CLUSTER_NAME = { resource_attributes: { 'k8s.cluster.name': { enabled: true } } };

interface Case {
  readonly name: string;
  readonly mode: HelmMode;
  readonly values: Plain;
  readonly config: Plain;
}

const CASES: readonly Case[] = [
  {
    name: 'logsCollection: file_log (renamed from filelog) in the logs pipeline, the collector\'s own logs excluded by release and namespace',
    mode: 'daemonset',
    values: { presets: { logsCollection: { enabled: true } } },
    config: changed(BASE, { receivers: { otlp: { protocols: { grpc: {} } }, file_log: FILE_LOG }, service: { pipelines: { logs: pipeline(['otlp', 'file_log']) } } }),
  },
  {
    name: 'logsCollection with its options: own logs included, checkpoints in file_storage, a larger recombine size',
    mode: 'daemonset',
    values: { presets: { logsCollection: { enabled: true, includeCollectorLogs: true, storeCheckpoints: true, maxRecombineLogSize: 1048576 } } },
    config: changed(BASE, {
      receivers: {
        file_log: {
          ...FILE_LOG,
          exclude: [],
          storage: 'file_storage',
          operators: [{ type: 'container', id: 'container-parser', max_log_size: 1048576 }],
        },
      },
      extensions: { file_storage: { directory: '/var/lib/otelcol' } },
      service: { extensions: ['health_check', 'file_storage'], pipelines: { logs: pipeline(['otlp', 'file_log']) } },
    }),
  },
  {
    name: 'logsCollection with rewriteDeprecatedComponentNames off: filelog keeps its name; fullnameOverride and namespaceOverride name the excluded pods',
    mode: 'daemonset',
    values: { rewriteDeprecatedComponentNames: false, fullnameOverride: 'agent', namespaceOverride: 'telemetry', presets: { logsCollection: { enabled: true } } },
    config: changed(BASE, {
      receivers: { filelog: { ...FILE_LOG, exclude: ['/var/log/pods/telemetry_agent*_*/opentelemetry-collector/*.log'] } },
      service: { pipelines: { logs: pipeline(['otlp', 'filelog']) } },
    }),
  },
  {
    name: 'hostMetrics: hostmetrics on /hostfs in the metrics pipeline',
    mode: 'daemonset',
    values: { presets: { hostMetrics: { enabled: true } } },
    config: changed(BASE, { receivers: { hostmetrics: HOST_METRICS }, service: { pipelines: { metrics: pipeline(['otlp', 'hostmetrics']) } } }),
  },
  {
    name: 'kubeletMetrics: kubeletstats on the node\'s kubelet in the metrics pipeline',
    mode: 'daemonset',
    values: { presets: { kubeletMetrics: { enabled: true } } },
    config: changed(BASE, { receivers: { kubeletstats: KUBELET_STATS }, service: { pipelines: { metrics: pipeline(['otlp', 'kubeletstats']) } } }),
  },
  {
    name: 'kubernetesAttributes in a Deployment: k8s_attributes first in every pipeline, all pod labels and annotations extracted',
    mode: 'deployment',
    values: { presets: { kubernetesAttributes: { enabled: true, extractAllPodLabels: true, extractAllPodAnnotations: true } } },
    config: changed(BASE, {
      processors: {
        k8s_attributes: {
          ...K8S_ATTRIBUTES,
          extract: {
            otel_annotations: true,
            metadata: POD_METADATA,
            labels: [{ tag_name: '$$1', key_regex: '(.*)', from: 'pod' }],
            annotations: [{ tag_name: '$$1', key_regex: '(.*)', from: 'pod' }],
          },
        },
      },
      service: {
        pipelines: {
          logs: pipeline(['otlp'], ['k8s_attributes', 'batch']),
          metrics: pipeline(['otlp'], ['k8s_attributes', 'batch']),
          traces: pipeline(['otlp'], ['k8s_attributes', 'batch']),
        },
      },
    }),
  },
  {
    name: 'kubernetesAttributes in a DaemonSet: only the pods of its own node',
    mode: 'daemonset',
    values: { presets: { kubernetesAttributes: { enabled: true } }, rewriteDeprecatedComponentNames: false },
    config: changed(BASE, {
      processors: { k8sattributes: { filter: { node_from_env_var: 'K8S_NODE_NAME' }, ...K8S_ATTRIBUTES } },
      service: {
        pipelines: {
          logs: pipeline(['otlp'], ['k8sattributes', 'batch']),
          metrics: pipeline(['otlp'], ['k8sattributes', 'batch']),
          traces: pipeline(['otlp'], ['k8sattributes', 'batch']),
        },
      },
    }),
  },
  {
    name: 'profiling with kubernetesAttributes: a profiles pipeline to debug, pods matched on container.id first',
    mode: 'daemonset',
    values: { presets: { profiling: { enabled: true }, kubernetesAttributes: { enabled: true } } },
    config: changed(BASE, {
      receivers: { profiling: {} },
      processors: {
        k8s_attributes: {
          filter: { node_from_env_var: 'K8S_NODE_NAME' },
          ...K8S_ATTRIBUTES,
          pod_association: [{ sources: [{ from: 'resource_attribute', name: 'container.id' }] }, ...POD_ASSOCIATION],
        },
      },
      service: {
        pipelines: {
          logs: pipeline(['otlp'], ['k8s_attributes', 'batch']),
          metrics: pipeline(['otlp'], ['k8s_attributes', 'batch']),
          traces: pipeline(['otlp'], ['k8s_attributes', 'batch']),
          profiles: pipeline(['profiling'], ['k8s_attributes']),
        },
      },
    }),
  },
  {
    name: 'kubernetesEvents in a Deployment: k8sobjects watching events.k8s.io events',
    mode: 'deployment',
    values: { presets: { kubernetesEvents: { enabled: true } } },
    config: changed(BASE, { receivers: { k8sobjects: { objects: [EVENTS] } }, service: { pipelines: { logs: pipeline(['otlp', 'k8sobjects']) } } }),
  },
  {
    name: 'kubernetesEvents with useK8sEventsReceiver in a StatefulSet: the k8s_events receiver',
    mode: 'statefulset',
    values: { presets: { kubernetesEvents: { enabled: true, useK8sEventsReceiver: true } } },
    config: changed(BASE, { receivers: { k8s_events: {} }, service: { pipelines: { logs: pipeline(['otlp', 'k8s_events']) } } }),
  },
  {
    name: 'kubernetesEvents in a DaemonSet: not applied, the chart\'s daemonset config has no such preset',
    mode: 'daemonset',
    values: { presets: { kubernetesEvents: { enabled: true } } },
    config: BASE,
  },
  {
    name: 'kubernetesObjects in a Deployment, core objects only, pulled and watched',
    mode: 'deployment',
    values: {
      presets: {
        kubernetesObjects: {
          enabled: true,
          watch: true,
          rbac: { enabled: false },
          storage: { enabled: false },
          networking: { enabled: false },
          autoscaling: { enabled: false },
          policy: { enabled: false },
          apiExtensions: { enabled: false },
        },
      },
    },
    config: changed(BASE, {
      receivers: {
        k8sobjects: {
          objects: [
            { name: 'namespaces', mode: 'pull' }, { name: 'namespaces', mode: 'watch' },
            { name: 'pods', mode: 'pull' }, { name: 'pods', mode: 'watch' },
            { name: 'nodes', mode: 'pull' }, { name: 'nodes', mode: 'watch' },
            { name: 'services', mode: 'pull' }, { name: 'services', mode: 'watch' },
            { name: 'serviceaccounts', mode: 'pull' }, { name: 'serviceaccounts', mode: 'watch' },
            { name: 'deployments', mode: 'pull', group: 'apps' }, { name: 'deployments', mode: 'watch', group: 'apps' },
            { name: 'replicasets', mode: 'pull', group: 'apps' }, { name: 'replicasets', mode: 'watch', group: 'apps' },
            { name: 'daemonsets', mode: 'pull', group: 'apps' }, { name: 'daemonsets', mode: 'watch', group: 'apps' },
            { name: 'statefulsets', mode: 'pull', group: 'apps' }, { name: 'statefulsets', mode: 'watch', group: 'apps' },
            { name: 'jobs', mode: 'pull', group: 'batch' }, { name: 'jobs', mode: 'watch', group: 'batch' },
            { name: 'cronjobs', mode: 'pull', group: 'batch' }, { name: 'cronjobs', mode: 'watch', group: 'batch' },
          ],
        },
      },
      service: { pipelines: { logs: pipeline(['otlp', 'k8sobjects']) } },
    }),
  },
  {
    name: 'kubernetesObjects in a DaemonSet, every default group: a leader elector so one pod collects; with kubernetesEvents on, nothing more',
    mode: 'daemonset',
    values: { presets: { kubernetesObjects: { enabled: true, autoscaling: { vpa: { enabled: true } }, events: { enabled: true } }, kubernetesEvents: { enabled: true } } },
    config: changed(BASE, {
      extensions: {
        health_check: {},
        'k8s_leader_elector/k8s_objects': { auth_type: 'serviceAccount', lease_name: 'k8s.objects.receiver.opentelemetry.io', lease_namespace: 'observability' },
      },
      receivers: {
        k8sobjects: {
          k8s_leader_elector: 'k8s_leader_elector/k8s_objects',
          objects: [
            { name: 'namespaces', mode: 'pull' },
            { name: 'pods', mode: 'pull' },
            { name: 'nodes', mode: 'pull' },
            { name: 'services', mode: 'pull' },
            { name: 'serviceaccounts', mode: 'pull' },
            { name: 'deployments', mode: 'pull', group: 'apps' },
            { name: 'replicasets', mode: 'pull', group: 'apps' },
            { name: 'daemonsets', mode: 'pull', group: 'apps' },
            { name: 'statefulsets', mode: 'pull', group: 'apps' },
            { name: 'jobs', mode: 'pull', group: 'batch' },
            { name: 'cronjobs', mode: 'pull', group: 'batch' },
            { name: 'roles', mode: 'pull', group: 'rbac.authorization.k8s.io' },
            { name: 'rolebindings', mode: 'pull', group: 'rbac.authorization.k8s.io' },
            { name: 'clusterroles', mode: 'pull', group: 'rbac.authorization.k8s.io' },
            { name: 'clusterrolebindings', mode: 'pull', group: 'rbac.authorization.k8s.io' },
            { name: 'storageclasses', mode: 'pull', group: 'storage.k8s.io' },
            { name: 'persistentvolumes', mode: 'pull' },
            { name: 'persistentvolumeclaims', mode: 'pull' },
            { name: 'ingresses', mode: 'pull', group: 'networking.k8s.io' },
            { name: 'networkpolicies', mode: 'pull', group: 'networking.k8s.io' },
            { name: 'horizontalpodautoscalers', mode: 'pull', group: 'autoscaling' },
            { name: 'verticalpodautoscalers', mode: 'pull', group: 'autoscaling.k8s.io' },
            { name: 'poddisruptionbudgets', mode: 'pull', group: 'policy' },
            { name: 'customresourcedefinitions', mode: 'pull', group: 'apiextensions.k8s.io' },
            EVENTS,
          ],
        },
      },
      service: { extensions: ['health_check', 'k8s_leader_elector/k8s_objects'], pipelines: { logs: pipeline(['otlp', 'k8sobjects']) } },
    }),
  },
  {
    name: 'kubernetesObjects after kubernetesEvents in a Deployment: the preset\'s objects first, then the events object already there',
    mode: 'deployment',
    values: {
      presets: {
        kubernetesEvents: { enabled: true },
        kubernetesObjects: {
          enabled: true,
          core: { enabled: false },
          rbac: { enabled: false },
          storage: { enabled: false },
          networking: { enabled: false },
          autoscaling: { enabled: false },
          apiExtensions: { enabled: false },
        },
      },
    },
    config: changed(BASE, {
      receivers: { k8sobjects: { objects: [{ name: 'poddisruptionbudgets', mode: 'pull', group: 'policy' }, EVENTS] } },
      service: { pipelines: { logs: pipeline(['otlp', 'k8sobjects']) } },
    }),
  },
  {
    name: 'clusterMetrics in a Deployment of one replica: k8s_cluster, no leader election',
    mode: 'deployment',
    values: { presets: { clusterMetrics: { enabled: true } } },
    config: changed(BASE, { receivers: { k8s_cluster: { collection_interval: '10s' } }, service: { pipelines: { metrics: pipeline(['otlp', 'k8s_cluster']) } } }),
  },
  {
    name: 'clusterMetrics in a Deployment of three replicas: a leader elector in the release namespace',
    mode: 'deployment',
    values: { replicaCount: 3, presets: { clusterMetrics: { enabled: true } } },
    config: changed(BASE, {
      extensions: {
        health_check: {},
        'k8s_leader_elector/k8s_cluster': { auth_type: 'serviceAccount', lease_name: 'k8s.cluster.receiver.opentelemetry.io', lease_namespace: 'observability' },
      },
      receivers: { k8s_cluster: { k8s_leader_elector: 'k8s_leader_elector/k8s_cluster', collection_interval: '10s' } },
      service: { extensions: ['health_check', 'k8s_leader_elector/k8s_cluster'], pipelines: { metrics: pipeline(['otlp', 'k8s_cluster']) } },
    }),
  },
  {
    name: 'clusterMetrics in a DaemonSet with disableLeaderElection: every pod collects',
    mode: 'daemonset',
    values: { presets: { clusterMetrics: { enabled: true, disableLeaderElection: true } } },
    config: changed(BASE, { receivers: { k8s_cluster: { collection_interval: '10s' } }, service: { pipelines: { metrics: pipeline(['otlp', 'k8s_cluster']) } } }),
  },
  {
    name: 'annotationDiscovery in a DaemonSet: k8s_observer on its node, receiver_creator for logs and metrics',
    mode: 'daemonset',
    values: { presets: { annotationDiscovery: { logs: { enabled: true }, metrics: { enabled: true } } } },
    config: changed(BASE, {
      extensions: { health_check: {}, k8s_observer: { auth_type: 'serviceAccount', node: '${env:K8S_NODE_NAME}' } },
      receivers: {
        'receiver_creator/logs': {
          watch_observers: ['k8s_observer'],
          discovery: { enabled: true, default_annotations: { 'io.opentelemetry.discovery.logs/enabled': 'true' } },
        },
        'receiver_creator/metrics': { watch_observers: ['k8s_observer'], discovery: { enabled: true } },
      },
      service: {
        extensions: ['health_check', 'k8s_observer'],
        pipelines: { logs: pipeline(['otlp', 'receiver_creator/logs']), metrics: pipeline(['otlp', 'receiver_creator/metrics']) },
      },
    }),
  },
  {
    name: 'resourceDetection with its defaults: env and k8s_api detectors, first in every pipeline',
    mode: 'deployment',
    values: { presets: { resourceDetection: { enabled: true } } },
    config: changed(BASE, {
      processors: { batch: {}, 'resourcedetection/env': { detectors: ['env', 'k8s_api'] } },
      service: {
        pipelines: {
          logs: pipeline(['otlp'], ['resourcedetection/env', 'batch']),
          metrics: pipeline(['otlp'], ['resourcedetection/env', 'batch']),
          traces: pipeline(['otlp'], ['resourcedetection/env', 'batch']),
        },
      },
    }),
  },
  {
    name: 'resourceDetection with the deprecated k8snode and every cloud, before kubernetesAttributes: k8snode rewritten k8s_api, resourcedetection/env ahead of k8s_attributes',
    mode: 'deployment',
    values: {
      presets: {
        kubernetesAttributes: { enabled: true },
        resourceDetection: { enabled: true, env: { enabled: false }, k8snode: { enabled: true }, aks: { enabled: true }, eks: { enabled: true }, gcp: { enabled: true } },
      },
    },
    config: changed(BASE, {
      processors: {
        batch: {},
        k8s_attributes: K8S_ATTRIBUTES,
        'resourcedetection/env': { aks: CLUSTER_NAME, timeout: '15s', eks: CLUSTER_NAME, gcp: CLUSTER_NAME, detectors: ['k8s_api', 'aks', 'eks', 'gcp'] },
      },
      service: {
        pipelines: {
          logs: pipeline(['otlp'], ['resourcedetection/env', 'k8s_attributes', 'batch']),
          metrics: pipeline(['otlp'], ['resourcedetection/env', 'k8s_attributes', 'batch']),
          traces: pipeline(['otlp'], ['resourcedetection/env', 'k8s_attributes', 'batch']),
        },
      },
    }),
  },
];

describe('renderHelmConfig: GIVEN values with presets WHEN rendered THEN the config is the one the chart renders', () => {
  it.each(CASES)('$name', ({ mode, values, config }) => {
    const rendered = renderHelmConfig({ ...values, alternateConfig: BASE }, { mode, release: RELEASE });
    expect(rendered.config).toStrictEqual(config);
    expect(rendered.warnings).toStrictEqual([]);
  });
});

describe('renderHelmConfig: the values around the presets', () => {
  it('GIVEN no presets and no config WHEN rendered THEN the config is the chart\'s values.yaml config', () => {
    const rendered = renderHelmConfig({ mode: 'deployment' }, { mode: 'deployment', release: RELEASE });
    expect(rendered.config).toStrictEqual({
      exporters: { debug: {} },
      extensions: { health_check: { endpoint: '${env:MY_POD_IP}:13133' } },
      processors: { batch: {}, memory_limiter: { check_interval: '5s', limit_percentage: 80, spike_limit_percentage: 25 } },
      receivers: {
        jaeger: {
          protocols: {
            grpc: { endpoint: '${env:MY_POD_IP}:14250' },
            thrift_http: { endpoint: '${env:MY_POD_IP}:14268' },
            thrift_compact: { endpoint: '${env:MY_POD_IP}:6831' },
          },
        },
        otlp: { protocols: { grpc: { endpoint: '${env:MY_POD_IP}:4317' }, http: { endpoint: '${env:MY_POD_IP}:4318' } } },
        prometheus: {
          config: {
            scrape_configs: [{ job_name: 'opentelemetry-collector', scrape_interval: '10s', static_configs: [{ targets: ['${env:MY_POD_IP}:8888'] }] }],
          },
        },
        zipkin: { endpoint: '${env:MY_POD_IP}:9411' },
      },
      service: {
        telemetry: {
          resource: {
            'k8s.namespace.name': '${env:OTEL_K8S_NAMESPACE}',
            'k8s.node.name': '${env:OTEL_K8S_NODE_NAME}',
            'k8s.node.ip': '${env:OTEL_K8S_NODE_IP}',
            'k8s.pod.name': '${env:OTEL_K8S_POD_NAME}',
            'k8s.pod.ip': '${env:OTEL_K8S_POD_IP}',
            'host.name': '${env:OTEL_K8S_NODE_NAME}',
          },
          metrics: { readers: [{ pull: { exporter: { prometheus: { host: '${env:MY_POD_IP}', port: 8888 } } } }] },
        },
        extensions: ['health_check'],
        pipelines: {
          logs: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp'] },
          metrics: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp', 'prometheus'] },
          traces: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp', 'jaeger', 'zipkin'] },
        },
      },
    });
    expect(rendered.applied).toStrictEqual([]);
  });

  it('GIVEN a config that sets preset settings WHEN rendered THEN its settings win under the preset\'s names, its lists replace, and a preset\'s processor already in a pipeline stays where it is', () => {
    const rendered = renderHelmConfig(
      {
        presets: { logsCollection: { enabled: true }, kubernetesAttributes: { enabled: true } },
        alternateConfig: changed(BASE, {
          receivers: {
            // Merged under the preset's own name, filelog: its list replaces the preset's.
            filelog: { exclude: ['/var/log/pods/kube-system_*/*/*.log'] },
            // Under the new name, the preset's filelog is merged over it when renamed: the preset wins.
            file_log: { start_at: 'beginning', include_file_name: true },
          },
          processors: { batch: {}, k8s_attributes: { passthrough: true } },
          service: { pipelines: { traces: pipeline(['otlp'], ['batch', 'k8s_attributes']) } },
        }),
      },
      { mode: 'deployment', release: RELEASE },
    );
    expect(rendered.config).toStrictEqual(
      changed(BASE, {
        receivers: {
          file_log: { ...FILE_LOG, exclude: ['/var/log/pods/kube-system_*/*/*.log'] },
        },
        processors: { batch: {}, k8s_attributes: { ...K8S_ATTRIBUTES, passthrough: true } },
        service: {
          pipelines: {
            logs: pipeline(['otlp', 'file_log'], ['k8s_attributes', 'batch']),
            metrics: pipeline(['otlp'], ['k8s_attributes', 'batch']),
            traces: pipeline(['otlp'], ['batch', 'k8s_attributes']),
          },
        },
      }),
    );
  });

  it('GIVEN a values file whose config sets start_at under filelog WHEN rendered THEN the config\'s setting wins over the preset\'s', () => {
    const rendered = renderHelmConfig(
      { presets: { logsCollection: { enabled: true } }, alternateConfig: changed(BASE, { receivers: { filelog: { start_at: 'beginning' } } }) },
      { mode: 'daemonset', release: RELEASE },
    );
    expect(rendered.config.receivers).toStrictEqual({ otlp: { protocols: { grpc: {} } }, file_log: { ...FILE_LOG, start_at: 'beginning' } });
  });

  it('GIVEN internalTelemetryViaOTLP for metrics and traces WHEN rendered THEN the collector sends its own telemetry over OTLP/HTTP and its prometheus self-scrape goes', () => {
    const rendered = renderHelmConfig(
      {
        internalTelemetryViaOTLP: { endpoint: 'http://telemetry:4318', headers: [{ name: 'x-auth', value: 'k' }], metrics: { enabled: true }, traces: { enabled: true, endpoint: 'http://traces:4318' } },
        config: { receivers: { jaeger: null, zipkin: null }, service: { pipelines: { traces: { receivers: ['otlp'] } } } },
      },
      { mode: 'deployment', release: RELEASE },
    );
    expect(rendered.config.receivers).toStrictEqual({
      otlp: { protocols: { grpc: { endpoint: '${env:MY_POD_IP}:4317' }, http: { endpoint: '${env:MY_POD_IP}:4318' } } },
    });
    const service = rendered.config.service as Plain;
    expect((service.pipelines as Plain).metrics).toStrictEqual({ exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp'] });
    expect((service.telemetry as Plain).metrics).toStrictEqual({
      readers: [{ periodic: { exporter: { otlp: { protocol: 'http/protobuf', endpoint: 'http://telemetry:4318', headers: [{ name: 'x-auth', value: 'k' }] } } } }],
    });
    expect((service.telemetry as Plain).traces).toStrictEqual({
      processors: [{ batch: { exporter: { otlp: { protocol: 'http/protobuf', endpoint: 'http://traces:4318', headers: [{ name: 'x-auth', value: 'k' }] } } } }],
    });
  });

  it('GIVEN a preset and an option the chart does not have WHEN rendered THEN each is a warning at its values path, and the rest renders', () => {
    const rendered = renderHelmConfig(
      { presets: { hostMetrics: { enabled: true, interval: '30s' }, spanMetrics: { enabled: true } }, alternateConfig: BASE },
      { mode: 'daemonset', release: RELEASE },
    );
    expect(rendered.warnings.map((warning) => [warning.path, warning.message])).toStrictEqual([
      [['presets', 'hostMetrics', 'interval'], "presets.hostMetrics.interval: not an option of the chart's hostMetrics preset; ignored"],
      [
        ['presets', 'spanMetrics'],
        'presets.spanMetrics: chart 0.170.0 has no such preset (it has logsCollection, annotationDiscovery, hostMetrics, profiling, kubeletMetrics, kubernetesAttributes, kubernetesEvents, kubernetesObjects, clusterMetrics, resourceDetection); ignored',
      ],
    ]);
    expect(rendered.applied).toStrictEqual(['hostMetrics']);
  });

  it('GIVEN presets WHEN rendered THEN the notes say which were applied, which the mode leaves out, and what the chart adds to the workload', () => {
    const rendered = renderHelmConfig(
      { presets: { logsCollection: { enabled: true }, kubernetesEvents: { enabled: true }, clusterMetrics: { enabled: true } }, alternateConfig: BASE },
      { mode: 'daemonset', release: RELEASE },
    );
    expect(rendered.notes).toStrictEqual([
      "config as chart 0.170.0 renders it: the values merged over the chart's (maps merge, null removes), alternateConfig in place of config, presets applied: logsCollection, clusterMetrics",
      'preset kubernetesEvents not applied: the chart adds it in deployment and statefulset mode only',
      "preset logsCollection: the chart also mounts the host's /var/log/pods and /var/lib/docker/containers (the engine mounts /var/log/pods for file_log)",
      "preset clusterMetrics: the chart also grants read on the cluster's workloads, nodes and events (so does the engine for k8s_cluster), and on leases for the leader election (the engine does not)",
      'release `otel` in namespace `observability` assumed where the chart writes them into the config (logsCollection, clusterMetrics)',
    ]);
  });
});

describe('importFiles: Helm values with presets', () => {
  const FIXTURE = 'helm-values-presets.yaml';
  const text = readFileSync(join(import.meta.dirname, 'fixtures', FIXTURE), 'utf8');
  const POD_IP = '${env:MY_POD_IP}';
  const PROCESSORS = ['resourcedetection/env', 'k8s_attributes', 'memory_limiter', 'batch'];

  /** What chart 0.170.0 renders from the fixture, released as `helm-values-presets` in namespace default. */
  const RENDERED = {
    exporters: { debug: {}, 'otlp_grpc/backend': { endpoint: 'otlp.vendor.example:4317', headers: { 'api-key': '${env:VENDOR_API_KEY}' } } },
    extensions: { health_check: { endpoint: `${POD_IP}:13133` }, file_storage: { directory: '/var/lib/otelcol' } },
    processors: {
      batch: {},
      memory_limiter: { check_interval: '5s', limit_percentage: 80, spike_limit_percentage: 25 },
      k8s_attributes: {
        filter: { node_from_env_var: 'K8S_NODE_NAME' },
        ...K8S_ATTRIBUTES,
        extract: { otel_annotations: true, metadata: POD_METADATA, labels: [{ tag_name: '$$1', key_regex: '(.*)', from: 'pod' }] },
      },
      'resourcedetection/env': { timeout: '15s', eks: CLUSTER_NAME, detectors: ['env', 'k8s_api', 'eks'] },
    },
    receivers: {
      otlp: { protocols: { grpc: { endpoint: `${POD_IP}:4317` }, http: { endpoint: `${POD_IP}:4318` } } },
      prometheus: {
        config: { scrape_configs: [{ job_name: 'opentelemetry-collector', scrape_interval: '10s', static_configs: [{ targets: [`${POD_IP}:8888`] }] }] },
      },
      file_log: {
        ...FILE_LOG,
        exclude: ['/var/log/pods/default_helm-values-presets-opentelemetry-collector*_*/opentelemetry-collector/*.log'],
        start_at: 'beginning',
        storage: 'file_storage',
      },
      hostmetrics: HOST_METRICS,
      kubeletstats: { ...KUBELET_STATS, collection_interval: '60s' },
    },
    service: {
      telemetry: {
        resource: {
          'k8s.namespace.name': '${env:OTEL_K8S_NAMESPACE}',
          'k8s.node.name': '${env:OTEL_K8S_NODE_NAME}',
          'k8s.node.ip': '${env:OTEL_K8S_NODE_IP}',
          'k8s.pod.name': '${env:OTEL_K8S_POD_NAME}',
          'k8s.pod.ip': '${env:OTEL_K8S_POD_IP}',
          'host.name': '${env:OTEL_K8S_NODE_NAME}',
        },
        metrics: { readers: [{ pull: { exporter: { prometheus: { host: POD_IP, port: 8888 } } } }] },
      },
      extensions: ['health_check', 'file_storage'],
      pipelines: {
        logs: { receivers: ['otlp', 'file_log'], processors: PROCESSORS, exporters: ['otlp_grpc/backend'] },
        metrics: { receivers: ['otlp', 'prometheus', 'hostmetrics', 'kubeletstats'], processors: PROCESSORS, exporters: ['otlp_grpc/backend'] },
        traces: { receivers: ['otlp'], processors: PROCESSORS, exporters: ['otlp_grpc/backend'] },
      },
    },
  };

  it('GIVEN a values file with presets WHEN imported THEN the topology generates the config the chart renders', () => {
    const result = importFiles([{ path: FIXTURE, text }]);
    expect(result.report.problems.filter((problem) => problem.severity === 'error')).toStrictEqual([]);
    const index = indexTopology(result.topology!);
    const plan = planCollector(index, index.collector('helm-values-presets')!);
    expect(plan.config).toEqual(RENDERED);
    expect(parse(plan.configText)).toEqual(RENDERED);
    expect(plan.collector).toMatchObject({ mode: 'daemonset', role: 'agent', version: '0.158.0' });
  });

  it('GIVEN a values file with presets WHEN imported THEN the report says what was applied, and places what a preset added at the preset', () => {
    const result = importFiles([{ path: FIXTURE, text }]);
    const notes = result.report.notes.map((note) => note.message);
    expect(notes).toContain(
      "helm-values-presets: config as chart 0.170.0 renders it: the values merged over the chart's (maps merge, null removes), presets applied: logsCollection, hostMetrics, kubeletMetrics, kubernetesAttributes, resourceDetection",
    );
    expect(notes).toContain('helm-values-presets: preset kubernetesEvents not applied: the chart adds it in deployment and statefulset mode only');
    expect(result.report.overrides).toContainEqual(expect.objectContaining({ path: 'processors.k8s_attributes', file: FIXTURE, line: 15 }));
  });

  it('GIVEN a values file naming a preset the chart does not have WHEN imported THEN a warning names it at its line, and the rest imports', () => {
    const result = importFiles([{ path: FIXTURE, text: text.replace('  hostMetrics:\n', '  hostMetric:\n') }]);
    expect(result.report.problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', file: FIXTURE, line: 11, message: expect.stringMatching(/^presets\.hostMetric: chart 0\.170\.0 has no such preset/) }),
    );
    expect(result.topology).toBeDefined();
  });
});
