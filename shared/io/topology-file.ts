import { parseDocument, visit, type Document, type Node } from 'yaml';
import { emitYaml } from '../engine/yaml-emit.js';
import type { z } from 'zod';
import { migrate } from '../model/migrations.js';
import { Topology } from '../model/topology.js';
import { applyOperations, deepEqual, diffDocument } from './patch-document.js';
import type { LoadProblem } from './problem.js';
import { spliceText } from './splice-document.js';
import { locate, MAX_ALIAS_COUNT, readYaml, type ParsedYaml } from './yaml-document.js';

/** Project files end with this, so the OS and the app recognise them. */
export const TOPOLOGY_FILE_SUFFIX = '.otel-topology.yaml';

export type TopologyLoadResult =
  | { ok: true; topology: Topology; parsed: ParsedYaml; migratedFrom?: number }
  | { ok: false; problems: LoadProblem[] };

/**
 * Reads a topology file. Either the whole model or, with every problem located by line and
 * model path, nothing: a caller keeps its last valid model on failure.
 */
export function loadTopology(text: string): TopologyLoadResult {
  if (text.trim() === '') return { ok: false, problems: [{ message: 'the file is empty', line: 1, column: 1 }] };
  const yaml = readYaml(text);
  if (!yaml.ok) return yaml;
  const result = topologyFromData(yaml.value);
  if (result.ok) return { ...result, parsed: yaml.parsed };
  switch (result.problem) {
    case 'not-a-mapping':
      return { ok: false, problems: [{ message: 'a topology file is a YAML mapping (schemaVersion, name, elements...)', line: 1, column: 1 }] };
    case 'migration':
      return { ok: false, problems: [{ message: result.message, path: ['schemaVersion'], ...locate(yaml.parsed, ['schemaVersion']) }] };
    case 'schema':
      return { ok: false, problems: describeIssues(result.issues, yaml.parsed) };
  }
}

export type TopologyDataResult =
  | { ok: true; topology: Topology; migratedFrom?: number }
  | { ok: false; problem: 'not-a-mapping' }
  | { ok: false; problem: 'migration'; message: string }
  | { ok: false; problem: 'schema'; issues: readonly z.core.$ZodIssue[] };

/**
 * The model in the data a topology file holds (its YAML read as plain values): what
 * `loadTopology` does once the text is read, for a caller that has the data already. Problems
 * are not located: that needs the YAML document, which `loadTopology` has.
 */
export function topologyFromData(value: unknown): TopologyDataResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not-a-mapping' };
  const migrated = migrate(value as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, problem: 'migration', message: migrated.message };
  const result = Topology.safeParse(migrated.document);
  if (!result.success) return { ok: false, problem: 'schema', issues: result.error.issues };
  return migrated.migratedFrom === undefined
    ? { ok: true, topology: result.data }
    : { ok: true, topology: result.data, migratedFrom: migrated.migratedFrom };
}

function describeIssues(issues: readonly z.core.$ZodIssue[], parsed: ParsedYaml): LoadProblem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    return { message: describeIssue(issue), path, ...locate(parsed, path) };
  });
}

/** A schema issue in the words the app shows (an unknown `kind` lists the known ones). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return `${issue.message}: expected one of ${describeDiscriminators(issue)}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  return issue.message;
}

function describeDiscriminators(issue: z.core.$ZodIssue): string {
  const options = (issue as { options?: unknown[] }).options;
  return options ? options.map((option) => JSON.stringify(option)).join(', ') : 'a known kind';
}

/**
 * Writes `topology` into the text it was loaded from, changing only the nodes whose values
 * differ: comments, anchors, key order, blank lines and formatting elsewhere stay byte for byte.
 * The changed nodes are spliced into the text; when that cannot be done safely (a reordered
 * sequence, an edit across an anchor, a multi-line flow collection...) or the spliced text would
 * not read back as the edited document, the edited document is printed whole instead.
 */
export function saveTopology(parsed: ParsedYaml, before: Topology, after: Topology): string {
  const operations = diffDocument(parsed.document, before, after);
  if (operations.length === 0) return parsed.text;
  const document: Document = parsed.document.clone();
  applyOperations(document, operations);
  const spliced = spliceText(parsed.text, parsed.document, operations);
  if (spliced !== undefined && readsAs(spliced, document)) return spliced;
  // Node edits would reach through an alias into its anchor, or leave an alias without one:
  // the fallback edits a copy whose aliases are spelled out.
  const unaliased = expandAliases(parsed.document.clone());
  applyOperations(unaliased, operations);
  return unaliased.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function expandAliases(document: Document): Document {
  visit(document, {
    Alias: (_, alias) => {
      const target = alias.resolve(document) as Node | undefined;
      if (!target) return undefined;
      const copy = target.clone() as Node;
      delete copy.anchor;
      return copy;
    },
  });
  return document;
}

/** Whether `text` is valid YAML with the same data as `document`. */
function readsAs(text: string, document: Document): boolean {
  const reread = parseDocument(text, { uniqueKeys: true, strict: true });
  if (reread.errors.length > 0) return false;
  try {
    return deepEqual(reread.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch {
    return false;
  }
}

/** A new topology file from a model (for a model that was not loaded from a file). */
export function stringifyTopology(topology: Topology): string {
  return emitYaml(topology).text;
}
