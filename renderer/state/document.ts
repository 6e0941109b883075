/**
 * The open document as text plus the last model that text (or an earlier one) gave. A parse
 * error never loses the model: the canvas keeps drawing the last valid one.
 */
import { loadTopology, saveTopology } from '../../shared/io/topology-file.js';
import type { LoadProblem } from '../../shared/io/problem.js';
import type { ParsedYaml } from '../../shared/io/yaml-document.js';
import type { Topology } from '../../shared/model/topology.js';

export interface DocumentState {
  readonly text: string;
  /** The last valid model, from `text` when `problems` is empty. */
  readonly topology: Topology | undefined;
  /** The YAML document `topology` was read from, for writing changes back into it. */
  readonly parsed: ParsedYaml | undefined;
  /** Why `text` is not a valid topology (empty when it is). */
  readonly problems: readonly LoadProblem[];
}

export const EMPTY_DOCUMENT: DocumentState = { text: '', topology: undefined, parsed: undefined, problems: [] };

/** The state after the text became `text`: the new model, or the previous one with problems. */
export function readDocument(previous: DocumentState, text: string): DocumentState {
  const result = loadTopology(text);
  if (result.ok) return { text, topology: result.topology, parsed: result.parsed, problems: [] };
  return { text, topology: previous.topology, parsed: previous.parsed, problems: result.problems };
}

export type ChangeResult = { ok: true; document: DocumentState } | { ok: false; error: string };

/**
 * Applies a model change: writes the changed model into the YAML document (only the nodes that
 * differ) and reads the text back, so defaults and the model stay what the file says.
 */
export function changeDocument(document: DocumentState, change: (topology: Topology) => Topology): ChangeResult {
  if (document.problems.length > 0) return { ok: false, error: 'Fix the YAML errors first: the text and the canvas disagree.' };
  if (!document.topology || !document.parsed) return { ok: false, error: 'No topology is open.' };
  const after = change(document.topology);
  if (after === document.topology) return { ok: true, document };
  const text = saveTopology(document.parsed, document.topology, after);
  return { ok: true, document: readDocument(document, text) };
}
