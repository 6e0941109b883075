import type * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic file writes, shared by the CLI (`import --out`) and the desktop app's main process.
 * The file-system calls they make are injected so tests can use a temp dir and make any call fail.
 */
export type FileSystem = Pick<typeof nodeFs, 'readFile' | 'open' | 'rename' | 'rm' | 'mkdir'>;

let counter = 0;

/** A hidden sibling: same directory, so the final rename never crosses a file system. */
export function temporarySibling(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${counter}`);
}

/**
 * Replaces `path` with `data` all or nothing: the bytes go to a temporary sibling, are flushed
 * to disk, and the sibling is renamed over `path`. On any failure the old file is untouched and
 * the temporary file removed.
 */
export async function writeFileAtomic(fs: FileSystem, path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporarySibling(path);
  try {
    const handle = await fs.open(temporary, 'w', 0o644);
    try {
      await handle.writeFile(data);
      // Without the flush a crash right after the rename can leave an empty file on some file systems.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** A readable reason for a failed file operation, without a stack or errno noise. */
export function describeFileError(error: unknown, path: string, verb: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ENOTDIR'
            ? 'a parent of it is a file'
            : code === 'EROFS'
              ? 'the file system is read-only'
              : code === 'ENOSPC'
                ? 'the disk is full'
                : error instanceof Error
                  ? error.message
                  : String(error);
  return `cannot ${verb} ${path}: ${reason}`;
}
