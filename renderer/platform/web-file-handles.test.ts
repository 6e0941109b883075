import { describe, expect, it, vi } from 'vitest';
import { FileHandleStore, reopen, type FileHandle, type HandleBackend, type HandleRecord } from './web-file-handles.js';

/** A handle on a fake file: `file` names the file itself, so two handle objects can be the same file. */
function fakeHandle(name: string, options: { file?: string; text?: string; permission?: 'granted' | 'denied' | 'prompt'; answer?: 'granted' | 'denied'; missing?: boolean } = {}) {
  const file = options.file ?? name;
  const handle = {
    name,
    file,
    isSameEntry: async (other: FileHandle) => (other as typeof handle).file === file,
    queryPermission: vi.fn(async () => options.permission ?? 'granted'),
    requestPermission: vi.fn(async () => options.answer ?? 'granted'),
    getFile: vi.fn(async () => {
      if (options.missing) throw Object.assign(new Error('A requested file or directory could not be found.'), { name: 'NotFoundError' });
      return { text: async () => options.text ?? `name: ${name}\n` };
    }),
    createWritable: async () => ({ write: async () => {}, close: async () => {} }),
  };
  return handle;
}
type FakeHandle = ReturnType<typeof fakeHandle>;

/** IndexedDB's part, as a map: what survives a page reload. */
function memoryBackend(): HandleBackend<FakeHandle> & { records: Map<string, HandleRecord<FakeHandle>> } {
  const records = new Map<string, HandleRecord<FakeHandle>>();
  return {
    records,
    all: async () => [...records.values()],
    put: async (record) => void records.set(record.key, record),
    delete: async (key) => void records.delete(key),
  };
}

describe('FileHandleStore', () => {
  it('GIVEN files opened one after another WHEN listed THEN newest first; the same file again moves to the front under its key', async () => {
    const store = new FileHandleStore(memoryBackend());
    await store.remember(fakeHandle('a.yaml'));
    await store.remember(fakeHandle('b.yaml'));
    await store.remember(fakeHandle('c.yaml'));

    // Another handle object on the file a.yaml, as the picker gives when it is chosen again.
    const key = await store.remember(fakeHandle('a.yaml'));

    expect(key).toBe('a.yaml');
    expect(await store.list()).toStrictEqual(['a.yaml', 'c.yaml', 'b.yaml']);
  });

  it('GIVEN more files than the limit WHEN remembered THEN the oldest leave the list and the backend', async () => {
    const backend = memoryBackend();
    const store = new FileHandleStore(backend, 3);
    for (const name of ['a', 'b', 'c', 'd', 'e']) await store.remember(fakeHandle(`${name}.yaml`));

    expect(await store.list()).toStrictEqual(['e.yaml', 'd.yaml', 'c.yaml']);
    expect([...backend.records.keys()].sort()).toStrictEqual(['c.yaml', 'd.yaml', 'e.yaml']);
    expect(store.peek('a.yaml')).toBeUndefined();
  });

  it('GIVEN two different files with the same name WHEN remembered THEN each has its own key, and each key opens its own file', async () => {
    const store = new FileHandleStore(memoryBackend());
    const first = fakeHandle('topology.yaml', { file: 'work/topology.yaml', text: 'name: work\n' });
    const second = fakeHandle('topology.yaml', { file: 'home/topology.yaml', text: 'name: home\n' });

    expect(await store.remember(first)).toBe('topology.yaml');
    expect(await store.remember(second)).toBe('topology.yaml (2)');
    expect(await store.remember(first)).toBe('topology.yaml');

    expect(await store.list()).toStrictEqual(['topology.yaml', 'topology.yaml (2)']);
    expect(await reopen(store, 'topology.yaml (2)')).toStrictEqual({ path: 'topology.yaml (2)', text: 'name: home\n' });
    expect(await reopen(store, 'topology.yaml')).toStrictEqual({ path: 'topology.yaml', text: 'name: work\n' });
  });

  it('GIVEN records kept by an earlier page WHEN a new store reads them THEN it lists the same keys in the same order', async () => {
    const backend = memoryBackend();
    const before = new FileHandleStore(backend);
    await before.remember(fakeHandle('a.yaml'));
    await before.remember(fakeHandle('b.yaml'));

    const after = new FileHandleStore(backend);

    expect(after.peek('a.yaml')).toBeUndefined();
    expect(await after.list()).toStrictEqual(['b.yaml', 'a.yaml']);
    expect(after.peek('a.yaml')?.name).toBe('a.yaml');
  });

  it('GIVEN remembers started together WHEN they finish THEN none is lost', async () => {
    const store = new FileHandleStore(memoryBackend());
    await Promise.all(['a', 'b', 'c'].map((name) => store.remember(fakeHandle(`${name}.yaml`))));
    expect(await store.list()).toStrictEqual(['c.yaml', 'b.yaml', 'a.yaml']);
  });
});

