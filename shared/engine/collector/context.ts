import type { Backend } from '../../model/backend.js';
import type { Cluster } from '../../model/cluster.js';
import type { Collector, DeploymentMode, Distribution } from '../../model/collector.js';
import type { Flow } from '../../model/flow.js';
import type { Site } from '../../model/site.js';
import { resolvedMode, type TopologyIndex } from '../../graph/topology-index.js';

/** One collector with everything around it that its config depends on. */
export interface CollectorContext {
  readonly index: TopologyIndex;
  readonly collector: Collector;
  readonly cluster: Cluster | undefined;
  readonly site: Site | undefined;
  readonly mode: DeploymentMode;
  readonly version: string;
  readonly distribution: Distribution | 'lambda';
  readonly outgoing: readonly Flow[];
  readonly incoming: readonly Flow[];
}

export function collectorContext(index: TopologyIndex, collector: Collector): CollectorContext {
  const cluster = index.clusterOf(collector);
  const mode = resolvedMode(collector, cluster);
  const policy = index.topology.policy;
  return {
    index,
    collector,
    cluster,
    site: index.siteOf(collector),
    mode,
    version: collector.version ?? policy.collectorVersion,
    // The Lambda layer has its own, much smaller build.
    distribution: mode === 'lambda-layer' ? 'lambda' : (collector.distribution ?? policy.distribution),
    outgoing: index.flowsFrom(collector.id),
    incoming: index.flowsTo(collector.id),
  };
}

/** Whether the collector runs in a Kubernetes pod of its own (not a sidecar, Lambda or VM). */
export function runsInPod(mode: DeploymentMode): boolean {
  return mode === 'daemonset' || mode === 'deployment' || mode === 'statefulset' || mode === 'sidecar';
}

/** Whether a flow leaves the site of its source. */
export function isCrossSite(index: TopologyIndex, flow: Flow): boolean {
  const source = index.byId.get(flow.from);
  const target = index.byId.get(flow.to);
  if (!source || !target) return false;
  const from = index.siteOf(source);
  const to = index.siteOf(target);
  return from !== undefined && to !== undefined && from.id !== to.id;
}

export function isBackend(target: Collector | Backend | undefined): target is Backend {
  return target?.kind === 'backend';
}
