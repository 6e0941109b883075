import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { writeBundle } from '../../cli/write-bundle.js';
import type { Dialogs } from './dialogs.js';
import { createFileService, isSafeBundlePath, safeFileName, withTopologySuffix } from './file-service.js';
import { createRecentFiles } from './recent-files.js';
import { errno, failing, realFs, temporaryDirectory } from './test-fs.js';
import type { ServiceFileSystem as FileSystem } from './file-service.js';

/** Dialogs that answer from a script: each call takes the next answer (null = cancelled). */
function scriptedDialogs(answers: Array<string | null>) {
  const next = vi.fn(async () => (answers.length > 0 ? answers.shift()! : null));
  const dialogs: Dialogs = {
    chooseTopologyToOpen: next,
    chooseFilesToImport: vi.fn(async () => null),
    chooseTopologySaveTarget: next,
    chooseBundleTarget: next,
    chooseDiagramTarget: next,
  };
  return { dialogs, next };
}

/** A service over a temp dir; push to `answers` to script the dialogs. */
async function setUp(fs: FileSystem = realFs) {
  const dir = await temporaryDirectory();
  const answers: Array<string | null> = [];
  const recent = createRecentFiles({ fs: realFs, userDataDir: join(dir, 'user-data') });
  const { dialogs, next } = scriptedDialogs(answers);
  const service = createFileService({ fs, dialogs, recent, writeBundle });
  return { dir, answers, recent, service, dialogs: next };
}

describe('file service: open', () => {
  it('GIVEN the user picks a file WHEN opening THEN returns its text and adds it to the recent files', async () => {
    const { dir, answers, service, recent } = await setUp();
    const file = join(dir, 'a.otel-topology.yaml');
    await writeFile(file, 'name: a\n');
    answers.push(file);
    expect(await service.open({})).toStrictEqual({ path: file, text: 'name: a\n' });
    expect(await recent.list()).toStrictEqual([file]);
  });

  it('GIVEN the user cancels WHEN opening THEN null', async () => {
    const { answers, service } = await setUp();
    answers.push(null);
    expect(await service.open({})).toBeNull();
  });

  it('GIVEN a path the app never opened WHEN the renderer opens it by name THEN refuses without reading it', async () => {
    const { service, dialogs } = await setUp();
    await expect(service.open({ path: '/etc/passwd' })).rejects.toThrow(/did not open or save it before/);
    expect(dialogs).not.toHaveBeenCalled();
  });

  it('GIVEN a recent file WHEN opened by name THEN reads it without a dialog', async () => {
    const { dir, service, recent, dialogs } = await setUp();
    const file = join(dir, 'b.otel-topology.yaml');
    await writeFile(file, 'name: b\n');
    await recent.add(file);
    expect(await service.open({ path: file })).toStrictEqual({ path: file, text: 'name: b\n' });
    expect(dialogs).not.toHaveBeenCalled();
  });

  it('GIVEN a recent file that was deleted WHEN opened THEN fails with a readable reason', async () => {
    const { dir, service, recent } = await setUp();
    const file = join(dir, 'gone.otel-topology.yaml');
    await recent.add(file);
    await expect(service.open({ path: file })).rejects.toThrow(`cannot read ${file}: it does not exist`);
  });
});

/** A service whose import dialog answers `picked` (null = cancelled). */
async function setUpImport(picked: (dir: string) => string[] | null) {
  const setup = await setUp();
  const choose = vi.fn(async () => picked(setup.dir));
  const service = createFileService({
    fs: realFs,
    dialogs: { ...scriptedDialogs([]).dialogs, chooseFilesToImport: choose },
    recent: setup.recent,
    writeBundle,
  });
  return { ...setup, service, choose };
}

