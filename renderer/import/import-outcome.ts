/**
 * File › Import in the app: the files the platform read go through the shared importer (pure, so
 * it runs in the page), and come out as the text of a new topology, if any, and the report the
 * import dialog shows.
 */
import { importFiles, type ImportReport } from '../../shared/import/import-files.js';
import { stringifyTopology } from '../../shared/io/topology-file.js';

export interface ImportOutcome {
  /** The new document's text; absent when nothing could be imported. */
  readonly text?: string;
  readonly report: ImportReport;
  /** One sentence: what was imported, or why nothing was. */
  readonly summary: string;
  /** The files' common folder, left out of the locations the dialog shows. */
  readonly baseDir: string;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The folder all `paths` share ('' when none), with its trailing separator. */
export function commonDirectory(paths: readonly string[]): string {
  const dirs = paths.map((path) => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
  if (dirs.length === 0) return '';
  let common = dirs[0]!;
  for (const dir of dirs.slice(1)) while (!dir.startsWith(common)) common = common.slice(0, Math.max(common.slice(0, -1).lastIndexOf('/'), common.slice(0, -1).lastIndexOf('\\')) + 1);
  return common;
}

/** `file:line:column` of a report entry, without the common folder. */
export function location(entry: { file: string; line: number; column: number }, baseDir: string): string {
  const file = baseDir !== '' && entry.file.startsWith(baseDir) ? entry.file.slice(baseDir.length) : entry.file;
  return `${file}:${entry.line}:${entry.column}`;
}

export function runImport(files: ReadonlyArray<{ path: string; text: string }>): ImportOutcome {
  const baseDir = commonDirectory(files.map((file) => file.path));
  let result: ReturnType<typeof importFiles>;
  try {
    result = importFiles(files.map(({ path, text }) => ({ path, text })));
  } catch (error) {
    // The importer reports problems rather than throwing; this is the last line of defence.
    const message = `the importer failed: ${error instanceof Error ? error.message : String(error)}`;
    const report: ImportReport = { recognised: [], overrides: [], notes: [], problems: [{ file: files[0]?.path ?? '', line: 1, column: 1, message, severity: 'error' }] };
    return { report, summary: `Nothing was imported from ${plural(files.length, 'file')}: ${message}.`, baseDir };
  }
  const { topology, report } = result;
  if (!topology) {
    const errors = report.problems.filter((problem) => problem.severity === 'error').length;
    return {
      report,
      summary: `Nothing was imported from ${plural(files.length, 'file')}: ${plural(errors, 'error')}. The current document is unchanged.`,
      baseDir,
    };
  }
  const count = (kind: string) => topology.elements.filter((element) => element.kind === kind).length;
  const warnings = report.problems.length;
  return {
    text: stringifyTopology(topology),
    report,
    summary:
      `Imported ${plural(count('collector'), 'collector')}, ${plural(count('backend'), 'backend')} and ${plural(count('flow'), 'flow')} ` +
      `from ${plural(files.length, 'file')} as a new, unsaved topology; ${plural(report.overrides.length, 'override path')}` +
      `${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}.`,
    baseDir,
  };
}
