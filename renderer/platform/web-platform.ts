/**
 * The desktop API for the browser build: the same channels as the preload, done with browser
 * APIs. Where the File System Access API exists (Chromium), topologies open and save through its
 * pickers and their handles are kept (web-file-handles.ts), so a recent file opens again and
 * saves back into itself; elsewhere (Firefox) a file input, downloads, and recent names only.
 * Imports and exports use a file input and downloads everywhere.
 */
import { strToU8, zipSync } from 'fflate';
import { IMPORT_LIMITS, type Channel, type DesktopApi, type EventName, type EventOf, type RequestOf, type ResponseOf, type Result } from '../../shared/ipc/contract.js';
import { FileHandleStore, hasPermission, indexedDbBackend, reopen, type FileHandle } from './web-file-handles.js';

const RECOVERY_KEY = 'otel-topology:recovery';
const RECENT_KEY = 'otel-topology:recent';
const MAX_RECENT = 10;

/** Download `data` as a file named `name`. */
function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks for files with a hidden `<input type=file>`; an empty list when the user cancels. */
function pickFiles(accept: string, options: { multiple: boolean; label: string; folder?: boolean }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = options.multiple;
    // A folder picker: the browser lists every file under the folder, with its relative path.
    input.webkitdirectory = options.folder ?? false;
    input.style.display = 'none';
    input.setAttribute('aria-label', options.label);
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

function readRecent(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function addRecent(path: string): void {
  localStorage.setItem(RECENT_KEY, JSON.stringify([path, ...readRecent().filter((item) => item !== path)].slice(0, MAX_RECENT)));
}

const TOPOLOGY_TYPES = [{ description: 'OTel topology', accept: { 'application/yaml': ['.yaml', '.yml'] } }];

/** The pickers of the File System Access API (not in TypeScript's DOM library). */
interface FilePickers {
  showOpenFilePicker(options: { types: typeof TOPOLOGY_TYPES; multiple: false }): Promise<FileHandle[]>;
  showSaveFilePicker(options: { suggestedName: string; types: typeof TOPOLOGY_TYPES }): Promise<FileHandle>;
}

/** Both pickers and IndexedDB, or none of this: then files go through a file input and downloads. */
function filePickers(): FilePickers | undefined {
  const candidate = window as unknown as Partial<FilePickers>;
  if (typeof candidate.showOpenFilePicker !== 'function' || typeof candidate.showSaveFilePicker !== 'function' || typeof indexedDB === 'undefined') return undefined;
  return { showOpenFilePicker: candidate.showOpenFilePicker.bind(window), showSaveFilePicker: candidate.showSaveFilePicker.bind(window) };
}

const pickers = filePickers();
/** Handles of files opened or saved, by the path the renderer sees (the file's name, made unique). */
const handles = pickers ? new FileHandleStore<FileHandle>(indexedDbBackend()) : undefined;

/** A picker's answer, or null when the user cancels it. */
async function picked<T>(picking: Promise<T>): Promise<T | null> {
  try {
    return await picking;
  } catch (error) {
    if ((error as Error).name === 'AbortError') return null;
    throw error;
  }
}

function fileName(path: string | null): string {
  const name = path?.split(/[\\/]/).pop();
  return name && name.length > 0 ? name : 'topology.otel-topology.yaml';
}

type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

const handlers: Handlers = {
  async 'file:open'({ path }) {
    if (pickers && handles) {
      if (path) return reopen(handles, path);
      const [handle] = (await picked(pickers.showOpenFilePicker({ types: TOPOLOGY_TYPES, multiple: false }))) ?? [];
      if (!handle) return null;
      const text = await (await handle.getFile()).text();
      return { path: await handles.remember(handle), text };
    }
    const [file] = await pickFiles('.yaml,.yml', { multiple: false, label: 'Choose a topology file' });
    if (!file) return null;
    addRecent(file.name);
    return { path: file.name, text: await file.text() };
  },

  async 'file:save'({ path, text, saveAs }) {
    if (pickers && handles) {
      // The file the document came from (opened or saved before, maybe before a reload), unless
      // the user asks for another; the permission request goes first, while the key press counts.
      const known = path ? handles.peek(path) : undefined;
      const permitted = known && !saveAs ? hasPermission(known, 'readwrite') : undefined;
      const kept = saveAs || !path ? undefined : (known ?? (await handles.get(path)));
      if (kept && !(await (permitted ?? hasPermission(kept, 'readwrite')))) {
        throw new Error(`${path} was not saved: permission to write it was not given; save again to allow it, or use Save as…`);
      }
      const handle = kept ?? (await picked(pickers.showSaveFilePicker({ suggestedName: known?.name ?? fileName(path), types: TOPOLOGY_TYPES })));
      if (!handle) return null;
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      return { path: await handles.remember(handle) };
    }
    const name = fileName(path);
    download(name, text, 'application/yaml');
    addRecent(name);
    return { path: name };
  },

  async 'file:import'({ from }) {
    const picked = await pickFiles('.yaml,.yml', {
      multiple: true,
      folder: from === 'folder',
      label: from === 'folder' ? 'Choose a folder of collector configs or manifests to import' : 'Choose collector configs or manifests to import',
    });
    if (picked.length === 0) return null;
    // As on the desktop: a folder's own YAML files, not its subfolders'.
    const files = from === 'folder' ? picked.filter((file) => /^[^/]+\/[^/]+\.ya?ml$/i.test(file.webkitRelativePath)) : picked;
    if (files.length === 0) throw new Error('nothing to import: the chosen folder holds no .yaml or .yml files');
    if (files.length > IMPORT_LIMITS.maxFiles) throw new Error(`too many files to import: ${files.length}, at most ${IMPORT_LIMITS.maxFiles}; choose fewer`);
    const big = files.find((file) => file.size > IMPORT_LIMITS.maxFileBytes);
    if (big) throw new Error(`cannot import ${big.name}: it is larger than the ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MiB allowed`);
    return { files: await Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() }))) };
  },

  async 'file:recent'() {
    return handles ? handles.list() : readRecent();
  },

  async 'bundle:export'({ files, suggestedName }) {
    // A browser cannot write a folder: both formats download one zip. Progress goes out as the
    // desktop's `bundle:progress` events, yielding now and then so the page can show it.
    const entries: Record<string, Uint8Array> = {};
    emit('bundle:progress', { done: 0, total: files.length });
    for (const [index, file] of files.entries()) {
      entries[file.path] = strToU8(file.content);
      if ((index + 1) % 16 === 0 || index + 1 === files.length) {
        emit('bundle:progress', { done: index + 1, total: files.length });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    const zip = zipSync(entries, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
    const name = suggestedName.endsWith('.zip') ? suggestedName : `${suggestedName}.zip`;
    download(name, zip, 'application/zip');
    return { path: name };
  },

  async 'diagram:export'({ format, data, suggestedName }) {
    if (format === 'svg') download(suggestedName, data, 'image/svg+xml');
    else download(suggestedName, Uint8Array.from(atob(data), (char) => char.charCodeAt(0)), 'image/png');
    return { path: suggestedName };
  },

  async 'recovery:write'({ text, path }) {
    localStorage.setItem(RECOVERY_KEY, JSON.stringify({ text, path, savedAt: new Date().toISOString() }));
    return null;
  },

  async 'recovery:read'() {
    try {
      const value = JSON.parse(localStorage.getItem(RECOVERY_KEY) ?? 'null') as { text?: unknown; path?: unknown; savedAt?: unknown } | null;
      if (!value || typeof value.text !== 'string' || typeof value.savedAt !== 'string') return null;
      return { text: value.text, path: typeof value.path === 'string' ? value.path : null, savedAt: value.savedAt };
    } catch {
      return null;
    }
  },

  async 'recovery:clear'() {
    localStorage.removeItem(RECOVERY_KEY);
    return null;
  },

  async 'window:state'({ title, dirty }) {
    document.title = `${dirty ? '● ' : ''}${title} — OTel Topology Designer`;
    return null;
  },

  // The browser has no native menu to grey out: the toolbar and the palette read the registry.
  async 'menu:state'() {
    return null;
  },
};

async function answer<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  try {
    return { ok: true, data: await handlers[channel](request) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const listeners = new Map<EventName, Set<(payload: never) => void>>();

function emit<E extends EventName>(event: E, payload: EventOf<E>): void {
  for (const listener of listeners.get(event) ?? []) (listener as (payload: EventOf<E>) => void)(payload);
}

export const webPlatform: DesktopApi = {
  kind: 'web',
  reopensRecent: handles !== undefined,
  channels: {
    'file:open': (request) => answer('file:open', request),
    'file:save': (request) => answer('file:save', request),
    'file:import': (request) => answer('file:import', request),
    'file:recent': (request) => answer('file:recent', request),
    'bundle:export': (request) => answer('bundle:export', request),
    'diagram:export': (request) => answer('diagram:export', request),
    'recovery:write': (request) => answer('recovery:write', request),
    'recovery:read': (request) => answer('recovery:read', request),
    'recovery:clear': (request) => answer('recovery:clear', request),
    'window:state': (request) => answer('window:state', request),
    'menu:state': (request) => answer('menu:state', request),
  },
  // The browser has no menu; the bundle export reports its progress like the desktop's.
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  },
};
