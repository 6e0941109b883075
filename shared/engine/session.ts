import { indexTopology, type TopologyIndex } from '../graph/topology-index.js';
import type { Collector } from '../model/collector.js';
import type { Topology } from '../model/topology.js';
import type { Diagnostic } from '../validation/diagnostic.js';
import { ruleContext, validate } from '../validation/validate.js';
import type { Bundle } from './bundle.js';
import { clusterFiles, generate } from './generate.js';
import type { GeneratedFile } from './bundle.js';
import { topologyDiagram } from './diagram.js';
import type { Cluster } from '../model/cluster.js';
import { planCollector, type CollectorPlan } from './plan.js';

/**
 * Everything a collector's plan is computed from. Model updates are immutable, so when none of
 * these objects changed identity, the plan cannot have changed either.
 */
export function planDependencies(index: TopologyIndex, collector: Collector): unknown[] {
  const cluster = index.clusterOf(collector);
  const controlPlane = collector.controlPlane ? index.byId.get(collector.controlPlane) : undefined;
  const dependencies: unknown[] = [collector, cluster, index.siteOf(collector), index.topology.policy, controlPlane];
  for (const flow of index.flowsFrom(collector.id)) {
    const target = index.target(flow);
    const targetCluster = target?.kind === 'collector' ? index.clusterOf(target) : undefined;
    dependencies.push(flow, target, targetCluster, target && index.siteOf(target));
  }
  for (const flow of index.flowsTo(collector.id)) {
    const source = index.collector(flow.from);
    dependencies.push(flow, source, source && index.clusterOf(source), source && index.siteOf(source));
  }
  return dependencies;
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, index) => item === b[index]);

export interface EngineResult {
  readonly bundle: Bundle;
  readonly diagnostics: readonly Diagnostic[];
  /** Collectors whose plan was made again (the rest were reused). */
  readonly replanned: readonly string[];
}

/**
 * Generates and validates successive versions of one topology, re-planning only the collectors
 * an edit can affect. The app keeps one session per open document.
 */
export interface EngineSession {
  update(topology: Topology, options?: { topologyText?: string }): EngineResult;
}

/** What the diagram draws, as one string: a diagram is redrawn only when this changes. */
function diagramKey(topology: Topology): string {
  return JSON.stringify([
    topology.name,
    topology.elements.map((element) => {
      switch (element.kind) {
        case 'site': return [element.kind, element.id, element.provider, element.region, element.zone];
        case 'cluster': return [element.kind, element.id, element.site, element.platform];
        case 'collector': return [element.kind, element.id, element.cluster, element.role, element.controlPlane];
        case 'backend': return [element.kind, element.id, element.site, element.type];
        case 'link': return [element.kind, element.id, element.from, element.to, element.type];
        case 'flow': return [element.kind, element.id, element.from, element.to, element.signals, element.failoverPriority, element.route];
        case 'controlPlane': return [element.kind, element.id];
      }
    }),
  ]);
}

export function createEngineSession(): EngineSession {
  let plans = new Map<string, { dependencies: unknown[]; plan: CollectorPlan }>();
  let folders = new Map<string, { dependencies: unknown[]; files: GeneratedFile[] }>();
  let diagram: { key: string; svg: string } | undefined;
  return {
    update(topology, options = {}) {
      const index = indexTopology(topology);
      const next = new Map<string, { dependencies: unknown[]; plan: CollectorPlan }>();
      const replanned: string[] = [];
      const plan = (collector: Collector): CollectorPlan => {
        const made = next.get(collector.id);
        if (made && made.plan.collector === collector) return made.plan;
        const dependencies = planDependencies(index, collector);
        const previous = plans.get(collector.id);
        if (previous && sameItems(previous.dependencies, dependencies)) {
          next.set(collector.id, previous);
          return previous.plan;
        }
        const fresh = planCollector(index, collector);
        replanned.push(collector.id);
        next.set(collector.id, { dependencies, plan: fresh });
        return fresh;
      };
      const nextFolders = new Map<string, { dependencies: unknown[]; files: GeneratedFile[] }>();
      const memoClusterFiles = (model: Topology, cluster: Cluster, clusterPlans: readonly CollectorPlan[]) => {
        // A folder is made from its cluster, its collectors' plans and the sites (network policies).
        const dependencies = [cluster, ...index.sites, ...clusterPlans];
        const previous = folders.get(cluster.id);
        const entry = previous && sameItems(previous.dependencies, dependencies)
          ? previous
          : { dependencies, files: clusterFiles(model, cluster, clusterPlans) };
        nextFolders.set(cluster.id, entry);
        return entry.files;
      };
      const memoDiagram = (model: Topology) => {
        const key = diagramKey(model);
        if (diagram?.key !== key) diagram = { key, svg: topologyDiagram(model) };
        return diagram.svg;
      };
      const bundle = generate(topology, {
        plan,
        clusterFiles: memoClusterFiles,
        diagram: memoDiagram,
        ...(options.topologyText !== undefined ? { topologyText: options.topologyText } : {}),
      });
      const diagnostics = validate(topology, undefined, ruleContext(topology, plan));
      plans = next;
      folders = nextFolders;
      return { bundle, diagnostics, replanned };
    },
  };
}
