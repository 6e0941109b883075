import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecoveryStore, RECOVERY_FILE_NAME, SET_ASIDE_FILE_NAME } from './recovery.js';
import { errno, failing, realFs, temporaryDirectory } from './test-fs.js';

const now = () => new Date('2025-01-02T03:04:05.000Z');

/** The real file system, with every rename held until `release` (a slow disk, a write in flight). */
function slowRenames() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const renaming = new Promise<void>((resolve) => (started = resolve));
  const fs = {
    ...realFs,
    rename: async (from: string, to: string) => {
      started();
      await released;
      return realFs.rename(from, to);
    },
  } as typeof realFs;
  return { fs, release, renaming };
}

const entryIn = async (userDataDir: string, name: string) => JSON.parse(await readFile(join(userDataDir, name), 'utf8')) as { text: string };

describe('createRecoveryStore', () => {
  it('GIVEN nothing written WHEN read THEN null', async () => {
    expect(await createRecoveryStore({ fs: realFs, userDataDir: await temporaryDirectory(), now }).read()).toBeNull();
  });

  it('GIVEN unsaved work written WHEN read after a restart THEN returns it with the time it was kept', async () => {
    const userDataDir = await temporaryDirectory();
    await createRecoveryStore({ fs: realFs, userDataDir, now }).write({ text: 'name: a', path: '/a.otel-topology.yaml' });
    expect(await createRecoveryStore({ fs: realFs, userDataDir, now }).read()).toStrictEqual({
      text: 'name: a',
      path: '/a.otel-topology.yaml',
      savedAt: '2025-01-02T03:04:05.000Z',
    });
  });

  it('GIVEN two writes WHEN read THEN the last one wins', async () => {
    const store = createRecoveryStore({ fs: realFs, userDataDir: await temporaryDirectory(), now });
    await store.write({ text: 'one', path: null });
    await store.write({ text: 'two', path: null });
    expect(await store.read()).toMatchObject({ text: 'two', path: null });
  });

  it('GIVEN a recovery file WHEN cleared THEN read gives null and clearing again is fine', async () => {
    const userDataDir = await temporaryDirectory();
    const store = createRecoveryStore({ fs: realFs, userDataDir, now });
    await store.write({ text: 'x', path: null });
    await store.clear();
    await store.clear();
    expect(await store.read()).toBeNull();
    expect(await readdir(userDataDir)).toStrictEqual([]);
  });

  it.each([
    { name: 'not JSON', text: '{"text": ' },
    { name: 'wrong shape', text: '{"text": 1, "path": null, "savedAt": "x"}' },
  ])('GIVEN a damaged recovery file ($name) WHEN read THEN null, not an error', async ({ text }) => {
    const userDataDir = await temporaryDirectory();
    await writeFile(join(userDataDir, RECOVERY_FILE_NAME), text);
    expect(await createRecoveryStore({ fs: realFs, userDataDir, now }).read()).toBeNull();
  });

  it('GIVEN a failing write WHEN writing THEN the previous recovery survives', async () => {
    const userDataDir = await temporaryDirectory();
    await createRecoveryStore({ fs: realFs, userDataDir, now }).write({ text: 'kept', path: null });
    const broken = createRecoveryStore({ fs: failing({ rename: errno('ENOSPC') }), userDataDir, now });
    await expect(broken.write({ text: 'lost', path: null })).rejects.toThrow(/ENOSPC/);
    expect(await broken.read()).toMatchObject({ text: 'kept' });
    expect(await readdir(userDataDir)).toStrictEqual([RECOVERY_FILE_NAME]);
  });

  it('GIVEN a write still renaming its file WHEN cleared THEN the clear waits for it and the entry stays gone', async () => {
    const userDataDir = await temporaryDirectory();
    const { fs, release, renaming } = slowRenames();
    const store = createRecoveryStore({ fs, userDataDir, now });
    const writing = store.write({ text: 'saved since', path: null });
    await renaming;
    const clearing = store.clear();
    // Time for a clear that does not wait to be done before the rename (how it used to go wrong).
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await Promise.all([writing, clearing]);
    expect(await store.read()).toBeNull();
    expect(await readdir(userDataDir)).toStrictEqual([]);
  });

  it('GIVEN writes queued behind a slow one WHEN a clear comes THEN they are dropped, and a write asked for after the clear lands', async () => {
    const userDataDir = await temporaryDirectory();
    const { fs, release, renaming } = slowRenames();
    const store = createRecoveryStore({ fs, userDataDir, now });
    const done = [store.write({ text: 'one', path: null })];
    await renaming;
    done.push(store.write({ text: 'two', path: null }), store.write({ text: 'three', path: null }), store.clear());
    release();
    await Promise.all(done);
    expect(await store.read()).toBeNull();

    await store.write({ text: 'after the clear', path: null });
    expect(await store.read()).toMatchObject({ text: 'after the clear' });
  });

  it('GIVEN a failing write WHEN another write follows THEN it still runs', async () => {
    const userDataDir = await temporaryDirectory();
    let fail = true;
    const fs = { ...realFs, rename: async (from: string, to: string) => (fail ? Promise.reject(errno('ENOSPC')) : realFs.rename(from, to)) } as typeof realFs;
    const store = createRecoveryStore({ fs, userDataDir, now });
    await expect(store.write({ text: 'lost', path: null })).rejects.toThrow(/ENOSPC/);
    fail = false;
    await store.write({ text: 'kept', path: null });
    expect(await store.read()).toMatchObject({ text: 'kept' });
  });
});

