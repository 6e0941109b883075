/**
 * Core benchmark (`npm run bench`): a topology of 1,000 collectors in 200 clusters across the
 * four providers.
 *  (a) full generate + validate, against `yaml` stringify of the same output documents, in the
 *      same process (the ratio is what matters: it holds across machines);
 *  (b) one edit of a collector property → regenerate and revalidate what changed, through an
 *      engine session that reuses what did not change; median over 100 edits.
 * Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { parseAllDocuments, stringify } from 'yaml';
import { generate } from '../shared/engine/generate.js';
import { stringifyTopology } from '../shared/io/topology-file.js';
import { createEngineSession } from '../shared/engine/session.js';
import type { Collector } from '../shared/model/collector.js';
import type { Topology } from '../shared/model/topology.js';
import { validate } from '../shared/validation/validate.js';
import { syntheticTopology } from './synthetic-topology.js';

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Best of a few runs, after a warm-up, so JIT and GC noise do not decide the ratio. */
function best(runs: number, run: () => void): number {
  run();
  let fastest = Infinity;
  for (let index = 0; index < runs; index++) fastest = Math.min(fastest, time(run).ms);
  return fastest;
}

const topology = syntheticTopology();
const collectors = topology.elements.filter((element): element is Collector => element.kind === 'collector');

// The output documents, as plain data, for the baseline.
const bundle = generate(topology);
const documents = bundle.files
  .filter((file) => file.path.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(file.content).map((document) => (Array.isArray(document) ? null : document.toJS())));

let diagnosticsCount = 0;
const fullMs = best(5, () => {
  generate(topology, { topologyText: stringifyTopology(topology) });
  diagnosticsCount = validate(topology).length;
});
const stringifyMs = best(5, () => {
  for (const document of documents) stringify(document);
});

// (b) incremental: alternate a gateway's replicas, one collector per edit.
// The bundle copies the topology file as the user wrote it: in the app that text is the editor's,
// not something the engine makes, so the session is handed it like the app does.
const topologyText = stringifyTopology(topology);
const gateways = collectors.filter((collector) => collector.role === 'gateway');
const session = createEngineSession();
session.update(topology, { topologyText });
let current: Topology = topology;
const editMs: number[] = [];
for (let edit = 0; edit < 100; edit++) {
  const target = gateways[edit % gateways.length]!;
  const next: Topology = {
    ...current,
    elements: current.elements.map((element) =>
      element.id === target.id && element.kind === 'collector' ? { ...element, replicas: ((element.replicas ?? 2) % 5) + 2 } : element,
    ),
  };
  editMs.push(time(() => session.update(next, { topologyText })).ms);
  current = next;
}

console.log(
  JSON.stringify({
    collectors: collectors.length,
    clusters: topology.elements.filter((element) => element.kind === 'cluster').length,
    files: bundle.files.length,
    documents: documents.length,
    diagnostics: diagnosticsCount,
    full_ms: Math.round(fullMs * 10) / 10,
    stringify_ms: Math.round(stringifyMs * 10) / 10,
    ratio: Math.round((fullMs / stringifyMs) * 100) / 100,
    incremental_median_ms: Math.round(median(editMs) * 100) / 100,
  }),
);
