import type { ModelPath } from '../io/problem.js';
import type { Topology } from '../model/topology.js';

export type Severity = 'error' | 'warning' | 'info';

/** A change that resolves a diagnostic: a pure function from one model to the next. */
export interface QuickFix {
  readonly title: string;
  apply(topology: Topology): Topology;
}

/**
 * One problem. It names model elements and paths, never text positions: the UI maps a path to
 * editor lines and element ids to canvas nodes.
 */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Elements concerned, the first being the one to select. */
  readonly elementIds: readonly string[];
  /** Path in the topology document (`['elements', 3, 'processors', 0]`). */
  readonly path?: ModelPath;
  /** For problems found in a generated collector config: the collector and the path in its config. */
  readonly config?: { readonly collectorId: string; readonly path: ModelPath };
  readonly fix?: QuickFix;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    (a.elementIds[0] ?? '').localeCompare(b.elementIds[0] ?? '') ||
    a.message.localeCompare(b.message)
  );
}
