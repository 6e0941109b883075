import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, parseAllDocuments, stringify, type ToStringOptions } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STRICT_PARSE } from '../io/yaml-document.js';
import type { ConfigPath } from '../validation/config-check.js';
import { readFastYaml } from '../io/fast-yaml.js';
import { walk } from './yaml-input.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const EXAMPLES = join(ROOT, 'examples');
const files = [
  ...readdirSync(FIXTURES).map((name) => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') })),
  ...readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml')).map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), 'utf8') })),
];

/** Every path of a value, the root included. */
function pathsOf(value: unknown, prefix: ConfigPath = []): ConfigPath[] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/**
 * The fast reader agrees with the full read, or declines: same documents, values deep-equal,
 * and every path of them (and a few absent ones) found at the same offset and depth.
 * Returns whether it read the text.
 */
function expectSameOrDeclined(text: string): boolean {
  const lineStarts: number[] = [];
  const fast = readFastYaml(text, (offset) => lineStarts.push(offset));
  if (!fast) return false;
  const lineCounter = new LineCounter();
  const full = parseAllDocuments(text, { ...STRICT_PARSE, lineCounter });
  // Lines and columns come from these.
  expect(lineStarts).toStrictEqual(lineCounter.lineStarts);
  expect(Array.isArray(full)).toBe(true);
  const documents = full as Exclude<typeof full, { empty: true }>;
  expect(documents.flatMap((document) => document.errors.map((error) => error.message))).toStrictEqual([]);
  expect(fast.map((document) => document.value)).toStrictEqual(documents.map((document) => document.toJS({ maxAliasCount: 100 })));
  fast.forEach(({ value, find }, index) => {
    const reference = walk(documents[index]!);
    for (const path of pathsOf(value)) {
      for (const probe of [path, [...path, 'absent'], [...path, 99], [...path, 0, 'x']]) expect(find(probe)).toStrictEqual(reference(probe));
    }
  });
  return true;
}

/** Strings that look like something else to YAML. */
const trickyString = fc.constantFrom(
  '', ' ', '1', '-1', '+1', '0o17', '0x1F', '0x1g', '1e3', '1.5', '.5', '1.', '-.inf', '.Inf', '.nan', '.NaN', 'true', 'True', 'FALSE', 'yes', 'no', 'on',
  'null', 'Null', '~', '2024-01-01', '12:30:00', 'a: b', 'a:b', '- x', '-x', '# c', 'x #y', 'x# y', ' lead', 'trail ', 'two\nlines', 'trailing\n', '\n\nblank',
  'with\ttab', '"q"', "'s'", "it's", '{a}', '[b]', 'a, b', '&a', '*a', '!t', '%d', '@x', '`x', '|', '>', '---', '...', '? k', ': v', '${env:MY_POD_IP}:4317',
  'é ü 日本 🎉', '\\', 'back\\slash', '  indented\n  lines  ', 'x\u00a0y',
);
const anyString = fc.oneof(trickyString, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 30 }));
const key = fc.oneof(trickyString, fc.string({ maxLength: 12 }), fc.constantFrom('a b', 'a:b', 'k: v', '1', 'true', 'null', '', ' x', '#k', '-k', '?k'));
const leaf = fc.oneof(anyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.dictionary(key, tie('value'), { maxKeys: 5 }), fc.array(tie('value'), { maxLength: 5 })),
}));
const root = fc.oneof(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), fc.array(value, { minLength: 1, maxLength: 6 }));

const options: fc.Arbitrary<ToStringOptions> = fc.record({
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 8, 20, 80),
  minContentWidth: fc.constantFrom(0, 4, 20),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  doubleQuotedAsJSON: fc.boolean(),
}) as fc.Arbitrary<ToStringOptions>;

