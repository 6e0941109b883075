/**
 * Recent files of the browser build, where it has the File System Access API (Chromium): the
 * `FileSystemFileHandle`s of files opened or saved, kept in IndexedDB so a file can be opened
 * again, and saved into, after the page reloads. Handles are structured-cloneable: IndexedDB
 * keeps the handle itself, and the browser asks the user again for permission to use it.
 */

export const MAX_RECENT_HANDLES = 10;

export type HandleMode = 'read' | 'readwrite';
type PermissionAnswer = 'granted' | 'denied' | 'prompt';

/**
 * The part of `FileSystemFileHandle` used here. TypeScript's DOM library lacks the permission
 * methods (Chromium has them); tests pass fakes.
 */
export interface FileHandle {
  readonly name: string;
  isSameEntry(other: FileHandle): Promise<boolean>;
  queryPermission(descriptor: { mode: HandleMode }): Promise<PermissionAnswer>;
  requestPermission(descriptor: { mode: HandleMode }): Promise<PermissionAnswer>;
  getFile(): Promise<{ text(): Promise<string> }>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

/** One kept handle: `key` is what the renderer sees as the file's path; a higher `order` is newer. */
export interface HandleRecord<H> {
  readonly key: string;
  readonly handle: H;
  readonly order: number;
}

/** Where records persist: IndexedDB in the app (`indexedDbBackend`), a map in tests. */
export interface HandleBackend<H> {
  all(): Promise<Array<HandleRecord<H>>>;
  put(record: HandleRecord<H>): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Kept handles, newest first, at most `limit`. The renderer only has a string path for a file,
 * and a browser gives no real path: the key is the file's name, and a different file with a
 * name already in the list gets `name (2)`, `name (3)`... A key stays with its file while the
 * file is in the list, so saving the document under that key writes into that file; the same
 * file opened again (another handle object, `isSameEntry`) keeps its key and moves to the front.
 */
export class FileHandleStore<H extends FileHandle> {
  /** The records last read or written, so a click can find its handle without waiting (`peek`). */
  private known = new Map<string, HandleRecord<H>>();
  /** Changes run one after another, so two quick saves cannot lose one another's record. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly backend: HandleBackend<H>,
    private readonly limit = MAX_RECENT_HANDLES,
  ) {}

  /** Keys, newest first. */
  list(): Promise<string[]> {
    return this.serial(async () => (await this.load()).map((record) => record.key));
  }

  /** The handle under `key` as last read: no waiting, so a click's user activation is still there. */
  peek(key: string): H | undefined {
    return this.known.get(key)?.handle;
  }

  get(key: string): Promise<H | undefined> {
    return this.serial(async () => (await this.load()).find((record) => record.key === key)?.handle);
  }

  /** Keeps `handle` as the newest entry and gives its key (the one it had, if it is the same file). */
  remember(handle: H): Promise<string> {
    return this.serial(async () => {
      const records = await this.load();
      let key: string | undefined;
      for (const record of records) {
        if (record.handle === handle || (await record.handle.isSameEntry(handle))) {
          key = record.key;
          break;
        }
      }
      key ??= uniqueKey(handle.name, new Set(records.map((record) => record.key)));
      const newest: HandleRecord<H> = { key, handle, order: (records[0]?.order ?? 0) + 1 };
      await this.backend.put(newest);
      const others = records.filter((record) => record.key !== newest.key);
      for (const dropped of others.slice(this.limit - 1)) await this.backend.delete(dropped.key);
      this.cache([newest, ...others.slice(0, this.limit - 1)]);
      return key;
    });
  }

  forget(key: string): Promise<void> {
    return this.serial(async () => {
      await this.backend.delete(key);
      this.known.delete(key);
    });
  }

  private async load(): Promise<Array<HandleRecord<H>>> {
    const records = (await this.backend.all()).sort((a, b) => b.order - a.order);
    this.cache(records);
    return records;
  }

  private cache(records: ReadonlyArray<HandleRecord<H>>): void {
    this.known = new Map(records.map((record) => [record.key, record]));
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function uniqueKey(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let suffix = 2;
  while (taken.has(`${name} (${suffix})`)) suffix += 1;
  return `${name} (${suffix})`;
}

/** Whether the page may use `handle` for `mode`, asking the user when it must (that needs a click or key press). */
export async function hasPermission(handle: FileHandle, mode: HandleMode): Promise<boolean> {
  return (await handle.queryPermission({ mode })) === 'granted' || (await handle.requestPermission({ mode })) === 'granted';
}

/**
 * Reads the file kept under `key` again, and makes it the newest entry. Call it straight from the
 * click: the permission request needs the click's user activation, so the handle is looked up
 * without waiting when it can be. A file that is gone, or whose permission the user refuses,
 * leaves the list, with an error that names it.
 */
export async function reopen<H extends FileHandle>(store: FileHandleStore<H>, key: string): Promise<{ path: string; text: string }> {
  const known = store.peek(key);
  const permitted = known ? hasPermission(known, 'read') : undefined;
  const handle = known ?? (await store.get(key));
  const fail = (reason: string) => new Error(`${key} could not be opened again: ${reason.replace(/\.$/, '')}; use Open a file… to choose it.`);
  if (!handle) throw fail('it is no longer in the list of recent files');
  let text: string | undefined;
  try {
    text = (await (permitted ?? hasPermission(handle, 'read'))) ? await (await handle.getFile()).text() : undefined;
  } catch (error) {
    const gone = (error as Error).name === 'NotFoundError';
    if (gone) await store.forget(key);
    throw fail(gone ? 'it was moved or deleted' : (error as Error).message);
  }
  if (text === undefined) {
    await store.forget(key);
    throw fail('permission to read it was not given');
  }
  return { path: await store.remember(handle), text };
}

const DATABASE = 'otel-topology';
const OBJECT_STORE = 'file-handles';

/** The records in IndexedDB (database `otel-topology`, object store `file-handles`, keyed by `key`). */
export function indexedDbBackend<H>(factory: IDBFactory = indexedDB): HandleBackend<H> {
  let database: Promise<IDBDatabase> | undefined;
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(OBJECT_STORE, { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    });
  async function run<T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    database ??= open().catch((error: unknown) => {
      database = undefined;
      throw error;
    });
    const transaction = (await database).transaction(OBJECT_STORE, mode);
    const request = operation(transaction.objectStore(OBJECT_STORE));
    return new Promise<T>((resolve, reject) => {
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  }
  return {
    all: () => run('readonly', (store) => store.getAll() as IDBRequest<Array<HandleRecord<H>>>),
    put: async (record) => void (await run('readwrite', (store) => store.put(record))),
    delete: async (key) => void (await run('readwrite', (store) => store.delete(key))),
  };
}
