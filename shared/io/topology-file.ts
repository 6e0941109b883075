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
  if (typeof yaml.value !== 'object' || yaml.value === null || Array.isArray(yaml.value)) {
    return { ok: false, problems: [{ message: 'a topology file is a YAML mapping (schemaVersion, name, elements...)', line: 1, column: 1 }] };
  }
  const migrated = migrate(yaml.value as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, problems: [{ message: migrated.message, path: ['schemaVersion'], ...locate(yaml.parsed, ['schemaVersion']) }] };
  const result = Topology.safeParse(migrated.document);
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues, yaml.parsed) };
  return migrated.migratedFrom === undefined
    ? { ok: true, topology: result.data, parsed: yaml.parsed }
    : { ok: true, topology: result.data, parsed: yaml.parsed, migratedFrom: migrated.migratedFrom };
}

function describeIssues(issues: readonly z.core.$ZodIssue[], parsed: ParsedYaml): LoadProblem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    return { message: describeIssue(issue), path, ...locate(parsed, path) };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
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
