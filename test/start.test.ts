/**
 * `npm start` where Electron's binary is missing (as on the team machines): one line with the
 * URL, and the web app built and served — run for real, with a stand-in npm (`npm_execpath`) that
 * records what it is asked and answers as the build would, warnings included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../scripts/electron-binary.mjs';

const root = resolve(import.meta.dirname, '..');

const FAKE_NPM = `
const { appendFileSync } = require('node:fs');
const args = process.argv.slice(2);
appendFileSync(process.env.FAKE_NPM_LOG, JSON.stringify(args) + '\\n');
if (args[1] === 'build:web') {
  console.log('vite v8 building client environment for production...');
  console.error('(!) Some chunks are larger than 6000 kB after minification.');
  process.exit(process.env.FAKE_BUILD_FAILS ? 2 : 0);
}
`;

function npmStart(env: Record<string, string> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const cli = join(folder, 'npm-cli.cjs');
  const log = join(folder, 'calls.log');
  writeFileSync(cli, FAKE_NPM);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, npm_execpath: cli, FAKE_NPM_LOG: log, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PORT: '4999', ...env },
  });
  const calls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as string[]);
  rmSync(folder, { recursive: true, force: true });
  return { ...result, calls };
}

describe.skipIf(electronBinary() !== undefined)('npm start without the Electron binary', () => {
  it('GIVEN no Electron binary WHEN npm start THEN one line says so with the URL, the web app is built quietly and served on that port', () => {
    const { status, stdout, stderr, calls } = npmStart();
    expect(status).toBe(0);
    expect(stdout).toBe("Electron's binary is not installed here (it could not be downloaded), so the app opens in your browser instead: http://localhost:4999/\n");
    expect(stderr).toBe('');
    expect(calls).toStrictEqual([
      ['run', 'build:web'],
      ['exec', '--', 'vite', 'preview', '--config', 'vite.web.config.ts', '--strictPort', '--port', '4999'],
    ]);
  });

  it('GIVEN a build that fails WHEN npm start THEN its output is shown, nothing is served, and the exit code says so', () => {
    const { status, stderr, calls } = npmStart({ FAKE_BUILD_FAILS: '1' });
    expect(status).toBe(2);
    expect(stderr).toContain('(!) Some chunks are larger than 6000 kB');
    expect(stderr).toContain('vite v8 building client environment');
    expect(calls).toStrictEqual([['run', 'build:web']]);
  });
});
