/**
 * The parts of the opentelemetry-collector Helm chart's values.yaml that shape the collector's
 * config, as of HELM_CHART_VERSION (open-telemetry/opentelemetry-helm-charts, commit f5178cb9,
 * whose values.schema.json is the reference schema in shared/reference/schemas). A values file
 * only holds what its author changed, so importing one means merging it over these defaults the
 * way Helm does; `helm-presets.ts` then renders the config as the chart's `_config.tpl` does.
 */
export const HELM_CHART_VERSION = '0.170.0';
export const HELM_CHART_NAME = 'opentelemetry-collector';

const POD_IP = '${env:MY_POD_IP}';

/** values.yaml `config`: what the chart renders before a values file's own `config` is merged over it. */
export function helmChartDefaultConfig(): Record<string, unknown> {
  return {
    exporters: { debug: {} },
    extensions: { health_check: { endpoint: `${POD_IP}:13133` } },
    processors: {
      batch: {},
      memory_limiter: { check_interval: '5s', limit_percentage: 80, spike_limit_percentage: 25 },
    },
    receivers: {
      jaeger: {
        protocols: {
          grpc: { endpoint: `${POD_IP}:14250` },
          thrift_http: { endpoint: `${POD_IP}:14268` },
          thrift_compact: { endpoint: `${POD_IP}:6831` },
        },
      },
      otlp: { protocols: { grpc: { endpoint: `${POD_IP}:4317` }, http: { endpoint: `${POD_IP}:4318` } } },
      prometheus: {
        config: {
          scrape_configs: [
            { job_name: 'opentelemetry-collector', scrape_interval: '10s', static_configs: [{ targets: [`${POD_IP}:8888`] }] },
          ],
        },
      },
      zipkin: { endpoint: `${POD_IP}:9411` },
    },
    service: {
      telemetry: {
        // The chart's pod sets these variables from the downward API.
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
      extensions: ['health_check'],
      pipelines: {
        logs: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp'] },
        metrics: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp', 'prometheus'] },
        traces: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp', 'jaeger', 'zipkin'] },
      },
    },
  };
}

/** values.yaml `presets`, every preset off. */
export function helmChartDefaultPresets(): Record<string, unknown> {
  return {
    logsCollection: { enabled: false, includeCollectorLogs: false, storeCheckpoints: false, maxRecombineLogSize: 102400 },
    hostMetrics: { enabled: false },
    kubernetesAttributes: { enabled: false, extractAllPodLabels: false, extractAllPodAnnotations: false },
    kubeletMetrics: { enabled: false },
    kubernetesEvents: { enabled: false, useK8sEventsReceiver: false },
    kubernetesObjects: {
      enabled: false,
      watch: false,
      core: { enabled: true },
      rbac: { enabled: true },
      storage: { enabled: true },
      networking: { enabled: true },
      autoscaling: { enabled: true, vpa: { enabled: false } },
      policy: { enabled: true },
      apiExtensions: { enabled: true },
      events: { enabled: false },
    },
    clusterMetrics: { enabled: false },
    annotationDiscovery: { logs: { enabled: false }, metrics: { enabled: false } },
    profiling: { enabled: false },
    resourceDetection: {
      enabled: false,
      env: { enabled: true },
      k8s_api: { enabled: true },
      eks: { enabled: false },
      aks: { enabled: false },
      gcp: { enabled: false },
    },
  };
}

/** The values the rendered config depends on, with the chart's defaults. */
export function helmChartDefaultValues(): Record<string, unknown> {
  const otlpSignal = () => ({ enabled: false, endpoint: '', headers: [] });
  return {
    nameOverride: '',
    fullnameOverride: '',
    mode: '',
    namespaceOverride: '',
    presets: helmChartDefaultPresets(),
    internalTelemetryViaOTLP: { endpoint: '', headers: [], traces: otlpSignal(), metrics: otlpSignal(), logs: otlpSignal() },
    rewriteDeprecatedComponentNames: true,
    config: helmChartDefaultConfig(),
    alternateConfig: {},
    replicaCount: 1,
  };
}

/**
 * Variables the chart's pod template sets from the Downward API (templates/_pod.tpl), besides
 * MY_POD_IP and K8S_NODE_NAME, which the engine sets too. The chart sets the OTEL_K8S_* always and
 * K8S_NODE_IP with the presets that read it; the import keeps those the config reads.
 */
const HELM_POD_FIELDS: Readonly<Record<string, string>> = {
  OTEL_K8S_NODE_NAME: 'spec.nodeName',
  OTEL_K8S_NODE_IP: 'status.hostIP',
  OTEL_K8S_NAMESPACE: 'metadata.namespace',
  OTEL_K8S_POD_NAME: 'metadata.name',
  OTEL_K8S_POD_IP: 'status.podIP',
  K8S_NODE_IP: 'status.hostIP',
};

/** The chart pod's `env` entries for the variables in `referenced`, as Kubernetes writes them. */
export function helmPodEnv(referenced: ReadonlySet<string>): Array<Record<string, unknown>> {
  return Object.entries(HELM_POD_FIELDS)
    .filter(([name]) => referenced.has(name))
    .map(([name, fieldPath]) => ({ name, valueFrom: { fieldRef: { fieldPath } } }));
}
