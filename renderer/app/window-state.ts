/**
 * What the window shows and keeps of the open document as it changes: its title and unsaved
 * marker (`window:state`), and the recovery copy of unsaved work a few seconds after each change
 * (`recovery:write`). Once the work stops being unsaved without a save (the user discarded it by
 * opening or starting another topology), the copy goes (`recovery:clear`): the next start must
 * not offer work the user threw away. A recovery left by an earlier session is not this one's to
 * clear: only a copy this session wrote is.
 */
import type { DesktopApi } from '../../shared/ipc/contract.js';
import type { AppState, AppStoreApi } from '../state/store.js';

export const RECOVERY_DELAY_MS = 3000;

type Channels = Pick<DesktopApi['channels'], 'window:state' | 'recovery:write' | 'recovery:clear'>;

export function followWindowState(store: AppStoreApi, channels: Channels): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastTitle = '';
  let wasDirty = false;
  const unsubscribe = store.subscribe((state: AppState) => {
    const dirty = state.isOpen && state.document.text !== state.savedText;
    const title = state.filePath ?? state.document.topology?.name ?? 'Untitled';
    const key = `${title}\u0000${dirty}`;
    if (key !== lastTitle) {
      lastTitle = key;
      void channels['window:state']({ title, dirty });
    }
    clearTimeout(timer);
    if (dirty) timer = setTimeout(() => void channels['recovery:write']({ text: state.document.text, path: state.filePath }), RECOVERY_DELAY_MS);
    else if (wasDirty) void channels['recovery:clear']({});
    wasDirty = dirty;
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
