import { indexTopology } from '../graph/topology-index.js';
import { planCollector, type CollectorPlan } from '../engine/plan.js';
import type { Collector } from '../model/collector.js';
import type { Topology } from '../model/topology.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { isCollectorRule, type CollectorRule, type Rule, type RuleContext } from './rule.js';
import { RULES } from './rules/index.js';

export function ruleContext(topology: Topology, plan?: (collector: Collector) => CollectorPlan): RuleContext {
  const index = indexTopology(topology);
  const plans = new Map<Collector, CollectorPlan>();
  return {
    topology,
    index,
    plan:
      plan ??
      ((collector) => {
        let cached = plans.get(collector);
        if (!cached) plans.set(collector, (cached = planCollector(index, collector)));
        return cached;
      }),
  };
}

/**
 * Diagnostics of the per-collector rules from the last run, reused for a collector while its
 * version (`RuleContext.version`, else its plan object) is the same, the rules are the same and
 * no element moved (diagnostics carry element indexes).
 */
export interface ValidationCache {
  elementOrder?: string;
  rules?: readonly Rule[];
  /** Per collector id. */
  readonly results: Map<string, { version: unknown; diagnostics: Diagnostic[] }>;
}

export function createValidationCache(): ValidationCache {
  return { results: new Map() };
}

/** Runs one check; a rule that throws becomes a warning about itself. */
function guarded(rule: Rule, check: () => Diagnostic[], subject = ''): Diagnostic[] {
  try {
    return check();
  } catch (error) {
    return [
      {
        ruleId: rule.id,
        severity: 'warning',
        message: `rule ${rule.id} could not run${subject}: ${(error as Error).message}`,
        elementIds: [],
      },
    ];
  }
}

/** Every problem of a topology, by every rule: a failing rule does not hide the others. */
export function validate(
  topology: Topology,
  rules: readonly Rule[] = RULES,
  context: RuleContext = ruleContext(topology),
  cache?: ValidationCache,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const perCollector: CollectorRule[] = [];
  for (const rule of rules) {
    if (cache && isCollectorRule(rule)) perCollector.push(rule);
    else diagnostics.push(...guarded(rule, () => rule.check(context)));
  }
  if (cache && perCollector.length > 0) {
    const order = topology.elements.map((element) => element.id).join('\n');
    if (cache.elementOrder !== order || cache.rules !== rules) cache.results.clear();
    cache.elementOrder = order;
    cache.rules = rules;
    for (const collector of context.index.collectors) {
      const version = context.version ? context.version(collector) : context.plan(collector);
      const check = (rule: CollectorRule) => guarded(rule, () => rule.checkCollector(context, collector), ` on '${collector.id}'`);
      let entry = cache.results.get(collector.id);
      if (!entry || entry.version !== version) {
        entry = { version, diagnostics: perCollector.flatMap((rule) => (rule.readsAnyCollector?.(context, collector) ? [] : check(rule))) };
        cache.results.set(collector.id, entry);
      }
      for (const diagnostic of entry.diagnostics) diagnostics.push(diagnostic);
      // Checks that read beyond the neighbourhood run every time.
      for (const rule of perCollector) if (rule.readsAnyCollector?.(context, collector)) diagnostics.push(...check(rule));
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
