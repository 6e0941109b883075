import type { Stats } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import type { GeneratedFile } from '../shared/engine/bundle.js';
import { describeFileError } from './atomic-write.js';

export class OutputError extends Error {}

/** The file-system calls the writer makes: node's by default, injected by tests to make any of them fail. */
export type BundleFileSystem = Pick<typeof nodeFs, 'mkdir' | 'writeFile' | 'readFile' | 'readdir' | 'stat' | 'rename' | 'rm'>;

/**
 * The writer's note in every folder bundle (never in a zip, never in the engine's bundle): the
 * files it wrote, so that a later export into the same folder may replace them and nothing else.
 */
const MARKER = '.otel-topology-bundle.json';

/** Kept in place when a folder is replaced: an exported folder is often a git working folder. */
const KEPT = '.git';

const markerSchema = z.object({
  tool: z.literal('otel-topology'),
  format: z.literal(1),
  /** Relative paths with forward slashes, sorted. */
  files: z.array(z.string()),
});

/** No timestamp and a fixed order: re-exporting an unchanged topology gives the same folder. */
function markerText(bundle: BundleFiles): string {
  const marker: z.infer<typeof markerSchema> = { tool: 'otel-topology', format: 1, files: bundle.files.map((file) => file.path).sort() };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/** A sibling path for staging, unique for this process. */
function stagingPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
}

