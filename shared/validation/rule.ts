import type { TopologyIndex } from '../graph/topology-index.js';
import type { CollectorPlan } from '../engine/plan.js';
import type { Collector } from '../model/collector.js';
import type { Element, Topology } from '../model/topology.js';
import type { Diagnostic, QuickFix, Severity } from './diagnostic.js';

/** What a rule sees: the model, its lookups, and the engine's plan of each collector. */
export interface RuleContext {
  readonly topology: Topology;
  readonly index: TopologyIndex;
  /** The generated config and deployment needs of a collector (memoised). */
  plan(collector: Collector): CollectorPlan;
}

export interface Rule {
  /** Stable, kebab-case: users silence and search rules by it. */
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  check(context: RuleContext): Diagnostic[];
}

/** Index of an element in `topology.elements`, for model paths. */
export function elementPath(topology: Topology, elementId: string): (string | number)[] {
  const index = topology.elements.findIndex((element) => element.id === elementId);
  return index === -1 ? [] : ['elements', index];
}

/** A quick fix that rewrites one element (by id) and leaves every other object as it was. */
export function updateElement<E extends Element>(
  title: string,
  elementId: string,
  update: (element: E) => E,
): QuickFix {
  return {
    title,
    apply(topology) {
      return {
        ...topology,
        elements: topology.elements.map((element) => (element.id === elementId ? update(element as E) : element)),
      };
    },
  };
}

/** Builds a diagnostic of `rule` about an element, with its model path. */
export function diagnose(
  rule: Pick<Rule, 'id' | 'severity'>,
  topology: Topology,
  elementIds: readonly string[],
  message: string,
  extra: { path?: (string | number)[]; fix?: QuickFix; config?: Diagnostic['config']; severity?: Diagnostic['severity'] } = {},
): Diagnostic {
  const path = extra.path ?? elementPath(topology, elementIds[0] ?? '');
  return {
    ruleId: rule.id,
    severity: extra.severity ?? rule.severity,
    message,
    elementIds,
    ...(path.length > 0 ? { path } : {}),
    ...(extra.config ? { config: extra.config } : {}),
    ...(extra.fix ? { fix: extra.fix } : {}),
  };
}
