// Test helpers: a temp dir per test, and the real file system with chosen calls made to fail.
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { ServiceFileSystem as FileSystem } from './file-service.js';

/** A fresh folder, removed when the current test finishes. */
export async function temporaryDirectory(): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'otel-topology-electron-'));
  onTestFinished(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

export function failing(overrides: Partial<Record<keyof FileSystem, NodeJS.ErrnoException>>): FileSystem {
  const wrapped = { ...fs } as Record<string, unknown>;
  for (const [name, error] of Object.entries(overrides)) {
    wrapped[name] = async () => {
      throw error;
    };
  }
  return wrapped as unknown as FileSystem;
}

export function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

export const realFs: FileSystem = fs;
