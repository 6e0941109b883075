import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeBundle, type BundleFiles, type BundleFileSystem } from './write-bundle.js';

const MARKER = '.otel-topology-bundle.json';

const FIRST: BundleFiles = {
  files: [
    { path: 'README.md', content: '# first\n' },
    { path: 'configs/agent.yaml', content: 'first: 1\n' },
    { path: 'clusters/old/kustomization.yaml', content: 'old\n' },
  ],
};

const SECOND: BundleFiles = {
  files: [
    { path: 'README.md', content: '# second\n' },
    { path: 'configs/agent.yaml', content: 'second: 2\n' },
    { path: 'clusters/new/kustomization.yaml', content: 'new\n' },
  ],
};

/** A fresh folder, removed when the current test finishes. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otel-topology-bundle-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What `folder` holds: each file (or link) by relative path with its content, and each empty folder with a trailing `/`. */
function tree(folder: string, prefix = ''): Record<string, string> {
  const entries: Record<string, string> = {};
  const names = readdirSync(join(folder, prefix), { withFileTypes: true });
  if (names.length === 0 && prefix !== '') entries[`${prefix}/`] = '';
  for (const entry of names) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(entries, tree(folder, path));
    else entries[path] = entry.isSymbolicLink() ? `-> ${readlinkSync(join(folder, path))}` : readFileSync(join(folder, path), 'utf8');
  }
  return entries;
}

/** The tree a folder export of `bundle` leaves, marker included. */
function exported(bundle: BundleFiles): Record<string, string> {
  const files = bundle.files.map((file) => file.path).sort();
  return {
    ...Object.fromEntries(bundle.files.map((file) => [file.path, file.content])),
    [MARKER]: `${JSON.stringify({ tool: 'otel-topology', format: 1, files }, null, 2)}\n`,
  };
}

