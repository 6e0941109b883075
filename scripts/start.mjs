#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run; otherwise, in one line, why not, and the
// same app served to the browser. Electron's own install script is not run by `npm ci` (see
// allowScripts in package.json), so its binary is fetched here, once, where there is internet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackage } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * How to run npm with `args`: through the npm that runs this script (`npm_execpath`) with this
 * Node, else `npm` from the PATH (Windows' `npm.cmd` only through a shell since Node 20.12).
 */
function npm(args) {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) return { command: process.execPath, args: [cli, ...args], shell: false };
  const windows = process.platform === 'win32';
  return { command: windows ? 'npm.cmd' : 'npm', args, shell: windows };
}

function run(args) {
  const { command, args: all, shell } = npm(args);
  const result = spawnSync(command, all, { cwd: root, stdio: 'inherit', shell });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function fetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  // Quiet: offline, its stack trace would only hide the one line that matters.
  spawnSync(process.execPath, [join(electronPackage, 'install.js')], { cwd: electronPackage, stdio: 'ignore', timeout: 10 * 60_000 });
}

if (!electronBinary() && existsSync(join(electronPackage, 'install.js'))) fetchElectron();
const binary = electronBinary();

if (binary) {
  run(['run', 'build:app']);
  const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = process.env.PORT ?? '4173';
  console.log(`Electron's binary is not installed here (it could not be downloaded), so the app opens in your browser instead: http://localhost:${port}/`);
  // The build's own output (its warnings too) only if it fails: the line above is all a user needs.
  const { command, args, shell } = npm(['run', 'build:web']);
  const build = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], shell, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? `${build.error.message}\n` : ''}`);
    process.exit(build.status ?? 1);
  }
  const preview = npm(['exec', '--', 'vite', 'preview', '--config', 'vite.web.config.ts', '--strictPort', '--port', port]);
  const server = spawn(preview.command, preview.args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: preview.shell });
  server.on('exit', (code) => process.exit(code ?? 0));
}
