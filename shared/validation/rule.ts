import type { TopologyIndex } from '../graph/topology-index.js';
import type { CollectorPlan } from '../engine/plan.js';
import type { Collector } from '../model/collector.js';
import type { Element, ElementKind, Topology } from '../model/topology.js';
import type { Diagnostic, QuickFix, Severity } from './diagnostic.js';

/** What a rule sees: the model, its lookups, and the engine's plan of each collector. */
export interface RuleContext {
  readonly topology: Topology;
  readonly index: TopologyIndex;
  /** The generated config and deployment needs of a collector (memoised). */
  plan(collector: Collector): CollectorPlan;
  /**
   * A value that changes whenever anything a per-collector rule may read about this collector
   * changes; the validator reuses such a rule's last diagnostics while it is the same. Without
   * it the plan object plays that part.
   */
  version?(collector: Collector): unknown;
}

export interface Rule {
  /** Stable, kebab-case: users silence and search rules by it. */
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  check(context: RuleContext): Diagnostic[];
}

/**
 * A rule about one collector at a time (its generated config, its processors). The validator
 * can then re-check only the collectors an edit touched.
 */
export interface CollectorRule extends Rule {
  checkCollector(context: RuleContext, collector: Collector): Diagnostic[];
  /**
   * Whether, for this collector, the check may look up collectors that are not its flow
   * neighbours (by a name written in raw config): such results cannot be reused just because
   * the neighbourhood is unchanged.
   */
  readsAnyCollector?(context: RuleContext, collector: Collector): boolean;
}

export function collectorRule(rule: Omit<CollectorRule, 'check'>): CollectorRule {
  return {
    ...rule,
    check: (context) => context.index.collectors.flatMap((collector) => rule.checkCollector(context, collector)),
  };
}

/** Whether raw config (the collector's overrides, a backend's config) shapes this collector's config. */
export function writesRawConfig(index: TopologyIndex, collector: Collector): boolean {
  if (collector.overrides !== undefined) return true;
  if (collector.receivers.some((receiver) => receiver.config !== undefined)) return true;
  if (collector.processors.some((processor) => 'config' in processor && processor.config !== undefined)) return true;
  return index.flowsFrom(collector.id).some((flow) => {
    const target = index.target(flow);
    return target?.kind === 'backend' && (target.config !== undefined || target.type === 'otlp' || target.type === 'otlphttp');
  });
}

export function isCollectorRule(rule: Rule): rule is CollectorRule {
  return 'checkCollector' in rule;
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
