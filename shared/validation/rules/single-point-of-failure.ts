import { criticalLinks, crossSiteFlows } from '../../graph/network.js';
import { resolvedMode, resolvedReplicas } from '../../graph/topology-index.js';
import type { Collector } from '../../model/collector.js';
import type { Link } from '../../model/link.js';
import type { Diagnostic } from '../diagnostic.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  description:
    'A link whose loss alone cuts off the flows between two sites, or a gateway that other collectors send to running a single replica.',
  severity: 'warning',
  check({ topology, index }) {
    const diagnostics: Diagnostic[] = [];

    // (a) links: for each pair of sites with flows between them, the links they cannot do without.
    const pairs = new Map<string, { from: string; to: string; flows: string[] }>();
    for (const { flow, from, to } of crossSiteFlows(index)) {
      const [a, b] = [from.id, to.id].sort();
      const key = `${a}\u0000${b}`;
      const pair = pairs.get(key) ?? { from: a!, to: b!, flows: [] };
      pair.flows.push(flow.id);
      pairs.set(key, pair);
    }
    const byLink = new Map<Link, Array<{ from: string; to: string; flows: string[] }>>();
    for (const pair of pairs.values()) {
      for (const link of criticalLinks(index, pair.from, pair.to)) byLink.set(link, [...(byLink.get(link) ?? []), pair]);
    }
    for (const link of index.links) {
      const affected = byLink.get(link);
      if (!affected) continue;
      const between = affected.map((pair) => `'${pair.from}' and '${pair.to}'`).join(', ');
      const flows = affected.flatMap((pair) => pair.flows);
      diagnostics.push(
        diagnose(
          singlePointOfFailure,
          topology,
          [link.id, ...flows],
          `Link '${link.id}' (${link.type}) is the only network path between ${between}: if it fails, flows ${flows.map((id) => `'${id}'`).join(', ')} stop. ` +
            `Add a second link between the sites (for example a VPN as backup of a dedicated line), and size the queues for the outage meanwhile.`,
        ),
      );
    }

    // (b) gateways other collectors depend on, with one pod.
    for (const gateway of index.collectors) {
      if (gateway.role !== 'gateway' || gateway.autoscaling) continue;
      const mode = resolvedMode(gateway, index.clusterOf(gateway));
      if ((mode !== 'deployment' && mode !== 'statefulset') || resolvedReplicas(gateway) !== 1) continue;
      const senders = [...new Set(index.flowsTo(gateway.id).map((flow) => flow.from).filter((id) => index.collector(id) !== undefined))];
      if (senders.length === 0) continue;
      diagnostics.push(
        diagnose(
          singlePointOfFailure,
          topology,
          [gateway.id, ...senders],
          `Gateway '${gateway.id}' runs a single replica, and ${senders.map((id) => `'${id}'`).join(', ')} send to it: a restart, an upgrade or a node drain stops their telemetry. ` +
            `Run at least 2 replicas (or autoscaling); with tail sampling, put a trace-ID load_balancing tier in front.`,
          {
            path: ['elements', topology.elements.indexOf(gateway), ...(gateway.replicas === undefined ? [] : ['replicas'])],
            fix: updateElement<Collector>(`Run 2 replicas of '${gateway.id}'`, gateway.id, (collector) => ({ ...collector, replicas: 2 })),
          },
        ),
      );
    }
    return diagnostics;
  },
};
