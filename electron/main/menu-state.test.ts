import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommandId } from '../../shared/ipc/contract.js';
import { createMenuState, type MenuInputs } from './menu-state.js';

function every(enabled: boolean, except: Partial<Record<MenuCommandId, boolean>> = {}): Record<MenuCommandId, boolean> {
  return { ...(Object.fromEntries(MENU_COMMANDS.map((id) => [id, enabled])) as Record<MenuCommandId, boolean>), ...except };
}

function setUp() {
  const setMenu = vi.fn<(inputs: MenuInputs) => void>();
  return { setMenu, menu: createMenuState(setMenu) };
}

describe('the application menu state', () => {
  it('GIVEN the menu is built WHEN the renderer reports a different set THEN the menu is rebuilt once with it and the recent files', () => {
    const { setMenu, menu } = setUp();
    menu.setRecentFiles(['/work/a.otel-topology.yaml']);
    menu.setEnabled(every(true, { 'file.save': false }));
    expect(setMenu).toHaveBeenCalledTimes(2);
    expect(setMenu).toHaveBeenLastCalledWith({ recentFiles: ['/work/a.otel-topology.yaml'], enabled: every(true, { 'file.save': false }) });
  });

  it('GIVEN a reported set WHEN the same set comes again THEN the menu is not rebuilt', () => {
    const { setMenu, menu } = setUp();
    menu.setRecentFiles([]);
    menu.setEnabled(every(true, { 'edit.undo': false }));
    setMenu.mockClear();
    menu.setEnabled(every(true, { 'edit.undo': false }));
    menu.setEnabled({ ...every(true, { 'edit.undo': false }) });
    expect(setMenu).not.toHaveBeenCalled();
    menu.setEnabled(every(true));
    expect(setMenu).toHaveBeenCalledExactlyOnceWith({ recentFiles: [], enabled: every(true) });
  });

  it('GIVEN a menu built before any report (all enabled) WHEN the first report enables everything THEN nothing is rebuilt', () => {
    const { setMenu, menu } = setUp();
    menu.setRecentFiles([]);
    setMenu.mockClear();
    menu.setEnabled(every(true));
    expect(setMenu).not.toHaveBeenCalled();
  });

  it('GIVEN a report before the menu is first built WHEN the recent files come THEN the first build greys out what was reported', () => {
    const { setMenu, menu } = setUp();
    menu.setEnabled(every(true, { 'export.bundle': false }));
    expect(setMenu).not.toHaveBeenCalled();
    menu.setRecentFiles([]);
    expect(setMenu).toHaveBeenCalledExactlyOnceWith({ recentFiles: [], enabled: every(true, { 'export.bundle': false }) });
  });

  it('GIVEN disabled commands WHEN the recent files change THEN they stay disabled; the same list again rebuilds nothing', () => {
    const { setMenu, menu } = setUp();
    menu.setRecentFiles([]);
    menu.setEnabled(every(false));
    setMenu.mockClear();
    menu.setRecentFiles(['/work/b.otel-topology.yaml']);
    menu.setRecentFiles(['/work/b.otel-topology.yaml']);
    expect(setMenu).toHaveBeenCalledExactlyOnceWith({ recentFiles: ['/work/b.otel-topology.yaml'], enabled: every(false) });
  });

  it('GIVEN a reported map WHEN the sender changes its object afterwards THEN the kept state does not change with it', () => {
    const { setMenu, menu } = setUp();
    menu.setRecentFiles([]);
    const reported = every(true, { 'view.fit': false });
    menu.setEnabled(reported);
    reported['view.fit'] = true;
    setMenu.mockClear();
    menu.setEnabled(every(true, { 'view.fit': false }));
    expect(setMenu).not.toHaveBeenCalled();
  });
});
