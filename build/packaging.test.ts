/**
 * The packaging configuration (issue 4 §5), checked with electron-builder's own code since no
 * package can be built on this machine (packaging downloads Electron, fpm and the AppImage tools).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const configPath = 'build/electron-builder.yml';
const iconPath = join(projectDir, 'build/icon.png');
const mainBundle = join(projectDir, 'dist/app/main/index.js');

// app-builder-lib is electron-builder's engine: resolve it from electron-builder, whose version it matches.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));

interface FileAssociation {
  ext: string | string[];
  name?: string;
  mimeType?: string;
  role?: string;
  rank?: string;
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: { filter?: string[] }[];
  fileAssociations?: FileAssociation[];
  linux?: { target?: unknown; category?: string; maintainer?: string; fileAssociations?: FileAssociation[] };
  mac?: { target?: unknown; category?: string; fileAssociations?: FileAssociation[] };
  win?: { target?: unknown; fileAssociations?: FileAssociation[] };
  [key: string]: unknown;
}
type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;

const { getConfig, validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: object | null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
};
const { FileMatcher, getNodeModuleFileMatcher } = requireFromBuilder('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, macroExpander: (s: string) => string, patterns?: string[]) => { createFilter(): Filter };
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformSpecificBuildOptions: object,
    packager: { config: BuilderConfig; debugLogger: unknown },
  ): { createFilter(): Filter };
};
const { DebugLogger } = requireFromBuilder('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };

const loadConfig = () => getConfig(projectDir, configPath, null);
const identity = (s: string) => s;
const file = { isDirectory: () => false };

/** The patterns of the `files` entry, as getConfig normalises them. */
function filePatterns(config: BuilderConfig): string[] {
  return (config.files ?? []).flatMap((set) => set.filter ?? []);
}

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader(bytes: Buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return {
    isPng: bytes.subarray(0, 8).equals(signature) && bytes.toString('latin1', 12, 16) === 'IHDR',
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24],
    colourType: bytes[25],
  };
}

