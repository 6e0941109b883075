import { indexTopology, isMultiInstance, resolvedMode, type TopologyIndex } from '../graph/topology-index.js';
import type { Collector } from '../model/collector.js';
import type { Element, Topology } from '../model/topology.js';
import { deepEqual } from '../io/patch-document.js';
import type { Diagnostic } from '../validation/diagnostic.js';
import { createValidationCache, ruleContext, validate } from '../validation/validate.js';
import type { Bundle } from './bundle.js';
import { clusterFiles, collectorConfigFile, generate } from './generate.js';
import { bundleReadme } from './readme.js';
import type { GeneratedFile } from './bundle.js';
import { topologyDiagram } from './diagram.js';
import type { Cluster } from '../model/cluster.js';
import { planCollector, type CollectorPlan } from './plan.js';

/**
 * Everything a collector's plan is computed from. Model updates are immutable, so when none of
 * these changed, the plan cannot have changed either. Other collectors stand in by the few facts
 * a plan reads of them (a target's address and whether it has several instances; a sender's
 * cluster), so that scaling a gateway from 2 to 3 replicas does not re-plan every agent that
 * sends to it.
 */
export function planInputs(index: TopologyIndex, collector: Collector): unknown[] {
  const cluster = index.clusterOf(collector);
  const controlPlane = collector.controlPlane ? index.byId.get(collector.controlPlane) : undefined;
  const inputs: unknown[] = [collector, cluster, index.siteOf(collector), index.topology.policy, controlPlane];
  for (const flow of index.flowsFrom(collector.id)) {
    const target = index.target(flow);
    if (target?.kind === 'collector') {
      const targetCluster = index.clusterOf(target);
      inputs.push(
        flow,
        `${target.id}\u0000${target.cluster}\u0000${target.externalEndpoint}\u0000${resolvedMode(target, targetCluster)}\u0000${isMultiInstance(target, targetCluster)}`,
        targetCluster,
        index.siteOf(target),
      );
    } else {
      inputs.push(flow, target, undefined, target && index.siteOf(target));
    }
  }
  for (const flow of index.flowsTo(collector.id)) {
    const source = index.collector(flow.from);
    inputs.push(flow, source && `${source.id}\u0000${source.cluster}`, source && index.clusterOf(source), source && index.siteOf(source));
  }
  return inputs;
}

/**
 * Collectors whose surroundings an edit may have changed: those of changed elements, and their
 * flow neighbours in the old and the new topology. Everything when the policy changed.
 */
function touchedCollectors(before: TopologyIndex | undefined, after: TopologyIndex): Set<string> | 'all' {
  if (!before || before.topology.policy !== after.topology.policy) return 'all';
  // With duplicate ids, ids do not tell elements apart.
  if (after.byId.size !== after.topology.elements.length) return 'all';
  const touched = new Set<string>();
  const touch = (index: TopologyIndex, id: string) => {
    const element = index.byId.get(id);
    if (!element) return;
    const near = (collectorId: string) => {
      touched.add(collectorId);
      for (const flow of index.flowsFrom(collectorId)) touched.add(flow.to);
      for (const flow of index.flowsTo(collectorId)) touched.add(flow.from);
    };
    switch (element.kind) {
      case 'collector': near(element.id); break;
      case 'flow': near(element.from); near(element.to); break;
      case 'backend': for (const flow of index.flowsTo(element.id)) near(flow.from); break;
      case 'cluster': for (const collector of index.collectorsIn(element.id)) near(collector.id); break;
      case 'site':
        for (const cluster of index.clusters) if (cluster.site === element.id) for (const collector of index.collectorsIn(cluster.id)) near(collector.id);
        break;
      case 'controlPlane': for (const collector of index.collectors) if (collector.controlPlane === element.id) near(collector.id); break;
      case 'link': break;
    }
  };
  for (const element of after.topology.elements) {
    const old = before.byId.get(element.id);
    if (old !== element) {
      touch(before, element.id);
      touch(after, element.id);
    }
  }
  for (const id of before.byId.keys()) if (!after.byId.has(id)) touch(before, id);
  return touched;
}

/**
 * `next` with every element (and the policy) that equals its counterpart in `previous` replaced by
 * that counterpart. A topology parsed again from edited text is all new objects; sharing the
 * unchanged ones is what lets the session see that one collector changed, not a thousand.
 */
