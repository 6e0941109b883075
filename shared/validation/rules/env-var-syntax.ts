import { formatPath } from '../../io/problem.js';
import { COMPONENT_SECTIONS, stringsOf, type ComponentSection } from '../config-check.js';
import { componentSource, rawValueSource, setModelValue } from '../config-source.js';
import type { Diagnostic } from '../diagnostic.js';
import { collectorRule, diagnose, elementPath, type CollectorRule } from '../rule.js';

/** One `$` the collector will not read the way it was meant. */
export interface DollarProblem {
  readonly kind: 'bare' | 'no-scheme' | 'invalid';
  /** The text as written: `$HOME`, `${HOME}`, `${1}`. */
  readonly text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const ENV_REFERENCE = /^env:[A-Za-z_][A-Za-z0-9_]*(:-.*)?$/s;
const OTHER_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:./s;

/**
 * How the collector (confmap, 0.158) reads `$` in a string: `$$` is a literal `$`; `${scheme:...}`
 * is expanded by that provider, `${NAME}` by the default `env` provider; `${...}` that is neither
 * fails to load; a bare `$NAME` is no longer expanded at all; any other `$` stays as it is.
 */
export function dollarProblems(text: string): DollarProblem[] {
  const problems: DollarProblem[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] !== '$') continue;
    const next = text[index + 1];
    if (next === '$') {
      index++;
      continue;
    }
    if (next === '{') {
      const close = text.indexOf('}', index + 2);
      if (close === -1) continue;
      const inner = text.slice(index + 2, close);
      const written = text.slice(index, close + 1);
      if (!ENV_REFERENCE.test(inner) && !OTHER_SCHEME.test(inner)) {
        problems.push({ kind: NAME.exec(inner)?.[0] === inner ? 'no-scheme' : 'invalid', text: written });
      }
      index = close;
      continue;
    }
    const name = NAME.exec(text.slice(index + 1))?.[0];
    if (name) {
      problems.push({ kind: 'bare', text: `$${name}` });
      index += name.length;
    }
  }
  return problems;
}

/** The string with each problem rewritten: `${env:NAME}` for variables, `$$` for literal dollars. */
export function rewriteDollars(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char !== '$') {
      result += char;
    } else if (next === '$') {
      result += '$$';
      index++;
    } else if (next === '{' && text.indexOf('}', index + 2) !== -1) {
      const close = text.indexOf('}', index + 2);
      const inner = text.slice(index + 2, close);
      if (ENV_REFERENCE.test(inner) || OTHER_SCHEME.test(inner)) result += `\${${inner}}`;
      else if (NAME.exec(inner)?.[0] === inner) result += `\${env:${inner}}`;
      else result += `$\${${inner}}`;
      index = close;
    } else {
      const name = NAME.exec(text.slice(index + 1))?.[0];
      if (name) {
        result += `\${env:${name}}`;
        index += name.length;
      } else {
        result += '$';
      }
    }
  }
  return result;
}

function describe(problem: DollarProblem): string {
  switch (problem.kind) {
    case 'bare':
      return `\`${problem.text}\` is not expanded (the collector dropped bare \`$NAME\`): write \`\${env:${problem.text.slice(1)}}\`, or \`$${problem.text}\` for a literal \`$\``;
    case 'no-scheme':
      return `\`${problem.text}\` only works through the default \`env\` scheme: write \`\${env:${problem.text.slice(2, -1)}}\``;
    case 'invalid':
      return `\`${problem.text}\` is not a valid reference and fails to load: a literal \`$\` is written \`$$\` (collector #8215)`;
  }
}

export const envVarSyntax: CollectorRule = collectorRule({
  id: 'env-var-syntax',
  description:
    'Strings of a collector config refer to the environment as `${env:NAME}` and write a literal `$` as `$$` (collector #8215).',
  severity: 'error',
  checkCollector({ topology, index, plan: planOf }, collector) {
    const diagnostics: Diagnostic[] = [];
    const plan = planOf(collector);
    for (const { path, value } of stringsOf(plan.config)) {
      const problems = dollarProblems(value);
      if (problems.length === 0) continue;
      const raw = rawValueSource(topology, plan, path);
      const [section, id] = path;
      const component =
        !raw && (COMPONENT_SECTIONS as readonly unknown[]).includes(section) && typeof id === 'string'
          ? componentSource(topology, plan, section as ComponentSection, id)
          : undefined;
      const source = raw ?? component ?? { elementId: collector.id, path: elementPath(topology, collector.id) };
      const severe = problems.some((problem) => problem.kind !== 'no-scheme');
      diagnostics.push(
        diagnose(
          envVarSyntax,
          topology,
          source.elementId === collector.id ? [collector.id] : [collector.id, source.elementId],
          `In '${collector.id}' at \`${formatPath(path)}\`: ${problems.map(describe).join('; ')}.`,
          {
            path: [...source.path],
            config: { collectorId: collector.id, path },
            ...(severe ? {} : { severity: 'warning' as const }),
            ...(raw && raw.value === value ? { fix: setModelValue(`Rewrite as ${rewriteDollars(value)}`, raw.path, rewriteDollars(value)) } : {}),
          },
        ),
      );
    }
    return diagnostics;
  },
});
