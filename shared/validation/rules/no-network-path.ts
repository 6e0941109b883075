import { crossSiteFlows, sitesConnected, unusedId } from '../../graph/network.js';
import { Link } from '../../model/link.js';
import { diagnose, type Rule } from '../rule.js';

export const noNetworkPath: Rule = {
  id: 'no-network-path',
  description: 'A flow between two sites that no chain of links connects: its data can never arrive.',
  severity: 'error',
  check({ topology, index }) {
    return crossSiteFlows(index).flatMap(({ flow, from, to }) => {
      if (sitesConnected(index, from.id, to.id)) return [];
      const linkId = `${from.id}-${to.id}-vpn`;
      return [
        diagnose(
          noNetworkPath,
          topology,
          [flow.id, from.id, to.id],
          `Flow '${flow.id}' sends from '${flow.from}' in site '${from.id}' to '${flow.to}' in site '${to.id}', but no link (direct or through other sites) connects the two sites. ` +
            `Add a link between '${from.id}' and '${to.id}' (VPN, interconnect, peering or internet), or send to a target in a reachable site.`,
          {
            fix: {
              title: `Add a VPN link between '${from.id}' and '${to.id}'`,
              apply: (current) => ({
                ...current,
                elements: [
                  ...current.elements,
                  Link.parse({ kind: 'link', id: unusedId(current, linkId), from: from.id, to: to.id, type: 'vpn-ipsec' }),
                ],
              }),
            },
          },
        ),
      ];
    });
  },
};
