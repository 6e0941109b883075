import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type DesktopApi, type MenuCommandId, type RequestOf, type Result } from '../../shared/ipc/contract.js';
import type { EditFocus } from '../commands/menu-edit-in-focus.js';
import { createCommands, runMenuCommand, type CommandContext } from '../commands/registry.js';
import { GATEWAY_TOPOLOGY } from '../commands/test-topology.js';
import { createAppStore } from '../state/store.js';
import { followMenuState, MENU_STATE_INTERVAL_MS, menuEnabled, type FocusSource, type MenuEnabled } from './menu-state.js';

function setUp() {
  const store = createAppStore();
  const context: CommandContext = { store, platform: {} as DesktopApi, fitView: () => {}, confirmDiscard: () => true };
  return { store, context, commands: createCommands(context) };
}

/** A focus the test moves, telling the listeners as the page's focusin/focusout would. */
function fakeFocus(initial: EditFocus = 'app') {
  let focus = initial;
  const listeners = new Set<() => void>();
  const source: FocusSource = {
    current: () => focus,
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
  };
  const move = (to: EditFocus) => {
    focus = to;
    for (const listener of listeners) listener();
  };
  return { source, move, listeners };
}

/** A `menu:state` channel that records what it is sent and answers `answer`. */
function fakeChannel(answer: () => Promise<Result<null>> = async () => ({ ok: true, data: null })) {
  const sent: MenuEnabled[] = [];
  const channel = vi.fn(async ({ enabled }: RequestOf<'menu:state'>) => (sent.push(enabled), answer()));
  return { sent, channels: { 'menu:state': channel } };
}

function followed(options: { focus?: EditFocus; answer?: () => Promise<Result<null>> } = {}) {
  const { store, commands } = setUp();
  const focus = fakeFocus(options.focus);
  const channel = fakeChannel(options.answer);
  const stop = followMenuState(store, commands, channel.channels, focus.source);
  return { store, focus, stop, ...channel };
}

const disabled = (enabled: MenuEnabled) => MENU_COMMANDS.filter((id) => !enabled[id]);

const ON_THE_START_SCREEN: MenuCommandId[] = [
  'file.save',
  'file.saveAs',
  'export.bundle',
  'export.diagram',
  'export.diagramPng',
  'edit.undo',
  'edit.redo',
  'edit.duplicate',
  'edit.delete',
  'edit.selectAll',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'view.fit',
  'layout.auto',
];

describe('menuEnabled', () => {
  it('GIVEN the start screen WHEN worked out THEN only what needs no document is enabled, for every menu command', () => {
    const { store, commands } = setUp();
    const enabled = menuEnabled(commands, store.getState(), 'app');
    expect(Object.keys(enabled)).toStrictEqual([...MENU_COMMANDS]);
    expect(disabled(enabled)).toStrictEqual(ON_THE_START_SCREEN);
  });

  it('GIVEN an open document with a selection and history WHEN worked out THEN Save, Delete, Duplicate and Undo are enabled; Redo is not', () => {
    const { store, commands } = setUp();
    store.getState().openDocument(GATEWAY_TOPOLOGY, null);
    store.getState().select(['gateway']);
    store.getState().editText(GATEWAY_TOPOLOGY.replace('replicas: 2', 'replicas: 3'));
    store.getState().select(['gateway']);
    expect(disabled(menuEnabled(commands, store.getState(), 'app'))).toStrictEqual(['edit.redo']);
  });

  it.each<{ focus: EditFocus; edits: Partial<MenuEnabled> }>([
    // The field's own edits: Undo and Select All work there without canvas history or a document.
    { focus: 'text', edits: { 'edit.undo': true, 'edit.redo': true, 'edit.selectAll': true, 'edit.delete': true, 'edit.duplicate': false } },
    // The YAML editor's undo is the app's history; its Select All and Delete are its own.
    { focus: 'code-editor', edits: { 'edit.undo': false, 'edit.redo': false, 'edit.selectAll': true, 'edit.delete': true, 'edit.duplicate': false } },
    // A checkbox or a dialog: the menu's Edit commands do nothing there.
    { focus: 'control', edits: { 'edit.undo': false, 'edit.redo': false, 'edit.selectAll': false, 'edit.delete': false, 'edit.duplicate': false } },
  ])('GIVEN the focus in $focus on the start screen WHEN worked out THEN the Edit items follow what the focused element does', ({ focus, edits }) => {
    const { store, commands } = setUp();
    const enabled = menuEnabled(commands, store.getState(), focus);
    expect(enabled).toMatchObject(edits);
    // Nothing else depends on the focus.
    const others = (map: MenuEnabled) => MENU_COMMANDS.filter((id) => !id.startsWith('edit.')).map((id) => map[id]);
    expect(others(enabled)).toStrictEqual(others(menuEnabled(commands, store.getState(), 'app')));
  });

  it('GIVEN a command the registry lacks WHEN worked out THEN its item is greyed out (runMenuCommand would run nothing)', () => {
    const { store, commands } = setUp();
    const enabled = menuEnabled(commands.filter((command) => command.id !== 'view.toggleTheme'), store.getState(), 'app');
    expect(enabled['view.toggleTheme']).toBe(false);
  });

  it.each([
    { name: 'the start screen', prepare: () => {} },
    {
      name: 'a document with a selection',
      prepare: (store: ReturnType<typeof createAppStore>) => {
        store.getState().openDocument(GATEWAY_TOPOLOGY, null);
        store.getState().select(['gateway']);
      },
    },
  ])('GIVEN $name WHEN each menu command arrives THEN runMenuCommand runs exactly the ones shown enabled', ({ prepare }) => {
    const { store, context, commands } = setUp();
    prepare(store);
    const ran: string[] = [];
    const spied = commands.map((command) => ({ ...command, run: () => void ran.push(command.id) }));
    const enabled = menuEnabled(spied, store.getState(), 'app');
    for (const id of MENU_COMMANDS) runMenuCommand(spied, context, id);
    expect(ran).toStrictEqual(MENU_COMMANDS.filter((id) => enabled[id]));
  });
});

