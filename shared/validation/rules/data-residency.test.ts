import { describe, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { dataResidency } from './data-residency.js';

const policy = { dataResidency: [{ zone: 'eu', mustNotReach: ['us'] }] };

/** An EU agent and gateway, a US gateway and backends in both zones. */
function design(extra: Element[], fields: Parameters<typeof topology>[1] = { policy }) {
  return topology(
    [
      site('eu-fra', { region: 'eu-central-1', zone: 'eu' }),
      site('us-east', { region: 'us-east-1', zone: 'us' }),
      site('ch-zrh', { region: 'eu-central-2', zone: 'ch' }),
      link('eu-us', 'eu-fra', 'us-east'),
      link('eu-ch', 'eu-fra', 'ch-zrh'),
      link('ch-us', 'ch-zrh', 'us-east'),
      cluster('eks-eu', 'eu-fra'),
      cluster('eks-us', 'us-east'),
      cluster('eks-ch', 'ch-zrh'),
      agent('agent-eu', 'eks-eu'),
      gateway('gw-eu', 'eks-eu'),
      gateway('gw-us', 'eks-us'),
      gateway('gw-ch', 'eks-ch'),
      backend('tempo-eu', { type: 'otlp', endpoint: 'tempo-eu:4317', site: 'eu-fra' }),
      backend('tempo-us', { type: 'otlp', endpoint: 'tempo-us:4317', site: 'us-east' }),
      flow('agent-eu-to-gw-eu', 'agent-eu', 'gw-eu', { signals: ['traces', 'metrics'] }),
      flow('gw-eu-to-tempo-eu', 'gw-eu', 'tempo-eu', { signals: ['traces', 'metrics'] }),
      ...extra,
    ],
    fields,
  );
}

const cases: RuleCase[] = [
  { name: 'EU data stays in the EU', topology: design([]), diagnostics: [] },
  {
    name: 'an EU gateway exporting to a US backend',
    topology: design([flow('gw-eu-to-tempo-us', 'gw-eu', 'tempo-us')]),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gw-eu-to-tempo-us', 'gw-eu', 'tempo-us'],
        message: /produced in zone 'eu' \(site 'eu-fra'\) reaches zone 'us' \(site 'us-east'\), which the policy forbids: 'gw-eu' → 'tempo-us'\. Remove or reroute flow 'gw-eu-to-tempo-us'/,
        path: ['elements', 17],
      },
    ],
  },
  {
    name: 'EU data reaching the US through a Swiss gateway is reported where it enters the US, once',
    topology: design([flow('gw-eu-to-ch', 'gw-eu', 'gw-ch', { signals: ['metrics'] }), flow('ch-to-us', 'gw-ch', 'gw-us', { signals: ['metrics'] }), flow('us-out', 'gw-us', 'tempo-us', { signals: ['metrics'] })]),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['ch-to-us', 'gw-eu', 'gw-ch', 'gw-us', 'gw-eu-to-ch'],
        message: /which the policy forbids: 'gw-eu' → 'gw-ch' → 'gw-us'\. Remove or reroute flow 'ch-to-us'/,
      },
    ],
  },
  {
    name: 'no policy: nothing is checked',
    topology: design([flow('gw-eu-to-tempo-us', 'gw-eu', 'tempo-us')], {}),
    diagnostics: [],
  },
  {
    name: 'a signal the chain does not carry on does not leak: traces into the Swiss gateway, only its own logs to the US',
    topology: design([flow('gw-eu-to-ch', 'gw-eu', 'gw-ch', { signals: ['traces'] }), flow('ch-logs-to-us', 'gw-ch', 'gw-us', { signals: ['logs'] })]),
    diagnostics: [],
  },
  {
    name: 'span metrics derived from EU traces do leak as metrics',
    topology: design([
      gateway('gw-derive', 'eks-ch', { connectors: [{ type: 'span_metrics' }] }),
      flow('gw-eu-to-derive', 'gw-eu', 'gw-derive', { signals: ['traces'] }),
      flow('derive-metrics-to-us', 'gw-derive', 'tempo-us', { signals: ['metrics'] }),
    ]),
    diagnostics: [{ severity: 'error', elementIds: ['derive-metrics-to-us', 'gw-eu', 'gw-derive', 'tempo-us', 'gw-eu-to-derive'], message: /'gw-eu' → 'gw-derive' → 'tempo-us'/ }],
  },
  {
    name: 'an EU agent sending straight to the US: the shortest path from the zone is named',
    topology: design([agent('agent-eu-2', 'eks-eu'), flow('agent-to-us', 'agent-eu-2', 'gw-us'), flow('us-out', 'gw-us', 'tempo-us')]),
    diagnostics: [{ severity: 'error', elementIds: ['agent-to-us', 'agent-eu-2', 'gw-us'], message: /forbids: 'agent-eu-2' → 'gw-us'\. Remove or reroute flow 'agent-to-us'/ }],
  },
  {
    name: 'a backend without a site has no zone to check',
    topology: design([backend('saas'), flow('to-saas', 'gw-eu', 'saas')]),
    diagnostics: [],
  },
];

describe('data-residency', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(dataResidency, checkRule(dataResidency, model), diagnostics);
  });
});
