import { removeElement } from '../../graph/network.js';
import type { Signal } from '../../model/common.js';
import type { Flow } from '../../model/flow.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

/** Whether two flows of one source carry the same items: not when they split them by route or failover. */
function overlap(a: Flow, b: Flow): boolean {
  // Failover alternatives: only one of them gets the data at a time.
  if (a.failoverPriority !== undefined && b.failoverPriority !== undefined) return false;
  // Two routes with different conditions split the data between them.
  if (a.route && b.route) {
    const key = (flow: Flow) =>
      flow.route!.default ? 'default' : `${flow.route!.attribute}=${[...flow.route!.values].sort().join(',')}`;
    return key(a) === key(b);
  }
  return true;
}

export const agentBypassesGateway: Rule = {
  id: 'agent-bypasses-gateway',
  description:
    "An agent that sends a signal both to a gateway and straight to a backend: the direct copy skips the gateway's sampling and processing.",
  severity: 'warning',
  check({ topology, index }) {
    return index.collectors
      .filter((collector) => collector.role === 'agent')
      .flatMap((agent) => {
        const outgoing = index.flowsFrom(agent.id);
        const toGateways = outgoing.filter((flow) => index.collector(flow.to)?.role === 'gateway');
        return outgoing
          .filter((flow) => index.backend(flow.to) !== undefined)
          .flatMap((direct) => {
            const gatewayFlows = new Map<Signal, Flow[]>();
            for (const signal of direct.signals) {
              const viaGateway = toGateways.filter((flow) => flow.signals.includes(signal) && overlap(flow, direct));
              if (viaGateway.length > 0) gatewayFlows.set(signal, viaGateway);
            }
            if (gatewayFlows.size === 0) return [];
            const signals = [...gatewayFlows.keys()];
            const gateways = [...new Set([...gatewayFlows.values()].flat().map((flow) => flow.to))];
            const remaining = direct.signals.filter((signal) => !gatewayFlows.has(signal));
            const fix =
              remaining.length === 0
                ? { title: `Remove flow '${direct.id}'`, apply: (current: typeof topology) => removeElement(current, direct.id) }
                : updateElement<Flow>(`Stop sending ${signals.join(', ')} on flow '${direct.id}'`, direct.id, (flow) => ({
                    ...flow,
                    signals: flow.signals.filter((signal) => !signals.includes(signal)),
                  }));
            return [
              diagnose(
                agentBypassesGateway,
                topology,
                [direct.id, agent.id, direct.to, ...gateways],
                `Agent '${agent.id}' sends ${signals.join(', ')} to gateway ${gateways.map((id) => `'${id}'`).join(', ')} and also straight to backend '${direct.to}' (flow '${direct.id}'): ` +
                  `the direct copy bypasses the gateway's sampling and processing. ` +
                  `Send ${signals.join(', ')} through the gateway only, or give the flows routes that split the data.`,
                { fix },
              ),
            ];
          });
      });
  },
};