describe('reopen', () => {
  it('GIVEN a listed file WHEN reopened THEN its permission is asked at once (the click still counts), its text read, and it becomes the newest', async () => {
    const store = new FileHandleStore(memoryBackend());
    const handle = fakeHandle('a.yaml', { permission: 'prompt', answer: 'granted', text: 'name: a\n' });
    await store.remember(handle);
    await store.remember(fakeHandle('b.yaml'));
    await store.list();

    const reopening = reopen(store, 'a.yaml');
    expect(handle.queryPermission).toHaveBeenCalledWith({ mode: 'read' });

    expect(await reopening).toStrictEqual({ path: 'a.yaml', text: 'name: a\n' });
    expect(handle.requestPermission).toHaveBeenCalledWith({ mode: 'read' });
    expect(await store.list()).toStrictEqual(['a.yaml', 'b.yaml']);
  });

  it('GIVEN the user refuses the permission WHEN reopened THEN an error names the file and it leaves the list', async () => {
    const store = new FileHandleStore(memoryBackend());
    const handle = fakeHandle('a.yaml', { permission: 'prompt', answer: 'denied' });
    await store.remember(handle);
    await store.remember(fakeHandle('b.yaml'));

    await expect(reopen(store, 'a.yaml')).rejects.toThrow('a.yaml could not be opened again: permission to read it was not given; use Open a file… to choose it.');
    expect(handle.getFile).not.toHaveBeenCalled();
    expect(await store.list()).toStrictEqual(['b.yaml']);
  });

  it('GIVEN a file moved or deleted since WHEN reopened THEN an error names the file and it leaves the list', async () => {
    const backend = memoryBackend();
    await new FileHandleStore(backend).remember(fakeHandle('gone.yaml', { missing: true }));
    // After a reload: nothing read yet, so the handle comes from the backend.
    const store = new FileHandleStore(backend);

    await expect(reopen(store, 'gone.yaml')).rejects.toThrow('gone.yaml could not be opened again: it was moved or deleted; use Open a file… to choose it.');
    expect(await store.list()).toStrictEqual([]);
    expect(backend.records.size).toBe(0);
  });

  it('GIVEN a read that fails for another reason WHEN reopened THEN the error names the file and the entry stays for another try', async () => {
    const store = new FileHandleStore(memoryBackend());
    const handle = fakeHandle('a.yaml');
    handle.getFile.mockRejectedValueOnce(Object.assign(new Error('The file could not be read.'), { name: 'NotReadableError' }));
    await store.remember(handle);

    await expect(reopen(store, 'a.yaml')).rejects.toThrow('a.yaml could not be opened again: The file could not be read; use Open a file… to choose it.');
    expect(await store.list()).toStrictEqual(['a.yaml']);
  });

  it('GIVEN a key no longer listed WHEN reopened THEN an error names it', async () => {
    const store = new FileHandleStore(memoryBackend());
    await expect(reopen(store, 'old.yaml')).rejects.toThrow('old.yaml could not be opened again: it is no longer in the list of recent files; use Open a file… to choose it.');
  });
});
