import { describe, expect, it } from 'vitest';
import { updateElement } from '../model/commands.js';
import { createAppStore } from './store.js';

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
    id: Gateway
    cluster: eks
    role: gateway
    replicas: 2
`;

describe('app store', () => {
  it('GIVEN an opened document THEN the engine bundle and diagnostics are there', () => {
    const store = createAppStore();
    store.getState().openDocument(TEXT, null);
    const state = store.getState();
    expect(state.isOpen).toBe(true);
    expect(state.bundle?.files.some((file) => file.path.startsWith('clusters/eks/'))).toBe(true);
    expect(state.diagnostics.some((diagnostic) => diagnostic.ruleId === 'invalid-name' && diagnostic.elementIds.includes('Gateway'))).toBe(true);
  });

  it('GIVEN the engine runs after opening WHEN a document opens THEN the model is there at once and problems and files follow', () => {
    const pending: Array<() => void> = [];
    const store = createAppStore({ afterOpen: (run) => pending.push(run) });
    store.getState().openDocument(TEXT, null);
    expect(store.getState().document.topology?.elements).toHaveLength(3);
    expect(store.getState().bundle).toBeUndefined();
    expect(store.getState().diagnostics).toStrictEqual([]);
    pending.shift()!();
    expect(store.getState().bundle?.files.length).toBeGreaterThan(0);
    expect(store.getState().diagnostics.length).toBeGreaterThan(0);
  });

  it('GIVEN a document waiting for the engine WHEN an export settles it THEN the engine runs at once, and only once', () => {
    const pending: Array<() => void> = [];
    const store = createAppStore({ afterOpen: (run) => pending.push(run) });
    store.getState().openDocument(TEXT, null);
    store.getState().settle();
    const settled = store.getState();
    expect(settled.bundle?.files.length).toBeGreaterThan(0);
    pending.shift()!();
    expect(store.getState()).toBe(settled);
  });

  it('GIVEN the engine runs after opening WHEN an edit or another document comes first THEN the late run changes nothing', () => {
    const pending: Array<() => void> = [];
    const store = createAppStore({ afterOpen: (run) => pending.push(run) });
    store.getState().openDocument(TEXT, null);
    store.getState().editText(TEXT.replace('replicas: 2', 'replicas: 4'));
    const edited = store.getState();
    expect(edited.bundle?.files.length).toBeGreaterThan(0);
    pending.shift()!();
    expect(store.getState()).toBe(edited);

    store.getState().openDocument(TEXT, null);
    store.getState().openDocument(TEXT.replace('name: demo', 'name: other'), null);
    pending.shift()!();
    expect(store.getState().bundle).toBeUndefined();
    pending.shift()!();
    expect(store.getState().bundle?.files.some((file) => file.content.includes('other'))).toBe(true);
  });

  it('GIVEN a model command WHEN undone and redone THEN text, model and dirty flag follow', () => {
    const store = createAppStore();
    store.getState().openDocument(TEXT, 'demo.otel-topology.yaml');
    expect(store.getState().applyModel((topology) => updateElement(topology, 'Gateway', { replicas: 3 }))).toBe(true);
    expect(store.getState().document.text).toContain('replicas: 3');
    expect(store.getState().selection).toStrictEqual(['Gateway']);
    expect(store.getState().document.text !== store.getState().savedText).toBe(true);

    store.getState().undo();
    expect(store.getState().document.text).toBe(TEXT);
    expect(store.getState().document.text === store.getState().savedText).toBe(true);
    store.getState().redo();
    expect(store.getState().document.topology?.elements[2]).toMatchObject({ replicas: 3 });
  });

  it('GIVEN broken text from the editor THEN the last model stays and model commands are refused', () => {
    const store = createAppStore();
    store.getState().openDocument(TEXT, null);
    const topology = store.getState().document.topology;
    store.getState().editText(`${TEXT}  - kind: [`);
    expect(store.getState().document.topology).toBe(topology);
    expect(store.getState().document.problems.length).toBeGreaterThan(0);
    expect(store.getState().applyModel((model) => updateElement(model, 'Gateway', { replicas: 3 }))).toBe(false);
    expect(store.getState().message?.kind).toBe('error');
  });

  it('GIVEN a selected element WHEN it is deleted by text THEN the selection drops it', () => {
    const store = createAppStore();
    store.getState().openDocument(TEXT, null);
    store.getState().select(['Gateway']);
    store.getState().editText(TEXT.slice(0, TEXT.indexOf('  - kind: collector')));
    expect(store.getState().selection).toStrictEqual([]);
  });

  it('GIVEN a diagnostic path WHEN revealed THEN the editor is asked for its line', () => {
    const store = createAppStore();
    store.getState().openDocument(TEXT, null);
    store.getState().revealPath(['elements', 2, 'id']);
    expect(store.getState().reveal).toMatchObject({ line: 13, column: 9 });
  });
});
