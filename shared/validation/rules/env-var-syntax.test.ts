import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summary, expectSummaries } from '../../testing/rule-cases.js';
import { dollarProblems, envVarSyntax, rewriteDollars } from './env-var-syntax.js';

type Fields = Parameters<typeof b.gateway>[2];

/** agent → gateway (element 3) → an OTLP vendor backend (element 4, flow element 6). */
function design(gateway: Fields = {}, backend: Record<string, unknown> = {}): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.agent('agent', 'eks'),
    b.gateway('gateway', 'eks', gateway),
    b.backend('vendor', { type: 'otlp', endpoint: 'otlp.example.com:4317', ...backend }),
    b.flow('agent-to-gateway', 'agent', 'gateway'),
    b.flow('gateway-to-vendor', 'gateway', 'vendor'),
  ]);
}

const header = (value: string): Fields => ({ overrides: { exporters: { 'otlp_grpc/vendor': { headers: { 'api-key': value } } } } });
const headerPath = ['exporters', 'otlp_grpc/vendor', 'headers', 'api-key'];
const transform = (statement: string): Fields => ({
  processors: [{ type: 'memory_limiter' }, { type: 'transform', config: { trace_statements: [statement] } }, { type: 'batch' }],
});


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { message: RegExp }>;
  /** The string once the fix is applied. */
  fixed?: string;
}

const cases: Case[] = [
  { name: '${env:NAME} everywhere the engine writes', topology: b.agentToGateway(), diagnostics: [] },
  { name: 'a default value and an escaped dollar', topology: design(header('${env:API_KEY:-none} costs $$5, or $')), diagnostics: [] },
  {
    name: 'a bare $NAME in overrides',
    topology: design(header('$API_KEY')),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', ...headerPath],
        config: { collectorId: 'gateway', path: headerPath },
        fix: true,
        message: /In 'gateway' at `exporters\.otlp_grpc\/vendor\.headers\.api-key`: `\$API_KEY` is not expanded .*write `\$\{env:API_KEY\}`, or `\$\$API_KEY` for a literal `\$`/,
      },
    ],
    fixed: '${env:API_KEY}',
  },
  {
    name: '${NAME} without a scheme in overrides',
    topology: design(header('Bearer ${API_KEY}')),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', ...headerPath],
        config: { collectorId: 'gateway', path: headerPath },
        fix: true,
        message: /`\$\{API_KEY\}` only works through the default `env` scheme: write `\$\{env:API_KEY\}`/,
      },
    ],
    fixed: 'Bearer ${env:API_KEY}',
  },
  {
    name: 'a regex capture group that needs $$',
    topology: design(transform('replace_pattern(attributes["path"], "/users/(.*)", "/users/${1}")')),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors', 1, 'config', 'trace_statements', 0],
        config: { collectorId: 'gateway', path: ['processors', 'transform', 'trace_statements', 0] },
        fix: true,
        message: /`\$\{1\}` is not a valid reference and fails to load: a literal `\$` is written `\$\$` \(collector #8215\)/,
      },
    ],
  },
  {
    name: 'a bare $NAME in a backend header, which the model keeps as typed',
    topology: design({}, { headers: { 'api-key': '$API_KEY' } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway', 'gateway-to-vendor'],
        path: ['elements', 6],
        config: { collectorId: 'gateway', path: headerPath },
        fix: false,
        message: /`\$API_KEY` is not expanded/,
      },
    ],
  },
];

describe('env-var-syntax', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule reads every string of the generated configs
    const found = checkRule(envVarSyntax, topology);
    // THEN it reports exactly the expected problems, with their config paths
    expectSummaries(found, diagnostics, summary);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.some((diagnostic) => diagnostic.fix)))('fixes: $name', ({ topology, fixed }) => {
    // GIVEN a malformed reference written verbatim in the model, WHEN the fix is applied
    // THEN the rule reports nothing and the model is valid (applyFix asserts both)
    const result = applyFix(envVarSyntax, topology);
    // AND an overridden header holds the rewritten string
    if (fixed) {
      const gateway = result.elements[3];
      const exporters = gateway?.kind === 'collector' ? (gateway.overrides?.exporters as Record<string, { headers: Record<string, string> }>) : {};
      expect(exporters['otlp_grpc/vendor']?.headers['api-key']).toBe(fixed);
    }
  });

  it.each([
    { text: '${env:A}', problems: [] },
    { text: '${file:/etc/token}', problems: [] },
    { text: 'a$$b $', problems: [] },
    { text: '$$VAR', problems: [] },
    { text: '${A', problems: [] },
    { text: 'p@s$w0rd', problems: [{ kind: 'bare', text: '$w0rd' }] },
    { text: '${A}-$B-${ x }', problems: [{ kind: 'no-scheme', text: '${A}' }, { kind: 'bare', text: '$B' }, { kind: 'invalid', text: '${ x }' }] },
  ] as const)('reads "$text" as the collector does', ({ text, problems }) => {
    // GIVEN a config string, WHEN its dollars are read, THEN exactly the misread ones are reported
    expect(dollarProblems(text)).toStrictEqual(problems);
  });

  it.each([
    { text: '$A and ${B}', rewritten: '${env:A} and ${env:B}' },
    { text: '"${1}" costs $$5 or $', rewritten: '"$${1}" costs $$5 or $' },
    { text: '${env:A:-x}', rewritten: '${env:A:-x}' },
  ])('rewrites "$text"', ({ text, rewritten }) => {
    // GIVEN a string with misread dollars, WHEN rewritten, THEN it says what was meant and reads clean
    expect(rewriteDollars(text)).toBe(rewritten);
    expect(dollarProblems(rewriteDollars(text))).toStrictEqual([]);
  });
});
