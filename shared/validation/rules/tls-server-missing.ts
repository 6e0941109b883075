import { typeOf } from '../../catalog/catalog.js';
import { canonicalType, isDeleteMarker } from '../../engine/collector/components.js';
import type { Collector } from '../../model/collector.js';
import { isPlainObject } from '../config-check.js';
import type { Flow } from '../../model/flow.js';
import type { Diagnostic } from '../diagnostic.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

/** Whether raw overrides give an OTLP receiver of the collector its own `tls` (an imported config, say). */
function overridesServeTls(collector: Collector): boolean {
  const receivers = collector.overrides?.receivers;
  if (!isPlainObject(receivers)) return false;
  return Object.entries(receivers).some(
    ([id, body]) =>
      canonicalType('receiver', typeOf(id)) === 'otlp' &&
      isPlainObject(body) &&
      isPlainObject(body.protocols) &&
      Object.values(body.protocols).some((protocol) => isPlainObject(protocol) && isPlainObject(protocol.tls) && !isDeleteMarker(protocol.tls)),
  );
}

export const tlsServerMissing: Rule = {
  id: 'tls-server-missing',
  description:
    "A flow's TLS does not match its target collector: TLS to a collector without a server certificate, mTLS without a client certificate, or plain text into a collector that requires TLS.",
  severity: 'error',
  check({ topology, index }) {
    const diagnostics: Diagnostic[] = [];
    for (const flow of index.flows) {
      const target = index.collector(flow.to);
      if (!target) continue;
      const position = topology.elements.indexOf(flow);
      const { mode } = flow.tls;
      if (mode !== 'none' && !target.tls && !overridesServeTls(target)) {
        const certSecret = `${target.id}-tls`;
        diagnostics.push(
          diagnose(
            tlsServerMissing,
            topology,
            [flow.id, target.id],
            `Flow '${flow.id}' connects to '${target.id}' with ${mode === 'mtls' ? 'mutual TLS' : 'TLS'}, but '${target.id}' has no server certificate: its receiver speaks plain text and the handshake fails. ` +
              `Give '${target.id}' a TLS certificate Secret (tls.certSecret), or send without TLS inside a trusted network.`,
            {
              path: ['elements', position, 'tls', 'mode'],
              fix: updateElement<Collector>(`Give '${target.id}' the server certificate from Secret '${certSecret}'`, target.id, (collector) => ({
                ...collector,
                tls: { certSecret, ...(mode === 'mtls' ? { clientCaSecret: `${target.id}-client-ca` } : {}) },
              })),
            },
          ),
        );
      }
      if (mode === 'mtls' && !flow.tls.clientCertSecret) {
        const clientCertSecret = `${flow.from}-client-tls`;
        diagnostics.push(
          diagnose(
            tlsServerMissing,
            topology,
            [flow.id, flow.from],
            `Flow '${flow.id}' uses mutual TLS but names no client certificate: '${flow.from}' has nothing to present to '${target.id}'. ` +
              `Set tls.clientCertSecret to a Secret (kubernetes.io/tls) with its certificate and key.`,
            {
              path: ['elements', position, 'tls'],
              fix: updateElement<Flow>(`Use client certificate Secret '${clientCertSecret}'`, flow.id, (current) => ({
                ...current,
                tls: { ...current.tls, clientCertSecret },
              })),
            },
          ),
        );
      }
      if (target.tls && mode === 'none') {
        const newMode = target.tls.clientCaSecret ? 'mtls' : 'tls';
        diagnostics.push(
          diagnose(
            tlsServerMissing,
            topology,
            [flow.id, target.id],
            `Flow '${flow.id}' sends plain text to '${target.id}', whose receiver requires TLS (certificate '${target.tls.certSecret}'): the connection is refused. ` +
              `Set the flow's TLS mode to ${newMode}.`,
            {
              path: ['elements', position, 'tls', 'mode'],
              fix: updateElement<Flow>(`Send '${flow.id}' over ${newMode === 'mtls' ? 'mutual TLS' : 'TLS'}`, flow.id, (current) => ({
                ...current,
                tls: { ...current.tls, mode: newMode, ...(newMode === 'mtls' && !current.tls.clientCertSecret ? { clientCertSecret: `${current.from}-client-tls` } : {}) },
              })),
            },
          ),
        );
      }
      if (target.tls && !target.tls.clientCaSecret && mode === 'mtls') {
        const clientCaSecret = `${target.id}-client-ca`;
        diagnostics.push(
          diagnose(
            tlsServerMissing,
            topology,
            [flow.id, target.id],
            `Flow '${flow.id}' uses mutual TLS, but '${target.id}' does not check client certificates (no tls.clientCaSecret): any client that reaches it can send. ` +
              `Give '${target.id}' the CA that signs its clients' certificates.`,
            {
              severity: 'warning',
              path: ['elements', topology.elements.indexOf(target), 'tls'],
              fix: updateElement<Collector>(`Check client certificates on '${target.id}' with CA Secret '${clientCaSecret}'`, target.id, (collector) => ({
                ...collector,
                tls: { ...collector.tls!, clientCaSecret },
              })),
            },
          ),
        );
      }
      if (target.tls?.clientCaSecret && mode === 'tls') {
        const clientCertSecret = flow.tls.clientCertSecret ?? `${flow.from}-client-tls`;
        diagnostics.push(
          diagnose(
            tlsServerMissing,
            topology,
            [flow.id, target.id],
            `Flow '${flow.id}' connects to '${target.id}' with TLS but no client certificate, and '${target.id}' requires one (client CA '${target.tls.clientCaSecret}'): the handshake fails. ` +
              `Use mutual TLS with a client certificate Secret.`,
            {
              path: ['elements', position, 'tls', 'mode'],
              fix: updateElement<Flow>(`Send '${flow.id}' over mutual TLS`, flow.id, (current) => ({
                ...current,
                tls: { ...current.tls, mode: 'mtls', clientCertSecret },
              })),
            },
          ),
        );
      }
    }
    return diagnostics;
  },
};
