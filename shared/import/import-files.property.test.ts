import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Topology } from '../model/topology.js';
import { importFiles, type ImportFile } from './import-files.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(FIXTURES).map((name) => readFileSync(join(FIXTURES, name), 'utf8'));

/** Whatever the input: no throw, and either a valid topology without errors or located errors and nothing else. */
function expectWholeOrNothing(files: ImportFile[]): void {
  const result = importFiles(files);
  const errors = result.report.problems.filter((problem) => problem.severity === 'error');
  for (const problem of result.report.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
    // The safety net must never be what catches a problem: that would be a crash.
    expect(problem.message).not.toMatch(/^import failed/);
  }
  if (result.topology) {
    expect(errors).toStrictEqual([]);
    // The import adds the overrides to an already parsed topology: parsing it again must change nothing.
    expect(JSON.stringify(Topology.parse(result.topology))).toBe(JSON.stringify(result.topology));
  } else {
    expect(errors.length).toBeGreaterThan(0);
  }
}

const SPECIAL = [':', '-', ' ', '\n', '\t', '[', ']', '{', '}', '&a', '*a', '!', '|', '>', "'", '"', '#', '?', ',', '%', '@', '`', '\u0000', '\ufeff', '---\n', '<<: *a\n', 'null', '~'];

/** A fixture with a few random edits: deleted, duplicated or swapped slices and inserted YAML punctuation. */
const mutatedFixture = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(
      fc.tuple(fc.nat({ max: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...SPECIAL)),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) => {
    let mutated = text;
    for (const [operation, where, length, insert] of edits) {
      const start = Math.floor(where * mutated.length);
      const end = Math.min(mutated.length, start + Math.floor(length * 80));
      switch (operation) {
        case 0: mutated = mutated.slice(0, start) + mutated.slice(end); break;
        case 1: mutated = mutated.slice(0, end) + mutated.slice(start, end) + mutated.slice(end); break;
        case 2: mutated = mutated.slice(0, start) + insert + mutated.slice(start); break;
        default: {
          const lines = mutated.split('\n');
          const a = Math.floor(where * lines.length);
          const b = Math.floor(length * lines.length);
          [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
          mutated = lines.join('\n');
        }
      }
    }
    return mutated;
  });

const SECTIONS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions', 'service', 'apiVersion', 'kind', 'spec', 'config', 'mode', 'data', 'metadata'];
/** Generated YAML shaped like a config or a manifest, with values of any JSON type in any place. */
const structuredYaml = fc
  .dictionary(fc.constantFrom(...SECTIONS), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 })
  .map((value) => stringify(value));

describe('importFiles under generated and mutated input (property)', () => {
  it('GIVEN mutated fixtures WHEN imported THEN it never throws and imports all or nothing', () => {
    fc.assert(fc.property(mutatedFixture, (text) => expectWholeOrNothing([{ path: 'mutated.yaml', text }])), { seed: 20_251_125, numRuns: 1200 });
  });

  it('GIVEN arbitrary text, binary included WHEN imported THEN it never throws and imports all or nothing', () => {
    const text = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.stringMatching(/^[a-z:\-\[\]{}&*!|> \n"']{0,200}$/));
    fc.assert(fc.property(text, (input) => expectWholeOrNothing([{ path: 'random.yaml', text: input }])), { seed: 7, numRuns: 1500 });
  });

  it('GIVEN generated configs and manifests, alone or beside a valid file WHEN imported THEN it never throws and imports all or nothing', () => {
    fc.assert(
      fc.property(structuredYaml, fc.boolean(), (text, withValid) =>
        expectWholeOrNothing([{ path: 'generated.yaml', text }, ...(withValid ? [{ path: 'valid.yaml', text: fixtures[0]!, collector: 'valid' }] : [])]),
      ),
      { seed: 42, numRuns: 1200 },
    );
  });
});
