import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecentFiles, MAX_RECENT_FILES, parseRecent, pushRecent, RECENT_FILES_NAME } from './recent-files.js';
import { errno, failing, realFs, temporaryDirectory } from './test-fs.js';

describe('pushRecent', () => {
  it('GIVEN a list WHEN a path is pushed THEN it comes first', () => {
    expect(pushRecent(['/b', '/c'], '/a')).toStrictEqual(['/a', '/b', '/c']);
  });

  it('GIVEN a path already in the list WHEN pushed again THEN it moves to the front once', () => {
    expect(pushRecent(['/a', '/b', '/c'], '/c')).toStrictEqual(['/c', '/a', '/b']);
  });

  it('GIVEN a full list WHEN a new path is pushed THEN the oldest falls off', () => {
    const full = Array.from({ length: MAX_RECENT_FILES }, (_, index) => `/f${index}`);
    const next = pushRecent(full, '/new');
    expect(next).toHaveLength(MAX_RECENT_FILES);
    expect(next[0]).toBe('/new');
    expect(next).not.toContain(`/f${MAX_RECENT_FILES - 1}`);
  });
});

describe('parseRecent', () => {
  it.each([
    { name: 'not JSON', text: '{"paths": [' },
    { name: 'not a list', text: '{"paths": "a"}' },
    { name: 'null', text: 'null' },
  ])('GIVEN a damaged file ($name) WHEN parsed THEN the list is empty', ({ text }) => {
    expect(parseRecent(text)).toStrictEqual([]);
  });

  it('GIVEN entries of the wrong type and duplicates WHEN parsed THEN keeps the distinct paths in order', () => {
    expect(parseRecent('{"paths": ["/a", 3, "", "/b", "/a"]}')).toStrictEqual(['/a', '/b']);
  });
});

describe('createRecentFiles', () => {
  it('GIVEN no file yet WHEN listing THEN the list is empty', async () => {
    const recent = createRecentFiles({ fs: realFs, userDataDir: await temporaryDirectory() });
    expect(await recent.list()).toStrictEqual([]);
  });

  it('GIVEN paths added WHEN read by a new instance THEN they persist newest first, de-duplicated', async () => {
    const userDataDir = await temporaryDirectory();
    const recent = createRecentFiles({ fs: realFs, userDataDir });
    await recent.add('/a');
    await recent.add('/b');
    await recent.add('/a');
    expect(await createRecentFiles({ fs: realFs, userDataDir }).list()).toStrictEqual(['/a', '/b']);
    expect(await readdir(userDataDir)).toStrictEqual([RECENT_FILES_NAME]);
  });

  it('GIVEN adds in quick succession WHEN they finish THEN none is lost', async () => {
    const recent = createRecentFiles({ fs: realFs, userDataDir: await temporaryDirectory() });
    await Promise.all(['/a', '/b', '/c'].map((path) => recent.add(path)));
    expect(await recent.list()).toStrictEqual(['/c', '/b', '/a']);
  });

  it('GIVEN a corrupt file WHEN adding THEN starts over and rewrites it as valid JSON', async () => {
    const userDataDir = await temporaryDirectory();
    await writeFile(join(userDataDir, RECENT_FILES_NAME), '\u0000garbage');
    const recent = createRecentFiles({ fs: realFs, userDataDir });
    expect(await recent.list()).toStrictEqual([]);
    await recent.add('/a');
    expect(JSON.parse(await readFile(join(userDataDir, RECENT_FILES_NAME), 'utf8'))).toStrictEqual({ version: 1, paths: ['/a'] });
  });

  it('GIVEN a write that fails WHEN adding THEN rejects, keeps the old list, and later adds still work', async () => {
    const userDataDir = await temporaryDirectory();
    await createRecentFiles({ fs: realFs, userDataDir }).add('/a');
    const broken = createRecentFiles({ fs: failing({ rename: errno('EACCES') }), userDataDir });
    await expect(broken.add('/b')).rejects.toThrow(/EACCES/);
    expect(await broken.list()).toStrictEqual(['/a']);
    expect(await readdir(userDataDir)).toStrictEqual([RECENT_FILES_NAME]);
  });
});
