import { Buffer } from 'node:buffer';
import type * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { TOPOLOGY_FILE_SUFFIX } from '../../shared/io/topology-file.js';
import { IMPORT_LIMITS, type RequestOf, type ResponseOf } from '../../shared/ipc/contract.js';
import type { BundleFiles, WriteBundleOptions } from '../../cli/write-bundle.js';
import { describeFileError, writeFileAtomic, type FileSystem } from '../../cli/atomic-write.js';
import type { Dialogs } from './dialogs.js';
import type { RecentFiles } from './recent-files.js';

export type WriteBundle = (bundle: BundleFiles, target: string, options?: WriteBundleOptions) => Promise<string>;

/** The writes of `atomic-write`, plus what the import needs to tell files from folders. */
export type ServiceFileSystem = FileSystem & Pick<typeof nodeFs, 'stat' | 'readdir'>;

export interface FileServiceDeps {
  fs: ServiceFileSystem;
  dialogs: Dialogs;
  recent: RecentFiles;
  writeBundle: WriteBundle;
}

export interface FileService {
  open(request: RequestOf<'file:open'>): Promise<ResponseOf<'file:open'>>;
  save(request: { path: string | null; text: string; saveAs: boolean }): Promise<ResponseOf<'file:save'>>;
  recentFiles(): Promise<ResponseOf<'file:recent'>>;
  /** Asks for files or folders to import and reads them (folders: their YAML files, not recursive). */
  importFiles(from?: RequestOf<'file:import'>['from'], limits?: { maxFiles: number; maxFileBytes: number }): Promise<ResponseOf<'file:import'>>;
  exportBundle(request: RequestOf<'bundle:export'>, onProgress: (done: number, total: number) => void): Promise<ResponseOf<'bundle:export'>>;
  exportDiagram(request: RequestOf<'diagram:export'>): Promise<ResponseOf<'diagram:export'>>;
  /** Lets the renderer open `path` by name later (a file given on the command line, for instance). */
  grant(path: string): void;
}

/** A name usable as a dialog's default file name: no folders, nothing empty. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[/\\:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s-]+|[.\s]+$/g, '');
  return cleaned === '' ? 'untitled' : cleaned;
}

/** Linux file dialogs do not add the extension of the chosen filter. */
export function withTopologySuffix(path: string): string {
  return /\.ya?ml$/i.test(path) ? path : `${path}${TOPOLOGY_FILE_SUFFIX}`;
}

function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(`.${extension}`) ? path : `${path}.${extension}`;
}

/**
 * A bundle path from the renderer stays inside the bundle: relative, forward slashes, no `..`,
 * `.` or empty segments, nothing a file system would read as a drive or a device.
 */
export function isSafeBundlePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\:\u0000-\u001f]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function decodeBase64(data: string): Uint8Array {
  const body = data.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (body === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new Error('the PNG data is not base64');
  return Buffer.from(body, 'base64');
}

/** Runs a read of `path`, turning a failure into a sentence that names the file. */
async function explainRead<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new Error(describeFileError(error, path, 'read'));
  }
}

/**
 * Opening, saving and exporting for the app's window. The renderer may name a path only if the
 * user picked it in a dialog before (now or in a past session, through the recent list):
 * otherwise a compromised page could read or overwrite any file the user can.
 */
