import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, MENU_COMMANDS, type Result } from '../../shared/ipc/contract.js';
import { registerHandlers, type Handlers } from './ipc.js';

type FakeEvent = { trusted: boolean };

/** An ipcMain stand-in: records each registered listener so a test can invoke it like Electron would. */
function fakeIpcMain() {
  const listeners = new Map<string, (event: FakeEvent, ...args: unknown[]) => unknown>();
  return {
    handle: (channel: string, listener: (event: FakeEvent, ...args: unknown[]) => unknown) => void listeners.set(channel, listener),
    invoke: (channel: string, payload: unknown, event: FakeEvent = { trusted: true }) =>
      listeners.get(channel)!(event, payload) as Promise<Result<unknown>>,
    channels: () => [...listeners.keys()],
  };
}

function handlers(overrides: Partial<Handlers<FakeEvent>> = {}): Handlers<FakeEvent> {
  return {
    'file:open': async () => ({ path: '/a.otel-topology.yaml', text: 'x' }),
    'file:save': async ({ path }) => ({ path: path ?? '/new.otel-topology.yaml' }),
    'file:import': async () => ({ files: [{ path: '/a.yaml', text: 'receivers: {}' }] }),
    'file:recent': async () => ['/a.otel-topology.yaml'],
    'bundle:export': async () => ({ path: '/out' }),
    'diagram:export': async () => ({ path: '/d.svg' }),
    'recovery:write': async () => null,
    'recovery:read': async () => null,
    'recovery:clear': async () => null,
    'window:state': () => null,
    'menu:state': () => null,
    ...overrides,
  };
}

function setUp(overrides: Partial<Handlers<FakeEvent>> = {}) {
  const ipc = fakeIpcMain();
  const log = vi.fn();
  registerHandlers(ipc, handlers(overrides), { isTrustedSender: (event) => event.trusted, log });
  return { ipc, log };
}

describe('registerHandlers', () => {
  it('GIVEN the contract WHEN registering THEN every declared channel gets a handler, and nothing else', () => {
    const { ipc } = setUp();
    expect(ipc.channels()).toStrictEqual(CHANNEL_NAMES);
  });

  it('GIVEN a valid request from the app window WHEN invoked THEN answers ok with the handler data', async () => {
    const { ipc } = setUp();
    expect(await ipc.invoke('file:recent', {})).toStrictEqual({ ok: true, data: ['/a.otel-topology.yaml'] });
  });

  it('GIVEN a request the schema completes with defaults WHEN invoked THEN the handler sees the parsed request', async () => {
    const save = vi.fn(async () => ({ path: '/x.otel-topology.yaml' }));
    const { ipc } = setUp({ 'file:save': save });
    await ipc.invoke('file:save', { path: null, text: 'a' });
    expect(save).toHaveBeenCalledWith({ path: null, text: 'a', saveAs: false }, { trusted: true });
  });

  it('GIVEN an untrusted sender WHEN invoked THEN refuses without running the handler', async () => {
    const open = vi.fn(async () => null);
    const { ipc } = setUp({ 'file:open': open });
    const result = await ipc.invoke('file:open', {}, { trusted: false });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ error: expect.stringMatching(/file:open: refused/) });
    expect(open).not.toHaveBeenCalled();
  });

  it('GIVEN a request with a wrongly typed field WHEN invoked THEN refuses with a message naming the field', async () => {
    const save = vi.fn(async () => null);
    const { ipc } = setUp({ 'file:save': save });
    const result = await ipc.invoke('file:save', { path: null, text: 42 });
    expect(result).toStrictEqual({ ok: false, error: expect.stringMatching(/^file:save: invalid request: text: .*string/) });
    expect(save).not.toHaveBeenCalled();
  });

  it('GIVEN a request with an undeclared key or no payload WHEN invoked THEN refuses it', async () => {
    const { ipc } = setUp();
    expect(await ipc.invoke('file:recent', { extra: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/extra/) });
    expect(await ipc.invoke('recovery:read', undefined)).toMatchObject({ ok: false });
  });

  it('GIVEN a handler that throws WHEN invoked THEN answers ok:false with its message and logs it', async () => {
    const { ipc, log } = setUp({
      'file:open': async () => {
        throw new Error('cannot read /a: permission denied');
      },
    });
    expect(await ipc.invoke('file:open', {})).toStrictEqual({ ok: false, error: 'cannot read /a: permission denied' });
    expect(log).toHaveBeenCalledOnce();
  });

  it('GIVEN a handler that answers outside the contract WHEN invoked THEN answers ok:false instead of passing it on', async () => {
    const { ipc } = setUp({ 'file:recent': async () => [42] as unknown as string[] });
    expect(await ipc.invoke('file:recent', {})).toMatchObject({ ok: false, error: expect.stringMatching(/invalid response: 0:/) });
  });

  it('GIVEN a sender check that throws WHEN invoked THEN still answers a Result', async () => {
    const ipc = fakeIpcMain();
    registerHandlers(ipc, handlers(), {
      isTrustedSender: () => {
        throw new Error('frame gone');
      },
    });
    expect(await ipc.invoke('file:recent', {})).toStrictEqual({ ok: false, error: 'frame gone' });
  });

  describe('menu:state', () => {
    const everyCommand = (enabled: boolean) => Object.fromEntries(MENU_COMMANDS.map((id) => [id, enabled]));

    it('GIVEN a state for every menu command WHEN invoked THEN the handler gets it', async () => {
      const menuState = vi.fn(() => null);
      const { ipc } = setUp({ 'menu:state': menuState });
      const enabled = { ...everyCommand(true), 'file.save': false };
      expect(await ipc.invoke('menu:state', { enabled })).toStrictEqual({ ok: true, data: null });
      expect(menuState).toHaveBeenCalledWith({ enabled }, { trusted: true });
    });

    it.each([
      { name: 'an id that is not a menu command', enabled: { ...everyCommand(true), 'edit.paste': true }, error: /edit\.paste/ },
      { name: 'a menu command left out', enabled: (({ 'file.save': _, ...rest }) => rest)(everyCommand(true)), error: /enabled\.file\.save/ },
      { name: 'a state that is not a boolean', enabled: { ...everyCommand(true), 'edit.undo': 'no' }, error: /enabled\.edit\.undo/ },
    ])('GIVEN $name WHEN invoked THEN refuses it without running the handler', async ({ enabled, error }) => {
      const menuState = vi.fn(() => null);
      const { ipc } = setUp({ 'menu:state': menuState });
      expect(await ipc.invoke('menu:state', { enabled })).toStrictEqual({ ok: false, error: expect.stringMatching(error) });
      expect(menuState).not.toHaveBeenCalled();
    });

    it('GIVEN an undeclared key next to the map WHEN invoked THEN refuses it', async () => {
      const { ipc } = setUp();
      expect(await ipc.invoke('menu:state', { enabled: everyCommand(true), recent: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/recent/) });
    });
  });
});
