import type { SecretRef, SecretValue } from '../../model/common.js';
import { envReference } from '../conventions.js';

/** The config text for a possibly secret value: `${env:NAME}` for a reference, the literal otherwise. */
export function secretText(value: SecretValue): string {
  return typeof value === 'string' ? value : envReference(value.env);
}

export function secretRefs(values: Iterable<SecretValue | undefined>): SecretRef[] {
  const refs: SecretRef[] = [];
  for (const value of values) if (value !== undefined && typeof value !== 'string') refs.push(value);
  return refs;
}

const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g;

/** Names of the environment variables a config refers to with `${env:NAME}`. */
export function referencedEnvironment(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    for (const match of value.matchAll(ENV_REFERENCE)) into.add(match[1]!);
  } else if (Array.isArray(value)) {
    for (const item of value) referencedEnvironment(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) referencedEnvironment(item, into);
  }
  return into;
}