describe('recovery at start', () => {
  async function leftBehind(text: string) {
    const userDataDir = await temporaryDirectory();
    await createRecoveryStore({ fs: realFs, userDataDir, now }).write({ text, path: null });
    return { userDataDir, store: createRecoveryStore({ fs: realFs, userDataDir, now }) };
  }

  it('GIVEN unsaved work left behind WHEN the app starts with a file to open THEN it is set aside: this session neither offers nor replaces it', async () => {
    const { userDataDir, store } = await leftBehind('from the crash');
    await store.atStart({ opensFile: true });
    expect(await store.read()).toBeNull();
    await store.write({ text: 'the opened file, edited', path: '/b.otel-topology.yaml' });
    await store.clear();
    expect(await entryIn(userDataDir, SET_ASIDE_FILE_NAME)).toMatchObject({ text: 'from the crash' });
  });

  it('GIVEN work set aside WHEN the app next starts on the start screen THEN it is offered there', async () => {
    const { userDataDir, store } = await leftBehind('from the crash');
    await store.atStart({ opensFile: true });
    const next = createRecoveryStore({ fs: realFs, userDataDir, now });
    await next.atStart({ opensFile: false });
    expect(await next.read()).toMatchObject({ text: 'from the crash' });
    expect(await readdir(userDataDir)).toStrictEqual([RECOVERY_FILE_NAME]);
  });

  it('GIVEN work set aside and newer work left by the session that set it aside WHEN the app starts on the start screen THEN the newer is offered and the older waits', async () => {
    const { userDataDir, store } = await leftBehind('older');
    await store.atStart({ opensFile: true });
    await store.write({ text: 'newer', path: null });
    const next = createRecoveryStore({ fs: realFs, userDataDir, now });
    await next.atStart({ opensFile: false });
    expect(await next.read()).toMatchObject({ text: 'newer' });
    await next.clear();

    const later = createRecoveryStore({ fs: realFs, userDataDir, now });
    await later.atStart({ opensFile: false });
    expect(await later.read()).toMatchObject({ text: 'older' });
  });

  it.each([{ opensFile: true }, { opensFile: false }])('GIVEN nothing left behind WHEN the app starts ($opensFile) THEN nothing changes', async (start) => {
    const userDataDir = await temporaryDirectory();
    const store = createRecoveryStore({ fs: realFs, userDataDir, now });
    await store.atStart(start);
    expect(await store.read()).toBeNull();
    expect(await readdir(userDataDir)).toStrictEqual([]);
  });

  it('GIVEN unsaved work left behind WHEN the app starts on the start screen THEN it is offered as before', async () => {
    const { store } = await leftBehind('from the crash');
    await store.atStart({ opensFile: false });
    expect(await store.read()).toMatchObject({ text: 'from the crash' });
  });
});
