import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/contract.js';
import { createDesktopApi, type IpcRendererLike } from './api.js';

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, data: { channel, request } })),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    },
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'raw' }, payload));
  return { ipc, emit };
}

describe('preload API', () => {
  it('GIVEN the contract WHEN the API is built THEN it has one function per channel and nothing raw', () => {
    const api = createDesktopApi(fakeIpcRenderer().ipc);
    expect(api.kind).toBe('electron');
    expect(Object.keys(api.channels).sort()).toStrictEqual([...CHANNEL_NAMES].sort());
    expect(api.reopensRecent).toBe(true);
    expect(Object.keys(api).sort()).toStrictEqual(['channels', 'kind', 'on', 'reopensRecent']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('GIVEN a channel function WHEN called THEN invokes exactly that channel with the request', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createDesktopApi(ipc);
    await api.channels['file:save']({ path: null, text: 'x' });
    expect(ipc.invoke).toHaveBeenCalledWith('file:save', { path: null, text: 'x' });
  });

  it('GIVEN a subscription WHEN main sends a valid event THEN the listener gets the payload only; after unsubscribing, nothing', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const listener = vi.fn();
    const off = createDesktopApi(ipc).on('menu:command', listener);
    emit('menu:command', { commandId: 'file.save' });
    off();
    emit('menu:command', { commandId: 'file.open' });
    expect(listener.mock.calls).toStrictEqual([[{ commandId: 'file.save' }]]);
  });

  it('GIVEN an event payload outside the contract WHEN received THEN it is dropped', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const listener = vi.fn();
    createDesktopApi(ipc).on('bundle:progress', listener);
    emit('bundle:progress', { done: -1, total: 2 });
    emit('bundle:progress', 'nonsense');
    expect(listener).not.toHaveBeenCalled();
  });

  it('GIVEN an undeclared event WHEN subscribing THEN refuses', () => {
    const api = createDesktopApi(fakeIpcRenderer().ipc);
    expect(() => api.on('file:open' as never, () => {})).toThrow(/unknown event/);
  });
});
