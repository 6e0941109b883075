import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommandId } from '../../shared/ipc/contract.js';
import { APP_NAME, CloseGuard } from './close-guard.js';
import type { FileService } from './file-service.js';
import { createHandlers, type AppWindow } from './handlers.js';
import type { RecoveryStore } from './recovery.js';

function setUp(save: FileService['save']) {
  // What main did, in order: the recovery store's calls and the window's close.
  const events: string[] = [];
  const window: AppWindow = { setTitle: vi.fn(), setDocumentEdited: vi.fn(), close: vi.fn(() => events.push('close')), send: vi.fn() };
  const files = {
    save,
    exportBundle: vi.fn(async (_request, onProgress: (done: number, total: number) => void) => {
      onProgress(1, 2);
      onProgress(2, 2);
      return { path: '/out' };
    }),
  } as unknown as FileService;
  const recovery: RecoveryStore = {
    write: vi.fn(async ({ text }) => void events.push(`write ${text}`)),
    read: vi.fn(async () => null),
    clear: vi.fn(async () => void events.push('clear')),
    atStart: vi.fn(async () => undefined),
  };
  const closeGuard = new CloseGuard();
  const menu = { setEnabled: vi.fn() };
  const handlers = createHandlers<object>({ files, recovery, closeGuard, menu, window: () => window });
  return { window, closeGuard, handlers, events, menu };
}

describe('handlers', () => {
  it('GIVEN window:state WHEN dirty THEN the title shows the file name and the unsaved marker', async () => {
    const { window, handlers } = setUp(vi.fn());
    await handlers['window:state']({ title: 'a.otel-topology.yaml', dirty: true }, {});
    expect(window.setTitle).toHaveBeenCalledWith(`● a.otel-topology.yaml — ${APP_NAME}`);
    expect(window.setDocumentEdited).toHaveBeenCalledWith(true);
  });

  it('GIVEN Save chosen on close WHEN the save succeeds and the renderer reports clean THEN the recovery file is cleared and the window closes', async () => {
    const { window, closeGuard, handlers, events } = setUp(vi.fn(async () => ({ path: '/a.otel-topology.yaml' })));
    closeGuard.onWindowState(true);
    closeGuard.onCloseRequested();
    closeGuard.onAnswer('save');
    await handlers['file:save']({ path: '/a.otel-topology.yaml', text: 'x', saveAs: false }, {});
    await handlers['window:state']({ title: 'a.otel-topology.yaml', dirty: false }, {});
    expect(window.close).toHaveBeenCalledOnce();
    expect(events).toStrictEqual(['clear', 'close']);
  });

  it('GIVEN unsaved work WHEN the renderer keeps it THEN recovery:write writes it', async () => {
    const { closeGuard, handlers, events } = setUp(vi.fn());
    closeGuard.onWindowState(true);
    await handlers['recovery:write']({ text: 'unsaved', path: null }, {});
    expect(events).toStrictEqual(['write unsaved']);
  });

  it("GIVEN Don't Save chosen on close WHEN the closing page still sends recovery:write THEN it is dropped: the discarded work does not come back", async () => {
    const { closeGuard, handlers, events } = setUp(vi.fn());
    closeGuard.onWindowState(true);
    closeGuard.onCloseRequested();
    closeGuard.onAnswer('discard');
    await handlers['recovery:write']({ text: 'discarded', path: null }, {});
    expect(events).toStrictEqual([]);
  });

  it.each([
    { name: 'is cancelled', save: vi.fn(async () => null) },
    { name: 'fails', save: vi.fn(async () => Promise.reject(new Error('disk full'))) },
  ])('GIVEN Save chosen on close WHEN the save $name THEN the window stays open even once it is clean later', async ({ save }) => {
    const { window, closeGuard, handlers } = setUp(save);
    closeGuard.onWindowState(true);
    closeGuard.onCloseRequested();
    closeGuard.onAnswer('save');
    await Promise.resolve(handlers['file:save']({ path: null, text: 'x', saveAs: false }, {})).catch(() => undefined);
    await handlers['window:state']({ title: 'new', dirty: false }, {});
    expect(window.close).not.toHaveBeenCalled();
  });

  it('GIVEN a bundle export WHEN the writer reports progress THEN the window gets bundle:progress events', async () => {
    const { window, handlers } = setUp(vi.fn());
    await handlers['bundle:export']({ files: [{ path: 'a', content: '' }], format: 'zip', suggestedName: 'b' }, {});
    expect(window.send).toHaveBeenCalledWith('bundle:progress', { done: 1, total: 2 });
    expect(window.send).toHaveBeenLastCalledWith('bundle:progress', { done: 2, total: 2 });
  });

  it('GIVEN file:import WHEN called THEN the file service asks and reads (the handler adds nothing)', async () => {
    const importFiles = vi.fn(async () => ({ files: [{ path: '/a.yaml', text: 'x: 1\n' }] }));
    const files = { importFiles } as unknown as FileService;
    const handlers = createHandlers<object>({ files, recovery: {} as RecoveryStore, closeGuard: new CloseGuard(), menu: { setEnabled: vi.fn() }, window: () => undefined });
    expect(await handlers['file:import']({ from: 'folder' }, {})).toStrictEqual({ files: [{ path: '/a.yaml', text: 'x: 1\n' }] });
    expect(importFiles).toHaveBeenCalledWith('folder');
  });

  it('GIVEN menu:state WHEN the renderer reports what can run THEN the menu state gets the map as sent', async () => {
    const { handlers, menu } = setUp(vi.fn());
    const enabled = Object.fromEntries(MENU_COMMANDS.map((id) => [id, id !== 'file.save'])) as Record<MenuCommandId, boolean>;
    expect(await handlers['menu:state']({ enabled }, {})).toBeNull();
    expect(menu.setEnabled).toHaveBeenCalledExactlyOnceWith(enabled);
  });
});
