import { describe, expect, it } from 'vitest';
import { BACKEND_TYPES } from '../../../shared/model/backend.js';
import { KNOWN_PROCESSOR_TYPES } from '../../../shared/model/collector.js';
import { INSPECTOR_FIELDS } from '../inspector-fields.js';
import { elementForm, elementVariants, humanize, valueForm, type ValueForm } from './form-schema.js';

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; additionalProperties?: unknown; type?: string | string[]; const?: unknown };

/**
 * The properties of `schema` (walked in the JSON Schema itself, every union alternative) that
 * `form` has no working control for: what fails when a model field is added without one.
 */
function uncovered(schema: Schema, form: ValueForm | undefined, path: string): string[] {
  if (!form || form.control === 'unsupported') return [path];
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return alternatives.flatMap((alternative) => uncovered(alternative, form, path));
  if (schema.properties) {
    const object =
      form.control === 'object' ? form
      : form.control === 'union' ? form.variants.find((variant) => variant.value === Object.values(schema.properties!).find((property) => property.const !== undefined)?.const)?.form ?? form.open
      : form.control === 'choice' ? form.options.flatMap((option) => ('form' in option && option.form.control === 'object' ? [option.form] : [])).find((candidate) => Object.keys(schema.properties!).every((key) => candidate.fields.some((field) => field.key === key)))
      : undefined;
    if (!object) return [path];
    return Object.entries(schema.properties).flatMap(([key, property]) =>
      uncovered(property, object.fields.find((field) => field.key === key)?.form, `${path}.${key}`),
    );
  }
  if (schema.type === 'array' && schema.items) {
    if (form.control === 'checkboxes' || form.control === 'strings') return [];
    return form.control === 'list' ? uncovered(schema.items, form.item, `${path}[]`) : [path];
  }
  if (Array.isArray(schema.type)) {
    const types = form.control === 'choice' ? form.options.flatMap((option) => ('form' in option ? [option.form.control] : [])) : [];
    return types.length === schema.type.length ? [] : [path];
  }
  if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
    if (form.control === 'raw') return [];
    return form.control === 'record' ? uncovered(schema.additionalProperties as Schema, form.value, `${path}{}`) : [path];
  }
  return [];
}

const tagOf = (variant: Schema) => [variant.properties?.kind?.const, variant.properties?.type?.const].filter(Boolean).join('/');

describe('the inspector form read from the model schema', () => {
  it.each(elementVariants().map((variant) => [tagOf(variant as Schema), variant as Schema]))('GIVEN a %s THEN every property, however deep, has a control', (_, variant) => {
    const form = elementForm({ kind: variant.properties!.kind!.const as 'site', type: variant.properties?.type?.const as string | undefined });
    const withKind = { ...form, fields: [{ key: 'kind', label: 'Kind', required: true, form: { control: 'text' } as const }, ...form.fields] };
    expect(uncovered(variant, withKind, tagOf(variant))).toStrictEqual([]);
  });

  it('GIVEN the element schema THEN there is a variant for every kind and every backend type', () => {
    const tags = elementVariants().map((variant) => tagOf(variant as Schema));
    expect(tags).toStrictEqual(expect.arrayContaining(['site', 'cluster', 'collector', 'link', 'flow', 'controlPlane', ...BACKEND_TYPES.map((type) => `backend/${type}`)]));
  });

  it('GIVEN a collector THEN receivers, processors and sampling policies are lists of sub-forms chosen by type', () => {
    const form = elementForm({ kind: 'collector' });
    const processors = form.fields.find((field) => field.key === 'processors')!.form;
    expect(processors.control === 'list' && processors.item.control === 'union' && processors.item.variants.map((variant) => variant.value)).toStrictEqual([...KNOWN_PROCESSOR_TYPES]);
    expect(processors.control === 'list' && processors.item.control === 'union' && processors.item.open !== undefined).toBe(true);
    const receivers = form.fields.find((field) => field.key === 'receivers')!.form;
    expect(receivers.control === 'list' && receivers.item.control === 'union' && receivers.item.variants.map((variant) => variant.value)).toStrictEqual(['otlp']);
    const tail = processors.control === 'list' && processors.item.control === 'union' ? processors.item.variants.find((variant) => variant.value === 'tail_sampling')!.form : undefined;
    const policies = tail?.fields.find((field) => field.key === 'policies')?.form;
    expect(policies?.control === 'list' && policies.item.control === 'union' && policies.item.variants.map((variant) => variant.value)).toContain('composite');
  });

  it('GIVEN the shapes of values THEN each gets its control', () => {
    const collector = elementForm({ kind: 'collector' });
    const flow = elementForm({ kind: 'flow' });
    const cluster = elementForm({ kind: 'cluster' });
    const field = (form: typeof flow, key: string) => form.fields.find((candidate) => candidate.key === key)!;
    expect(field(collector, 'mode').form).toStrictEqual({ control: 'select', options: ['daemonset', 'deployment', 'statefulset', 'sidecar', 'knative', 'lambda-layer', 'systemd', 'auto'] });
    expect(field(collector, 'replicas').form).toStrictEqual({ control: 'number', integer: true, min: 1 });
    expect(field(collector, 'overrides').form).toStrictEqual({ control: 'raw' });
    expect(field(collector, 'env').form.control).toBe('record');
    expect(field(flow, 'headers').form).toMatchObject({ control: 'record', value: { control: 'choice', options: [{ label: 'Text' }, { label: 'Secret reference' }] } });
    expect(field(flow, 'signals').form).toStrictEqual({ control: 'checkboxes', options: ['traces', 'metrics', 'logs'], minItems: 1 });
    expect(field(flow, 'retry')).toMatchObject({ required: false, form: { control: 'object' } });
    expect(field(cluster, 'resourceQuota')).toMatchObject({ default: 'auto', form: { control: 'choice', options: [{ literal: 'auto' }, { literal: 'none' }, { label: 'Custom' }] } });
    expect(valueForm({ type: 'array', items: { type: 'array' } } as never).control).toBe('unsupported');
  });

  it('GIVEN the hand-tuned fields THEN each names a property of its kind', () => {
    const missing = Object.entries(INSPECTOR_FIELDS).flatMap(([kind, fields]) => {
      const keys = new Set(elementVariants().filter((variant) => (variant as Schema).properties?.kind?.const === kind).flatMap((variant) => Object.keys((variant as Schema).properties ?? {})));
      return fields.filter((field) => !keys.has(field.key.split('.')[0]!)).map((field) => `${kind}.${field.key}`);
    });
    expect(missing).toStrictEqual([]);
  });

  it('GIVEN model keys THEN labels read as words', () => {
    expect([humanize('sendBatchMaxSize'), humanize('targetCpuUtilization'), humanize('caSecret')]).toStrictEqual(['Send batch max size', 'Target CPU utilization', 'CA secret']);
  });
});
