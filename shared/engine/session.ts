import { indexTopology, type TopologyIndex } from '../graph/topology-index.js';
import type { Collector } from '../model/collector.js';
import type { Topology } from '../model/topology.js';
import type { Diagnostic } from '../validation/diagnostic.js';
import { ruleContext, validate } from '../validation/validate.js';
import type { Bundle } from './bundle.js';
import { generate } from './generate.js';
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

export function createEngineSession(): EngineSession {
  let plans = new Map<string, { dependencies: unknown[]; plan: CollectorPlan }>();
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
      const bundle = generate(topology, { plan, ...(options.topologyText !== undefined ? { topologyText: options.topologyText } : {}) });
      const diagnostics = validate(topology, undefined, ruleContext(topology, plan));
      plans = next;
      return { bundle, diagnostics, replanned };
    },
  };
}