export function createFileService({ fs, dialogs, recent, writeBundle }: FileServiceDeps): FileService {
  const granted = new Set<string>();

  async function isKnown(path: string): Promise<boolean> {
    return granted.has(path) || (await recent.list()).includes(path);
  }

  async function remember(path: string): Promise<void> {
    granted.add(path);
    await recent.add(path);
  }

  return {
    grant(path) {
      granted.add(path);
    },

    async open({ path }) {
      let chosen = path ?? null;
      if (chosen !== null && !(await isKnown(chosen))) {
        throw new Error(`cannot open ${chosen}: the app did not open or save it before; use File › Open`);
      }
      chosen ??= await dialogs.chooseTopologyToOpen();
      if (chosen === null) return null;
      let text: string;
      try {
        text = await fs.readFile(chosen, 'utf8');
      } catch (error) {
        throw new Error(describeFileError(error, chosen, 'read'));
      }
      await remember(chosen);
      return { path: chosen, text };
    },

    async save({ path, text, saveAs }) {
      let target = path;
      if (target === null || saveAs || !(await isKnown(target))) {
        const chosen = await dialogs.chooseTopologySaveTarget(target ?? `untitled${TOPOLOGY_FILE_SUFFIX}`);
        if (chosen === null) return null;
        target = withTopologySuffix(chosen);
      }
      try {
        await writeFileAtomic(fs, target, text);
      } catch (error) {
        throw new Error(describeFileError(error, target, 'write'));
      }
      await remember(target);
      return { path: target };
    },

    recentFiles: () => recent.list(),

    async importFiles(from = 'files', limits = IMPORT_LIMITS) {
      const chosen = await dialogs.chooseFilesToImport(from);
      if (chosen === null) return null;
      // Only what the dialog answered, and the YAML files directly inside a chosen folder.
      const paths: string[] = [];
      for (const path of chosen) {
        const info = await explainRead(path, () => fs.stat(path));
        if (!info.isDirectory()) {
          paths.push(path);
          continue;
        }
        const names = (await explainRead(path, () => fs.readdir(path))).map(String).sort();
        for (const name of names) if (/\.ya?ml$/i.test(name)) paths.push(join(path, name));
      }
      const unique = [...new Set(paths)];
      if (unique.length === 0) throw new Error('nothing to import: the chosen folders hold no .yaml or .yml files');
      if (unique.length > limits.maxFiles) throw new Error(`too many files to import: ${unique.length}, at most ${limits.maxFiles}; choose fewer`);
      const files: Array<{ path: string; text: string }> = [];
      for (const path of unique) {
        const info = await explainRead(path, () => fs.stat(path));
        if (!info.isFile()) continue;
        if (info.size > limits.maxFileBytes) {
          const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
          throw new Error(`cannot import ${path}: it is ${mib(info.size)}, more than the ${mib(limits.maxFileBytes)} allowed`);
        }
        files.push({ path, text: await explainRead(path, () => fs.readFile(path, 'utf8')) });
      }
      if (files.length === 0) throw new Error('nothing to import: the chosen entries are not regular files');
      return { files };
    },

    async exportBundle({ files, format, suggestedName }, onProgress) {
      if (files.length === 0) throw new Error('the bundle is empty: nothing to export');
      const unsafe = files.find((file) => !isSafeBundlePath(file.path));
      if (unsafe) throw new Error(`refusing to export: "${unsafe.path}" would be written outside the bundle`);
      const duplicate = files.find((file, index) => files.findIndex((other) => other.path === file.path) !== index);
      if (duplicate) throw new Error(`refusing to export: "${duplicate.path}" appears twice in the bundle`);
      const name = safeFileName(suggestedName);
      const chosen = await dialogs.chooseBundleTarget(format, format === 'zip' ? withExtension(name, 'zip') : name);
      if (chosen === null) return null;
      const written = await writeBundle({ files }, format === 'zip' ? withExtension(chosen, 'zip') : chosen, {
        zip: format === 'zip',
        // The save dialog asked before replacing a zip file. A folder is never forced, since the
        // one picked could hold anything: the writer replaces it only if it is empty or holds an
        // earlier export and nothing else (a .git aside), which is how exporting again works.
        force: format === 'zip',
        notEmptyHint: 'choose a new or empty folder',
        onProgress,
      });
      return { path: written };
    },

    async exportDiagram({ format, data, suggestedName }) {
      const bytes = format === 'png' ? decodeBase64(data) : data;
      const chosen = await dialogs.chooseDiagramTarget(format, withExtension(safeFileName(suggestedName), format));
      if (chosen === null) return null;
      const target = withExtension(chosen, format);
      try {
        await writeFileAtomic(fs, target, bytes);
      } catch (error) {
        throw new Error(describeFileError(error, target, 'write'));
      }
      return { path: target };
    },
  };
}
