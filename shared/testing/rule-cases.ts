/**
 * Table tests for validation rules: run a rule on a topology, compare what it reports with the
 * expected diagnostics, and check that a quick fix leaves nothing for the rule to report.
 */
import { expect } from 'vitest';
import type { ModelPath } from '../io/problem.js';
import { Topology } from '../model/topology.js';
import type { Diagnostic, Severity } from '../validation/diagnostic.js';
import type { Rule } from '../validation/rule.js';
import { ruleContext } from '../validation/validate.js';

export interface ExpectedDiagnostic {
  readonly severity: Severity;
  readonly elementIds: readonly string[];
  /** What the message must say. */
  readonly message: RegExp;
  /** Compared where given. */
  readonly path?: ModelPath;
}

export interface RuleCase {
  readonly name: string;
  readonly topology: Topology;
  readonly diagnostics: readonly ExpectedDiagnostic[];
}

export function checkRule(rule: Rule, topology: Topology): Diagnostic[] {
  return rule.check(ruleContext(topology));
}

export function expectDiagnostics(rule: Rule, found: readonly Diagnostic[], expected: readonly ExpectedDiagnostic[]): void {
  const actual = found.map((diagnostic, position) => ({
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    elementIds: diagnostic.elementIds,
    message: diagnostic.message,
    ...(expected[position]?.path ? { path: diagnostic.path } : {}),
  }));
  expect(actual).toStrictEqual(
    expected.map((diagnostic) => ({
      ruleId: rule.id,
      severity: diagnostic.severity,
      elementIds: diagnostic.elementIds,
      message: expect.stringMatching(diagnostic.message),
      ...(diagnostic.path ? { path: diagnostic.path } : {}),
    })),
  );
}

/**
 * Applies the quick fix of the `which`-th diagnostic and returns the fixed topology, after
 * checking that the rule no longer reports anything and that the result is still a valid model.
 */
export function applyFix(rule: Rule, topology: Topology, which = 0): Topology {
  const diagnostic = checkRule(rule, topology)[which];
  expect(diagnostic?.fix, 'the diagnostic has a quick fix').toBeDefined();
  const fixed = diagnostic!.fix!.apply(topology);
  expect(checkRule(rule, fixed)).toStrictEqual([]);
  expect(Topology.safeParse(fixed).success, 'the fixed topology is a valid model').toBe(true);
  return fixed;
}

/** What the config-level rule tests compare of a diagnostic: where it points, and whether it has a fix. */
export const summary = (diagnostic: Diagnostic) => ({
  severity: diagnostic.severity,
  elementIds: diagnostic.elementIds,
  path: diagnostic.path,
  config: diagnostic.config,
  fix: diagnostic.fix !== undefined,
});

/** The same without the fix, for tables that test fixes separately. */
export const summaryWithoutFix = (diagnostic: Diagnostic) => ({
  severity: diagnostic.severity,
  elementIds: diagnostic.elementIds,
  path: diagnostic.path,
  config: diagnostic.config,
});

/**
 * Asserts that `found` matches `expected` entry by entry: every field of the summary exactly, and
 * the message against the expected pattern.
 */
export function expectSummaries<S extends object>(
  found: readonly Diagnostic[],
  expected: ReadonlyArray<S & { message: RegExp }>,
  summarize: (diagnostic: Diagnostic) => S,
): void {
  expect(found.map(summarize)).toStrictEqual(expected.map(({ message: _message, ...rest }) => rest));
  expected.forEach(({ message }, index) => expect(found[index]!.message).toMatch(message));
}
