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
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
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
  run(npm, ['run', 'build:app']);
  const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = process.env.PORT ?? '4173';
  console.log(`Electron's binary is not installed here (it could not be downloaded), so the app opens in your browser instead: http://localhost:${port}/`);
  run(npm, ['run', 'build:web'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const server = spawn(npm, ['exec', '--', 'vite', 'preview', '--config', 'vite.web.config.ts', '--strictPort', '--port', port], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server.on('exit', (code) => process.exit(code ?? 0));
}
