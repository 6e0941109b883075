import { join } from 'node:path';
import { writeFileAtomic, type FileSystem } from '../../cli/atomic-write.js';

export const MAX_RECENT_FILES = 10;
export const RECENT_FILES_NAME = 'recent-files.json';

/** `path` first, without an earlier copy of it, at most `MAX_RECENT_FILES` long. */
export function pushRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((entry) => entry !== path)].slice(0, MAX_RECENT_FILES);
}

/** What a recent-files file holds, whatever state it is in: a damaged file is an empty list, never an error. */
export function parseRecent(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const paths = Array.isArray(value) ? value : (value as { paths?: unknown } | null)?.paths;
  if (!Array.isArray(paths)) return [];
  const strings = paths.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0);
  return [...new Set(strings)].slice(0, MAX_RECENT_FILES);
}

export interface RecentFiles {
  list(): Promise<string[]>;
  add(path: string): Promise<string[]>;
}

/** Recently opened or saved files, newest first, kept as JSON in the app's user-data folder. */
export function createRecentFiles({ fs, userDataDir }: { fs: FileSystem; userDataDir: string }): RecentFiles {
  const file = join(userDataDir, RECENT_FILES_NAME);
  // Serialised, so two quick opens cannot lose one another's entry.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<string[]> {
    try {
      return parseRecent(await fs.readFile(file, 'utf8'));
    } catch {
      return [];
    }
  }

  return {
    list: () => read(),
    add(path) {
      const next = queue.then(async () => {
        const list = pushRecent(await read(), path);
        await fs.mkdir(userDataDir, { recursive: true });
        await writeFileAtomic(fs, file, `${JSON.stringify({ version: 1, paths: list }, null, 2)}\n`);
        return list;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
