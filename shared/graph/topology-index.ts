import type { Backend } from '../model/backend.js';
import type { Cluster } from '../model/cluster.js';
import type { Collector, DeploymentMode } from '../model/collector.js';
import type { ControlPlane } from '../model/control-plane.js';
import type { Flow } from '../model/flow.js';
import type { Link } from '../model/link.js';
import type { Site } from '../model/site.js';
import type { Element, Topology } from '../model/topology.js';

/** Lookups over a topology, built once per model and shared by the engine and the rules. */
export interface TopologyIndex {
  readonly topology: Topology;
  readonly byId: ReadonlyMap<string, Element>;
  readonly sites: readonly Site[];
  readonly clusters: readonly Cluster[];
  readonly collectors: readonly Collector[];
  readonly backends: readonly Backend[];
  readonly links: readonly Link[];
  readonly flows: readonly Flow[];
  readonly controlPlanes: readonly ControlPlane[];
  flowsFrom(collectorId: string): readonly Flow[];
  flowsTo(elementId: string): readonly Flow[];
  collectorsIn(clusterId: string): readonly Collector[];
  clusterOf(collector: Collector): Cluster | undefined;
  siteOf(element: Element): Site | undefined;
  collector(id: string): Collector | undefined;
  backend(id: string): Backend | undefined;
  /** The target of a flow: a collector, a backend, or undefined for a dangling reference. */
  target(flow: Flow): Collector | Backend | undefined;
}

const cache = new WeakMap<Topology, TopologyIndex>();

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function indexTopology(topology: Topology): TopologyIndex {
  const cached = cache.get(topology);
  if (cached) return cached;
  const byId = new Map<string, Element>();
  const sites: Site[] = [];
  const clusters: Cluster[] = [];
  const collectors: Collector[] = [];
  const backends: Backend[] = [];
  const links: Link[] = [];
  const flows: Flow[] = [];
  const controlPlanes: ControlPlane[] = [];
  for (const element of topology.elements) {
    // The first of duplicate ids wins; the duplicate-id rule reports the rest.
    if (!byId.has(element.id)) byId.set(element.id, element);
    switch (element.kind) {
      case 'site': sites.push(element); break;
      case 'cluster': clusters.push(element); break;
      case 'collector': collectors.push(element); break;
      case 'backend': backends.push(element); break;
      case 'link': links.push(element); break;
      case 'flow': flows.push(element); break;
      case 'controlPlane': controlPlanes.push(element); break;
    }
  }
  const from = groupBy(flows, (flow) => flow.from);
  const to = groupBy(flows, (flow) => flow.to);
  const inCluster = groupBy(collectors, (collector) => collector.cluster);
  const ofKind = <K extends Element['kind']>(id: string | undefined, kind: K) => {
    const element = id === undefined ? undefined : byId.get(id);
    return element?.kind === kind ? (element as Extract<Element, { kind: K }>) : undefined;
  };
  const index: TopologyIndex = {
    topology,
    byId,
    sites,
    clusters,
    collectors,
    backends,
    links,
    flows,
    controlPlanes,
    flowsFrom: (id) => from.get(id) ?? [],
    flowsTo: (id) => to.get(id) ?? [],
    collectorsIn: (id) => inCluster.get(id) ?? [],
    clusterOf: (collector) => ofKind(collector.cluster, 'cluster'),
    siteOf(element) {
      switch (element.kind) {
        case 'site': return element;
        case 'cluster': return ofKind(element.site, 'site');
        case 'collector': {
          const cluster = ofKind(element.cluster, 'cluster');
          return cluster && ofKind(cluster.site, 'site');
        }
        case 'backend':
        case 'controlPlane': return ofKind(element.site, 'site');
        default: return undefined;
      }
    },
    collector: (id) => ofKind(id, 'collector'),
    backend: (id) => ofKind(id, 'backend'),
    target(flow) {
      const element = byId.get(flow.to);
      return element?.kind === 'collector' || element?.kind === 'backend' ? element : undefined;
    },
  };
  cache.set(topology, index);
  return index;
}

/** The mode a collector runs in once `auto` is resolved from its role and platform. */
export function resolvedMode(collector: Collector, cluster: Cluster | undefined): DeploymentMode {
  if (collector.mode !== 'auto') return collector.mode;
  switch (cluster?.platform) {
    case 'cloudrun': return 'knative';
    case 'lambda': return 'lambda-layer';
    case 'vm': return 'systemd';
    default: return collector.role === 'agent' ? 'daemonset' : 'deployment';
  }
}

/** Replicas a collector runs with; DaemonSets run one per node. */
export function resolvedReplicas(collector: Collector): number {
  return collector.autoscaling?.minReplicas ?? collector.replicas ?? (collector.role === 'gateway' ? 2 : 1);
}

/** Whether more than one instance can receive a flow (so affinity by trace ID matters). */
export function isMultiInstance(collector: Collector, cluster: Cluster | undefined): boolean {
  const mode = resolvedMode(collector, cluster);
  if (mode === 'daemonset' || mode === 'knative') return true;
  if (mode === 'sidecar' || mode === 'lambda-layer' || mode === 'systemd') return false;
  return (collector.autoscaling?.maxReplicas ?? resolvedReplicas(collector)) > 1;
}
