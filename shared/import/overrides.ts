/**
 * Overrides as the difference between the config a user brought and the one the engine makes of
 * the model: merged over the generated config (maps merge, lists replace, `{ $patch: delete }`
 * removes), they give back the input exactly.
 */
import { DELETE_KEY, isDeleteMarker } from '../engine/collector/components.js';
import { COMPONENT_SECTIONS, isPlainObject, type PlainObject } from '../validation/config-check.js';

const has = (object: PlainObject, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** Structural equality of plain data; key order is free, list order is not. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => has(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** What `override` must hold so that merging it over `generated` gives `input`; undefined when equal. */
export function configDifference(input: PlainObject, generated: PlainObject): PlainObject | undefined {
  const difference: PlainObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (!has(generated, key)) {
      difference[key] = value;
      continue;
    }
    const current = generated[key];
    if (isPlainObject(value) && isPlainObject(current)) {
      const nested = configDifference(value, current);
      if (nested) difference[key] = nested;
    } else if (!deepEqual(value, current)) {
      difference[key] = value;
    }
  }
  for (const key of Object.keys(generated)) if (!has(input, key)) difference[key] = { ...DELETE_KEY };
  return Object.keys(difference).length > 0 ? difference : undefined;
}

/**
 * The config as the collector reads it, in the engine's spelling: an empty component body
 * (`debug:`, or one no value was given) is `{}`, which is what the engine writes for it.
 */
export function semanticConfig(config: PlainObject): PlainObject {
  const normalized: PlainObject = { ...config };
  for (const section of COMPONENT_SECTIONS) {
    const components = normalized[section];
    if (!isPlainObject(components)) continue;
    normalized[section] = Object.fromEntries(Object.entries(components).map(([id, body]) => [id, body ?? {}]));
  }
  return normalized;
}

/** Paths an override touches, down to the component or pipeline: `exporters.otlp/jaeger`, `service.telemetry`. */
export function overridePaths(overrides: PlainObject): string[][] {
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (isDeleteMarker(value)) paths.push([key]);
    else if ((COMPONENT_SECTIONS as readonly string[]).includes(key) && isPlainObject(value)) {
      for (const id of Object.keys(value)) paths.push([key, id]);
    } else if (key === 'service' && isPlainObject(value)) {
      for (const [part, body] of Object.entries(value)) {
        if (part === 'pipelines' && isPlainObject(body) && !isDeleteMarker(body)) for (const pipeline of Object.keys(body)) paths.push([key, part, pipeline]);
        else paths.push([key, part]);
      }
    } else {
      paths.push([key]);
    }
  }
  return paths;
}

/** Whether an override path only removes what the engine generates. */
export function isRemoval(overrides: PlainObject, path: readonly string[]): boolean {
  let value: unknown = overrides;
  for (const key of path) value = isPlainObject(value) ? value[key] : undefined;
  const onlyRemovals = (item: unknown): boolean =>
    isPlainObject(item) && (item.$patch === 'delete' || Object.values(item).every(onlyRemovals));
  return onlyRemovals(value);
}
