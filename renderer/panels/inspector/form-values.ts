/**
 * The inspector's edits as pure functions: where a value sits in the element as written (the
 * file's input, defaults left out), what the model takes where it is absent, setting one value,
 * and checking the candidate element against the model before anything is committed.
 */
import type { z } from 'zod';
import { deepEqual } from '../../../shared/io/patch-document.js';
import { KnownProcessor, OtlpReceiver } from '../../../shared/model/collector.js';
import { Element, type Topology } from '../../../shared/model/topology.js';
import { updateElement } from '../../model/commands.js';
import { acceptsEmptyText, unionVariant, type FieldForm, type ObjectForm, type ValueForm } from './form-schema.js';

export type FormPath = ReadonlyArray<string | number>;
export type Plain = Record<string, unknown>;

export const pathKey = (path: FormPath) => path.join('.');

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object form a value of `form` is (a union's variant, a choice's object alternative). */
export function objectOf(form: ValueForm | undefined, value: unknown): ObjectForm | undefined {
  if (!form) return undefined;
  if (form.control === 'object') return form;
  if (form.control === 'union') return unionVariant(form, value);
  if (form.control === 'choice' && isPlain(value)) {
    for (const option of form.options) {
      if (!('form' in option)) continue;
      const candidate = objectOf(option.form, value);
      if (candidate && Object.keys(value).every((key) => candidate.fields.some((field) => field.key === key))) return candidate;
    }
  }
  return undefined;
}

/**
 * One step down: the form of `value[key]` and what the model takes where it is absent. An absent
 * parent's default reaches into its children (`resources.limits.memory` is 512Mi while
 * `resources` is left out); a present parent leaves each child its own default.
 */
export function childOf(form: ValueForm | undefined, value: unknown, fallback: unknown, key: string | number): { form?: ValueForm; fallback?: unknown; field?: FieldForm } {
  const inherited = value === undefined && (isPlain(fallback) || Array.isArray(fallback)) ? (fallback as Plain)[key] : undefined;
  if (!form) return {};
  switch (form.control) {
    case 'list':
      return { form: form.item, fallback: inherited };
    case 'record':
      return { form: form.value, fallback: inherited };
    case 'strings':
    case 'checkboxes':
      return { form: { control: 'text' }, fallback: inherited };
  }
  const object = objectOf(form, value ?? fallback);
  const field = object?.fields.find((candidate) => candidate.key === key);
  if (!field) return {};
  const fallbackValue = inherited ?? field.default;
  return { form: field.form, field, ...(fallbackValue !== undefined ? { fallback: fallbackValue } : {}) };
}

/** The value and default at `path` of the element `root` (the form of the whole element). */
export function readAt(root: ObjectForm, input: unknown, path: FormPath): { value: unknown; fallback: unknown } {
  let form: ValueForm | undefined = root;
  let value: unknown = input;
  let fallback: unknown;
  for (const key of path) {
    const child = childOf(form, value, fallback, key);
    value = isPlain(value) || Array.isArray(value) ? (value as Plain)[key] : undefined;
    ({ form, fallback } = child);
  }
  return { value, fallback };
}

/**
 * What an absent object or list starts as when a value inside it is set: the default the model
 * gave it (so the rest of what the user saw stays), minus keys whose own default is the same.
 */
function seed(form: ValueForm | undefined, fallback: unknown, key: string | number | undefined): unknown {
  if (Array.isArray(fallback)) return structuredClone(fallback);
  if (isPlain(fallback)) {
    const object = objectOf(form, fallback);
    const kept = Object.entries(fallback).filter(([name, value]) => !deepEqual(object?.fields.find((field) => field.key === name)?.default, value));
    return structuredClone(Object.fromEntries(kept));
  }
  return typeof key === 'number' ? [] : {};
}

/**
 * What a text or number field whose text is emptied sets: an empty string where the model takes
 * one as a value (`exporterName: ""` is a bare `otlp_grpc`) or where the field is required (for the
 * model to say what it needs); otherwise nothing, so an optional field is removed and its default
 * applies again.
 */
export function emptiedValue(form: ValueForm, required: boolean): '' | undefined {
  if (form.control !== 'text') return undefined;
  return required || acceptsEmptyText(form) ? '' : undefined;
}

/** `input` with the value at `path` set to `next` (`undefined` removes it); `input` is not changed. */
export function setAt(root: ObjectForm, input: Plain, path: FormPath, next: unknown): Plain {
  const step = (form: ValueForm | undefined, value: unknown, fallback: unknown, rest: FormPath): unknown => {
    if (rest.length === 0) return next;
    const [key, ...tail] = rest as [string | number, ...FormPath];
    const base = value === undefined ? seed(form, fallback, key) : value;
    const child = childOf(form, value, fallback, key);
    const current = (base as Plain)[key];
    const updated = step(child.form, current, child.fallback, tail);
    if (Array.isArray(base)) return base.map((item, index) => (index === key ? updated : item));
    const copy: Plain = { ...(base as Plain) };
    if (updated === undefined) delete copy[key as string];
    else copy[key as string] = updated;
    return copy;
  };
  return step(root, input, undefined, path) as Plain;
}

