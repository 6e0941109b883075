import { locate, type ParsedYaml } from '../shared/io/yaml-document.js';
import { formatPath } from '../shared/io/problem.js';
import type { Diagnostic } from '../shared/validation/diagnostic.js';

export interface LocatedDiagnostic {
  readonly ruleId: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly elementIds: readonly string[];
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly config?: { collectorId: string; path: string };
  readonly fix?: string;
}

/** A diagnostic with the line of the topology file its model path points at. */
export function locateDiagnostic(diagnostic: Diagnostic, parsed: ParsedYaml): LocatedDiagnostic {
  const position = diagnostic.path ? locate(parsed, diagnostic.path) : undefined;
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    elementIds: diagnostic.elementIds,
    ...(diagnostic.path ? { path: formatPath(diagnostic.path) } : {}),
    ...(position ? { line: position.line, column: position.column } : {}),
    ...(diagnostic.config ? { config: { collectorId: diagnostic.config.collectorId, path: formatPath(diagnostic.config.path) } } : {}),
    ...(diagnostic.fix ? { fix: diagnostic.fix.title } : {}),
  };
}

export function formatDiagnosticText(diagnostic: LocatedDiagnostic, file: string): string {
  const where = diagnostic.line ? `${file}:${diagnostic.line}:${diagnostic.column}` : file;
  const config = diagnostic.config ? ` [in ${diagnostic.config.collectorId}'s config at ${diagnostic.config.path}]` : '';
  const fix = diagnostic.fix ? `\n    quick fix: ${diagnostic.fix}` : '';
  return `${where}: ${diagnostic.severity} ${diagnostic.ruleId}: ${diagnostic.message}${config}${fix}`;
}

export function summary(diagnostics: readonly { severity: Diagnostic['severity'] }[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}`;
}