/** One to three documents, written with the same options, between the separators a stream may use. */
const stream = fc
  .tuple(fc.array(root, { minLength: 1, maxLength: 3 }), options, fc.constantFrom('---\n', '...\n---\n', '--- # next\n'), fc.boolean())
  .map(([documents, writeOptions, separator, leading]) => (leading ? '---\n' : '') + documents.map((document) => stringify(document, writeOptions)).join(separator));

const EDITS = [':', ': ', '-', '- ', ' ', '  ', '\n', '\t', '[', ']', '{', '}', ',', '&a ', '*a', '!t ', '|', '>', "'", '"', '#', ' #', '?', '? ', '%', '@', '\\', '---\n', '...\n', '<<: *a\n', 'a: 1\n'];
/** A stream with a few random edits: most make it invalid or different, which the fast reader must not hide. */
const edited = fc
  .tuple(stream, fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...EDITS)), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) =>
    edits.reduce((current, [insert, at, piece]) => {
      const index = Math.floor(at * current.length);
      return insert ? current.slice(0, index) + piece + current.slice(index) : current.slice(0, index) + current.slice(index + 1);
    }, text),
  );

describe('fast YAML reader', () => {
  it('GIVEN random JSON-like values written by yaml with random options WHEN read THEN the fast read equals the full read, or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(stream, (text) => {
        if (expectSameOrDeclined(text)) read++;
      }),
      { numRuns: 3000 },
    );
    // Most of what yaml writes is in the subset: a reader that always declines would pass the rest.
    expect(read).toBeGreaterThan(1500);
  });

  it('GIVEN those streams randomly edited WHEN read THEN the fast read equals the full read, or declines (never accepts what the full read refuses)', () => {
    let read = 0;
    fc.assert(
      fc.property(edited, (text) => {
        if (expectSameOrDeclined(text)) read++;
      }),
      { numRuns: 3000 },
    );
    // Many edits keep the text valid: those must be read, and equal.
    expect(read).toBeGreaterThan(300);
  });

  it('GIVEN every import fixture and example, and every embedded config in them WHEN read THEN the fast read equals the full read', () => {
    for (const { name, text } of files) {
      expect(expectSameOrDeclined(text), name).toBe(true);
      const values: unknown = parseAllDocuments(text).map((document) => document.toJS());
      const embedded = pathsOf(values)
        .map((path) => path.reduce((at, step) => (at as Record<string | number, unknown>)[step], values))
        .filter((item): item is string => typeof item === 'string' && item.includes('\n'));
      for (const inner of embedded) expectSameOrDeclined(inner);
    }
  });

  /** Hand-written corners: each read the same as the full read, or declined. */
  const TRICKY = [
    'a:\n  - x\n  y: 1\n', '- a\n  - b\n', 'a: |\n  x\n b: 1\n', 'a: >\n\n  folded\n  text\n\n  para\n', 'a: |+\n  keep\n\n\nb: 1\n', 'a: |-\n  x\n\n', 'a: |2\n   x\n',
    "a: 'it''s'\n", 'a: "\\u00e9\\x41\\n"\n', 'key: value # comment\n', 'key: value# not a comment\n', 'a: b\n  c\n', 'a:\n  b\n  c\n', 'a: "x\ny"\n', '- "x\ny"\n', '- "x\n y"\n',
    'a: [1,\n 2]\n', 'a: {b: [1, {c: d}]}\n', '{a: 1}\n', '[1, 2]\n', '[1, 2, ]\n', '[,]\n', '{a: 1,,}\n', 'a: 1\n...\nb: 2\n', 'a: 1\n--- \nb: 2\n', 'a: 1\r\nb: 2\r\n', 'a:    \n  b: 1\n',
    '"a": 1\n\'b\': 2\n', '{"a":1, "b" : 2}\n', 'a: -1\nb: - 1\n', 'a: -\n', '- - - x\n', '-\n  - a\n  - b\n', 'a:\n- b\n- c\nd: e\n', 'a:\n  - b\n  -   c: 1\n      d: 2\n',
    '1: a\n2: b\n', 'true: x\nnull: y\n', '~: z\n', '"": e\n', ': v\n', 'a: b #c\n#d\n  #e\nf: g\n', 'a: |\n  x\n  # not a comment\n# a comment\nb: 1\n', "a: 'multi\n  line'\n",
    "a: 'x\n\n  y'\n", 'a: x\u0085y\n', 'a: x\u2028y\n', 'a: \u00a0x\n', 'a  : 1\n', 'a:\tb\n', 'a: b\t# c\n', 'a: 0o\nb: 0x\nc: +.5\nd: 1_000\ne: 0b1\nf: 1e3.5\ng: 12e03\nh: -0\ni: 00012\n',
    'a: 9007199254740993\nb: 0o99\nc: 0x7fffffffffffffffffff\n', `${'k'.repeat(1100)}: 1\n`, '---\n---\na: 1\n', 'a: 1\n... # c\n---\nb: 2\n', 'a: 1\n...\n# c\n', '\ufeffa: 1\n', 'a: 1', 'a:', '- ',
    'a:\n  b: 1\n   c: 2\n', 'a: b\n- c\n', '- a\nb: c\n', 'a:\n  - b\n - c\n', 'a: [b]c\n', 'a: {b: c} d\n', 'a: "b"c\n', 'a: "b" #c\n', 'a: "b"#c\n', 'a: |\nb\n', '- |\n x\n', '- >-\n  a\n   b\n  c\n',
    'a: b: c\n', '- a: b: c\n', 'a: [b: c]\n', 'a: {b}\n', 'a: {? b}\n', 'a: ,b\n', 'a: %b\n', 'a: @b\n', 'a: `b\n', 'a: |b\n', 'a: b,c]\n', 'a: -b\n', 'a: ?b\n', 'a: :b\n', '- -b\n', 'a: x:y\n', 'a: "\\\n  b"\n',
  ];
  it('GIVEN hand-written corners of YAML WHEN read THEN the fast read equals the full read, or declines', () => {
    const read = TRICKY.filter((text) => expectSameOrDeclined(text));
    // Enough of them are in the subset for the comparison to mean something.
    expect(read.length).toBeGreaterThan(TRICKY.length / 3);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an explicit tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !thing x\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a merge key', 'base: {a: 1}\nmerged:\n  <<: {a: 1}\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a flow map as key', '{a: 1}: x\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['keys equal as property names', '1: x\n"1": y\n'],
    ['a __proto__ key', '__proto__: {a: 1}\n'],
    ['a syntax error', 'a: [1, 2\nb: 3\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', 'a: 1\n---\n'],
    ['only comments', '# nothing\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['a key without a value', 'a: 1\nb\n'],
    ['a pair in a flow sequence', '[a: 1]\n'],
    ['a bad double-quoted escape', 'a: "\\q"\n'],
    ['an infinite number', 'a: .inf\n'],
    ['a number too large to be finite', 'a: 1e999\n'],
    ['more than 60 levels', `${'- '.repeat(70)}x\n`],
  ])('GIVEN %s WHEN read fast THEN it declines', (_name, text) => {
    expect(readFastYaml(text)).toBeUndefined();
  });

  it('GIVEN a manifest with comments, markers, block scalars and flow collections WHEN read THEN it is read fast, as the full read', () => {
    const text = [
      '# leading comment', '---', 'apiVersion: v1 # trailing', 'kind: ConfigMap', 'data:', '  collector.yaml: |', '    receivers:', '      otlp: {}', '', '    # inside', '  folded: >-', '    one', '    two',
      '  list:', '  - a', '  -', '  - [1, 0x1F, 0o17, 1.5e3, ~, "q", \'s\']', '  - {k: v, e: }', '...', '---', '- x: 1', '  y: [ ]', '- - nested', '- "multi', '  line"',
    ].join('\n');
    expect(expectSameOrDeclined(text)).toBe(true);
  });
});
