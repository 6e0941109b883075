/**
 * The native menus, as data: every item is either a command of the renderer's registry (sent as
 * the `menu:command` event with its id) or an Electron role that the OS implements (clipboard,
 * quit). `buildMenuTemplate` turns the list into Electron's template shape without importing
 * Electron, so it is tested as is. Command items the renderer says cannot run now (`menu:state`)
 * are greyed out; menu-state.ts keeps that state and rebuilds the menu when it changes.
 */

export type MenuEntry =
  | {
      readonly kind: 'command';
      readonly id: MenuCommandId;
      readonly label: string;
      readonly accelerator?: string;
      /**
       * False: the shortcut is shown but left to the page, so the key still reaches text fields
       * and Monaco (on Windows and Linux a registered accelerator swallows it). macOS ignores this:
       * the menu gets ⌘ keys the page leaves unhandled (a text field's ⌘A, ⌘Z), and the renderer
       * does the text edit for those (renderer/commands/menu-edit-in-focus.ts); keys without ⌘
       * are not given to the menu there at all (`acceleratorOn`).
       */
      readonly registerAccelerator?: false;
    }
  | { readonly kind: 'role'; readonly role: 'cut' | 'copy' | 'paste' | 'quit'; readonly label?: string }
  | { readonly kind: 'recent'; readonly label: string }
  | { readonly kind: 'separator' };

export interface MenuSection {
  readonly label: string;
  readonly entries: readonly MenuEntry[];
}

import { MENU_COMMANDS, OPEN_RECENT_PREFIX, type MenuCommandId } from '../../shared/ipc/contract.js';

/** Recent files are sent as `file.openRecent:<absolute path>`; the renderer opens it with `file:open`. */
export { OPEN_RECENT_PREFIX };

const separator = { kind: 'separator' } as const;

