import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import { selectorLabels } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';
import { METRICS_PORT, collectorMeta, type KubernetesObject } from './meta.js';

export const ANYWHERE = '0.0.0.0/0';

/**
 * CIDRs that flows from other clusters arrive from: each sending site's ranges, or anywhere
 * when a sending site declares none. With an internal load balancer in front, the balancer's own
 * health checks come from this site's ranges, so those are added too.
 */
export function remoteSourceCidrs(index: TopologyIndex, cluster: Cluster, plan: CollectorPlan): string[] {
  const cidrs = new Set<string>();
  for (const flow of plan.context.incoming) {
    const source = index.collector(flow.from);
    if (!source || source.cluster === cluster.id) continue;
    const site = index.siteOf(source);
    const ranges = site?.cidrs ?? [];
    if (ranges.length === 0) cidrs.add(ANYWHERE);
    for (const range of ranges) cidrs.add(range);
  }
  if (cidrs.size > 0) for (const range of index.siteOf(cluster)?.cidrs ?? []) cidrs.add(range);
  return cidrs.has(ANYWHERE) ? [ANYWHERE] : [...cidrs].sort();
}

/**
 * Ingress to the collector's pods: OTLP from every namespace of the cluster and from the sites
 * that send to it; health and metrics from inside the cluster. Egress stays open: exporters
 * reach backends and gateways anywhere.
 */
export function networkPolicyObject(index: TopologyIndex, cluster: Cluster, plan: CollectorPlan): KubernetesObject {
  const tcp = (port: number) => ({ protocol: 'TCP', port });
  const inCluster = { namespaceSelector: {} };
  const otlpPorts = plan.ports.map((port) => tcp(port.port));
  const ipBlocks = remoteSourceCidrs(index, cluster, plan).map((cidr) => ({ ipBlock: { cidr } }));
  const ingress = [
    ...(otlpPorts.length > 0 ? [{ from: [inCluster, ...ipBlocks], ports: otlpPorts }] : []),
    {
      from: [inCluster],
      ports: [...(plan.healthPort !== undefined ? [tcp(plan.healthPort)] : []), tcp(METRICS_PORT)],
    },
  ];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: collectorMeta(plan, plan.collector.id, cluster.namespace),
    spec: {
      podSelector: { matchLabels: selectorLabels(plan.collector.id) },
      policyTypes: ['Ingress'],
      ingress,
    },
  };
}
