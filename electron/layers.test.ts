import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const importsElectron = (file: string) => /from\s+['"]electron['"]|import\(\s*['"]electron['"]|require\(\s*['"]electron['"]/.test(readFileSync(file, 'utf8'));

describe('electron/ layers', () => {
  it('GIVEN the main and preload sources WHEN scanned THEN only the two entry files import electron, so every other module runs under plain Node', () => {
    const importing = sourceFiles(here)
      .filter(importsElectron)
      .map((file) => relative(here, file))
      .sort();
    expect(importing).toStrictEqual(['main/index.ts', 'preload/index.ts']);
  });

  it('GIVEN the sources WHEN scanned THEN nothing reaches into the renderer', () => {
    const violations = sourceFiles(here).filter((file) => /from\s+['"][./]+\/renderer\//.test(readFileSync(file, 'utf8')));
    expect(violations).toStrictEqual([]);
  });
});