describe('file service: import', () => {
  it('GIVEN files and a folder picked WHEN importing THEN reads the files and the folder\'s YAML files in name order, not its subfolders', async () => {
    const { dir, service } = await setUpImport((dir) => [join(dir, 'a.yaml'), join(dir, 'manifests')]);
    await writeFile(join(dir, 'a.yaml'), 'receivers: {}\n');
    await mkdir(join(dir, 'manifests', 'nested'), { recursive: true });
    await writeFile(join(dir, 'manifests', 'z.yml'), 'kind: Service\n');
    await writeFile(join(dir, 'manifests', 'b.YAML'), 'kind: ConfigMap\n');
    await writeFile(join(dir, 'manifests', 'notes.txt'), 'not yaml');
    await writeFile(join(dir, 'manifests', 'nested', 'deep.yaml'), 'kind: Secret\n');
    expect(await service.importFiles()).toStrictEqual({
      files: [
        { path: join(dir, 'a.yaml'), text: 'receivers: {}\n' },
        { path: join(dir, 'manifests', 'b.YAML'), text: 'kind: ConfigMap\n' },
        { path: join(dir, 'manifests', 'z.yml'), text: 'kind: Service\n' },
      ],
    });
  });

  it('GIVEN an import from folders WHEN importing THEN the folder dialog is asked', async () => {
    const { dir, service, choose } = await setUpImport((dir) => [join(dir, 'manifests')]);
    await mkdir(join(dir, 'manifests'));
    await writeFile(join(dir, 'manifests', 'a.yaml'), 'kind: Service\n');
    expect(await service.importFiles('folder')).toStrictEqual({ files: [{ path: join(dir, 'manifests', 'a.yaml'), text: 'kind: Service\n' }] });
    expect(choose).toHaveBeenCalledWith('folder');
  });

  it('GIVEN the user cancels WHEN importing THEN null, and nothing is read', async () => {
    const { service, choose } = await setUpImport(() => null);
    expect(await service.importFiles()).toBeNull();
    expect(choose).toHaveBeenCalledOnce();
  });

  it('GIVEN more files than allowed WHEN importing THEN fails before reading any', async () => {
    const { dir, service } = await setUpImport((dir) => [join(dir, 'many')]);
    await mkdir(join(dir, 'many'));
    for (const name of ['a', 'b', 'c']) await writeFile(join(dir, 'many', `${name}.yaml`), 'x: 1\n');
    await expect(service.importFiles('files', { maxFiles: 2, maxFileBytes: 100 })).rejects.toThrow('too many files to import: 3, at most 2; choose fewer');
  });

  it('GIVEN a file over the size limit WHEN importing THEN fails naming it', async () => {
    const { dir, service } = await setUpImport((dir) => [join(dir, 'big.yaml')]);
    await writeFile(join(dir, 'big.yaml'), 'x'.repeat(2048));
    await expect(service.importFiles('files', { maxFiles: 10, maxFileBytes: 1024 })).rejects.toThrow(`cannot import ${join(dir, 'big.yaml')}: it is`);
  });

  it('GIVEN a folder without YAML files WHEN importing THEN says so', async () => {
    const { dir, service } = await setUpImport((dir) => [join(dir, 'empty')]);
    await mkdir(join(dir, 'empty'));
    await expect(service.importFiles()).rejects.toThrow(/no \.yaml or \.yml files/);
  });

  it('GIVEN a picked file that vanished WHEN importing THEN fails with a readable reason', async () => {
    const { dir, service } = await setUpImport((dir) => [join(dir, 'gone.yaml')]);
    await expect(service.importFiles()).rejects.toThrow(`cannot read ${join(dir, 'gone.yaml')}: it does not exist`);
  });

  it('GIVEN imported files WHEN the renderer then opens one by name THEN it is still refused: import grants nothing', async () => {
    const { dir, service } = await setUpImport((dir) => [join(dir, 'a.yaml')]);
    await writeFile(join(dir, 'a.yaml'), 'x: 1\n');
    await service.importFiles();
    await expect(service.open({ path: join(dir, 'a.yaml') })).rejects.toThrow(/did not open or save it before/);
  });
});

describe('file service: save', () => {
  it('GIVEN a new document WHEN saving THEN asks where, adds the suffix Linux dialogs leave out, writes and remembers it', async () => {
    const { dir, answers, service, recent } = await setUp();
    const chosen = join(dir, 'central');
    answers.push(chosen);
    expect(await service.save({ path: null, text: 'name: c\n', saveAs: false })).toStrictEqual({ path: `${chosen}.otel-topology.yaml` });
    expect(await readFile(`${chosen}.otel-topology.yaml`, 'utf8')).toBe('name: c\n');
    expect(await recent.list()).toStrictEqual([`${chosen}.otel-topology.yaml`]);
  });

  it('GIVEN a file the user saved before WHEN saving again THEN writes in place without a dialog', async () => {
    const { dir, recent } = await setUp();
    const file = join(dir, 'a.otel-topology.yaml');
    const { dialogs, next } = scriptedDialogs([file]);
    const service = createFileService({ fs: realFs, dialogs, recent, writeBundle });
    await service.save({ path: null, text: 'one', saveAs: false });
    await service.save({ path: file, text: 'two', saveAs: false });
    expect(next).toHaveBeenCalledOnce();
    expect(await readFile(file, 'utf8')).toBe('two');
  });

  it('GIVEN Save As WHEN saving a known file THEN asks anyway', async () => {
    const { dir, recent } = await setUp();
    const file = join(dir, 'a.otel-topology.yaml');
    await recent.add(file);
    const { dialogs, next } = scriptedDialogs([null]);
    const service = createFileService({ fs: realFs, dialogs, recent, writeBundle });
    expect(await service.save({ path: file, text: 'x', saveAs: true })).toBeNull();
    expect(next).toHaveBeenCalledOnce();
  });

  it('GIVEN a path the app never saw WHEN the renderer saves to it THEN asks first, offering that path', async () => {
    const { dir, recent } = await setUp();
    const unknown = join(dir, 'elsewhere.otel-topology.yaml');
    const { dialogs, next } = scriptedDialogs([null]);
    const service = createFileService({ fs: realFs, dialogs, recent, writeBundle });
    expect(await service.save({ path: unknown, text: 'x', saveAs: false })).toBeNull();
    expect(next).toHaveBeenCalledWith(unknown);
    expect(await readdir(dir)).toStrictEqual([]);
  });

  it('GIVEN a write that fails at the rename WHEN saving THEN the old file is intact, no temp file is left, and the error names the file', async () => {
    const dir = await temporaryDirectory();
    const file = join(dir, 'a.otel-topology.yaml');
    await writeFile(file, 'old');
    const recent = createRecentFiles({ fs: realFs, userDataDir: join(dir, 'user-data') });
    await recent.add(file);
    const service = createFileService({ fs: failing({ rename: errno('EACCES') }), dialogs: scriptedDialogs([]).dialogs, recent, writeBundle });
    await expect(service.save({ path: file, text: 'new', saveAs: false })).rejects.toThrow(`cannot write ${file}: permission denied`);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toStrictEqual(['a.otel-topology.yaml', 'user-data']);
  });
});

