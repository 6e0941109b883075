import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { updateElement } from '../../model/commands.js';
import { createAppStore } from '../../state/store.js';
import { elementForm, type ValueForm } from './form-schema.js';
import { checkElement, emptiedValue, planEdit, readAt, retype, setAt, type Plain } from './form-values.js';

const TEXT = `schemaVersion: 1
name: demo
elements:
  - kind: site
    id: aws-use1
    provider: aws
    region: us-east-1
  - kind: cluster
    id: eks
    site: aws-use1
    platform: eks
  - kind: collector
    id: gateway
    cluster: eks
    role: gateway
    replicas: 2
  - kind: backend
    id: tempo
    type: otlp
    endpoint: tempo:4317
  - kind: flow
    id: gateway-to-tempo
    from: gateway
    to: tempo
    signals: [traces]
`;

/** The store with the demo open, and the element `id` as the file writes it. */
function open() {
  const store = createAppStore();
  store.getState().openDocument(TEXT, null);
  const written = (id: string) => (parse(store.getState().document.text) as { elements: Plain[] }).elements.find((element) => element.id === id)!;
  return { store, written };
}

/** What the inspector does with one edit: plan it, commit it when valid. */
function edit(store: ReturnType<typeof open>['store'], written: Plain, path: ReadonlyArray<string | number>, value: unknown) {
  const candidate = setAt(elementForm(written as never), written, path, value);
  const plan = planEdit(store.getState().document.topology!, String(written.id), written, candidate);
  if (plan.kind === 'commit') store.getState().applyModel((topology) => updateElement(topology, String(written.id), plan.patch));
  return plan;
}

describe('inspector edits', () => {
  it('GIVEN a collector without resources WHEN the memory limit is set THEN only the limits are written, keeping the CPU limit the user saw', () => {
    const { store, written } = open();
    const collector = written('gateway');
    expect(readAt(elementForm(collector as never), collector, ['resources', 'limits', 'memory'])).toStrictEqual({ value: undefined, fallback: '512Mi' });

    const plan = edit(store, collector, ['resources', 'limits', 'memory'], '1Gi');

    expect(plan).toStrictEqual({ kind: 'commit', patch: { resources: { limits: { cpu: '1', memory: '1Gi' } } } });
    expect(written('gateway').resources).toStrictEqual({ limits: { cpu: '1', memory: '1Gi' } });
    const model = store.getState().document.topology!.elements.find((element) => element.id === 'gateway');
    expect(model).toMatchObject({ resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } } });
  });

  it('GIVEN a malformed memory quantity WHEN planned THEN it is refused with the model message at its path and nothing changes', () => {
    const { store, written } = open();
    const before = store.getState().document.text;

    const plan = edit(store, written('gateway'), ['resources', 'limits', 'memory'], '1 gigabyte');

    expect(plan).toStrictEqual({ kind: 'refuse', errors: new Map([['resources.limits.memory', 'a memory quantity such as 512Mi or 2Gi']]) });
    expect(store.getState().document.text).toBe(before);
  });

  it('GIVEN an optional field WHEN cleared THEN it is removed from the element', () => {
    const { store, written } = open();

    const plan = edit(store, written('gateway'), ['replicas'], undefined);

    expect(plan).toStrictEqual({ kind: 'commit', patch: { replicas: undefined } });
    expect('replicas' in written('gateway')).toBe(false);
  });

  it.each([
    ['flow', 'exporterName', ''],
    ['backend', 'prefix', ''],
    ['flow', 'label', undefined],
    ['collector', 'image', undefined],
    ['collector', 'replicas', undefined],
    ['flow', 'id', ''],
  ] as const)('GIVEN a %s WHEN the text of %s is emptied THEN %j is set', (kind, key, expected) => {
    const element = kind === 'backend' ? { kind, type: 'awss3' } : { kind };
    const field = elementForm(element as never).fields.find((candidate) => candidate.key === key)!;
    expect(emptiedValue(field.form, field.required)).toBe(expected);
  });

  it('GIVEN a flow with an exporter name WHEN it is emptied THEN `exporterName: ""` is written, a bare exporter id rather than the default', () => {
    const { store, written } = open();
    edit(store, written('gateway-to-tempo'), ['exporterName'], 'traces');
    const form = elementForm(written('gateway-to-tempo') as never).fields.find((field) => field.key === 'exporterName')!.form;

    const plan = edit(store, written('gateway-to-tempo'), ['exporterName'], emptiedValue(form, false));

    expect(plan).toStrictEqual({ kind: 'commit', patch: { exporterName: '' } });
    expect(written('gateway-to-tempo').exporterName).toBe('');
    expect(store.getState().document.text).toContain('exporterName: ""');
  });

  it('GIVEN a flow WHEN a retry interval and a persistent queue are set THEN both are written without their defaults', () => {
    const { store, written } = open();
    edit(store, written('gateway-to-tempo'), ['retry', 'maxElapsedTime'], '10m');
    edit(store, written('gateway-to-tempo'), ['queue', 'type'], 'persistent');
    expect(written('gateway-to-tempo')).toMatchObject({ retry: { maxElapsedTime: '10m' }, queue: { type: 'persistent' } });
  });

  it('GIVEN the default processors WHEN one is added THEN the list is written whole, the new one last', () => {
    const { store, written } = open();
    const collector = written('gateway');
    const processors = readAt(elementForm(collector as never), collector, ['processors']).fallback as Plain[];

    edit(store, collector, ['processors'], [...processors, { type: 'filter', spans: ['attributes["drop"] == true'] }]);

    expect((written('gateway').processors as Plain[]).map((processor) => processor.type)).toStrictEqual(['memory_limiter', 'batch', 'filter']);
  });

  it('GIVEN a processor missing a required field THEN the message is at that field', () => {
    const { store, written } = open();
    const plan = edit(store, written('gateway'), ['processors'], [{ type: 'probabilistic_sampler' }]);
    expect(plan).toStrictEqual({ kind: 'refuse', errors: new Map([['processors.0.samplingPercentage', 'required']]) });
  });

  it('GIVEN a rename to a taken id THEN it is refused with the command message', () => {
    const { store, written } = open();
    expect(edit(store, written('gateway'), ['id'], 'tempo')).toStrictEqual({ kind: 'refuse', errors: new Map([['id', 'tempo is already used.']]) });
  });

  it('GIVEN a backend WHEN its type changes THEN the keys the new type lacks go', () => {
    const backend = { kind: 'backend', id: 'tempo', type: 'otlp', endpoint: 'tempo:4317', insecure: true };
    const next = retype(backend, elementForm({ kind: 'backend', type: 'debug' }), 'type', 'debug');
    expect(next).toStrictEqual({ type: 'debug', id: 'tempo' });
    expect(checkElement({ kind: 'backend', ...next }).ok).toBe(true);
  });
});
