import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2]!,
  );
}

const NODE_MODULES = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Packages the pure core may use: no DOM, no Node, no UI. */
const SHARED_PACKAGES = new Set(['yaml', 'zod', 'fflate', 'vitest']);

describe('layers', () => {
  it('keeps shared/ pure: it imports only shared/ and pure packages, never Node, electron or the UI', () => {
    const violations = sourceFiles(join(root, 'shared'))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => {
            if (specifier.startsWith('.')) {
              const target = resolve(file, '..', specifier);
              return !target.startsWith(join(root, 'shared') + sep);
            }
            // Tests run under Node and may read fixtures; the code they test may not.
            if (file.endsWith('.test.ts')) return false;
            if (NODE_MODULES.has(specifier)) return true;
            const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
            return !SHARED_PACKAGES.has(packageName);
          })
          .map((specifier) => `${relative(root, file)} imports ${specifier}`),
      );
    expect(violations).toStrictEqual([]);
  });

  it('keeps the renderer away from electron/', () => {
    const renderer = join(root, 'renderer');
    const files = statSync(renderer, { throwIfNoEntry: false }) ? sourceFiles(renderer) : [];
    const violations = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier === 'electron' || (specifier.startsWith('.') && resolve(file, '..', specifier).startsWith(join(root, 'electron'))))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(violations).toStrictEqual([]);
  });

  it('finds the imports it checks', () => {
    expect(importsOf(join(root, 'shared', 'model', 'topology.ts'))).toContain('zod');
  });
});
