/**
 * The `config` of the opentelemetry-collector Helm chart's values.yaml (chart 0.1xx): what the
 * chart renders before a values file's own `config` is merged over it. A values file only holds
 * what its author changed, so importing one means merging it over these defaults (Helm's merge:
 * maps merge, `null` removes a key). Presets add components at render time and are not applied.
 */
export const HELM_CHART_VERSION_NOTE = 'opentelemetry-collector chart 0.1xx defaults';

const POD_IP = '${env:MY_POD_IP}';

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
      telemetry: { metrics: { readers: [{ pull: { exporter: { prometheus: { host: POD_IP, port: 8888 } } } }] } },
      extensions: ['health_check'],
      pipelines: {
        logs: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp'] },
        metrics: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp', 'prometheus'] },
        traces: { exporters: ['debug'], processors: ['memory_limiter', 'batch'], receivers: ['otlp', 'jaeger', 'zipkin'] },
      },
    },
  };
}
