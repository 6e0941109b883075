import { parseCpu, parseMemory } from '../../engine/quantities.js';
import { resolvedMode } from '../../graph/topology-index.js';
import type { Collector, DeploymentMode } from '../../model/collector.js';
import { collectorRule, diagnose, updateElement, type CollectorRule } from '../rule.js';
import type { Diagnostic } from '../diagnostic.js';

/** Modes whose container gets resource limits (Knative too: Cloud Run sizes its instances by them). */
const CONTAINER_MODES: ReadonlySet<DeploymentMode> = new Set(['daemonset', 'deployment', 'statefulset', 'sidecar', 'knative']);

/** The model's default limits. */
const DEFAULT_LIMITS = { cpu: '1', memory: '512Mi' } as const;

type Resource = keyof typeof DEFAULT_LIMITS;

const EFFECTS: Record<Resource, string> = {
  memory:
    "without a memory limit the collector gets no GOMEMLIMIT, the memory_limiter's percentages apply to the node's whole memory, and an overload exhausts the node instead of restarting one pod",
  cpu: 'without a CPU limit a burst of telemetry can starve the workloads on its node',
};

/** `quantity`, or `floor` where that is larger: the API server rejects a limit below the request. */
function atLeast(quantity: string, floor: string | undefined, parse: (text: string) => number | undefined): string {
  return floor !== undefined && (parse(floor) ?? 0) > (parse(quantity) ?? 0) ? floor : quantity;
}

export const missingResourceLimits: CollectorRule = collectorRule({
  id: 'missing-resource-limits',
  description:
    'A collector container without a CPU or memory limit: it can starve its node, and without a memory limit GOMEMLIMIT and the memory_limiter have nothing to size from.',
  severity: 'warning',
  checkCollector({ topology, index }, collector): Diagnostic[] {
    const mode = resolvedMode(collector, index.clusterOf(collector));
    if (!CONTAINER_MODES.has(mode)) return [];
    const { limits, requests } = collector.resources;
    const missing = (['cpu', 'memory'] as const).filter((resource) => !limits[resource]);
    if (missing.length === 0) return [];
    const proposed: Record<Resource, string> = {
      cpu: atLeast(DEFAULT_LIMITS.cpu, requests.cpu, parseCpu),
      memory: atLeast(DEFAULT_LIMITS.memory, requests.memory, parseMemory),
    };
    const added = Object.fromEntries(missing.map((resource) => [resource, proposed[resource]]));
    return [
      diagnose(
        missingResourceLimits,
        topology,
        [collector.id],
        `Collector '${collector.id}' (${mode}) has no ${missing.join(' or ')} limit: ${missing.map((resource) => EFFECTS[resource]).join('; ')}. ` +
          `Set ${missing.map((resource) => `resources.limits.${resource}`).join(' and ')}.`,
        {
          path: ['elements', topology.elements.indexOf(collector), 'resources', 'limits'],
          fix: updateElement<Collector>(
            `Limit '${collector.id}' to ${missing.map((resource) => `${proposed[resource]} ${resource}`).join(' and ')}`,
            collector.id,
            (current) => ({ ...current, resources: { ...current.resources, limits: { ...current.resources.limits, ...added } } }),
          ),
        },
      ),
    ];
  },
});
