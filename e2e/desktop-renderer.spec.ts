/**
 * The desktop build's renderer (dist/app/renderer, what Electron loads over file:) in Chromium,
 * under the Content-Security-Policy its index.html carries: Monaco's workers start from file: and
 * the YAML worker checks the topology against its schema, with no policy violation. Where an
 * Electron binary exists, electron.spec.ts drives the real window; this runs everywhere.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { replaceYaml, yamlText, type MonacoGlobal } from './page-helpers.js';
import config from './playwright.config.js';

const INDEX = fileURLToPath(new URL('../dist/app/renderer/index.html', import.meta.url));
const launchArgs = config.use?.launchOptions?.args ?? [];

// Module scripts and workers from file: need this in Chromium; Electron allows them for its app files.
test.use({ launchOptions: { ...config.use?.launchOptions, args: [...launchArgs, '--allow-file-access-from-files'] } });

test('the desktop renderer over file: starts Monaco’s workers under its CSP and validates the YAML', async ({ page, context }) => {
  test.skip(!existsSync(INDEX), 'dist/app is not built (npm run build:app)');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations: string[] = [];
  const workers: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto(`file://${INDEX}`);
  await page.getByRole('button', { name: 'Template Central aggregation' }).click();
  await expect(page.locator('#panel-topology .monaco-editor')).toBeVisible();
  await replaceYaml(page, (await yamlText(page)).replace('name: central-aggregation', 'name: central-aggregation\nbogusKey: 1'));
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as MonacoGlobal).__otelMonaco?.editor
          .getModelMarkers({})
          .filter((marker) => marker.owner !== 'topology')
          .map((marker) => marker.message)
          .join('\n'),
      ),
    )
    .toMatch(/bogusKey/);
  expect(workers.map((url) => url.split('/').pop()).sort()).toStrictEqual([expect.stringMatching(/^editor\.worker-.*\.js$/), expect.stringMatching(/^yaml\.worker-.*\.js$/)]);
  expect(workers.every((url) => url.startsWith('file://'))).toBe(true);
  expect(violations).toStrictEqual([]);
});
