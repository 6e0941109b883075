import type { ComponentKind } from './catalog-types.js';

/**
 * When a component took its current name; before `since` the collector only knows `previous`.
 * The reference catalog lists the aliases but not when they appeared: these versions come from
 * the collector and contrib changelogs (contrib#45339 tracks the renames). Where the changelog
 * gave a range, the upper bound is used: the old name stays valid as an alias, so erring late is
 * safe and erring early is not.
 */
export const RENAMES: Readonly<Partial<Record<ComponentKind, Record<string, { previous: string; since: string }>>>> = {
  exporter: {
    otlp_grpc: { previous: 'otlp', since: '0.144.0' }, // core #14403
    otlp_http: { previous: 'otlphttp', since: '0.144.0' }, // core #14396
    load_balancing: { previous: 'loadbalancing', since: '0.153.0' },
    prometheus_remote_write: { previous: 'prometheusremotewrite', since: '0.154.0' },
  },
  processor: {
    k8s_attributes: { previous: 'k8sattributes', since: '0.146.0' }, // contrib #45894
    resource_detection: { previous: 'resourcedetection', since: '0.153.0' }, // contrib #48525
  },
  receiver: {
    file_log: { previous: 'filelog', since: '0.149.0' },
    kubelet_stats: { previous: 'kubeletstats', since: '0.152.0' }, // contrib #47957
    host_metrics: { previous: 'hostmetrics', since: '0.154.0' },
  },
  connector: {
    span_metrics: { previous: 'spanmetrics', since: '0.152.0' }, // contrib #47963
    service_graph: { previous: 'servicegraph', since: '0.154.0' },
  },
};
