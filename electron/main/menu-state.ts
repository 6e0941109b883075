/**
 * What the application menu is built from — the recent files and which commands can run now
 * (`menu:state`) — kept between rebuilds. Electron's menus are rebuilt whole from a template, and
 * a rebuild is not free (every item is made again, natively), while the renderer reports its
 * state every time it changes: the menu is rebuilt only when what it shows changes.
 */
import { MENU_COMMANDS, type MenuCommandId } from '../../shared/ipc/contract.js';

export type MenuEnabled = Readonly<Partial<Record<MenuCommandId, boolean>>>;

export interface MenuInputs {
  readonly recentFiles: readonly string[];
  readonly enabled: MenuEnabled;
}

export interface MenuState {
  /** The Open Recent list; the first call builds the menu. */
  setRecentFiles(recentFiles: readonly string[]): void;
  /** The renderer's `menu:state`; before the first `setRecentFiles` it is only kept. */
  setEnabled(enabled: MenuEnabled): void;
}

/** A command with no state is enabled, as the menu shows it before the page first says. */
function sameEnabled(a: MenuEnabled, b: MenuEnabled): boolean {
  return MENU_COMMANDS.every((id) => (a[id] ?? true) === (b[id] ?? true));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** `setMenu` builds and sets the application menu (index.ts: `buildMenuTemplate` + `Menu.setApplicationMenu`). */
export function createMenuState(setMenu: (inputs: MenuInputs) => void): MenuState {
  let recentFiles: readonly string[] | undefined;
  let enabled: MenuEnabled = {};
  return {
    setRecentFiles(list) {
      if (recentFiles !== undefined && sameList(recentFiles, list)) return;
      recentFiles = [...list];
      setMenu({ recentFiles, enabled });
    },
    setEnabled(next) {
      if (sameEnabled(enabled, next)) return;
      enabled = { ...next };
      if (recentFiles !== undefined) setMenu({ recentFiles, enabled });
    },
  };
}
