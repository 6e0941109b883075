/** A path into the model or a YAML document: keys and sequence indexes. */
export type ModelPath = readonly (string | number)[];

/** Why a file could not be read, and where. Lines and columns are 1-based. */
export interface LoadProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: ModelPath;
}

export function formatPath(path: ModelPath): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

export function formatLoadProblem(problem: LoadProblem, file?: string): string {
  const where = [file, problem.line && `${problem.line}`, problem.line && problem.column && `${problem.column}`]
    .filter(Boolean)
    .join(':');
  const path = problem.path && problem.path.length > 0 ? ` (${formatPath(problem.path)})` : '';
  return `${where ? `${where}: ` : ''}${problem.message}${path}`;
}
