/** Reading untyped input (YAML as plain data) into the model's shapes, without throwing. */
import { isPlainObject, type PlainObject } from '../validation/config-check.js';

/** The value if it is a map, else an empty one. */
export const map = (value: unknown): PlainObject => (isPlainObject(value) ? value : {});

/** The value if it is a list, else an empty one. */
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Drops undefined fields, so the schema's defaults apply. */
export function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** The schema's reading of the value; undefined where it does not pass. */
export function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
