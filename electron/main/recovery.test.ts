import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecoveryStore, RECOVERY_FILE_NAME } from './recovery.js';
import { errno, failing, realFs, temporaryDirectory } from './test-fs.js';

const now = () => new Date('2025-01-02T03:04:05.000Z');

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
});
