/**
 * The open document as text plus the last model that text (or an earlier one) gave. A parse
 * error never loses the model: the canvas keeps drawing the last valid one.
 */
import { loadTopology, saveTopology, topologyFromData } from '../../shared/io/topology-file.js';
import type { LoadProblem } from '../../shared/io/problem.js';
import { MAX_ALIAS_COUNT, readYaml, type ParsedYaml } from '../../shared/io/yaml-document.js';
import type { Topology } from '../../shared/model/topology.js';
import { readFastYaml } from '../../shared/io/fast-yaml.js';
import { editScalar, indexScalars, type ScalarSource } from './scalar-edit.js';

export interface DocumentState {
  readonly text: string;
  /** The last valid model, from `text` when `problems` is empty. */
  readonly topology: Topology | undefined;
  /**
   * The YAML document `topology` was read from, for writing changes back into it. After an edit
   * read in place (`scalars`), the text is parsed again only when this is first asked for.
   */
  readonly parsed: ParsedYaml | undefined;
  /** Why `text` is not a valid topology (empty when it is). */
  readonly problems: readonly LoadProblem[];
  /** The data `topology` was read from, as written (no defaults filled in): what the inspector edits. */
  readonly written: () => unknown;
  /** What lets the next edit inside one scalar be read without parsing the whole text. */
  readonly scalars?: () => ScalarSource;
}

export const EMPTY_DOCUMENT: DocumentState = { text: '', topology: undefined, parsed: undefined, problems: [], written: () => undefined };

/** The state after the text became `text`: the new model, or the previous one with problems. */
export function readDocument(previous: DocumentState, text: string): DocumentState {
  const edited = previous.scalars && previous.problems.length === 0 ? readScalarEdit(previous.scalars(), previous.text, text) : undefined;
  if (edited) return edited;
  // Opening (nothing read yet) is where the fast read pays: while typing, the next edit would parse
  // the text anyway (to index its scalars), so the fast read would be work on top of it.
  const quick = previous.topology === undefined ? readQuickly(text) : undefined;
  if (quick) return quick;
  const result = loadTopology(text);
  if (result.ok) {
    const { parsed } = result;
    const written = once(() => parsed.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown);
    // Indexed on the first edit: opening a file does not pay for it.
    const scalars = once(() => ({ data: written(), index: indexScalars(parsed.document, text) }));
    return { text, topology: result.topology, parsed, problems: [], written, scalars };
  }
  return {
    text,
    topology: previous.topology,
    // Not read until asked for: the previous text may itself be waiting for its parse.
    get parsed() {
      return previous.parsed;
    },
    problems: result.problems,
    written: previous.written,
  };
}

/**
 * The state of a valid topology file read by the fast reader (shared/io/fast-yaml.ts: `yaml`'s
 * lexer straight to data, equal to the full parse where it does not decline), the YAML document
 * parsed when first asked for: opening a large file does not wait for it. `undefined` where the
 * fast reader declines or the data is not a valid, current topology (the full read then words
 * the problems).
 */
function readQuickly(text: string): DocumentState | undefined {
  const documents = readFastYaml(text);
  if (documents?.length !== 1) return undefined;
  const data = documents[0]!.value;
  const result = topologyFromData(data);
  if (!result.ok || result.migratedFrom !== undefined) return undefined;
  const parse = parseWhenAsked(text);
  return {
    text,
    topology: result.topology,
    get parsed() {
      return parse();
    },
    problems: [],
    written: () => data,
    scalars: once(() => ({ data, index: indexScalars(parse().document, text) })),
  };
}

/** The full parse of a text already known to read as a valid topology, made on first call. */
function parseWhenAsked(text: string): () => ParsedYaml {
  return once(() => {
    const yaml = readYaml(text);
    if (!yaml.ok) throw new Error(`a topology read in place does not parse: ${yaml.problems[0]?.message}`);
    return yaml.parsed;
  });
}

/**
 * The state after an edit inside one scalar, read without parsing the text (`editScalar` says
 * when that reads what a full parse would); `undefined` when it cannot be, or when the result is
 * not a valid topology (the full parse then locates the problems).
 */
function readScalarEdit(source: ScalarSource, before: string, text: string): DocumentState | undefined {
  const edited = editScalar(source, before, text);
  if (!edited) return undefined;
  const result = topologyFromData(edited.data);
  if (!result.ok || result.migratedFrom !== undefined) return undefined;
  const parse = parseWhenAsked(text);
  return {
    text,
    topology: result.topology,
    get parsed() {
      return parse();
    },
    problems: [],
    written: () => edited.data,
    scalars: () => edited,
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
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
