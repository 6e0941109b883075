import type { Document } from 'yaml';
import { emitYaml } from '../engine/yaml-emit.js';
import type { z } from 'zod';
import { migrate } from '../model/migrations.js';
import { Topology } from '../model/topology.js';
import { patchDocument } from './patch-document.js';
import type { LoadProblem } from './problem.js';
import { locate, readYaml, type ParsedYaml } from './yaml-document.js';

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
 * Writes `topology` into the document it was loaded from, changing only the nodes whose values
 * differ: comments, key order and formatting elsewhere stay as the user wrote them.
 */
export function saveTopology(parsed: ParsedYaml, before: Topology, after: Topology): string {
  const document: Document = parsed.document.clone();
  patchDocument(document, before, after);
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A new topology file from a model (for a model that was not loaded from a file). */
export function stringifyTopology(topology: Topology): string {
  return emitYaml(topology).text;
}
