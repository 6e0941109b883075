import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, ResponseOf, Result } from '../../shared/ipc/contract.js';
import { commonDirectory, location, runImport } from '../import/import-outcome.js';
import { createAppStore, isDirty } from '../state/store.js';
import { BLANK_TOPOLOGY, createCommands, openPath } from './registry.js';
import manifestsText from '../../shared/import/fixtures/kubernetes-manifests.yaml?raw';

const MANIFESTS = { path: '/work/k8s/kubernetes-manifests.yaml', text: manifestsText };

function setUp(answer: Result<ResponseOf<'file:import'>>, { confirm = true, id = 'file.import' } = {}) {
  const store = createAppStore();
  const importChannel = vi.fn(async () => answer);
  const platform = { channels: { 'file:import': importChannel } } as unknown as DesktopApi;
  const confirmDiscard = vi.fn(() => confirm);
  const context = { store, platform, fitView: () => {}, confirmDiscard };
  const command = createCommands(context).find((candidate) => candidate.id === id)!;
  return { store, command, confirmDiscard, importChannel };
}

describe('the Import command', () => {
  it('GIVEN Kubernetes manifests WHEN imported THEN they open as a new unsaved topology and the report is shown', async () => {
    const { store, command } = setUp({ ok: true, data: { files: [MANIFESTS] } });
    expect(command.label).toBe('Import collector configs or manifests…');
    await command.run();
    const state = store.getState();
    expect(state.isOpen).toBe(true);
    expect(state.filePath).toBeNull();
    expect(isDirty(state)).toBe(true);
    expect(state.document.topology?.elements.filter((element) => element.kind === 'collector').map((element) => element.id)).toStrictEqual(['agent', 'otel-gateway']);
    expect(state.importReport?.summary).toMatch(/^Imported 2 collectors, 2 backends and 3 flows from 1 file/);
    expect(state.importReport?.report.recognised.length).toBeGreaterThan(0);
  });

  it('GIVEN files that cannot be imported WHEN imported THEN the open document stays untouched and the report says why', async () => {
    const { store, command, confirmDiscard } = setUp({ ok: true, data: { files: [{ path: '/w/broken.yaml', text: 'receivers: [\n' }] } });
    store.getState().openDocument(BLANK_TOPOLOGY, '/w/mine.otel-topology.yaml');
    store.getState().editText(`${BLANK_TOPOLOGY}# edited\n`);
    await command.run();
    const state = store.getState();
    expect(state.filePath).toBe('/w/mine.otel-topology.yaml');
    expect(state.document.text).toBe(`${BLANK_TOPOLOGY}# edited\n`);
    expect(confirmDiscard).not.toHaveBeenCalled();
    expect(state.importReport?.text).toBeUndefined();
    expect(state.importReport?.summary).toMatch(/^Nothing was imported from 1 file: \d+ errors?\. The current document is unchanged\.$/);
    expect(state.importReport?.report.problems[0]).toMatchObject({ file: '/w/broken.yaml', severity: 'error' });
  });

  it('GIVEN unsaved changes WHEN an import succeeds but the user keeps them THEN nothing changes and no report is shown', async () => {
    const { store, command, confirmDiscard } = setUp({ ok: true, data: { files: [MANIFESTS] } }, { confirm: false });
    store.getState().openDocument(BLANK_TOPOLOGY, null, { dirty: true });
    await command.run();
    expect(confirmDiscard).toHaveBeenCalledOnce();
    expect(store.getState().document.text).toBe(BLANK_TOPOLOGY);
    expect(store.getState().importReport).toBeUndefined();
  });

  it('GIVEN Import a folder WHEN run THEN the platform is asked for folders, and what it reads imports the same way', async () => {
    const { store, command, importChannel } = setUp({ ok: true, data: { files: [MANIFESTS] } }, { id: 'file.importFolder' });
    expect(command.label).toBe('Import a folder of configs or manifests…');
    await command.run();
    expect(importChannel).toHaveBeenCalledWith({ from: 'folder' });
    expect(store.getState().importReport?.summary).toMatch(/^Imported 2 collectors/);
  });

  it('GIVEN the user cancels the file dialog WHEN importing THEN nothing happens', async () => {
    const { store, command } = setUp({ ok: true, data: null });
    await command.run();
    expect(store.getState().isOpen).toBe(false);
    expect(store.getState().importReport).toBeUndefined();
    expect(store.getState().message).toBeUndefined();
  });

  it('GIVEN the files cannot be read WHEN importing THEN the error is shown', async () => {
    const { store, command } = setUp({ ok: false, error: 'too many files to import: 300, at most 200; choose fewer' });
    await command.run();
    expect(store.getState().message).toMatchObject({ kind: 'error', text: 'too many files to import: 300, at most 200; choose fewer' });
  });
});

describe('import report locations', () => {
  it('GIVEN files in one folder tree WHEN shown THEN locations leave the common folder out', () => {
    expect(commonDirectory(['/w/k8s/a.yaml', '/w/k8s/sub/b.yaml'])).toBe('/w/k8s/');
    expect(commonDirectory(['/w/a/x.yaml', '/w/ab/y.yaml'])).toBe('/w/');
    expect(commonDirectory(['a.yaml', 'b.yaml'])).toBe('');
    expect(commonDirectory(['C:\\w\\a.yaml', 'C:\\w\\b\\c.yaml'])).toBe('C:\\w\\');
    expect(location({ file: '/w/k8s/sub/b.yaml', line: 3, column: 5 }, '/w/k8s/')).toBe('sub/b.yaml:3:5');
  });

  it('GIVEN a collector config WHEN run THEN the text is a topology and the report entries carry lines', () => {
    const outcome = runImport([MANIFESTS]);
    expect(outcome.text).toMatch(/^schemaVersion: 1\n/);
    expect(outcome.report.overrides.every((entry) => entry.line >= 1)).toBe(true);
  });
});

describe('opening a path given to the app', () => {
  function context(confirm: boolean) {
    const store = createAppStore();
    const open = vi.fn(async () => ({ ok: true as const, data: { path: '/w/a.otel-topology.yaml', text: BLANK_TOPOLOGY } }));
    const platform = { channels: { 'file:open': open } } as unknown as DesktopApi;
    return { store, open, context: { store, platform, fitView: () => {}, confirmDiscard: () => confirm } };
  }

  it('GIVEN no unsaved changes WHEN a path is requested THEN file:open opens it by name', async () => {
    const { store, open, context: ctx } = context(true);
    await openPath(ctx, '/w/a.otel-topology.yaml');
    expect(open).toHaveBeenCalledWith({ path: '/w/a.otel-topology.yaml' });
    expect(store.getState().filePath).toBe('/w/a.otel-topology.yaml');
  });

  it('GIVEN unsaved changes the user keeps WHEN a path is requested THEN nothing is opened', async () => {
    const { store, open, context: ctx } = context(false);
    store.getState().openDocument(BLANK_TOPOLOGY, null, { dirty: true });
    await openPath(ctx, '/w/a.otel-topology.yaml');
    expect(open).not.toHaveBeenCalled();
    expect(store.getState().filePath).toBeNull();
  });
});