describe('file service: exports', () => {
  const files = [
    { path: 'README.md', content: '# bundle\n' },
    { path: 'collectors/gateway/config.yaml', content: 'receivers: {}\n' },
  ];

  it('GIVEN a new folder WHEN exporting a bundle THEN writes every file and reports progress up to the total', async () => {
    const { dir, recent } = await setUp();
    const target = join(dir, 'bundle');
    const service = createFileService({ fs: realFs, dialogs: scriptedDialogs([target]).dialogs, recent, writeBundle });
    const progress = vi.fn();
    expect(await service.exportBundle({ files, format: 'folder', suggestedName: 'bundle' }, progress)).toStrictEqual({ path: target });
    expect(await readFile(join(target, 'collectors/gateway/config.yaml'), 'utf8')).toBe('receivers: {}\n');
    expect(progress.mock.calls.at(-1)).toStrictEqual([3, 3]);
  });

  it('GIVEN a non-empty folder WHEN exporting a bundle there THEN refuses and leaves it alone', async () => {
    const { dir, recent } = await setUp();
    const target = join(dir, 'precious');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'mine');
    const service = createFileService({ fs: realFs, dialogs: scriptedDialogs([target]).dialogs, recent, writeBundle });
    await expect(service.exportBundle({ files, format: 'folder', suggestedName: 'b' }, () => {})).rejects.toThrow(
      `${target} is not empty and holds no earlier export (no .otel-topology-bundle.json): choose a new or empty folder`,
    );
    expect(await readdir(target)).toStrictEqual(['keep.txt']);
  });

  it('GIVEN the folder of an earlier export WHEN exporting there again THEN replaces it: files the bundle no longer has are gone', async () => {
    const { dir, recent } = await setUp();
    const target = join(dir, 'bundle');
    const service = createFileService({ fs: realFs, dialogs: scriptedDialogs([target, target]).dialogs, recent, writeBundle });
    await service.exportBundle({ files, format: 'folder', suggestedName: 'bundle' }, () => {});
    const edited = [{ path: 'README.md', content: '# edited\n' }];
    expect(await service.exportBundle({ files: edited, format: 'folder', suggestedName: 'bundle' }, () => {})).toStrictEqual({ path: target });
    expect((await readdir(target)).sort()).toStrictEqual(['.otel-topology-bundle.json', 'README.md']);
    expect(await readFile(join(target, 'README.md'), 'utf8')).toBe('# edited\n');
  });

  it('GIVEN an earlier export plus a file of the user\'s WHEN exporting there again THEN refuses, naming the file, and leaves the folder alone', async () => {
    const { dir, recent } = await setUp();
    const target = join(dir, 'bundle');
    await writeBundle({ files }, target);
    await writeFile(join(target, 'notes.md'), 'mine');
    const service = createFileService({ fs: realFs, dialogs: scriptedDialogs([target]).dialogs, recent, writeBundle });
    await expect(service.exportBundle({ files, format: 'folder', suggestedName: 'bundle' }, () => {})).rejects.toThrow(
      `${target} holds an earlier export but also notes.md, which the export did not write: move it away, or choose a new or empty folder`,
    );
    expect((await readdir(target)).sort()).toStrictEqual(['.otel-topology-bundle.json', 'README.md', 'collectors', 'notes.md']);
  });

  it('GIVEN a zip chosen without the extension WHEN exporting THEN writes name.zip holding every file', async () => {
    const { dir, recent } = await setUp();
    const service = createFileService({ fs: realFs, dialogs: scriptedDialogs([join(dir, 'out')]).dialogs, recent, writeBundle });
    expect(await service.exportBundle({ files, format: 'zip', suggestedName: 'out' }, () => {})).toStrictEqual({ path: join(dir, 'out.zip') });
    expect(Object.keys(unzipSync(await readFile(join(dir, 'out.zip')))).sort()).toStrictEqual(['README.md', 'collectors/gateway/config.yaml']);
  });

  it('GIVEN the user cancels WHEN exporting THEN null and nothing written', async () => {
    const { dir, answers, service } = await setUp();
    answers.push(null);
    expect(await service.exportBundle({ files, format: 'zip', suggestedName: 'out' }, () => {})).toBeNull();
    expect(await readdir(dir)).toStrictEqual([]);
  });

  it('GIVEN an empty bundle WHEN exporting THEN refuses before asking', async () => {
    const { service, dialogs } = await setUp();
    await expect(service.exportBundle({ files: [], format: 'zip', suggestedName: 'out' }, () => {})).rejects.toThrow(/empty/);
    expect(dialogs).not.toHaveBeenCalled();
  });

  it.each(['../escape.yaml', 'a/../../b', '/etc/cron.d/x', 'C:/x', 'a\\b', 'a//b', './a'])(
    'GIVEN a file path %s from the renderer WHEN exporting THEN refuses before asking',
    async (path) => {
      const { service, dialogs } = await setUp();
      await expect(service.exportBundle({ files: [{ path, content: 'x' }], format: 'folder', suggestedName: 'b' }, () => {})).rejects.toThrow(/outside the bundle/);
      expect(dialogs).not.toHaveBeenCalled();
    },
  );

  it('GIVEN the same path twice WHEN exporting THEN refuses', async () => {
    const { service } = await setUp();
    await expect(service.exportBundle({ files: [...files, files[0]!], format: 'zip', suggestedName: 'b' }, () => {})).rejects.toThrow(/twice/);
  });

  it('GIVEN ordinary nested paths WHEN checked THEN they are safe', () => {
    expect(['README.md', 'clusters/eks-prod/kustomization.yaml', '.env.example'].every(isSafeBundlePath)).toBe(true);
  });

  it('GIVEN a suggested name with folders WHEN asking where to export THEN offers a plain file name', async () => {
    const { dialogs, next } = scriptedDialogs([null]);
    const dir = await temporaryDirectory();
    const service = createFileService({ fs: realFs, dialogs, recent: createRecentFiles({ fs: realFs, userDataDir: dir }), writeBundle });
    await service.exportDiagram({ format: 'svg', data: '<svg/>', suggestedName: '../../etc/passwd' });
    expect(next).toHaveBeenCalledWith('svg', 'etc-passwd.svg');
  });

  it('GIVEN an SVG and a PNG WHEN exporting the diagram THEN writes the text, and the decoded bytes', async () => {
    const { dir, recent } = await setUp();
    const service = createFileService({
      fs: realFs,
      dialogs: scriptedDialogs([join(dir, 'd.svg'), join(dir, 'd')]).dialogs,
      recent,
      writeBundle,
    });
    await service.exportDiagram({ format: 'svg', data: '<svg/>', suggestedName: 'd' });
    expect(await service.exportDiagram({ format: 'png', data: 'data:image/png;base64,iVBORw==', suggestedName: 'd' })).toStrictEqual({ path: join(dir, 'd.png') });
    expect(await readFile(join(dir, 'd.svg'), 'utf8')).toBe('<svg/>');
    expect([...(await readFile(join(dir, 'd.png')))]).toStrictEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('GIVEN PNG data that is not base64 WHEN exporting THEN refuses before asking', async () => {
    const { service, dialogs } = await setUp();
    await expect(service.exportDiagram({ format: 'png', data: 'not base64!', suggestedName: 'd' })).rejects.toThrow(/not base64/);
    expect(dialogs).not.toHaveBeenCalled();
  });
});

describe('file names', () => {
  it.each([
    ['central', 'central.otel-topology.yaml'],
    ['central.otel-topology.yaml', 'central.otel-topology.yaml'],
    ['central.yml', 'central.yml'],
  ])('GIVEN %s WHEN saving THEN the file is %s', (chosen, expected) => {
    expect(withTopologySuffix(chosen)).toBe(expected);
  });

  it('GIVEN names with separators or only dots WHEN made safe THEN plain names remain', () => {
    expect(safeFileName('a/b\\c')).toBe('a-b-c');
    expect(safeFileName('..')).toBe('untitled');
  });
});
