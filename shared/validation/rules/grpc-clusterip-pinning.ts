import { compareVersions } from '../../catalog/versions.js';
import { serviceHost } from '../../engine/collector/exporters.js';
import { OTLP_GRPC_PORT, headlessServiceName } from '../../engine/conventions.js';
import { isMultiInstance, resolvedMode } from '../../graph/topology-index.js';
import type { Topology } from '../../model/topology.js';
import { canonicalTypeOf, componentsOf, isPlainObject } from '../config-check.js';
import { rawValueSource, setAt } from '../config-source.js';
import type { Diagnostic, QuickFix } from '../diagnostic.js';
import { collectorRule, writesRawConfig, diagnose, elementPath, type CollectorRule } from '../rule.js';

/** Since 0.145 an empty `balancer_name` really means round_robin (collector #14090). */
const ROUND_ROBIN_DEFAULT_SINCE = '0.145.0';

interface Endpoint {
  readonly scheme: string | undefined;
  readonly labels: readonly string[];
  readonly port: string | undefined;
}

function parseEndpoint(endpoint: string): Endpoint {
  const match = /^([a-z][a-z0-9+.-]*):\/\/\/?(.*)$/i.exec(endpoint);
  const scheme = match ? match[1]!.toLowerCase() : undefined;
  const rest = match ? match[2]! : endpoint;
  const colon = rest.lastIndexOf(':');
  const host = colon === -1 ? rest : rest.slice(0, colon);
  return { scheme, labels: host.replace(/\.$/, '').toLowerCase().split('.'), port: colon === -1 ? undefined : rest.slice(colon + 1) };
}

export const grpcClusteripPinning: CollectorRule = collectorRule({
  id: 'grpc-clusterip-pinning',
  description:
    'An OTLP gRPC exporter to a collector with several replicas resolves its headless Service with `dns:///` and round_robin: through a ClusterIP one connection pins to one pod (collector #4274).',
  severity: 'warning',
  // Raw config may name any collector of the topology; the engine's own endpoints only name neighbours.
  readsAnyCollector: ({ index }, collector) => writesRawConfig(index, collector),
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    const namespace = index.clusterOf(collector)?.namespace;
    for (const [id, body] of Object.entries(componentsOf(plan.config, 'exporters'))) {
      if (canonicalTypeOf('exporter', id) !== 'otlp_grpc' || !isPlainObject(body) || typeof body.endpoint !== 'string') continue;
      const endpoint = parseEndpoint(body.endpoint);
      const [name, targetNamespace, svc] = endpoint.labels;
      if (endpoint.labels.length > 2 && svc !== 'svc') continue;
      const named = [index.collector(name ?? ''), index.collector((name ?? '').replace(/-headless$/, ''))];
      const target = named.find(
        (candidate) =>
          candidate !== undefined && candidate.cluster === collector.cluster && (candidate.id === name || headlessServiceName(candidate.id) === name),
      );
      const targetCluster = target && index.clusterOf(target);
      if (!target || !targetCluster || (targetNamespace ?? namespace) !== targetCluster.namespace) continue;
      const mode = resolvedMode(target, targetCluster);
      if ((mode !== 'deployment' && mode !== 'statefulset') || !isMultiInstance(target, targetCluster)) continue;

      const headless = name === headlessServiceName(target.id);
      const balancer = typeof body.balancer_name === 'string' ? body.balancer_name : undefined;
      const roundRobin = balancer === 'round_robin' || (balancer === undefined && compareVersions(plan.context.version, ROUND_ROBIN_DEFAULT_SINCE) >= 0);
      if (headless && endpoint.scheme === 'dns' && roundRobin) continue;
      const problem = !headless
        ? `\`${body.endpoint}\` is the ClusterIP Service of '${target.id}': gRPC keeps one connection, and the Service sends it to one of its pods`
        : endpoint.scheme !== 'dns'
          ? `\`${body.endpoint}\` has no \`dns:///\` scheme: gRPC connects to one of the headless Service's addresses and stays there`
          : `\`${body.endpoint}\` uses the ${balancer ?? 'pick_first (the default before 0.145)'} balancer, which sticks to one address`;

      const endpointPath = ['exporters', id, 'endpoint'];
      const raw = rawValueSource(topology, plan, endpointPath);
      const wanted = `dns:///${serviceHost(target, targetCluster.namespace, true)}:${endpoint.port ?? OTLP_GRPC_PORT}`;
      let fix: QuickFix | undefined;
      if (raw && planOf(target).exposure.headless) {
        const container = raw.path.slice(0, -1);
        fix = {
          title: `Resolve every pod of '${target.id}' with round_robin`,
          apply: (model) =>
            setAt(setAt(model, [...container, 'endpoint'], wanted), [...container, 'balancer_name'], 'round_robin') as Topology,
        };
      }
      diagnostics.push(
        diagnose(
          grpcClusteripPinning,
          topology,
          [collector.id, target.id],
          `'${collector.id}' exports to '${target.id}' (several replicas) over gRPC, but ${problem}: the other replicas get nothing from it (collector #4274). ` +
            `Use \`${wanted}\` with \`balancer_name: round_robin\`.`,
          {
            path: raw ? [...raw.path] : elementPath(topology, collector.id),
            config: { collectorId: collector.id, path: endpointPath },
            ...(fix ? { fix } : {}),
          },
        ),
      );
    }
    return diagnostics;
  },
});
