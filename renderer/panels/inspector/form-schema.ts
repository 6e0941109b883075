/**
 * What the inspector's form shows, read from the model's JSON Schema (`topologyJsonSchema`, made
 * from the zod schemas): a field for every property, so a model field added later gets a control
 * without touching the UI. The JSON Schema, not zod's internals: it is plain, documented data
 * (`properties`, `enum`, `const` discriminators, `minimum`, `pattern`, `default`) that zod's own
 * converter keeps stable, and the YAML editor already relies on it.
 */
import { topologyJsonSchema } from '../../../shared/model/json-schema.js';
import type { ElementKind } from '../../../shared/model/topology.js';

type JsonSchema = {
  /** Several types (`string | number | boolean`) come as a list. */
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minItems?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly default?: unknown;
  readonly description?: string;
};

/** An object with named properties: an element, a nested section, a list item. */
export interface ObjectForm {
  readonly control: 'object';
  readonly fields: readonly FieldForm[];
  /** What the object is (an element kind, a processor type), from the model. */
  readonly description?: string;
}

/** Objects told apart by the constant value of one property (`type`); `open` takes any other value. */
export interface UnionForm {
  readonly control: 'union';
  readonly discriminator: string;
  readonly variants: ReadonlyArray<{ readonly value: string; readonly form: ObjectForm }>;
  readonly open?: ObjectForm;
}

/** One alternative of a value that may take several shapes (a literal or a Secret reference). */
export type ChoiceOption =
  | { readonly label: string; readonly literal: string }
  | { readonly label: string; readonly form: ValueForm };

export type ValueForm =
  | { readonly control: 'text'; readonly pattern?: string; readonly minLength?: number; readonly format?: string }
  | { readonly control: 'number'; readonly integer: boolean; readonly min?: number; readonly max?: number }
  | { readonly control: 'boolean' }
  | { readonly control: 'select'; readonly options: readonly string[] }
  /** An array of enum values: one checkbox each. */
  | { readonly control: 'checkboxes'; readonly options: readonly string[]; readonly minItems?: number }
  /** An array of strings: an editable list. */
  | { readonly control: 'strings'; readonly minItems?: number }
  /** An array of objects: sub-forms with add, remove and move. */
  | { readonly control: 'list'; readonly item: ObjectForm | UnionForm; readonly minItems?: number }
  /** String keys to values of one shape: key/value rows. */
  | { readonly control: 'record'; readonly value: ValueForm }
  /** Raw configuration (a map of anything): YAML text. */
  | { readonly control: 'raw' }
  | { readonly control: 'choice'; readonly options: readonly ChoiceOption[] }
  | ObjectForm
  | UnionForm
  /** A shape the walker does not know: the test of every kind fails on it. */
  | { readonly control: 'unsupported'; readonly schema: unknown };

export interface FieldForm {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
  /** What the model takes when the field is absent (shown as a placeholder, never written). */
  readonly default?: unknown;
  /** From `.meta({ description })` in the model: the field's help text. */
  readonly description?: string;
  readonly form: ValueForm;
}

/** `maxLength`-free integers get `Number.MAX_SAFE_INTEGER` as maximum from zod: not a real bound. */
const bound = (value: number | undefined) => (value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value);

/** `sendBatchMaxSize` → "Send batch max size", `cpu` → "CPU". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((word) => (['cpu', 'tls', 'ca', 'id', 'gcp', 'aws', 'url', 'arn', 'gb', 'otlp', 'ottl'].includes(word) ? word.toUpperCase() : word));
  const text = words.join(' ').replace(/\bMBPS\b/i, 'Mbps');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const alternativesOf = (schema: JsonSchema) => schema.oneOf ?? schema.anyOf;

/** Nested unions flattened: the backend union inside the element union, known processors inside all. */
function flatten(schema: JsonSchema): JsonSchema[] {
  const alternatives = alternativesOf(schema);
  return alternatives ? alternatives.flatMap(flatten) : [schema];
}

const isStringEnum = (schema: JsonSchema) =>
  (schema.enum !== undefined && schema.enum.every((value) => typeof value === 'string')) || typeof schema.const === 'string';
const enumValues = (schema: JsonSchema): string[] => (schema.enum ? (schema.enum as string[]) : [schema.const as string]);
const isObject = (schema: JsonSchema) => schema.type === 'object' || schema.properties !== undefined;
/** A record of anything: `z.record(z.string(), z.unknown())`. */
const isRawRecord = (schema: JsonSchema) =>
  isObject(schema) && !schema.properties && typeof schema.additionalProperties === 'object' && Object.keys(schema.additionalProperties).length === 0;
const isRecord = (schema: JsonSchema) => isObject(schema) && !schema.properties && typeof schema.additionalProperties === 'object';

export function objectForm(schema: JsonSchema, skip: ReadonlySet<string> = new Set()): ObjectForm {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {})
    .filter(([key]) => !skip.has(key))
    .map(([key, property]): FieldForm => ({
      key,
      label: humanize(key),
      required: required.has(key) && property.default === undefined,
      ...(property.default !== undefined ? { default: property.default } : {}),
      ...(property.description ? { description: property.description } : {}),
      form: valueForm(property),
    }));
  return { control: 'object', fields, ...(schema.description ? { description: schema.description } : {}) };
}

/** The property every alternative gives a constant (`type`, `kind`), if there is one. */
function discriminatorOf(alternatives: readonly JsonSchema[]): string | undefined {
  const constants = alternatives.filter((alternative) => isObject(alternative)).map((alternative) =>
    Object.entries(alternative.properties ?? {}).filter(([, property]) => typeof property.const === 'string').map(([key]) => key),
  );
  if (constants.length !== alternatives.length || alternatives.length < 2) return undefined;
  // Every alternative but one (the open one: any other `type`) gives it a constant.
  return [...new Set(constants.flat())].find((key) => constants.filter((keys) => keys.includes(key)).length >= alternatives.length - 1);
}

