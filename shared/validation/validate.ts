import { indexTopology } from '../graph/topology-index.js';
import { planCollector, type CollectorPlan } from '../engine/plan.js';
import type { Collector } from '../model/collector.js';
import type { Topology } from '../model/topology.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import type { Rule, RuleContext } from './rule.js';
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

/** Every problem of a topology, by every rule: a failing rule does not hide the others. */
export function validate(topology: Topology, rules: readonly Rule[] = RULES, context: RuleContext = ruleContext(topology)): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      diagnostics.push(...rule.check(context));
    } catch (error) {
      diagnostics.push({
        ruleId: rule.id,
        severity: 'warning',
        message: `rule ${rule.id} could not run: ${(error as Error).message}`,
        elementIds: [],
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
