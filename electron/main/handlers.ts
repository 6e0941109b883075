import type { EventName, EventOf } from '../../shared/ipc/contract.js';
import { windowTitle, type CloseGuard } from './close-guard.js';
import { closeForGood } from './closing.js';
import type { FileService } from './file-service.js';
import type { Handlers } from './ipc.js';
import type { MenuState } from './menu-state.js';
import type { RecoveryStore } from './recovery.js';

/** What the handlers need of the app's window. */
export interface AppWindow {
  setTitle(title: string): void;
  /** macOS shows the unsaved dot in the close button. */
  setDocumentEdited(dirty: boolean): void;
  /** Closes the window, through the close guard. */
  close(): void;
  send<E extends EventName>(event: E, payload: EventOf<E>): void;
}

/** The handler of every channel, over the plain services; `index.ts` only wires Electron to them. */
export function createHandlers<Event>({
  files,
  recovery,
  closeGuard,
  menu,
  window,
  log = () => undefined,
}: {
  files: FileService;
  recovery: RecoveryStore;
  closeGuard: CloseGuard;
  /** The application menu's state: `menu:state` greys out what cannot run now. */
  menu: Pick<MenuState, 'setEnabled'>;
  window: () => AppWindow | undefined;
  log?: (message: string, error: unknown) => void;
}): Handlers<Event> {
  return {
    'file:open': (request) => files.open(request),
    'file:save': async (request) => {
      try {
        const saved = await files.save(request);
        if (saved === null) closeGuard.onSaveAbandoned();
        return saved;
      } catch (error) {
        closeGuard.onSaveAbandoned();
        throw error;
      }
    },
    'file:import': ({ from }) => files.importFiles(from),
    'file:recent': () => files.recentFiles(),
    'bundle:export': (request) => files.exportBundle(request, (done, total) => window()?.send('bundle:progress', { done, total })),
    'diagram:export': (request) => files.exportDiagram(request),
    'recovery:write': async (request) => {
      // A write the page sent as its window closes after Don't Save would bring the work back.
      if (!closeGuard.isClosing) await recovery.write(request);
      return null;
    },
    'recovery:read': () => recovery.read(),
    'recovery:clear': async () => {
      await recovery.clear();
      return null;
    },
    'window:state': async ({ title, dirty }) => {
      const target = window();
      target?.setTitle(windowTitle({ title, dirty }));
      target?.setDocumentEdited(dirty);
      // The save asked for by closing is done: nothing is left to recover.
      if (closeGuard.onWindowState(dirty) === 'close') await closeForGood({ recovery, close: () => target?.close(), log });
      return null;
    },
    'menu:state': ({ enabled }) => {
      menu.setEnabled(enabled);
      return null;
    },
  };
}