export const MENU: readonly MenuSection[] = [
  {
    label: '&File',
    entries: [
      { kind: 'command', id: 'file.new', label: '&New', accelerator: 'CmdOrCtrl+N' },
      { kind: 'command', id: 'file.newFromTemplate', label: 'New from &Template…' },
      { kind: 'command', id: 'file.open', label: '&Open…', accelerator: 'CmdOrCtrl+O' },
      { kind: 'recent', label: 'Open &Recent' },
      { kind: 'command', id: 'file.import', label: '&Import Configs or Manifests…' },
      { kind: 'command', id: 'file.importFolder', label: 'Import a &Folder of Configs…' },
      separator,
      { kind: 'command', id: 'file.save', label: '&Save', accelerator: 'CmdOrCtrl+S' },
      { kind: 'command', id: 'file.saveAs', label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S' },
      separator,
      { kind: 'command', id: 'export.bundle', label: '&Export Bundle…', accelerator: 'CmdOrCtrl+E' },
      { kind: 'command', id: 'export.diagram', label: 'Export &Diagram as SVG…' },
      { kind: 'command', id: 'export.diagramPng', label: 'Export Diagram as &PNG…' },
      separator,
      { kind: 'role', role: 'quit', label: '&Quit' },
    ],
  },
  {
    label: '&Edit',
    entries: [
      { kind: 'command', id: 'edit.undo', label: '&Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false },
      { kind: 'command', id: 'edit.redo', label: '&Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false },
      separator,
      { kind: 'role', role: 'cut', label: 'Cu&t' },
      { kind: 'role', role: 'copy', label: '&Copy' },
      { kind: 'role', role: 'paste', label: '&Paste' },
      separator,
      { kind: 'command', id: 'edit.duplicate', label: 'Dup&licate', accelerator: 'CmdOrCtrl+D', registerAccelerator: false },
      { kind: 'command', id: 'edit.delete', label: '&Delete', accelerator: 'Delete', registerAccelerator: false },
      { kind: 'command', id: 'edit.selectAll', label: 'Select &All', accelerator: 'CmdOrCtrl+A', registerAccelerator: false },
    ],
  },
  {
    label: '&View',
    entries: [
      { kind: 'command', id: 'view.toggleEditor', label: 'Toggle &Editor', accelerator: 'CmdOrCtrl+Shift+E' },
      { kind: 'command', id: 'view.toggleProblems', label: 'Toggle &Problems Panel', accelerator: 'CmdOrCtrl+Shift+M' },
      { kind: 'command', id: 'view.toggleMinimap', label: 'Toggle &Minimap' },
      separator,
      { kind: 'command', id: 'view.zoomIn', label: 'Zoom &In', accelerator: 'CmdOrCtrl+=' },
      { kind: 'command', id: 'view.zoomOut', label: 'Zoom &Out', accelerator: 'CmdOrCtrl+-' },
      { kind: 'command', id: 'view.zoomReset', label: '&Reset Zoom', accelerator: 'CmdOrCtrl+0' },
      // No accelerator: macOS registers every one it is given, and the page's Shift+1 would then
      // take "!" from text fields and the editor.
      { kind: 'command', id: 'view.fit', label: '&Fit to Window' },
      separator,
      // Shift+Alt+L is the page's shortcut: shown, not registered, so the editor keeps the key.
      { kind: 'command', id: 'layout.auto', label: '&Auto-layout', accelerator: 'Shift+Alt+L', registerAccelerator: false },
      separator,
      { kind: 'command', id: 'view.toggleTheme', label: 'Toggle &Theme' },
    ],
  },
];

/**
 * Every command id the menus send (besides `file.openRecent:<path>`), in menu order: the
 * contract's `MENU_COMMANDS`, which the renderer's registry is tested against.
 */
export const MENU_COMMAND_IDS: readonly MenuCommandId[] = MENU.flatMap((section) =>
  section.entries.flatMap((entry) => (entry.kind === 'command' ? [entry.id] : [])),
);
export { MENU_COMMANDS };

/** The subset of Electron's `MenuItemConstructorOptions` the template uses. */
export interface MenuItemTemplate {
  label?: string;
  role?: 'cut' | 'copy' | 'paste' | 'quit' | 'appMenu' | 'toggleDevTools';
  type?: 'separator' | 'submenu';
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuContext {
  /** Sends `menu:command` to the app's window. */
  send(commandId: string): void;
  recentFiles: readonly string[];
  platform: NodeJS.Platform;
  /** Adds View › Toggle Developer Tools (unpackaged builds). */
  devTools?: boolean;
  /**
   * Which commands can run now (the renderer's last `menu:state`): those set to false are greyed
   * out; a command with no state (before the page first says) stays enabled.
   */
  enabled?: Readonly<Partial<Record<MenuCommandId, boolean>>>;
}

function recentSubmenu(context: MenuContext): MenuItemTemplate[] {
  if (context.recentFiles.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  return context.recentFiles.map((path) => ({
    // An "&" in a path would otherwise become a mnemonic.
    label: path.replaceAll('&', '&&'),
    click: () => context.send(`${OPEN_RECENT_PREFIX}${path}`),
  }));
}

/**
 * The accelerator an item gets on `platform`. macOS hands a key without ⌘ to the menu before the
 * page sees it (Chromium only lets the page go first for ⌘ keys), so Delete or Shift+Alt+L there
 * would never reach a text field or the editor, and the canvas would take them from the user's
 * typing: on macOS such an item shows no shortcut, and the page's own shortcut handles the key.
 */
export function acceleratorOn(accelerator: string | undefined, platform: NodeJS.Platform): string | undefined {
  if (accelerator === undefined || platform !== 'darwin') return accelerator;
  return /(^|\+)(CmdOrCtrl|CommandOrControl|Cmd|Command)\+/i.test(accelerator) ? accelerator : undefined;
}

function itemFor(entry: MenuEntry, context: MenuContext): MenuItemTemplate {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return entry.label === undefined ? { role: entry.role } : { role: entry.role, label: entry.label };
    case 'recent':
      return { label: entry.label, submenu: recentSubmenu(context) };
    case 'command': {
      const accelerator = acceleratorOn(entry.accelerator, context.platform);
      return {
        label: entry.label,
        ...(accelerator === undefined ? {} : { accelerator }),
        ...(accelerator !== undefined && entry.registerAccelerator === false ? { registerAccelerator: false } : {}),
        ...(context.enabled?.[entry.id] === false ? { enabled: false } : {}),
        click: () => context.send(entry.id),
      };
    }
  }
}

/** Electron's menu template for the platform: macOS gets the app menu and keeps Quit there. */
export function buildMenuTemplate(context: MenuContext, menu: readonly MenuSection[] = MENU): MenuItemTemplate[] {
  const mac = context.platform === 'darwin';
  const sections = menu.map((section) => {
    let entries = section.entries.filter((entry) => !(mac && entry.kind === 'role' && entry.role === 'quit'));
    // No separator may end a menu once Quit is gone.
    while (entries.at(-1)?.kind === 'separator') entries = entries.slice(0, -1);
    const submenu = entries.map((entry) => itemFor(entry, context));
    if (context.devTools && section.label === '&View') submenu.push({ type: 'separator' }, { role: 'toggleDevTools' });
    return { label: section.label, submenu };
  });
  return mac ? [{ role: 'appMenu' }, ...sections] : sections;
}
