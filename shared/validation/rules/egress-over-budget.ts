import { crossSiteFlows, networkPath, pathCostPerGb } from '../../graph/network.js';
import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Flow } from '../../model/flow.js';
import { diagnose, type Rule } from '../rule.js';

/** A month as cloud price lists count it: 730 hours. */
const SECONDS_PER_MONTH = 730 * 3600;
/** Decimal gigabytes, which slightly overstates the cost against GiB-billing providers. */
const BYTES_PER_GB = 1e9;

/** Share of the raw bytes left on the wire after compression (typical for OTLP protobuf). */
export const COMPRESSED_SHARE: Readonly<Record<Flow['compression'], number>> = { gzip: 0.2, zstd: 0.2, snappy: 0.4, none: 1 };

export interface FlowEgress {
  readonly flow: Flow;
  readonly gbPerMonth: number;
  readonly usdPerMonth: number;
}

/** Monthly egress of each cross-site flow with a volume and a network path, most expensive first. */
export function estimateEgress(index: TopologyIndex): { flows: FlowEgress[]; unestimated: Flow[] } {
  const flows: FlowEgress[] = [];
  const unestimated: Flow[] = [];
  for (const { flow, from, to } of crossSiteFlows(index)) {
    const path = networkPath(index, from.id, to.id);
    // Without a path no-network-path reports the flow; it costs nothing until it has one.
    if (!path) continue;
    if (!flow.volume) {
      unestimated.push(flow);
      continue;
    }
    const bytes = flow.volume.recordsPerSecond * flow.volume.bytesPerRecord * COMPRESSED_SHARE[flow.compression] * SECONDS_PER_MONTH;
    const gbPerMonth = bytes / BYTES_PER_GB;
    flows.push({ flow, gbPerMonth, usdPerMonth: gbPerMonth * pathCostPerGb(path) });
  }
  flows.sort((a, b) => b.usdPerMonth - a.usdPerMonth);
  return { flows, unestimated };
}

const usd = (amount: number) => `$${amount.toFixed(2)}`;
const gb = (amount: number) => `${Math.round(amount)} GB`;

export const egressOverBudget: Rule = {
  id: 'egress-over-budget',
  description: "The estimated monthly egress of the cross-site flows exceeds the policy's budget.",
  severity: 'warning',
  check({ topology, index }) {
    const budget = topology.policy.monthlyBudgetUsd;
    if (budget === undefined) return [];
    const { flows, unestimated } = estimateEgress(index);
    const total = flows.reduce((sum, entry) => sum + entry.usdPerMonth, 0);
    if (total <= budget) return [];
    const biggest = flows
      .slice(0, 3)
      .map((entry) => `'${entry.flow.id}' ${usd(entry.usdPerMonth)} (${gb(entry.gbPerMonth)}, ${entry.flow.compression})`)
      .join(', ');
    const missing =
      unestimated.length > 0
        ? ` ${unestimated.length} cross-site flow(s) without a volume (${unestimated.map((flow) => `'${flow.id}'`).join(', ')}) are not counted.`
        : '';
    return [
      diagnose(
        egressOverBudget,
        topology,
        flows.map((entry) => entry.flow.id),
        `Cross-site egress is estimated at ${usd(total)} a month, over the budget of ${usd(budget)}. Largest: ${biggest}. ` +
          `The estimate takes each flow's volume over a 730-hour month, compressed to 20 % of its size with gzip or zstd, 40 % with snappy and 100 % without compression, ` +
          `priced at the egress cost of the cheapest chain of links.${missing} ` +
          `Sample or filter before the data leaves its site, compress with zstd or gzip, or route over cheaper links.`,
        { path: ['policy', 'monthlyBudgetUsd'] },
      ),
    ];
  },
};
