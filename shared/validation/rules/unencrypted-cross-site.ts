import { crossSiteFlows, networkPath } from '../../graph/network.js';
import type { Backend } from '../../model/backend.js';
import type { Flow } from '../../model/flow.js';
import { isLinkEncrypted } from '../../model/link.js';
import type { Collector } from '../../model/collector.js';
import type { QuickFix } from '../diagnostic.js';
import { updateElement, diagnose, type Rule } from '../rule.js';

/**
 * Whether a flow travels in plain text, and the fix that encrypts it. To a collector the flow's
 * TLS decides; to a backend the backend's own settings do (the engine ignores the flow's TLS there,
 * and cloud exporters always use HTTPS).
 */
function plainText(flow: Flow, target: Collector | Backend): { what: string; fix: QuickFix } | undefined {
  if (target.kind === 'collector') {
    if (flow.tls.mode !== 'none') return undefined;
    return {
      what: `without TLS`,
      fix: updateElement<Flow>(`Send '${flow.id}' over TLS`, flow.id, (current) => ({ ...current, tls: { ...current.tls, mode: 'tls' } })),
    };
  }
  if (target.type === 'otlp' && target.insecure) {
    return {
      what: `in plain text (backend '${target.id}' is set to insecure)`,
      fix: updateElement<Backend>(`Connect to '${target.id}' over TLS`, target.id, (backend) => ({ ...backend, insecure: false }) as Backend),
    };
  }
  if ('endpoint' in target && /^http:\/\//i.test(target.endpoint)) {
    const endpoint = target.endpoint.replace(/^http:\/\//i, 'https://');
    return {
      what: `in plain text (backend '${target.id}' has an http:// endpoint)`,
      fix: updateElement<Backend>(`Use ${endpoint}`, target.id, (backend) => ({ ...backend, endpoint }) as Backend),
    };
  }
  return undefined;
}

export const unencryptedCrossSite: Rule = {
  id: 'unencrypted-cross-site',
  description:
    'A cross-site flow in plain text over a link that does not encrypt (internet, Direct Connect without MACsec...), or without TLS where the policy requires TLS across sites.',
  severity: 'error',
  check({ topology, index }) {
    return crossSiteFlows(index).flatMap(({ flow, from, to }) => {
      const target = index.target(flow);
      if (!target) return [];
      const plain = plainText(flow, target);
      if (!plain) return [];
      const path = networkPath(index, from.id, to.id);
      const unencrypted = path?.links.filter((link) => !isLinkEncrypted(link)) ?? [];
      const requireTls = topology.policy.requireTlsAcrossSites;
      if (unencrypted.length === 0 && !requireTls) return [];
      const position = topology.elements.indexOf(flow);
      const reason =
        unencrypted.length > 0
          ? ` over ${unencrypted.map((link) => `link '${link.id}' (${link.type})`).join(' and ')}, which ${unencrypted.length > 1 ? 'do' : 'does'} not encrypt traffic: ` +
            'anyone on the path can read and alter the telemetry.'
          : ', and the policy requires TLS across sites.';
      const advice =
        target.kind === 'backend'
          ? `Connect to backend '${target.id}' over TLS.`
          : `Use TLS (mode tls or mtls) on the flow, with a server certificate on '${target.id}'.`;
      return [
        diagnose(
          unencryptedCrossSite,
          topology,
          [flow.id, ...unencrypted.map((link) => link.id), ...(target.kind === 'backend' ? [target.id] : [])],
          `Flow '${flow.id}' goes from site '${from.id}' to site '${to.id}' ${plain.what}${reason} ${advice}`,
          {
            path: target.kind === 'collector' ? ['elements', position, 'tls'] : ['elements', topology.elements.indexOf(target)],
            fix: plain.fix,
          },
        ),
      ];
    });
  },
};