function unionForm(alternatives: readonly JsonSchema[], discriminator: string): UnionForm {
  const variants: Array<{ value: string; form: ObjectForm }> = [];
  let open: ObjectForm | undefined;
  for (const alternative of alternatives) {
    const constant = alternative.properties?.[discriminator]?.const;
    if (typeof constant === 'string') variants.push({ value: constant, form: objectForm(alternative) });
    else open = objectForm(alternative);
  }
  return { control: 'union', discriminator, variants, ...(open ? { open } : {}) };
}

function choiceLabel(schema: JsonSchema): string {
  if (schema.type === 'string') return 'Text';
  if (schema.type === 'number' || schema.type === 'integer') return 'Number';
  if (schema.type === 'boolean') return 'Yes / no';
  const keys = Object.keys(schema.properties ?? {});
  if (keys.includes('env')) return 'Secret reference';
  if (keys.includes('secret')) return 'Secret key';
  if (keys.includes('field')) return 'Pod field';
  return 'Custom';
}

export function valueForm(schema: JsonSchema): ValueForm {
  const alternatives = alternativesOf(schema);
  if (alternatives) {
    const flat = alternatives.flatMap(flatten);
    if (flat.every(isStringEnum)) return { control: 'select', options: flat.flatMap(enumValues) };
    if (flat.every(isObject)) {
      const discriminator = discriminatorOf(flat);
      if (discriminator) return unionForm(flat, discriminator);
    }
    const options = flat.flatMap((alternative): ChoiceOption[] =>
      isStringEnum(alternative) ? enumValues(alternative).map((literal) => ({ label: literal, literal })) : [{ label: choiceLabel(alternative), form: valueForm(alternative) }],
    );
    return { control: 'choice', options };
  }
  if (isStringEnum(schema)) return { control: 'select', options: enumValues(schema) };
  if (Array.isArray(schema.type)) {
    return { control: 'choice', options: schema.type.map((type: string) => ({ label: choiceLabel({ type }), form: valueForm({ type }) })) };
  }
  switch (schema.type) {
    case 'string':
      return {
        control: 'text',
        ...(schema.pattern ? { pattern: schema.pattern } : {}),
        ...(schema.minLength ? { minLength: schema.minLength } : {}),
        ...(schema.format ? { format: schema.format } : {}),
      };
    case 'integer':
    case 'number': {
      const min = bound(schema.minimum) ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (schema.type === 'integer' ? 1 : 0) : undefined);
      const max = bound(schema.maximum) ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (schema.type === 'integer' ? 1 : 0) : undefined);
      return { control: 'number', integer: schema.type === 'integer', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'boolean':
      return { control: 'boolean' };
    case 'array': {
      const items = schema.items ?? {};
      const minItems = schema.minItems !== undefined ? { minItems: schema.minItems } : {};
      if (isStringEnum(items)) return { control: 'checkboxes', options: enumValues(items), ...minItems };
      if (items.type === 'string') return { control: 'strings', ...minItems };
      const item = valueForm(items);
      if (item.control === 'object' || item.control === 'union') return { control: 'list', item, ...minItems };
      return { control: 'unsupported', schema };
    }
  }
  if (isRawRecord(schema)) return { control: 'raw' };
  if (isRecord(schema)) return { control: 'record', value: valueForm(schema.additionalProperties as JsonSchema) };
  if (isObject(schema)) return objectForm(schema);
  return { control: 'unsupported', schema };
}

let elementSchemas: JsonSchema[] | undefined;

/** Every element variant of the model: one per kind, one per backend type. */
export function elementVariants(): readonly JsonSchema[] {
  elementSchemas ??= flatten((topologyJsonSchema() as { properties: { elements: { items: JsonSchema } } }).properties.elements.items);
  return elementSchemas;
}

/** The variant `value` is: the one whose constants (`kind`, `type`) it matches most. */
export function variantSchema(variants: readonly JsonSchema[], value: Record<string, unknown>): JsonSchema | undefined {
  let best: JsonSchema | undefined;
  let bestScore = -1;
  for (const variant of variants) {
    const constants = Object.entries(variant.properties ?? {}).filter(([, property]) => property.const !== undefined);
    if (!constants.every(([key, property]) => value[key] === property.const)) continue;
    if (constants.length > bestScore) [best, bestScore] = [variant, constants.length];
  }
  return best;
}

/** The form of an element: every property but `kind` (fixed) and those in `skip` (hand-tuned fields). */
export function elementForm(element: { kind: ElementKind; type?: string }, skip: ReadonlySet<string> = new Set()): ObjectForm {
  const schema = variantSchema(elementVariants(), element as Record<string, unknown>);
  return schema ? objectForm(schema, new Set(['kind', ...skip])) : { control: 'object', fields: [] };
}

/**
 * Whether the model takes an empty string for a text field: no minimum length, no format (a URL,
 * an email) and a pattern, if any, that matches ''. `exporterName` does (a bare `otlp_grpc`);
 * `label` or a Secret name does not.
 */
export function acceptsEmptyText(form: Extract<ValueForm, { control: 'text' }>): boolean {
  return !form.minLength && form.format === undefined && (form.pattern === undefined || new RegExp(form.pattern).test(''));
}

/** The variant of a union a list item or value is, if any. */
export function unionVariant(union: UnionForm, value: unknown): ObjectForm | undefined {
  const tag = value && typeof value === 'object' ? (value as Record<string, unknown>)[union.discriminator] : undefined;
  return union.variants.find((variant) => variant.value === tag)?.form ?? union.open;
}
