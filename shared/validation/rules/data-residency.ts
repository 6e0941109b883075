import { siteOfId } from '../../graph/network.js';
import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Signal } from '../../model/common.js';
import { SIGNALS } from '../../model/common.js';
import type { Flow } from '../../model/flow.js';
import type { Diagnostic } from '../diagnostic.js';
import { diagnose, type Rule } from '../rule.js';

interface Step {
  readonly element: string;
  readonly signal: Signal;
  /** Flows taken from an origin collector to here. */
  readonly flows: readonly Flow[];
}

/** Signals leaving a collector for those that arrived: span_metrics / service_graph turn traces into metrics too. */
function outgoingSignals(index: TopologyIndex, collectorId: string, signal: Signal): Signal[] {
  const collector = index.collector(collectorId);
  return signal === 'traces' && (collector?.connectors.length ?? 0) > 0 ? ['traces', 'metrics'] : [signal];
}

/**
 * For every flow that carries data produced in `zone` into a site of a forbidden zone, the
 * shortest chain of flows from a collector of `zone` that gets it there.
 */
function violations(index: TopologyIndex, zone: string, forbidden: ReadonlySet<string>): Map<Flow, readonly Flow[]> {
  const zoneOf = (id: string) => siteOfId(index, id)?.zone;
  const found = new Map<Flow, readonly Flow[]>();
  const seen = new Set<string>();
  const queue: Step[] = [];
  for (const collector of index.collectors) {
    if (zoneOf(collector.id) !== zone) continue;
    for (const signal of SIGNALS) {
      seen.add(`${collector.id}\u0000${signal}`);
      queue.push({ element: collector.id, signal, flows: [] });
    }
  }
  while (queue.length > 0) {
    const step = queue.shift()!;
    const carried = outgoingSignals(index, step.element, step.signal);
    for (const flow of index.flowsFrom(step.element)) {
      const target = index.target(flow);
      if (!target) continue;
      const flows = [...step.flows, flow];
      const targetZone = zoneOf(target.id);
      for (const signal of carried.filter((candidate) => flow.signals.includes(candidate))) {
        if (targetZone !== undefined && forbidden.has(targetZone)) {
          // Report where the data enters the forbidden zone, not everything downstream of it.
          if (!found.has(flow)) found.set(flow, flows);
          continue;
        }
        const key = `${target.id}\u0000${signal}`;
        if (target.kind !== 'collector' || seen.has(key)) continue;
        seen.add(key);
        queue.push({ element: target.id, signal, flows });
      }
    }
  }
  return found;
}

export const dataResidency: Rule = {
  id: 'data-residency',
  description: "Telemetry produced in a residency zone reaches a site of a zone the policy forbids, directly or through collectors.",
  severity: 'error',
  check({ topology, index }) {
    const diagnostics: Diagnostic[] = [];
    for (const residency of topology.policy.dataResidency) {
      const found = violations(index, residency.zone, new Set(residency.mustNotReach));
      for (const flow of index.flows) {
        const chain = found.get(flow);
        if (!chain) continue;
        const hops = [chain[0]!.from, ...chain.map((step) => step.to)];
        const originSite = siteOfId(index, hops[0]!)!;
        const targetSite = siteOfId(index, flow.to)!;
        diagnostics.push(
          diagnose(
            dataResidency,
            topology,
            [...new Set([flow.id, ...hops, ...chain.map((step) => step.id)])],
            `Telemetry produced in zone '${residency.zone}' (site '${originSite.id}') reaches zone '${targetSite.zone}' (site '${targetSite.id}'), which the policy forbids: ` +
              `${hops.map((id) => `'${id}'`).join(' → ')}. Remove or reroute flow '${flow.id}' so that data from '${residency.zone}' stays out of '${targetSite.zone}'.`,
            { path: ['elements', topology.elements.indexOf(flow)] },
          ),
        );
      }
    }
    return diagnostics;
  },
};
