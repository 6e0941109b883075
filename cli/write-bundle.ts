import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { GeneratedFile } from '../shared/engine/bundle.js';
import { describeFileError } from './atomic-write.js';

export class OutputError extends Error {}

/** A sibling path for staging, unique for this process. */
function stagingPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
}

async function isNonEmpty(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return false;
  if (!info.isDirectory()) return true;
  return (await readdir(path)).length > 0;
}

/** What the writer needs of a bundle: the CLI passes the engine's `Bundle`, the desktop app the files the renderer sent. */
export interface BundleFiles {
  readonly files: readonly Pick<GeneratedFile, 'path' | 'content'>[];
}

export interface WriteBundleOptions {
  zip?: boolean;
  /** Replace an existing non-empty target. */
  force?: boolean;
  /** Ends the refusal message for a non-empty target; the CLI's default names its `--force` flag. */
  notEmptyHint?: string;
  /** Called after each file is staged, and once more when the bundle is in place. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a bundle to `target` (a folder, or a `.zip` file) all or nothing: everything goes to a
 * staging sibling first and is renamed into place at the end, so a failure leaves no
 * half-written bundle. An existing non-empty target is only replaced with `force`.
 * Shared by the CLI and the desktop app's main process (both Node).
 */
export async function writeBundle(bundle: BundleFiles, target: string, options: WriteBundleOptions = {}): Promise<string> {
  const destination = resolve(options.zip && !target.endsWith('.zip') ? `${target}.zip` : target);
  if (!options.force && (await isNonEmpty(destination))) {
    throw new OutputError(`${destination} is not empty: ${options.notEmptyHint ?? 'choose another place, or pass --force to replace it'}`);
  }
  // One step per file plus the final rename, so a caller's progress reaches total only when done.
  const total = bundle.files.length + 1;
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);
  const staging = stagingPath(destination);
  try {
    await mkdir(dirname(destination), { recursive: true });
    if (options.zip) {
      // A fixed timestamp keeps the archive byte-for-byte reproducible.
      const mtime = new Date('2000-01-01T00:00:00Z');
      const entries: Zippable = {};
      for (const file of bundle.files) {
        entries[file.path] = [new TextEncoder().encode(file.content), { mtime }];
        progress();
      }
      await writeFile(staging, zipSync(entries, { level: 6 }));
    } else {
      for (const file of bundle.files) {
        const path = join(staging, ...file.path.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content);
        progress();
      }
    }
    if (await stat(destination).catch(() => undefined)) {
      const previous = stagingPath(`${destination}.previous`);
      await rename(destination, previous);
      await rename(staging, destination);
      await rm(previous, { recursive: true, force: true });
    } else {
      await rename(staging, destination);
    }
    progress();
    return destination;
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof OutputError ? error : new OutputError(describeFileError(error, destination, 'write'));
  }
}