/** Bare specifiers the main bundle imports at run time (Node built-ins and `electron` aside). */
function mainRuntimeImports(bundle: string): string[] {
  const specifiers = [...bundle.matchAll(/(?:^|[;\s])(?:import|export)\b[^'"]*?from\s*["']([^'"]+)["']|import\(\s*["']([^'"]+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return [...new Set(specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:') && s !== 'electron'))].sort();
}

describe('electron-builder configuration', () => {
  it('GIVEN build/electron-builder.yml WHEN validated with electron-builder’s schema THEN it is valid', async () => {
    const config = await loadConfig();

    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('dev.otel-topology.designer');
    expect(config.productName).toBe('OTel Topology Designer');
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Development' });
    expect(config.linux?.maintainer).toMatch(/<[^@>\s]+@[^>\s]+>/);
    expect(config.mac).toMatchObject({ target: 'dmg', category: 'public.app-category.developer-tools' });
    expect(config.win).toMatchObject({ target: 'nsis' });
  });

  it('GIVEN the same configuration with a misspelt key WHEN validated THEN the schema rejects it', async () => {
    const config = { ...(await loadConfig()), appID: 'dev.otel-topology.designer' };

    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/unknown property 'appID'/);
  });

  it('GIVEN the linux packages THEN *.otel-topology.yaml opens with the app as application/x-otel-topology+yaml', async () => {
    const config = await loadConfig();

    expect(config.linux?.fileAssociations).toStrictEqual([
      {
        ext: 'otel-topology.yaml',
        name: 'OTel Topology',
        description: 'OTel topology design',
        mimeType: 'application/x-otel-topology+yaml',
      },
    ]);
    // macOS matches only the last extension: YAML files list the app under "Open With", never as their default.
    expect(config.mac?.fileAssociations).toStrictEqual([{ ext: ['yaml', 'yml'], name: 'YAML document', role: 'Editor', rank: 'Alternate' }]);
    // On Windows the NSIS association would take over every .yaml file.
    expect(config.fileAssociations).toBeUndefined();
    expect(config.win?.fileAssociations).toBeUndefined();
  });

  it('GIVEN build/icon.png THEN it is a 1024×1024 RGBA PNG (electron-builder derives .icns, .ico and the Linux sizes)', () => {
    const header = pngHeader(readFileSync(iconPath));

    expect(header).toStrictEqual({ isPng: true, width: 1024, height: 1024, bitDepth: 8, colourType: 6 });
  });

  it('GIVEN the files patterns THEN the app build is packaged and the sources are not', async () => {
    const patterns = filePatterns(await loadConfig());
    const included = new FileMatcher(projectDir, '/app', identity, patterns).createFilter();
    const at = (path: string) => included(join(projectDir, path), file);

    for (const path of ['package.json', 'dist/app/main/index.js', 'dist/app/preload/index.cjs', 'dist/app/renderer/index.html']) {
      expect(at(path), path).toBe(true);
    }
    for (const path of [
      'electron/main/index.ts',
      'renderer/app/App.tsx',
      'shared/model/topology.ts',
      'cli/main.ts',
      'dist/web/index.html',
      'dist/cli/cli/main.js',
      'dist/app/main/index.js.map',
      'e2e/app.spec.ts',
      'examples/central-aggregation.otel-topology.yaml',
      'build/electron-builder.yml',
    ]) {
      expect(at(path), path).toBe(false);
    }
  });

  it('GIVEN the production dependencies THEN only those the main bundle imports are packaged', async () => {
    const config = await loadConfig();
    const modules = getNodeModuleFileMatcher(projectDir, '/app', identity, {}, { config, debugLogger: new DebugLogger(false) }).createFilter();
    const at = (path: string) => modules(join(projectDir, path), file);

    expect(at('node_modules/zod/package.json')).toBe(true);
    expect(at('node_modules/zod/v4/index.js')).toBe(true);
    expect(at('node_modules/fflate/esm/index.mjs')).toBe(true);
    expect(at('node_modules/zod/src/index.ts')).toBe(false);
    for (const path of ['node_modules/react/index.js', 'node_modules/monaco-editor/package.json', 'node_modules/@xyflow/react/package.json', 'node_modules/zodiac/index.js']) {
      expect(at(path), path).toBe(false);
    }
  });

  it(
    'GIVEN the built app WHEN packaged with `--linux dir` and a stand-in Electron THEN app.asar holds dist/app and the modules main imports, and they resolve',
    async (context) => {
      if (!existsSync(mainBundle)) context.skip('dist/app is not built: run `npm run build:app` first');
      const work = await mkdtemp(join(tmpdir(), 'otel-topology-package-'));
      try {
        // A stand-in Electron: electron-builder copies it and renames the executable, nothing more for `dir`.
        const electronDist = join(work, 'electron');
        await mkdir(electronDist);
        writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
        await chmod(join(electronDist, 'electron'), 0o755);
        const output = join(work, 'out');
        const cli = requireFromBuilder.resolve('electron-builder/cli.js');
        await promisify(execFile)(
          process.execPath,
          [cli, '--config', configPath, '--linux', 'dir', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`, '--publish', 'never'],
          { cwd: projectDir, env: { ...process.env, CI: '1' }, timeout: 90_000 },
        );

        const asar = requireFromBuilder('@electron/asar') as {
          listPackage(archive: string, options?: object): string[];
          extractAll(archive: string, dest: string): void;
        };
        const archive = join(output, 'linux-unpacked/resources/app.asar');
        const entries = asar.listPackage(archive, {}).map((p) => p.replaceAll('\\', '/'));
        const topLevel = [...new Set(entries.map((p) => p.split('/').slice(0, 3).join('/')))].sort();

        expect(topLevel).toStrictEqual(['/dist', '/dist/app', '/node_modules', '/node_modules/fflate', '/node_modules/zod', '/package.json']);
        expect(entries).toContain('/dist/app/main/index.js');
        expect(entries).toContain('/dist/app/preload/index.cjs');
        expect(entries).toContain('/dist/app/renderer/index.html');
        expect(entries.filter((p) => /\.(ts|tsx|map)$/.test(p))).toStrictEqual([]);

        // Every bare import of the main bundle resolves from inside the packaged app.
        const imports = mainRuntimeImports(readFileSync(mainBundle, 'utf8'));
        expect(imports).toStrictEqual(['fflate', 'zod']);
        const extracted = join(work, 'app');
        asar.extractAll(archive, extracted);
        const probe = join(extracted, 'dist/app/main/probe.mjs');
        writeFileSync(probe, imports.map((s) => `await import(${JSON.stringify(s)});`).join('\n'));
        await expect(promisify(execFile)(process.execPath, [probe], { cwd: work })).resolves.toBeDefined();
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
