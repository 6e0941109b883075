import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { isSeq, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Element, type Topology } from '../model/topology.js';
import { diffDocument } from './patch-document.js';
import { spliceText } from './splice-document.js';
import { loadTopology, saveTopology } from './topology-file.js';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', 'examples');
const FILES = readdirSync(EXAMPLES).filter((name) => name.endsWith('.otel-topology.yaml'));

type Edit =
  | { kind: 'replicas'; pick: number; replicas: number }
  | { kind: 'removeFlow'; pick: number }
  | { kind: 'addFlow'; from: number; to: number }
  | { kind: 'move'; pick: number; x: number; y: number };

const anEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replicas' as const), pick: fc.nat(), replicas: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('removeFlow' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('addFlow' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }),
);

/** Applies `edit`, recording which elements it touched. */
function apply(topology: Topology, edit: Edit, touched: Set<string>, serial: number): Topology {
  const pickOf = <T>(items: readonly T[], pick: number) => (items.length === 0 ? undefined : items[pick % items.length]);
  switch (edit.kind) {
    case 'replicas': {
      const collector = pickOf(topology.elements.filter((element) => element.kind === 'collector'), edit.pick);
      if (!collector) return topology;
      touched.add(collector.id);
      return { ...topology, elements: topology.elements.map((element) => (element === collector ? { ...element, replicas: edit.replicas } : element)) };
    }
    case 'removeFlow': {
      const flow = pickOf(topology.elements.filter((element) => element.kind === 'flow'), edit.pick);
      if (!flow) return topology;
      touched.add(flow.id);
      return { ...topology, elements: topology.elements.filter((element) => element !== flow) };
    }
    case 'addFlow': {
      const collectors = topology.elements.filter((element) => element.kind === 'collector');
      const from = pickOf(collectors, edit.from);
      const to = pickOf(topology.elements.filter((element) => element.kind === 'collector' || element.kind === 'backend'), edit.to);
      if (!from || !to) return topology;
      const flow = Element.parse({ kind: 'flow', id: `added-flow-${serial}`, from: from.id, to: to.id, signals: ['traces'] });
      return { ...topology, elements: [...topology.elements, flow] };
    }
    case 'move': {
      const element = pickOf(topology.elements, edit.pick);
      if (!element) return topology;
      return { ...topology, layout: { ...topology.layout, [element.id]: { x: edit.x, y: edit.y } } };
    }
  }
}

/** Each element's id and its text in `text`, from its dash to the end of its last line. */
function elementTexts(text: string, elements: Node | null | undefined): { id: string; text: string }[] {
  if (!isSeq(elements)) return [];
  return elements.items.map((item) => {
    const node = item as Node;
    const start = text.lastIndexOf('\n', node.range![0]) + 1;
    const end = text.indexOf('\n', node.range![1] - 1);
    return { id: String((node as unknown as { get(key: string): unknown }).get('id')), text: text.slice(start, end + 1) };
  });
}

describe('saveTopology on the examples', () => {
  it('GIVEN random canvas and inspector edits WHEN saved THEN the text reads as the edit and untouched elements keep their lines', () => {
    const examples = FILES.map((name) => readFileSync(join(EXAMPLES, name), 'utf8'));
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(anEdit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        const text = examples[which]!;
        const loaded = loadTopology(text);
        if (!loaded.ok) throw new Error('examples load');
        const touched = new Set<string>();
        const after = edits.reduce((topology, edit, serial) => apply(topology, edit, touched, serial), loaded.topology);

        const saved = saveTopology(loaded.parsed, loaded.topology, after);
        // The splice, not the whole-document fallback, wrote it.
        expect(spliceText(text, loaded.parsed.document, diffDocument(loaded.parsed.document, loaded.topology, after))).toBe(saved);
        const reloaded = loadTopology(saved);
        expect(reloaded.ok && reloaded.topology).toStrictEqual(after);
        for (const element of elementTexts(text, loaded.parsed.document.get('elements', true) as Node)) {
          if (!touched.has(element.id)) expect(saved, element.id).toContain(element.text);
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