describe('followMenuState', () => {
  afterEach(() => vi.useRealTimers());

  it('GIVEN the app starts WHEN followed THEN the set is sent at once: main starts with everything enabled', () => {
    vi.useFakeTimers();
    const { sent } = followed();
    expect(sent).toHaveLength(1);
    expect(disabled(sent[0]!)).toStrictEqual(ON_THE_START_SCREEN);
  });

  it('GIVEN a change of what can run WHEN the interval passes THEN the new set is sent once, not before', () => {
    vi.useFakeTimers();
    const { store, sent } = followed();
    store.getState().openDocument(GATEWAY_TOPOLOGY, null);
    store.getState().select(['gateway']);
    vi.advanceTimersByTime(MENU_STATE_INTERVAL_MS - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ 'file.save': true, 'edit.delete': true, 'edit.duplicate': true, 'edit.undo': false });
    vi.runAllTimers();
    expect(sent).toHaveLength(2);
  });

  it('GIVEN changes that leave the set as it was WHEN the interval passes THEN nothing is sent', () => {
    vi.useFakeTimers();
    const { store, sent } = followed();
    store.getState().togglePane('editor');
    store.getState().setTheme('dark');
    vi.runAllTimers();
    expect(sent).toHaveLength(1);
  });

  it('GIVEN a stream of changes (a drag) WHEN it goes on THEN the set is sent at most once per interval, and the last one arrives', () => {
    vi.useFakeTimers();
    const { store, sent } = followed();
    store.getState().openDocument(GATEWAY_TOPOLOGY, null);
    // Every 10 ms for one second, the selection comes and goes.
    for (let step = 0; step < 100; step += 1) {
      store.getState().select(step % 2 === 0 ? ['gateway'] : []);
      vi.advanceTimersByTime(10);
    }
    store.getState().select(['eks']);
    vi.runAllTimers();
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.length - 1).toBeLessThanOrEqual(1000 / MENU_STATE_INTERVAL_MS + 1);
    expect(sent.at(-1)).toMatchObject({ 'edit.delete': true });
  });

  it('GIVEN the focus moves into a text field and out WHEN the interval passes THEN Undo is enabled there and greyed out again after', () => {
    vi.useFakeTimers();
    const { focus, sent } = followed();
    focus.move('text');
    vi.runAllTimers();
    expect(sent.at(-1)).toMatchObject({ 'edit.undo': true, 'edit.duplicate': false });
    focus.move('app');
    vi.runAllTimers();
    expect(sent.map((enabled) => enabled['edit.undo'])).toStrictEqual([false, true, false]);
  });

  it('GIVEN a report main refused WHEN the next change comes THEN the same set is sent again', async () => {
    vi.useFakeTimers();
    const answers: Result<null>[] = [{ ok: false, error: 'menu:state: refused' }];
    const { store, sent } = followed({ answer: async () => answers.shift() ?? { ok: true, data: null } });
    await vi.advanceTimersByTimeAsync(0);
    store.getState().setTheme('dark');
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toStrictEqual(sent[0]);
    // Accepted this time: the same set is not sent a third time.
    store.getState().setTheme('light');
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(2);
  });

  it('GIVEN it is stopped WHEN the state and the focus change THEN nothing is sent and the focus listener is gone', () => {
    vi.useFakeTimers();
    const { store, focus, stop, sent } = followed();
    store.getState().openDocument(GATEWAY_TOPOLOGY, null);
    stop();
    store.getState().select(['gateway']);
    vi.runAllTimers();
    expect(sent).toHaveLength(1);
    expect(focus.listeners.size).toBe(0);
  });
});
