import { runsInPod } from '../../engine/collector/context.js';
import { POD_IP_ENV, envReference } from '../../engine/conventions.js';
import type { Collector } from '../../model/collector.js';
import type { Topology } from '../../model/topology.js';
import { canonicalTypeOf, componentsOf, isPlainObject } from '../config-check.js';
import { emittedComponentIndex, rawValueSource, removeAt } from '../config-source.js';
import type { Diagnostic, QuickFix } from '../diagnostic.js';
import { collectorRule, diagnose, elementPath, type CollectorRule } from '../rule.js';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;
const ALL_INTERFACES = /^(|0\.0\.0\.0|::|\[::\])$/;

/** The host part of `host:port` (an absent endpoint is the receiver's default, localhost). */
function hostOf(endpoint: unknown): string {
  if (typeof endpoint !== 'string') return 'localhost';
  const colon = endpoint.lastIndexOf(':');
  return colon === -1 ? endpoint : endpoint.slice(0, colon);
}

export const receiverBindAddress: CollectorRule = collectorRule({
  id: 'receiver-bind-address',
  description:
    'A collector other collectors send to listens on an address they can reach: not localhost (contrib #33896), and in a pod its own IP rather than every interface.',
  severity: 'error',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const incoming = index.flowsTo(collector.id).filter((flow) => index.collector(flow.from) !== undefined);
    if (incoming.length === 0) return diagnostics;
    const plan = planOf(collector);
    if (plan.context.mode === 'lambda-layer') return diagnostics;
    const inPod = runsInPod(plan.context.mode);
    for (const [id, body] of Object.entries(componentsOf(plan.config, 'receivers'))) {
      if (canonicalTypeOf('receiver', id) !== 'otlp' || !isPlainObject(body) || !isPlainObject(body.protocols)) continue;
      for (const protocol of ['grpc', 'http'] as const) {
        if (!(protocol in body.protocols)) continue;
        const flows = incoming.filter((flow) => flow.protocol === protocol);
        if (flows.length === 0) continue;
        const server = body.protocols[protocol];
        const endpoint = isPlainObject(server) ? server.endpoint : undefined;
        const host = hostOf(endpoint);
        const loopback = LOOPBACK.test(host);
        if (!loopback && !(inPod && ALL_INTERFACES.test(host))) continue;

        const configPath = ['receivers', id, 'protocols', protocol, 'endpoint'];
        const raw = rawValueSource(topology, plan, configPath);
        const receiverIndex = emittedComponentIndex(plan, 'receivers', id);
        const receiver = receiverIndex === undefined ? undefined : collector.receivers[receiverIndex];
        const modelOtlp = receiver?.type === 'otlp';
        const bind = plan.context.mode === 'sidecar' ? envReference(POD_IP_ENV) : 'auto';
        const fix: QuickFix | undefined =
          modelOtlp || raw
            ? {
                title: `Listen on ${bind === 'auto' ? 'the pod IP' : bind}`,
                apply(model) {
                  const cleaned = raw ? (removeAt(model, [...raw.path]) as Topology) : model;
                  if (!modelOtlp) return cleaned;
                  return {
                    ...cleaned,
                    elements: cleaned.elements.map((element) =>
                      element.id === collector.id && element.kind === 'collector'
                        ? ({
                            ...element,
                            receivers: element.receivers.map((item, position) => (position === receiverIndex ? { ...item, bind } : item)),
                          } as Collector)
                        : element,
                    ),
                  };
                },
              }
            : undefined;
        const shown = typeof endpoint === 'string' ? `\`${endpoint}\`` : 'the default localhost address';
        diagnostics.push(
          diagnose(
            receiverBindAddress,
            topology,
            [collector.id, ...flows.map((flow) => flow.id)],
            loopback
              ? `'${collector.id}' receives ${protocol} flows from other collectors but its \`${id}\` receiver listens on ${shown}: nothing outside ${inPod ? 'the pod' : 'the host'} reaches it (contrib #33896).`
              : `'${collector.id}' listens on every interface (${shown}) in its pod: prefer the pod's own address, \`${envReference(POD_IP_ENV)}\`.`,
            {
              path: raw ? [...raw.path] : modelOtlp ? [...elementPath(topology, collector.id), 'receivers', receiverIndex!, 'bind'] : elementPath(topology, collector.id),
              config: { collectorId: collector.id, path: configPath },
              ...(loopback ? {} : { severity: 'warning' as const }),
              ...(fix ? { fix } : {}),
            },
          ),
        );
      }
    }
    return diagnostics;
  },
});
