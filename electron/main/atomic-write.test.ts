import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFileError, writeFileAtomic } from '../../cli/atomic-write.js';
import { errno, failing, realFs, temporaryDirectory } from './test-fs.js';

describe('writeFileAtomic', () => {
  it('GIVEN an existing file WHEN writing THEN replaces its content and leaves no temporary file', async () => {
    const dir = await temporaryDirectory();
    const file = join(dir, 'a.otel-topology.yaml');
    await writeFile(file, 'old');
    await writeFileAtomic(realFs, file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toStrictEqual(['a.otel-topology.yaml']);
  });

  it('GIVEN a rename that fails WHEN writing THEN the old file is intact and the temporary file removed', async () => {
    const dir = await temporaryDirectory();
    const file = join(dir, 'a.otel-topology.yaml');
    await writeFile(file, 'old');
    await expect(writeFileAtomic(failing({ rename: errno('EXDEV') }), file, 'new')).rejects.toThrow(/EXDEV/);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toStrictEqual(['a.otel-topology.yaml']);
  });

  it('GIVEN a folder that does not exist WHEN writing THEN fails and creates nothing', async () => {
    const dir = await temporaryDirectory();
    await expect(writeFileAtomic(realFs, join(dir, 'missing', 'a.yaml'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toStrictEqual([]);
  });

  it('GIVEN bytes WHEN writing THEN writes them unchanged', async () => {
    const dir = await temporaryDirectory();
    const file = join(dir, 'd.png');
    await writeFileAtomic(realFs, file, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect([...(await readFile(file))]).toStrictEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('describeFileError', () => {
  it('GIVEN errno codes WHEN described THEN says what went wrong in words', () => {
    expect(describeFileError(errno('EACCES'), '/a', 'write')).toBe('cannot write /a: permission denied');
    expect(describeFileError(errno('ENOENT'), '/a', 'read')).toBe('cannot read /a: it does not exist');
  });
});