/**
 * A union value changed variant (a backend's or a processor's `type`): the keys the new variant
 * also has stay, the others go (the model's objects are strict).
 */
export function retype(value: Plain, variant: ObjectForm, discriminator: string, tag: string): Plain {
  const known = new Set(variant.fields.map((field) => field.key));
  const kept = Object.entries(value).filter(([key]) => key !== discriminator && known.has(key));
  return { [discriminator]: tag, ...Object.fromEntries(kept) };
}

export type Check = { ok: true; element: Element } | { ok: false; errors: ReadonlyMap<string, string> };

/** The candidate element against the model's element schema: every message by the path it is at. */
export function checkElement(candidate: Plain): Check {
  const result = Element.safeParse(candidate);
  if (result.success) return { ok: true, element: result.data };
  const errors = new Map<string, string>();
  for (const issue of leafIssues(result.error.issues, []).flatMap((issue) => ownFormIssues(candidate, issue))) {
    const key = pathKey(issue.path);
    if (!errors.has(key)) errors.set(key, describe(issue));
  }
  return { ok: false, errors };
}

type Issue = z.core.$ZodIssue;

/** Lists whose open variant (any other `type`) refuses the types that have their own schema. */
const OWN_FORMS: Readonly<Record<string, z.ZodType>> = { receivers: OtlpReceiver, processors: KnownProcessor };

/**
 * A known receiver or processor that fails its own schema falls through to the open variant,
 * which says only "this processor has its own form": its own schema says what is wrong.
 */
function ownFormIssues(candidate: Plain, issue: Issue & { path: FormPath }): Array<Issue & { path: FormPath }> {
  const [list, index, key] = issue.path;
  const schema = typeof list === 'string' ? OWN_FORMS[list] : undefined;
  if (!schema || issue.code !== 'custom' || key !== 'type' || issue.path.length !== 3) return [issue];
  const item = (candidate[list as string] as unknown[] | undefined)?.[index as number];
  const own = schema.safeParse(item);
  return own.success ? [issue] : leafIssues(own.error.issues, [list as string, index as number]);
}

/** A failed union says only "Invalid input": its messages are in the alternative that came closest. */
function leafIssues(issues: readonly Issue[], prefix: FormPath): Array<Issue & { path: FormPath }> {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => mismatch(a) - mismatch(b) || a.length - b.length)[0]!;
      return leafIssues(closest, path);
    }
    return [{ ...issue, path }];
  });
}

/** How far an alternative is from the value: a wrong discriminator or wrong type counts most. */
const mismatch = (issues: readonly Issue[]) =>
  issues.filter((issue) => (issue.path.length <= 1 && (issue.code === 'invalid_value' || issue.code === 'custom')) || (issue.path.length === 0 && issue.code === 'invalid_type')).length;

function describe(issue: Issue): string {
  if (issue.code === 'unrecognized_keys') return `unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'required';
  return issue.message;
}

/**
 * The `updateElement` patch from the element as written to the candidate: each top-level key
 * that changed, with the value as the user wrote it (defaults stay out of the file).
 */
export function elementPatch(input: Plain, candidate: Plain): Plain {
  const patch: Plain = {};
  for (const key of new Set([...Object.keys(input), ...Object.keys(candidate)])) {
    if (key !== 'kind' && !deepEqual(input[key], candidate[key])) patch[key] = candidate[key];
  }
  return patch;
}

export type EditPlan =
  | { readonly kind: 'unchanged' }
  /** Valid: the `updateElement` patch to commit. */
  | { readonly kind: 'commit'; readonly patch: Plain }
  /** Refused: nothing is committed; the messages by path. */
  | { readonly kind: 'refuse'; readonly errors: ReadonlyMap<string, string> };

/**
 * What an edit of the element `id` (written as `written`) into `candidate` does: the model's
 * element schema checks the candidate, then `updateElement` (a rename to a taken or non-DNS id).
 */
export function planEdit(topology: Topology, id: string, written: Plain, candidate: Plain): EditPlan {
  const check = checkElement(candidate);
  if (!check.ok) return { kind: 'refuse', errors: check.errors };
  const patch = elementPatch(written, candidate);
  if (Object.keys(patch).length === 0) return { kind: 'unchanged' };
  const outcome = updateElement(topology, id, patch);
  if (!outcome.ok) return { kind: 'refuse', errors: new Map([[Object.keys(patch)[0]!, outcome.error]]) };
  return { kind: 'commit', patch };
}
