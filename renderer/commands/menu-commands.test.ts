import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, OPEN_RECENT_PREFIX, type DesktopApi } from '../../shared/ipc/contract.js';
import { createAppStore } from '../state/store.js';
import { createCommands, runMenuCommand, type CommandContext } from './registry.js';
import { GATEWAY_TOPOLOGY as TEXT } from './test-topology.js';

function setUp() {
  const store = createAppStore();
  const open = vi.fn(async () => ({ ok: true as const, data: { path: '/work/b.otel-topology.yaml', text: TEXT } }));
  const zoom = vi.fn<(step: 'in' | 'out' | 'reset') => void>();
  const context: CommandContext = { store, platform: { channels: { 'file:open': open } } as unknown as DesktopApi, fitView: () => {}, zoom, confirmDiscard: () => true };
  const commands = createCommands(context);
  const command = (id: string) => commands.find((candidate) => candidate.id === id)!;
  return { store, open, zoom, context, commands, command };
}

describe('the desktop menu and the registry', () => {
  it('GIVEN every id the menus send (MENU_COMMANDS) WHEN looked up THEN the registry has a command for it', () => {
    const { commands } = setUp();
    const ids = new Set(commands.map((command) => command.id));
    expect(MENU_COMMANDS.filter((id) => !ids.has(id))).toStrictEqual([]);
    expect(ids.size).toBe(commands.length);
  });

  it('GIVEN a menu id WHEN received THEN its command runs; an unknown id is reported, not thrown', () => {
    const { store, commands, context } = setUp();
    expect(runMenuCommand(commands, context, 'view.toggleProblems')).toBe(true);
    expect(store.getState().panes.problems).toBe(false);
    expect(runMenuCommand(commands, context, 'view.nothing')).toBe(false);
  });

  it('GIVEN the start screen (nothing open) WHEN File › Save, Save As or Export Bundle arrives THEN nothing runs: no empty file is saved', async () => {
    const { store, commands, context } = setUp();
    const save = vi.fn(async () => ({ ok: true as const, data: { path: '/work/new.otel-topology.yaml' } }));
    Object.assign(context.platform.channels, { 'file:save': save, 'recovery:clear': async () => ({ ok: true as const, data: null }) });
    for (const id of ['file.save', 'file.saveAs', 'export.bundle']) expect(runMenuCommand(commands, context, id)).toBe(true);
    await Promise.resolve();
    expect(save).not.toHaveBeenCalled();
    expect(store.getState().exportDialogOpen).toBe(false);

    // WHEN a document is open THEN the same menu item saves it.
    store.getState().openDocument(TEXT, null, { dirty: true });
    runMenuCommand(commands, context, 'file.save');
    await vi.waitFor(() => expect(store.getState().filePath).toBe('/work/new.otel-topology.yaml'));
    expect(save).toHaveBeenCalledWith({ path: null, text: TEXT, saveAs: false });
  });

  it('GIVEN file.openRecent:<path> WHEN received THEN that path is opened with file:open', async () => {
    const { store, commands, context, open } = setUp();
    expect(runMenuCommand(commands, context, `${OPEN_RECENT_PREFIX}/work/b.otel-topology.yaml`)).toBe(true);
    await vi.waitFor(() => expect(store.getState().filePath).toBe('/work/b.otel-topology.yaml'));
    expect(open).toHaveBeenCalledWith({ path: '/work/b.otel-topology.yaml' });
  });
});

describe('the Edit and View commands', () => {
  it('GIVEN a selected collector WHEN duplicated THEN the YAML gets the copy, it is selected, and one undo removes it', () => {
    const { store, command } = setUp();
    store.getState().openDocument(TEXT, null);
    expect(command('edit.duplicate').shortcut).toBe('Mod+D');
    store.getState().select(['gateway']);
    void command('edit.duplicate').run();
    const text = store.getState().document.text;
    expect(text).toContain('id: gateway-2');
    expect(store.getState().document.topology!.layout['gateway-2']).toStrictEqual({ x: 72, y: 92 });
    expect(store.getState().selection).toStrictEqual(['gateway-2']);
    store.getState().undo();
    expect(store.getState().document.text).toBe(TEXT);
  });

  it('GIVEN an open document WHEN Select all runs THEN every element is selected', () => {
    const { store, command } = setUp();
    store.getState().openDocument(TEXT, null);
    expect(command('edit.selectAll').shortcut).toBe('Mod+A');
    expect(command('edit.selectAll').global).toBeUndefined();
    void command('edit.selectAll').run();
    expect(store.getState().selection).toStrictEqual(['aws-use1', 'eks', 'gateway']);
  });

  it('GIVEN the panes WHEN toggled THEN each hides and shows again', () => {
    const { store, command } = setUp();
    for (const [id, pane] of [['view.toggleEditor', 'editor'], ['view.toggleProblems', 'problems'], ['view.toggleMinimap', 'minimap']] as const) {
      expect(store.getState().panes[pane]).toBe(true);
      void command(id).run();
      expect(store.getState().panes[pane]).toBe(false);
      void command(id).run();
      expect(store.getState().panes[pane]).toBe(true);
    }
  });

  it('GIVEN the zoom commands WHEN run THEN they ask the canvas to zoom in, out and back to 100 %', () => {
    const { zoom, command } = setUp();
    expect(['view.zoomIn', 'view.zoomOut', 'view.zoomReset'].map((id) => command(id).shortcut)).toStrictEqual(['Mod+=', 'Mod+-', 'Mod+0']);
    for (const id of ['view.zoomIn', 'view.zoomOut', 'view.zoomReset']) void command(id).run();
    expect(zoom.mock.calls).toStrictEqual([['in'], ['out'], ['reset']]);
  });
});
