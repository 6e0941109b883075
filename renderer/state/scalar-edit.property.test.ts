import fc from 'fast-check';
import { isScalar, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadTopology } from '../../shared/io/topology-file.js';
import { locate, readYaml } from '../../shared/io/yaml-document.js';
// @ts-expect-error -- a plain script without types; what is used of it is typed below.
import * as uiBench from '../../bench/ui-bench.mjs';
import { TEMPLATES } from '../templates.js';
import { EMPTY_DOCUMENT, readDocument, type DocumentState } from './document.js';
import { editScalar } from './scalar-edit.js';

const { benchTopology } = uiBench as { benchTopology(size: { sites: number; clustersPerSite: number; agents: number; extraLogFlows: number }): { text: string } };

const TEXTS: Array<[string, string]> = [
  ...TEMPLATES.map((template): [string, string] => [template.id, template.text]),
  // The UI benchmark's topology, smaller: the same shapes, a quicker full parse per case.
  ['ui-bench', benchTopology({ sites: 2, clustersPerSite: 2, agents: 20, extraLogFlows: 7 }).text],
];

/** Every scalar's text range (keys, values, quoted, block; not only the ones an edit reads in place). */
function scalarRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const result = readYaml(text);
  if (!result.ok) throw new Error(`${result.problems[0]?.message}`);
  visit(result.parsed.document, {
    Scalar: (_, node) => {
      if (isScalar(node) && node.range) ranges.push([node.range[0], node.range[1]]);
    },
  });
  return ranges;
}

/** Replaces part of a scalar (or a little around it) with a few characters, some of which end or change a scalar. */
const anEdit = fc.record({
  pick: fc.nat(),
  from: fc.nat({ max: 12 }),
  length: fc.nat({ max: 4 }),
  reach: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: -1, max: 1 }), weight: 1 }),
  replacement: fc.oneof(
    { arbitrary: fc.stringMatching(/^[a-z0-9]{1,3}$/), weight: 3 },
    fc.stringMatching(/^[0-9]{0,3}$/),
    fc.stringMatching(/^[a-z0-9.-]{0,4}$/),
    fc.string({ unit: fc.constantFrom('a', 'Z', '0', '7', ' ', ':', '#', '-', '.', '"', "'", '\n', ',', '[', '&', '*', '!', 'e', 'true', 'null', '~'), maxLength: 4 }),
  ),
});

type Edit = typeof anEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, ranges: ReadonlyArray<[number, number]>, edit: Edit): string {
  const [start, end] = ranges[edit.pick % ranges.length]!;
  const from = Math.max(0, Math.min(start + edit.from, end) + Math.min(edit.reach, 0));
  const to = Math.min(text.length, from + edit.length + Math.max(edit.reach, 0));
  return text.slice(0, from) + edit.replacement + text.slice(to);
}

/** What a full parse reads: the state the app had before reading edits in place. */
function fullRead(previous: DocumentState, text: string): DocumentState {
  const result = loadTopology(text);
  if (!result.ok) return { ...previous, text, problems: result.problems };
  const written = result.parsed.document.toJS();
  return { text, topology: result.topology, parsed: result.parsed, problems: [], written: () => written };
}

describe('edits read in place', () => {
  it.each(TEXTS)('GIVEN %s and random edits in and around scalars THEN each state equals a full parse of its text', (_name, original) => {
    let inPlace = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(anEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        let document = readDocument(EMPTY_DOCUMENT, original);
        let expected = fullRead(EMPTY_DOCUMENT, original);
        for (const edit of edits) {
          const text = applyEdit(document.text, document.problems.length === 0 ? scalarRanges(document.text) : [[0, document.text.length]], edit);
          total++;
          if (document.scalars && document.problems.length === 0 && editScalar(document.scalars(), document.text, text)) inPlace++;
          document = readDocument(document, text);
          expected = fullRead(expected, text);
          // THEN the model, the problems (with their lines) and the text are the full parse's.
          expect(document.text).toBe(text);
          expect(document.topology).toStrictEqual(expected.topology);
          expect(document.problems).toStrictEqual(expected.problems);
          expect(document.written()).toStrictEqual(expected.written());
          expect(document.parsed?.text).toBe(expected.parsed?.text);
          // Positions, through the parsed document, and the comments it keeps.
          if (document.parsed && expected.parsed) {
            expect(String(document.parsed.document)).toBe(String(expected.parsed.document));
            for (const [index, element] of (document.topology?.elements ?? []).entries()) {
              for (const key of Object.keys(element)) {
                expect(locate(document.parsed, ['elements', index, key])).toStrictEqual(locate(expected.parsed, ['elements', index, key]));
              }
            }
          }
        }
      }),
      { numRuns: 80, seed: 46 },
    );
    // The edits exercise both ways of reading (most land on keys, ids and names a change makes invalid).
    expect(inPlace).toBeGreaterThanOrEqual(10);
    expect(inPlace).toBeLessThan(total);
  });
});
