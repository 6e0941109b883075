import type { Signal } from '../../model/common.js';
import { SIGNALS } from '../../model/common.js';
import type { Flow } from '../../model/flow.js';
import type { TopologyIndex } from '../../graph/topology-index.js';
import { diagnose, type Rule } from '../rule.js';

/** Cycles stop being listed past this many: a topology with more has one design problem, not hundreds. */
const MAX_CYCLES = 20;

/** Elementary cycles of collector → collector flows, each once, starting at its first collector in model order. */
export function collectorCycles(index: TopologyIndex): string[][] {
  const order = new Map(index.collectors.map((collector, position) => [collector.id, position]));
  const next = new Map<string, string[]>();
  for (const flow of index.flows) {
    if (!order.has(flow.from) || !order.has(flow.to)) continue;
    const list = next.get(flow.from) ?? [];
    if (!list.includes(flow.to)) list.push(flow.to);
    next.set(flow.from, list);
  }
  const cycles: string[][] = [];
  // Each cycle is found from its lowest collector only, visiting higher ones: no duplicates.
  for (const start of order.keys()) {
    const startRank = order.get(start)!;
    const path = [start];
    const onPath = new Set(path);
    const walk = (current: string): void => {
      for (const target of next.get(current) ?? []) {
        if (cycles.length >= MAX_CYCLES) return;
        if (target === start) cycles.push([...path]);
        else if (order.get(target)! > startRank && !onPath.has(target)) {
          path.push(target);
          onPath.add(target);
          walk(target);
          path.pop();
          onPath.delete(target);
        }
      }
    };
    walk(start);
  }
  return cycles;
}

export const flowCycle: Rule = {
  id: 'flow-cycle',
  description: 'Collectors that send a signal round in a loop: the data circles and multiplies until the collectors fall over.',
  severity: 'error',
  check({ topology, index }) {
    return collectorCycles(index).flatMap((cycle) => {
      const hops = cycle.map((from, position) => {
        const to = cycle[(position + 1) % cycle.length]!;
        return index.flowsFrom(from).filter((flow) => flow.to === to);
      });
      // Only a signal carried by every hop goes round.
      const looping = SIGNALS.filter((signal: Signal) => hops.every((flows) => flows.some((flow) => flow.signals.includes(signal))));
      if (looping.length === 0) return [];
      const flows: Flow[] = hops.flatMap((flowsOfHop) => flowsOfHop.filter((flow) => flow.signals.some((signal) => looping.includes(signal))));
      const loop = [...cycle, cycle[0]!].map((id) => `'${id}'`).join(' → ');
      const flowIds = flows.map((flow) => `'${flow.id}'`).join(', ');
      return [
        diagnose(
          flowCycle,
          topology,
          [...cycle, ...flows.map((flow) => flow.id)],
          `Collectors ${loop} send ${looping.join(', ')} round in a loop: every item would circle and be exported again and again. ` +
            `Remove one of the flows ${flowIds} (or its ${looping.join('/')} signal).`,
          { path: ['elements', topology.elements.indexOf(flows[0]!)] },
        ),
      ];
    });
  },
};
