import { join } from 'node:path';
import { CHANNELS, type ResponseOf } from '../../shared/ipc/contract.js';
import { writeFileAtomic, type FileSystem } from '../../cli/atomic-write.js';

export const RECOVERY_FILE_NAME = 'recovery.json';
/** Unsaved work of an earlier session, set aside by a start that opened a file (see `atStart`). */
export const SET_ASIDE_FILE_NAME = 'recovery-set-aside.json';

export type RecoveryEntry = NonNullable<ResponseOf<'recovery:read'>>;

export interface RecoveryStore {
  write(entry: { text: string; path: string | null }): Promise<void>;
  /** The entry left behind, or null when there is none or it is unreadable. */
  read(): Promise<RecoveryEntry | null>;
  /** Removes the entry; writes asked for before the clear and not yet done are dropped. */
  clear(): Promise<void>;
  /**
   * Before the window opens. A start that opens a file (command line, file association) skips the
   * start screen, and this session's writes would replace what an earlier one left unsaved before
   * anyone saw it: that entry is set aside. A start that shows the start screen brings a set-aside
   * entry back to be offered there, unless an entry newer than it is waiting (then it waits for a
   * later start).
   */
  atStart(start: { opensFile: boolean }): Promise<void>;
}

async function exists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.readFile(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Unsaved work kept in one file in the user-data folder, replaced atomically on each write.
 * Operations run one at a time, in the order they were asked for: the renderer's writes and
 * clears arrive as independent requests, and a write still renaming its temporary file when a
 * clear came would otherwise bring the cleared entry back.
 */
export function createRecoveryStore({ fs, userDataDir, now = () => new Date() }: { fs: FileSystem; userDataDir: string; now?: () => Date }): RecoveryStore {
  const file = join(userDataDir, RECOVERY_FILE_NAME);
  const setAside = join(userDataDir, SET_ASIDE_FILE_NAME);
  let queue: Promise<unknown> = Promise.resolve();
  let clears = 0;

  function inTurn<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation);
    // A failed operation fails its caller, not the ones queued after it.
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    write({ text, path }) {
      const entry: RecoveryEntry = { text, path, savedAt: now().toISOString() };
      const clearsBefore = clears;
      return inTurn(async () => {
        // Cleared since: the work was saved or discarded after this write was asked for.
        if (clears !== clearsBefore) return;
        await fs.mkdir(userDataDir, { recursive: true });
        await writeFileAtomic(fs, file, JSON.stringify(entry));
      });
    },
    read() {
      return inTurn(async () => {
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch {
          return null;
        }
        try {
          const parsed = CHANNELS['recovery:read'].response.safeParse(JSON.parse(text));
          return parsed.success ? parsed.data : null;
        } catch {
          return null;
        }
      });
    },
    clear() {
      clears += 1;
      return inTurn(() => fs.rm(file, { force: true }));
    },
    atStart({ opensFile }) {
      return inTurn(async () => {
        if (opensFile) {
          // One entry is set aside at a time: a newer one replaces it (both were unseen).
          if (await exists(fs, file)) await fs.rename(file, setAside);
        } else if ((await exists(fs, setAside)) && !(await exists(fs, file))) {
          await fs.rename(setAside, file);
        }
      });
    },
  };
}