/** `a/b/c.yaml` → `a`, `a/b`. */
function parentFolders(path: string): string[] {
  const segments = path.split('/').slice(0, -1);
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

/** The files the marker at `path` lists, or undefined if it is unreadable or not a marker this writer knows. */
async function readMarker(fs: BundleFileSystem, path: string): Promise<ReadonlySet<string> | undefined> {
  try {
    const parsed = markerSchema.safeParse(JSON.parse(await fs.readFile(path, 'utf8')));
    return parsed.success ? new Set(parsed.data.files) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first entry under `folder`, in name order, that is neither a regular file `listed` nor a
 * folder on the way to one (`.git` and the marker at the top aside): a user's own file, folder
 * or link. Folders are named with a trailing `/`.
 */
async function firstForeignEntry(fs: BundleFileSystem, folder: string, listed: ReadonlySet<string>): Promise<string | undefined> {
  const folders = new Set([...listed].flatMap(parentFolders));
  async function visit(relative: string): Promise<string | undefined> {
    const entries = await fs.readdir(join(folder, ...relative.split('/')), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (relative === '' && (entry.name === KEPT || entry.name === MARKER)) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && folders.has(path)) {
        const found = await visit(path);
        if (found !== undefined) return found;
      } else if (!(entry.isFile() && listed.has(path))) {
        return entry.isDirectory() ? `${path}/` : path;
      }
    }
    return undefined;
  }
  return visit('');
}

/**
 * Why the existing `destination` may not be replaced without `force` (a sentence ending in
 * `hint`), or undefined if it may: a folder that is empty but for `.git`, or that holds an
 * earlier bundle (a valid marker, and nothing but the files it lists). A zip replaces only an
 * empty folder, since it keeps no `.git`.
 */
async function refusal(fs: BundleFileSystem, destination: string, existing: Stats, zip: boolean, hint: string): Promise<string | undefined> {
  const notEmpty = (why = '') => `${destination} is not empty${why}: ${hint}`;
  if (!existing.isDirectory()) return notEmpty();
  const names = await fs.readdir(destination);
  if (zip) return names.length > 0 ? notEmpty() : undefined;
  if (names.every((name) => name === KEPT)) return undefined;
  if (!names.includes(MARKER)) return notEmpty(` and holds no earlier export (no ${MARKER})`);
  const listed = await readMarker(fs, join(destination, MARKER));
  if (!listed) return notEmpty(` and its ${MARKER} is unreadable or not one this version of otel-topology writes`);
  const foreign = await firstForeignEntry(fs, destination, listed);
  return foreign === undefined ? undefined : `${destination} holds an earlier export but also ${foreign}, which the export did not write: move it away, or ${hint}`;
}

/**
 * Does `moves` (renames) in order; if one fails, undoes the ones done, in reverse, and rethrows.
 * `previous`, where the earlier files went, is then removed; if the undo fails too, it is kept
 * with what could not be put back, and the error says where it is.
 */
async function renameAllOrNothing(fs: BundleFileSystem, moves: ReadonlyArray<readonly [string, string]>, destination: string, previous: string): Promise<void> {
  const done: Array<readonly [string, string]> = [];
  try {
    for (const [from, to] of moves) {
      await fs.rename(from, to);
      done.push([from, to]);
    }
  } catch (error) {
    for (const [from, to] of done.reverse()) {
      try {
        await fs.rename(to, from);
      } catch (undoError) {
        throw new OutputError(
          `${describeFileError(error, destination, 'write')}; putting the earlier files back failed too (${describeFileError(undoError, from, 'write')}): those not back in place are in ${previous}`,
        );
      }
    }
    await fs.rm(previous, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  // The new bundle is in place; a leftover hidden sibling is no reason to report a failure.
  await fs.rm(previous, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Puts the staged folder's entries into the existing folder `destination` in place of everything
 * it holds but `.git`: the old entries are renamed into a `previous` sibling, the staged ones
 * renamed in, then `previous` is deleted; a failed rename puts everything back.
 *
 * Why entry by entry rather than renaming the whole folder aside: the folder itself stays — its
 * `.git` (never moved, so no window in which the repository is elsewhere), and a shell or an
 * editor opened in it. The price is several renames instead of one; they stay all or nothing
 * through the undo above, and the marker goes out last and comes in first, so at every moment
 * the folder holds a bundle (a marker and some of its files) or only `.git` — what a crash
 * leaves behind, a later export replaces without `--force`.
 */
async function replaceFolderContents(fs: BundleFileSystem, destination: string, staging: string): Promise<void> {
  const old = (await fs.readdir(destination)).filter((name) => name !== KEPT);
  const fresh = (await fs.readdir(staging)).filter((name) => name !== MARKER);
  const previous = stagingPath(`${destination}.previous`);
  await fs.mkdir(previous);
  const out = (name: string) => [join(destination, name), join(previous, name)] as const;
  const into = (name: string) => [join(staging, name), join(destination, name)] as const;
  await renameAllOrNothing(
    fs,
    [...old.filter((name) => name !== MARKER).map(out), ...old.filter((name) => name === MARKER).map(out), into(MARKER), ...fresh.map(into)],
    destination,
    previous,
  );
  // Empty now; as with `previous`, a leftover is no reason to report a failure.
  await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
}

/** What the writer needs of a bundle: the CLI passes the engine's `Bundle`, the desktop app the files the renderer sent. */
export interface BundleFiles {
  readonly files: readonly Pick<GeneratedFile, 'path' | 'content'>[];
}

export interface WriteBundleOptions {
  zip?: boolean;
  /** Replace an existing target whatever it holds (a folder's `.git` is still kept). */
  force?: boolean;
  /** Ends the refusal message for a target that may not be replaced; the CLI's default names its `--force` flag. */
  notEmptyHint?: string;
  /** Called after each file is staged, and once more when the bundle is in place. */
  onProgress?: (done: number, total: number) => void;
  /** @default node:fs/promises */
  fs?: BundleFileSystem;
}

/**
 * Writes a bundle to `target` (a folder, or a `.zip` file) all or nothing: everything goes to a
 * staging sibling first and is renamed into place at the end, so a failure leaves no
 * half-written bundle. An existing target is replaced without `force` only if it is a folder
 * that is empty but for `.git`, or holds an earlier export and nothing else (the marker each
 * folder export writes says which files are the export's); a folder's `.git` is always kept.
 * Shared by the CLI and the desktop app's main process (both Node).
 */
export async function writeBundle(bundle: BundleFiles, target: string, options: WriteBundleOptions = {}): Promise<string> {
  const fs = options.fs ?? nodeFs;
  const zip = options.zip === true;
  const destination = resolve(zip && !target.endsWith('.zip') ? `${target}.zip` : target);
  const reserved = zip ? undefined : bundle.files.find((file) => [MARKER, KEPT].includes(file.path) || file.path.startsWith(`${KEPT}/`));
  if (reserved) throw new OutputError(`refusing to export: "${reserved.path}" is reserved in a bundle folder (the export's own ${MARKER}, or .git, which it keeps)`);
  // One step per file plus the final rename, so a caller's progress reaches total only when done.
  const total = bundle.files.length + 1;
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);
  const staging = stagingPath(destination);
  try {
    const existing = await fs.stat(destination).catch(() => undefined);
    const hint = options.notEmptyHint ?? 'choose another place, or pass --force to replace it';
    const refused = existing && !options.force ? await refusal(fs, destination, existing, zip, hint) : undefined;
    if (refused) throw new OutputError(refused);
    await fs.mkdir(dirname(destination), { recursive: true });
    if (zip) {
      // A fixed timestamp keeps the archive byte-for-byte reproducible.
      const mtime = new Date('2000-01-01T00:00:00Z');
      const entries: Zippable = {};
      for (const file of bundle.files) {
        entries[file.path] = [new TextEncoder().encode(file.content), { mtime }];
        progress();
      }
      await fs.writeFile(staging, zipSync(entries, { level: 6 }));
    } else {
      await fs.mkdir(staging);
      for (const file of bundle.files) {
        const path = join(staging, ...file.path.split('/'));
        await fs.mkdir(dirname(path), { recursive: true });
        await fs.writeFile(path, file.content);
        progress();
      }
      await fs.writeFile(join(staging, MARKER), markerText(bundle));
    }
    if (!existing) {
      await fs.rename(staging, destination);
    } else if (existing.isDirectory() && !zip) {
      await replaceFolderContents(fs, destination, staging);
    } else {
      const previous = stagingPath(`${destination}.previous`);
      await renameAllOrNothing(fs, [[destination, previous], [staging, destination]], destination, previous);
    }
    progress();
    return destination;
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof OutputError ? error : new OutputError(describeFileError(error, destination, 'write'));
  }
}
