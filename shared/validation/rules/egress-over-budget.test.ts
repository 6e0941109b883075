import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import type { Element } from '../../model/topology.js';
import { agent, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { egressOverBudget, estimateEgress } from './egress-over-budget.js';

/** Agents in aws sending to a gateway in azure over one link at `cost` $/GB, plus the given flows. */
function design(budget: number | undefined, extra: Element[], cost = 0.02) {
  return topology(
    [
      site('aws'),
      site('azure', { provider: 'azure', region: 'westeurope' }),
      link('vpn', 'aws', 'azure', { egressCostPerGb: cost }),
      cluster('eks', 'aws'),
      cluster('aks', 'azure', { platform: 'aks' }),
      agent('agent', 'eks'),
      gateway('gw', 'aks'),
      backend('debug'),
      flow('gw-out', 'gw', 'debug'),
      ...extra,
    ],
    budget === undefined ? {} : { policy: { monthlyBudgetUsd: budget } },
  );
}

// 10 000 records/s × 512 B × 730 h = 13 455 GB a month raw; 2 691 GB with gzip.
const raw = flow('raw', 'agent', 'gw', { compression: 'none', volume: { recordsPerSecond: 10_000 } });
const gzip = flow('gzip', 'agent', 'gw', { signals: ['logs'], volume: { recordsPerSecond: 10_000 } });
const unsized = flow('unsized', 'agent', 'gw', { signals: ['metrics'] });

const cases: RuleCase[] = [
  { name: 'no budget: nothing to compare', topology: design(undefined, [raw, gzip]), diagnostics: [] },
  { name: 'under budget', topology: design(400, [raw, gzip]), diagnostics: [] },
  {
    name: 'over budget: the estimate, the largest flows first and how it was computed',
    topology: design(100, [gzip, raw, unsized]),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['raw', 'gzip'],
        message:
          /estimated at \$322\.93 a month, over the budget of \$100\.00\. Largest: 'raw' \$269\.11 \(13455 GB, none\), 'gzip' \$53\.82 \(2691 GB, gzip\)\..*20 % of its size with gzip or zstd, 40 % with snappy.*1 cross-site flow\(s\) without a volume \('unsized'\) are not counted/,
        path: ['policy', 'monthlyBudgetUsd'],
      },
    ],
  },
  {
    name: 'the same volume on a dearer link goes over',
    topology: design(100, [gzip], 0.09),
    diagnostics: [{ severity: 'warning', elementIds: ['gzip'], message: /\$242\.20 a month, over the budget of \$100\.00/ }],
  },
  {
    name: 'flows inside a site cost no egress',
    topology: design(1, [flow('local', 'gw', 'debug', { volume: { recordsPerSecond: 1_000_000 } })]),
    diagnostics: [],
  },
];

describe('egress-over-budget', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(egressOverBudget, checkRule(egressOverBudget, model), diagnostics);
  });

  it('prices a flow over the cheapest chain of links, summing each hop', () => {
    // GIVEN aws–azure direct at 0.09 and aws–gcp–azure at 0.02 + 0.03
    const model = topology([
      ...design(undefined, [gzip], 0.09).elements,
      site('gcp', { provider: 'gcp', region: 'europe-west1' }),
      link('aws-gcp', 'aws', 'gcp', { egressCostPerGb: 0.02 }),
      link('gcp-azure', 'gcp', 'azure', { egressCostPerGb: 0.03 }),
    ]);
    // WHEN estimating THEN it pays 0.05 $/GB
    const [entry] = estimateEgress(indexTopology(model)).flows;
    expect(entry!.usdPerMonth).toBeCloseTo(2691.072 * 0.05, 2);
  });
});
