import { emitFlowExporters, serviceHost } from '../../engine/collector/exporters.js';
import { headlessServiceName } from '../../engine/conventions.js';
import type { CollectorPlan } from '../../engine/plan.js';
import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Collector } from '../../model/collector.js';
import type { Flow } from '../../model/flow.js';
import { canonicalTypeOf, componentsOf, isPlainObject } from '../config-check.js';
import { rawValueSource, setModelValue } from '../config-source.js';
import type { Diagnostic, QuickFix } from '../diagnostic.js';
import { collectorRule, writesRawConfig, diagnose, elementPath, updateElement, type CollectorRule } from '../rule.js';

type Verdict =
  | { readonly ok: true }
  /** `headless`: the Service the host name should have been, where there is one. */
  | { readonly ok: false; readonly problem: string; readonly headless?: Collector };

/**
 * Whether a host name is a headless Service the engine emits and the sender can resolve:
 * `<collector>-headless[.<namespace>[.svc[.<cluster domain>]]]`.
 */
function judge(hostname: string, sender: Collector, index: TopologyIndex, planOf: (collector: Collector) => CollectorPlan): Verdict {
  const labels = hostname.replace(/\.$/, '').toLowerCase().split('.');
  const [service, namespace, svc] = labels;
  const senderNamespace = index.clusterOf(sender)?.namespace;
  const named = index.collector((service ?? '').replace(/-headless$/, ''));
  const target = named && headlessServiceName(named.id) === service ? named : undefined;
  if (target) {
    const targetNamespace = index.clusterOf(target)?.namespace;
    if (target.cluster !== sender.cluster) {
      return { ok: false, problem: `is a Service of cluster '${target.cluster}', which DNS in cluster '${sender.cluster}' does not resolve` };
    }
    if (labels.length > 2 && svc !== 'svc') return { ok: false, problem: 'is not a cluster Service name' };
    if ((namespace ?? senderNamespace) !== targetNamespace) {
      return { ok: false, problem: `names namespace '${namespace ?? senderNamespace}', but '${target.id}' runs in '${targetNamespace}'`, headless: target };
    }
    if (!planOf(target).exposure.headless) {
      return { ok: false, problem: `names a headless Service of '${target.id}' that is not generated (no flow balances over its pods)` };
    }
    return { ok: true };
  }
  const sameName = index.collector(service ?? '');
  const clusterIp = sameName?.cluster === sender.cluster ? sameName : undefined;
  if (clusterIp) {
    return {
      ok: false,
      problem: `is the ClusterIP Service of '${clusterIp.id}', which resolves to one virtual IP: all traffic goes to whichever pod that connection reaches`,
      headless: planOf(clusterIp).exposure.headless ? clusterIp : undefined,
    };
  }
  return { ok: false, problem: 'is not a headless Service this design generates, so it may resolve to a single address' };
}

/** The balanced flow behind a load_balancing exporter of the generated config. */
function flowOf(plan: CollectorPlan, exporterId: string): Flow | undefined {
  return emitFlowExporters(plan.context).find((exporter) => exporter.id === exporterId)?.flow;
}

export const dnsResolverNonHeadless: CollectorRule = collectorRule({
  id: 'dns-resolver-non-headless',
  description:
    'A load_balancing exporter’s dns resolver looks up a headless Service, whose DNS answer lists every pod (contrib #27014, helm-charts #61).',
  severity: 'error',
  // Raw config may name any collector of the topology; the engine's own endpoints only name neighbours.
  readsAnyCollector: ({ index }, collector) => writesRawConfig(index, collector) || index.flowsFrom(collector.id).some((flow) => flow.balancing?.hostnames !== undefined),
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    for (const [id, body] of Object.entries(componentsOf(plan.config, 'exporters'))) {
      if (canonicalTypeOf('exporter', id) !== 'load_balancing' || !isPlainObject(body)) continue;
      const resolver = body.resolver;
      const dns = isPlainObject(resolver) ? resolver.dns : undefined;
      const hostname = isPlainObject(dns) ? dns.hostname : undefined;
      if (typeof hostname !== 'string') continue;
      const verdict = judge(hostname, collector, index, planOf);
      if (verdict.ok) continue;
      const configPath = ['exporters', id, 'resolver', 'dns', 'hostname'];
      const flow = flowOf(plan, id);
      const raw = rawValueSource(topology, plan, configPath);
      const fromFlow = !raw && flow?.balancing?.hostnames?.[0] === hostname;
      const target = verdict.headless ?? (flow ? index.collector(flow.to) : undefined);
      const targetNamespace = target && index.clusterOf(target)?.namespace;
      const suggestion = target && targetNamespace && target.cluster === collector.cluster ? serviceHost(target, targetNamespace, true) : undefined;
      const usable = suggestion !== undefined && target !== undefined && planOf(target).exposure.headless;
      let fix: QuickFix | undefined;
      if (usable && raw) fix = setModelValue(`Resolve ${suggestion}`, raw.path, suggestion);
      else if (usable && fromFlow && flow && flow.to === target.id) {
        // Without host names the engine resolves the target's headless Service.
        fix = updateElement<Flow>(`Resolve ${suggestion}`, flow.id, (current) => {
          const { hostnames: _hostnames, ...balancing } = current.balancing!;
          return { ...current, balancing };
        });
      }
      const elementIds = [collector.id, ...(raw ? [] : flow ? [flow.id] : [])];
      diagnostics.push(
        diagnose(
          dnsResolverNonHeadless,
          topology,
          elementIds,
          `The dns resolver of \`${id}\` in '${collector.id}' looks up \`${hostname}\`, which ${verdict.problem} (contrib #27014, helm-charts #61).` +
            (suggestion && usable ? ` Use the headless Service \`${suggestion}\`.` : ' Point it at a headless Service, or use the k8s resolver.'),
          {
            path: raw
              ? [...raw.path]
              : fromFlow && flow
                ? [...elementPath(topology, flow.id), 'balancing', 'hostnames', 0]
                : flow
                  ? elementPath(topology, flow.id)
                  : elementPath(topology, collector.id),
            config: { collectorId: collector.id, path: configPath },
            ...(fix ? { fix } : {}),
          },
        ),
      );
    }
    return diagnostics;
  },
});
