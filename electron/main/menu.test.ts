import { describe, expect, it, vi } from 'vitest';
import { acceleratorOn, buildMenuTemplate, MENU, MENU_COMMAND_IDS, MENU_COMMANDS, OPEN_RECENT_PREFIX, type MenuItemTemplate } from './menu.js';

function leaves(items: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => (item.submenu ? leaves(item.submenu) : [item]));
}

function find(items: readonly MenuItemTemplate[], label: string): MenuItemTemplate {
  const found = leaves(items).find((item) => item.label?.replaceAll('&', '') === label) ?? items.find((item) => item.label?.replaceAll('&', '') === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

describe('menu template', () => {
  const send = vi.fn();
  const template = buildMenuTemplate({ send, recentFiles: ['/work/a.otel-topology.yaml', '/work/R&D.otel-topology.yaml'], platform: 'linux' });

  it('GIVEN the command list WHEN built THEN every item has a command (click), a role, a submenu, or is a separator or placeholder', () => {
    for (const item of leaves(template)) {
      const kinds = [item.click !== undefined, item.role !== undefined, item.type === 'separator', item.enabled === false].filter(Boolean);
      expect(kinds, JSON.stringify(item)).toHaveLength(1);
    }
  });

  it('GIVEN File, Edit and View WHEN built THEN they hold the items users expect', () => {
    expect(template.map((section) => section.label)).toStrictEqual(['&File', '&Edit', '&View']);
    const labels = leaves(template).map((item) => item.label?.replaceAll('&', '') ?? item.role ?? item.type);
    for (const expected of ['New', 'New from Template…', 'Open…', 'Save', 'Save As…', 'Import Configs or Manifests…', 'Export Bundle…', 'Export Diagram as SVG…', 'Export Diagram as PNG…', 'Quit', 'Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Duplicate', 'Delete', 'Select All', 'Toggle Editor', 'Toggle Problems Panel', 'Toggle Minimap', 'Zoom In', 'Zoom Out', 'Reset Zoom', 'Fit to Window', 'Auto-layout', 'Toggle Theme']) {
      expect(labels).toContain(expected);
    }
  });

  it('GIVEN a command item WHEN clicked THEN sends its command id', () => {
    find(template, 'Save').click!();
    find(template, 'Toggle Problems Panel').click!();
    find(template, 'Import Configs or Manifests…').click!();
    find(template, 'Export Diagram as PNG…').click!();
    find(template, 'Auto-layout').click!();
    find(template, 'New from Template…').click!();
    find(template, 'Fit to Window').click!();
    expect(send.mock.calls).toStrictEqual([['file.save'], ['view.toggleProblems'], ['file.import'], ['export.diagramPng'], ['layout.auto'], ['file.newFromTemplate'], ['view.fit']]);
  });

  it('GIVEN clipboard and quit WHEN built THEN they are Electron roles, so text fields get native behaviour', () => {
    expect(['Cut', 'Copy', 'Paste', 'Quit'].map((label) => find(template, label).role)).toStrictEqual(['cut', 'copy', 'paste', 'quit']);
  });

  it('GIVEN recent files WHEN one is clicked THEN sends file.openRecent with its path; an & is shown, not a mnemonic', () => {
    send.mockClear();
    const recent = template[0]!.submenu!.find((item) => item.label === 'Open &Recent')!.submenu!;
    expect(recent.map((item) => item.label)).toStrictEqual(['/work/a.otel-topology.yaml', '/work/R&&D.otel-topology.yaml']);
    recent[1]!.click!();
    expect(send).toHaveBeenCalledWith(`${OPEN_RECENT_PREFIX}/work/R&D.otel-topology.yaml`);
  });

  it('GIVEN no recent files WHEN built THEN Open Recent shows one disabled placeholder', () => {
    const empty = buildMenuTemplate({ send, recentFiles: [], platform: 'linux' });
    expect(empty[0]!.submenu!.find((item) => item.label === 'Open &Recent')!.submenu).toStrictEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('GIVEN editing shortcuts WHEN built THEN they are shown but left to the page, so Delete and Ctrl+A still work in text fields', () => {
    for (const label of ['Undo', 'Redo', 'Duplicate', 'Delete', 'Select All', 'Auto-layout']) expect(find(template, label).registerAccelerator).toBe(false);
    expect(find(template, 'Save').registerAccelerator).toBeUndefined();
  });

  it('GIVEN macOS WHEN built THEN keys without ⌘ (Delete, Shift+Alt+L) are not the menu’s, so they reach text fields and the editor; ⌘ shortcuts stay', () => {
    const mac = buildMenuTemplate({ send, recentFiles: [], platform: 'darwin' });
    expect(find(mac, 'Delete')).not.toHaveProperty('accelerator');
    expect(find(mac, 'Delete')).not.toHaveProperty('registerAccelerator');
    expect(find(mac, 'Auto-layout')).not.toHaveProperty('accelerator');
    expect(find(mac, 'Select All')).toMatchObject({ accelerator: 'CmdOrCtrl+A', registerAccelerator: false });
    expect(find(mac, 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(find(mac, 'Save').accelerator).toBe('CmdOrCtrl+S');
    // Elsewhere the page gets every key first, and the menu shows them all.
    expect(find(template, 'Delete').accelerator).toBe('Delete');
    expect(find(template, 'Auto-layout').accelerator).toBe('Shift+Alt+L');
  });

  it.each([
    ['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Shift+Z'],
    ['Command+E', 'Command+E'],
    ['Shift+CommandOrControl+M', 'Shift+CommandOrControl+M'],
    ['Delete', undefined],
    ['Shift+Alt+L', undefined],
    ['Ctrl+K', undefined],
  ])('GIVEN %s on macOS THEN the menu gets %s', (accelerator, expected) => {
    expect(acceleratorOn(accelerator, 'darwin')).toBe(expected);
    expect(acceleratorOn(accelerator, 'win32')).toBe(accelerator);
  });

  it('GIVEN macOS WHEN built THEN the app menu comes first and File neither has Quit nor ends with a separator', () => {
    const mac = buildMenuTemplate({ send, recentFiles: [], platform: 'darwin' });
    expect(mac[0]).toStrictEqual({ role: 'appMenu' });
    const file = mac[1]!.submenu!;
    expect(file.some((item) => item.role === 'quit')).toBe(false);
    expect(file.at(-1)!.type).not.toBe('separator');
  });

  it('GIVEN an unpackaged build WHEN built with devTools THEN View offers the developer tools', () => {
    const dev = buildMenuTemplate({ send, recentFiles: [], platform: 'linux', devTools: true });
    expect(leaves(dev).some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(leaves(template).some((item) => item.role === 'toggleDevTools')).toBe(false);
  });

  it('GIVEN each menu WHEN its access keys are read THEN no two of its items share one', () => {
    for (const section of MENU) {
      const keys = section.entries.flatMap((entry) => ('label' in entry && entry.label ? [/&(\w)/.exec(entry.label)?.[1]?.toLowerCase()] : []));
      expect(keys.every((key) => key !== undefined), section.label).toBe(true);
      expect(new Set(keys).size, section.label).toBe(keys.length);
    }
  });

  it('GIVEN the command ids WHEN listed THEN they are unique and namespaced', () => {
    expect(new Set(MENU_COMMAND_IDS).size).toBe(MENU_COMMAND_IDS.length);
    for (const id of MENU_COMMAND_IDS) expect(id).toMatch(/^(file|edit|view|export|layout)\.[a-zA-Z]+$/);
    expect(MENU_COMMAND_IDS).toHaveLength(MENU.flatMap((section) => section.entries).filter((entry) => entry.kind === 'command').length);
  });

  it('GIVEN MENU_COMMANDS of the contract WHEN the menu is built THEN it uses each of them exactly once and no other id', () => {
    expect([...MENU_COMMAND_IDS].sort()).toStrictEqual([...MENU_COMMANDS].sort());
  });

  describe('greyed out: what the renderer says cannot run now (menu:state)', () => {
    const recentFiles = ['/work/a.otel-topology.yaml'];
    const enabled = { 'file.save': false, 'file.saveAs': false, 'edit.undo': false, 'edit.delete': false, 'view.fit': true } as const;
    const greyed = buildMenuTemplate({ send, recentFiles, platform: 'linux', enabled });

    it('GIVEN commands that cannot run WHEN built THEN exactly those items are disabled, keeping their click and shortcut', () => {
      const disabled = leaves(greyed).filter((item) => item.enabled === false).map((item) => item.label);
      expect(disabled).toStrictEqual(['&Save', 'Save &As…', '&Undo', '&Delete']);
      expect(find(greyed, 'Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', enabled: false, click: expect.any(Function) });
      expect(find(greyed, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, enabled: false });
    });

    it('GIVEN commands enabled or without a state WHEN built THEN they are as without any state: enabled', () => {
      expect(find(greyed, 'Fit to Window')).not.toHaveProperty('enabled');
      expect(find(greyed, 'Redo')).not.toHaveProperty('enabled');
      const withoutState = buildMenuTemplate({ send, recentFiles, platform: 'linux' });
      const withoutDisabled = (items: MenuItemTemplate[]) => JSON.stringify(items, (key, value) => (key === 'enabled' && value === false ? undefined : value));
      expect(withoutDisabled(greyed)).toBe(withoutDisabled(withoutState));
    });

    it('GIVEN some commands disabled WHEN built THEN the roles and the recent files are not affected', () => {
      for (const label of ['Cut', 'Copy', 'Paste', 'Quit']) expect(find(greyed, label)).not.toHaveProperty('enabled');
      const recent = greyed[0]!.submenu!.find((item) => item.label === 'Open &Recent')!;
      expect(recent).not.toHaveProperty('enabled');
      expect(recent.submenu).toStrictEqual([{ label: '/work/a.otel-topology.yaml', click: expect.any(Function) }]);
    });

    it('GIVEN every command disabled WHEN built on macOS THEN every command item is disabled, the app menu and roles are not', () => {
      const none = Object.fromEntries(MENU_COMMANDS.map((id) => [id, false]));
      const mac = buildMenuTemplate({ send, recentFiles: [], platform: 'darwin', enabled: none });
      const commandItems = leaves(mac).filter((item) => item.click !== undefined);
      expect(commandItems).toHaveLength(MENU_COMMANDS.length);
      expect(commandItems.every((item) => item.enabled === false)).toBe(true);
      expect(mac[0]).toStrictEqual({ role: 'appMenu' });
      expect(leaves(mac).filter((item) => item.role !== undefined).every((item) => item.enabled === undefined)).toBe(true);
    });
  });
});
