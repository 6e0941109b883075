import { join } from 'node:path';
import { CHANNELS, type ResponseOf } from '../../shared/ipc/contract.js';
import { writeFileAtomic, type FileSystem } from '../../cli/atomic-write.js';

export const RECOVERY_FILE_NAME = 'recovery.json';

export type RecoveryEntry = NonNullable<ResponseOf<'recovery:read'>>;

export interface RecoveryStore {
  write(entry: { text: string; path: string | null }): Promise<void>;
  /** The entry left behind, or null when there is none or it is unreadable. */
  read(): Promise<RecoveryEntry | null>;
  clear(): Promise<void>;
}

/** Unsaved work kept in one file in the user-data folder, replaced atomically on each write. */
export function createRecoveryStore({ fs, userDataDir, now = () => new Date() }: { fs: FileSystem; userDataDir: string; now?: () => Date }): RecoveryStore {
  const file = join(userDataDir, RECOVERY_FILE_NAME);
  return {
    async write({ text, path }) {
      await fs.mkdir(userDataDir, { recursive: true });
      const entry: RecoveryEntry = { text, path, savedAt: now().toISOString() };
      await writeFileAtomic(fs, file, JSON.stringify(entry));
    },
    async read() {
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
    },
    async clear() {
      await fs.rm(file, { force: true });
    },
  };
}
