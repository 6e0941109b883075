/**
 * What an export will write, for the export dialog: the files per cluster, the rest, and the
 * errors that should stop it (the user may still export anyway).
 */
import type { Bundle } from '../../shared/engine/bundle.js';
import type { LoadProblem } from '../../shared/io/problem.js';
import type { Diagnostic } from '../../shared/validation/diagnostic.js';

export interface ExportGroup {
  /** A cluster id, or undefined for the files of the whole topology (README, diagram...). */
  readonly clusterId: string | undefined;
  readonly count: number;
}

export interface ExportPlan {
  readonly total: number;
  readonly groups: readonly ExportGroup[];
  /** Why exporting now is probably a mistake: the YAML's load problems, or the rules' errors. */
  readonly errors: readonly string[];
  /** The YAML does not load: the export would be of the last valid model. */
  readonly stale: boolean;
}

export function planExport(bundle: Bundle | undefined, diagnostics: readonly Diagnostic[], problems: readonly LoadProblem[]): ExportPlan {
  const counts = new Map<string | undefined, number>();
  for (const file of bundle?.files ?? []) counts.set(file.clusterId, (counts.get(file.clusterId) ?? 0) + 1);
  const clusters = [...counts.keys()].filter((id): id is string => id !== undefined).sort();
  const groups: ExportGroup[] = clusters.map((clusterId) => ({ clusterId, count: counts.get(clusterId)! }));
  if (counts.has(undefined)) groups.push({ clusterId: undefined, count: counts.get(undefined)! });
  const errors = [
    ...problems.map((problem) => `${problem.line ? `Line ${problem.line}: ` : ''}${problem.message}`),
    ...diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.message),
  ];
  return { total: bundle?.files.length ?? 0, groups, errors, stale: problems.length > 0 };
}

export type ExportStage =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; path: string; total: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

/** The line the dialog shows for a stage. */
export function describeStage(stage: ExportStage): string {
  switch (stage.kind) {
    case 'idle': return '';
    case 'running': return stage.done === 0 ? `Preparing ${stage.total} files…` : `Writing ${stage.done} of ${stage.total} files…`;
    case 'done': return `Exported ${stage.total} files to ${stage.path}.`;
    case 'cancelled': return 'Export cancelled: nothing was written.';
    case 'failed': return `Export failed: ${stage.error}`;
  }
}