/** A folder `bundle` under a fresh scratch folder, holding FIRST. */
async function earlierExport(): Promise<{ parent: string; out: string }> {
  const parent = scratch();
  const out = join(parent, 'bundle');
  await writeBundle(FIRST, out);
  return { parent, out };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, except that the renames `fails` picks throw EACCES. */
function failingRename(fails: (from: string, to: string) => boolean): BundleFileSystem {
  return {
    ...nodeFs,
    rename: async (from, to) => {
      if (fails(String(from), String(to))) throw errno('EACCES');
      return nodeFs.rename(from, to);
    },
  };
}

/** Whether `path` is directly inside the writer's staging (`.bundle.partial-…`) or previous (`.bundle.previous.partial-…`) sibling. */
const inStaging = (path: string) => basename(dirname(path)).startsWith('.bundle.partial-');
const inPrevious = (path: string) => basename(dirname(path)).startsWith('.bundle.previous.partial-');

describe('writeBundle to a folder', () => {
  it('GIVEN a new folder WHEN written THEN it holds the files and a marker listing them, sorted, and nothing is left beside it', async () => {
    const parent = scratch();
    const out = join(parent, 'bundle');
    expect(await writeBundle(FIRST, out)).toBe(out);
    expect(tree(out)).toStrictEqual({
      'README.md': '# first\n',
      'configs/agent.yaml': 'first: 1\n',
      'clusters/old/kustomization.yaml': 'old\n',
      [MARKER]: '{\n  "tool": "otel-topology",\n  "format": 1,\n  "files": [\n    "README.md",\n    "clusters/old/kustomization.yaml",\n    "configs/agent.yaml"\n  ]\n}\n',
    });
    expect(readdirSync(parent)).toStrictEqual(['bundle']);
  });

  it('GIVEN an earlier export WHEN the same bundle is written again THEN the folder is the same, byte for byte', async () => {
    const { out } = await earlierExport();
    const before = tree(out);
    await writeBundle(FIRST, out);
    expect(tree(out)).toStrictEqual(before);
  });

  it('GIVEN an earlier export WHEN another bundle is written there without force THEN it replaces it: files it no longer has are gone, and nothing is left beside it', async () => {
    const { parent, out } = await earlierExport();
    await writeBundle(SECOND, out);
    expect(tree(out)).toStrictEqual(exported(SECOND));
    expect(readdirSync(parent)).toStrictEqual(['bundle']);
  });

  it('GIVEN an earlier export in a git working folder WHEN written again THEN the folder and its .git stay where they are, untouched', async () => {
    const { out } = await earlierExport();
    mkdirSync(join(out, '.git', 'refs'), { recursive: true });
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const [folder, git] = [statSync(out).ino, statSync(join(out, '.git')).ino];
    await writeBundle(SECOND, out);
    expect(tree(out)).toStrictEqual({ ...exported(SECOND), '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/': '' });
    expect([statSync(out).ino, statSync(join(out, '.git')).ino]).toStrictEqual([folder, git]);
  });

  it('GIVEN a folder holding only .git WHEN written THEN the bundle goes in beside it', async () => {
    const out = scratch();
    mkdirSync(join(out, '.git'));
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await writeBundle(FIRST, out);
    expect(tree(out)).toStrictEqual({ ...exported(FIRST), '.git/HEAD': 'ref: refs/heads/main\n' });
  });

  it.each([
    ['a file of the user\'s', 'notes.md', (out: string) => writeFileSync(join(out, 'notes.md'), 'mine')],
    ['a file in a folder of the bundle', 'configs/extra.yaml', (out: string) => writeFileSync(join(out, 'configs', 'extra.yaml'), 'mine')],
    ['an empty folder', 'drafts/', (out: string) => mkdirSync(join(out, 'drafts'))],
    ['a link where the bundle wrote a file', 'configs/agent.yaml', (out: string) => {
      unlinkSync(join(out, 'configs', 'agent.yaml'));
      symlinkSync('/etc/hostname', join(out, 'configs', 'agent.yaml'));
    }],
  ])('GIVEN an earlier export plus %s WHEN written without force THEN refuses, names it, and changes nothing', async (_name, foreign, add) => {
    const { parent, out } = await earlierExport();
    add(out);
    const before = tree(out);
    await expect(writeBundle(SECOND, out)).rejects.toThrow(
      `${out} holds an earlier export but also ${foreign}, which the export did not write: move it away, or choose another place, or pass --force to replace it`,
    );
    expect(tree(out)).toStrictEqual(before);
    expect(readdirSync(parent)).toStrictEqual(['bundle']);
  });

  it.each([
    ['not JSON', '{"tool": "otel-topology",'],
    ['written by another tool', JSON.stringify({ tool: 'other', format: 1, files: ['README.md'] })],
    ['of a newer format', JSON.stringify({ tool: 'otel-topology', format: 2, files: ['README.md'] })],
    ['without a list of files', JSON.stringify({ tool: 'otel-topology', format: 1, files: 'README.md' })],
  ])('GIVEN a marker %s WHEN written without force THEN refuses and changes nothing', async (_name, marker) => {
    const { out } = await earlierExport();
    writeFileSync(join(out, MARKER), marker);
    const before = tree(out);
    await expect(writeBundle(SECOND, out)).rejects.toThrow(`${out} is not empty and its ${MARKER} is unreadable or not one this version of otel-topology writes`);
    expect(tree(out)).toStrictEqual(before);
  });

  it('GIVEN force WHEN the folder holds a user\'s file and .git THEN the file is replaced and .git kept', async () => {
    const { out } = await earlierExport();
    writeFileSync(join(out, 'notes.md'), 'mine');
    mkdirSync(join(out, '.git'));
    await writeBundle(SECOND, out, { force: true });
    expect(tree(out)).toStrictEqual({ ...exported(SECOND), '.git/': '' });
  });

  it.each([MARKER, '.git/config'])('GIVEN a bundle with the reserved path %s WHEN written to a folder THEN refuses before writing', async (path) => {
    const parent = scratch();
    await expect(writeBundle({ files: [{ path, content: 'x' }] }, join(parent, 'bundle'))).rejects.toThrow(`"${path}" is reserved in a bundle folder`);
    expect(readdirSync(parent)).toStrictEqual([]);
  });
});

describe('writeBundle failures', () => {
  it('GIVEN a write that fails while staging WHEN exporting again THEN the earlier export is untouched and no staging is left', async () => {
    const { parent, out } = await earlierExport();
    const before = tree(out);
    const fs: BundleFileSystem = {
      ...nodeFs,
      writeFile: async (path, data) => {
        if (String(path).endsWith('agent.yaml')) throw errno('ENOSPC');
        return nodeFs.writeFile(path, data);
      },
    };
    await expect(writeBundle(SECOND, out, { fs })).rejects.toThrow(`cannot write ${out}: the disk is full`);
    expect(tree(out)).toStrictEqual(before);
    expect(readdirSync(parent)).toStrictEqual(['bundle']);
  });

  it.each([
    ['moving an earlier file aside', (out: string) => (from: string) => from === join(out, 'README.md')],
    ['moving the earlier marker aside', (out: string) => (from: string) => from === join(out, MARKER)],
    ['moving the new marker in', (out: string) => (from: string, to: string) => inStaging(from) && to === join(out, MARKER)],
    ['moving a new folder in', (out: string) => (from: string, to: string) => inStaging(from) && to === join(out, 'clusters')],
  ])('GIVEN a rename that fails %s WHEN exporting again THEN the earlier export is back as it was and nothing is left beside it', async (_name, fails) => {
    const { parent, out } = await earlierExport();
    mkdirSync(join(out, '.git'));
    const before = tree(out);
    await expect(writeBundle(SECOND, out, { fs: failingRename(fails(out)) })).rejects.toThrow(`cannot write ${out}: permission denied`);
    expect(tree(out)).toStrictEqual(before);
    expect(readdirSync(parent)).toStrictEqual(['bundle']);
  });

  it('GIVEN a failed swap whose undo fails too WHEN exporting again THEN the error says where the earlier files are, and they are all there', async () => {
    const { out } = await earlierExport();
    const earlier = tree(out);
    const fs = failingRename((from, to) => (inStaging(from) && to === join(out, 'clusters')) || inPrevious(from));
    const message = await writeBundle(SECOND, out, { fs }).then(() => '', (error: Error) => error.message);
    expect(message).toContain(`cannot write ${out}: permission denied; putting the earlier files back failed too`);
    const previous = message.slice(message.lastIndexOf(' are in ') + ' are in '.length);
    expect(tree(previous)).toStrictEqual(earlier);
  });

  it('GIVEN an earlier zip WHEN replaced with force and the rename into place fails THEN the earlier zip is back', async () => {
    const parent = scratch();
    const out = join(parent, 'bundle.zip');
    await writeBundle(FIRST, out, { zip: true });
    const before = readFileSync(out);
    const fs = failingRename((from, to) => to === out && basename(from).startsWith('.bundle.zip.partial-'));
    await expect(writeBundle(SECOND, out, { zip: true, force: true, fs })).rejects.toThrow(`cannot write ${out}: permission denied`);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(parent)).toStrictEqual(['bundle.zip']);
  });
});

describe('writeBundle to a zip', () => {
  it('GIVEN zip WHEN written THEN the archive holds exactly the bundle\'s files, without a marker', async () => {
    const parent = scratch();
    expect(await writeBundle(FIRST, join(parent, 'bundle'), { zip: true })).toBe(join(parent, 'bundle.zip'));
    expect(Object.keys(unzipSync(readFileSync(join(parent, 'bundle.zip')))).sort()).toStrictEqual(['README.md', 'clusters/old/kustomization.yaml', 'configs/agent.yaml']);
    expect(readdirSync(parent)).toStrictEqual(['bundle.zip']);
  });

  it('GIVEN an existing zip WHEN written without force THEN refuses; with force THEN replaces it', async () => {
    const out = join(scratch(), 'bundle.zip');
    await writeBundle(FIRST, out, { zip: true });
    await expect(writeBundle(SECOND, out, { zip: true })).rejects.toThrow(`${out} is not empty`);
    await writeBundle(SECOND, out, { zip: true, force: true });
    expect(new TextDecoder().decode(unzipSync(readFileSync(out))['README.md'])).toBe('# second\n');
  });
});
