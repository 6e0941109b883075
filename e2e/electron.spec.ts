/**
 * The desktop app as shipped: launches the built app (`npm run build:app`) with Playwright's
 * Electron driver. Skipped where Electron's binary is not installed (it cannot be downloaded
 * on every machine); detected from the package's files, never with `require('electron')`,
 * which throws when the binary is missing.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../scripts/electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const APP_TITLE = 'OTel Topology Designer';

const binary = electronBinary();

test.describe('desktop app', () => {
  test.skip(!binary, 'Electron binary not installed (node_modules/electron/path.txt or dist/ missing): run `npm ci` where it can be downloaded');

  test('opens its window with the app title, the typed API and no Node in the page', async () => {
    const main = join(root, 'dist', 'app', 'main', 'index.js');
    expect(existsSync(main), 'the app is not built: run `npm run build:app` first').toBe(true);
    // Chromium's sandbox refuses to start as root (containers, CI): only then run without it.
    const args = [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
    const app = await electron.launch({ executablePath: binary!, args, cwd: root });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toContain(APP_TITLE);

      const exposed = await page.evaluate(() => {
        const scope = globalThis as unknown as { otelTopology?: { kind: string; channels: Record<string, unknown> }; require?: unknown; process?: unknown };
        return {
          kind: scope.otelTopology?.kind,
          channels: Object.keys(scope.otelTopology?.channels ?? {}).sort(),
          require: typeof scope.require,
          process: typeof scope.process,
        };
      });
      expect(exposed).toMatchObject({ kind: 'electron', require: 'undefined', process: 'undefined' });
      expect(exposed.channels).toContain('file:open');

      const recent = await page.evaluate(() =>
        (globalThis as unknown as { otelTopology: { channels: { 'file:recent': (request: object) => Promise<unknown> } } }).otelTopology.channels['file:recent']({}),
      );
      expect(recent).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});