export function shareUnchanged(previous: Topology | undefined, next: Topology): Topology {
  if (!previous || previous === next) return next;
  const before = new Map(previous.elements.map((element) => [element.id, element]));
  let shared = 0;
  const elements = next.elements.map((element) => {
    const old = before.get(element.id);
    if (old && old !== element && deepEqual(old, element)) {
      shared++;
      return old;
    }
    return element;
  });
  const policy = deepEqual(previous.policy, next.policy) ? previous.policy : next.policy;
  return shared === 0 && policy === next.policy ? next : { ...next, elements, policy };
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

/** What the diagram draws of an element. */
function diagramPiece(element: Element): unknown[] {
      switch (element.kind) {
        case 'site': return [element.kind, element.id, element.provider, element.region, element.zone];
        case 'cluster': return [element.kind, element.id, element.site, element.platform];
        case 'collector': return [element.kind, element.id, element.cluster, element.role, element.controlPlane];
        case 'backend': return [element.kind, element.id, element.site, element.type];
        case 'link': return [element.kind, element.id, element.from, element.to, element.type];
        case 'flow': return [element.kind, element.id, element.from, element.to, element.signals, element.failoverPriority, element.route];
        case 'controlPlane': return [element.kind, element.id];
      }
}

/** Whether the diagram of `after` can differ from that of `before`. */
function diagramChanged(before: Topology | undefined, after: Topology): boolean {
  if (!before || before.name !== after.name || before.elements.length !== after.elements.length) return true;
  return after.elements.some((element, position) => {
    const old = before.elements[position]!;
    return old !== element && JSON.stringify(diagramPiece(old)) !== JSON.stringify(diagramPiece(element));
  });
}

export function createEngineSession(): EngineSession {
  let plans = new Map<string, { inputs: unknown[]; plan: CollectorPlan }>();
  /** Per collector, what its rules read: a new array whenever any of it changed. */
  let ruleVersions = new Map<string, object>();
  let previousIndex: TopologyIndex | undefined;
  let folders = new Map<string, { dependencies: unknown[]; files: GeneratedFile[] }>();
  let diagram: string | undefined;
  const validation = createValidationCache();
  const configFiles = new WeakMap<CollectorPlan, GeneratedFile>();
  let readme: { inputs: unknown[]; text: string } | undefined;
  return {
    update(edited, options = {}) {
      const topology = shareUnchanged(previousIndex?.topology, edited);
      const index = indexTopology(topology);
      const next = new Map<string, { inputs: unknown[]; plan: CollectorPlan }>();
      const replanned: string[] = [];
      const touched = touchedCollectors(previousIndex, index);
      const plan = (collector: Collector): CollectorPlan => {
        const made = next.get(collector.id);
        if (made && made.plan.collector === collector) return made.plan;
        const previous = plans.get(collector.id);
        // Nothing around an untouched collector changed, so neither did its plan.
        if (previous && previous.plan.collector === collector && touched !== 'all' && !touched.has(collector.id)) {
          next.set(collector.id, previous);
          return previous.plan;
        }
        const inputs = planInputs(index, collector);
        if (previous && sameItems(previous.inputs, inputs)) {
          next.set(collector.id, previous);
          return previous.plan;
        }
        const fresh = planCollector(index, collector);
        replanned.push(collector.id);
        next.set(collector.id, { inputs, plan: fresh });
        return fresh;
      };
      // Rules may read anything about a collector's neighbours, so their results are reused only
      // while every neighbour object is the same.
      const nextRuleVersions = new Map<string, object>();
      for (const collector of index.collectors) {
        const kept = touched === 'all' || touched.has(collector.id) ? undefined : ruleVersions.get(collector.id);
        nextRuleVersions.set(collector.id, kept ?? {});
      }
      const rulesVersion = (collector: Collector): unknown => nextRuleVersions.get(collector.id);
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
        if (!diagram || diagramChanged(previousIndex?.topology, model)) diagram = topologyDiagram(model);
        return diagram;
      };
      const memoConfigFile = (collectorPlan: CollectorPlan) => {
        let file = configFiles.get(collectorPlan);
        if (!file) configFiles.set(collectorPlan, (file = collectorConfigFile(collectorPlan)));
        return file;
      };
      const memoReadme: typeof bundleReadme = (model, files, readmePlans) => {
        // The README reads the policy, the clusters, the flows between them and the plans.
        const inputs = [model.name, model.description, model.policy, ...index.clusters, ...index.sites, ...index.flows, ...readmePlans];
        if (!readme || !sameItems(readme.inputs, inputs)) readme = { inputs, text: bundleReadme(model, files, readmePlans) };
        return readme.text;
      };
      const bundle = generate(topology, {
        plan,
        configFile: memoConfigFile,
        readme: memoReadme,
        clusterFiles: memoClusterFiles,
        diagram: memoDiagram,
        ...(options.topologyText !== undefined ? { topologyText: options.topologyText } : {}),
      });
      const diagnostics = validate(topology, undefined, { ...ruleContext(topology, plan), version: rulesVersion }, validation);
      plans = next;
      ruleVersions = nextRuleVersions;
      previousIndex = index;
      folders = nextFolders;
      return { bundle, diagnostics, replanned };
    },
  };
}
