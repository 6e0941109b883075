import { emittedType, lookupType, signalsOf } from '../../catalog/catalog.js';
import type { ComponentKind } from '../../catalog/catalog-types.js';
import { componentId, type Signal } from '../../model/common.js';

/** A component as it goes into the config: its id, its body and the signals it handles. */
export interface EmittedComponent {
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly signals: readonly Signal[];
  /** Model element the component's lines come from. */
  readonly origin: string;
}

/** The current name of a type the user wrote (an alias becomes its current name). */
export function canonicalType(kind: ComponentKind, type: string): string {
  const status = lookupType(kind, type);
  return status.status === 'alias' ? status.current : type;
}

/**
 * The id to write for a component at the collector's version, e.g. `otlp_grpc/gw` at 0.158 and
 * `otlp/gw` at 0.140. Unknown and removed types are written as given, for the rules to report.
 */
export function emittedId(kind: ComponentKind, type: string, version: string, name?: string): string {
  const canonical = canonicalType(kind, type);
  const known = lookupType(kind, canonical).status === 'current';
  return componentId(known ? emittedType(kind, canonical, version) : type, name);
}

/** Signals of a component; every signal for unknown types, so the rules report them once. */
export function componentSignals(kind: 'receiver' | 'processor' | 'exporter', type: string): Signal[] {
  const signals = signalsOf(kind, canonicalType(kind, type));
  return lookupType(kind, type).status === 'unknown' || lookupType(kind, type).status === 'removed' && signals.length === 0
    ? ['traces', 'metrics', 'logs']
    : signals;
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The override value that removes a key from the generated config: `{ $patch: delete }`. */
export const DELETE_KEY: Readonly<Plain> = Object.freeze({ $patch: 'delete' });

/** Whether an override value is the `{ $patch: delete }` marker (kustomize's spelling). */
export function isDeleteMarker(value: unknown): boolean {
  return isPlain(value) && value.$patch === 'delete' && Object.keys(value).length === 1;
}

/**
 * Merges `override` over `base` the way the collector merges several `--config` files: maps merge
 * key by key, anything else (lists included) is replaced. An override `{ $patch: delete }` removes
 * the key, so an override can take away what the engine generates (imported configs need it).
 */
export function mergeConfig(base: Plain, override: Plain | undefined): Plain {
  if (!override) return base;
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (isDeleteMarker(value)) {
      delete merged[key];
      continue;
    }
    const current = merged[key];
    merged[key] = isPlain(value) ? mergeConfig(isPlain(current) ? current : {}, value) : value;
  }
  return merged;
}
