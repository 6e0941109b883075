/**
 * The web build with the File System Access API (Chromium): a file opened through the picker
 * saves back into itself and opens again from the start screen after a reload. Playwright's
 * `filechooser` never sees `showOpenFilePicker`, so the picker is stubbed to answer with a real
 * handle in the Origin Private File System (cloneable into IndexedDB, permission granted).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { node, replaceYaml, snapshot, yamlText } from './page-helpers.js';

const FILE = 'central-aggregation.otel-topology.yaml';
const EXAMPLE = readFileSync(new URL(`../examples/${FILE}`, import.meta.url), 'utf8');

test.beforeEach(async ({ context, page }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript((name) => {
    (window as unknown as { showOpenFilePicker: () => Promise<FileSystemFileHandle[]> }).showOpenFilePicker = async () => [
      await (await navigator.storage.getDirectory()).getFileHandle(name),
    ];
  }, FILE);
});

/** Writes `text` into the file the stubbed picker answers with (`undefined`: deletes it). */
function writePrivateFile(page: Page, text: string | undefined) {
  return page.evaluate(
    async ({ name, text }) => {
      const folder = await navigator.storage.getDirectory();
      if (text === undefined) return folder.removeEntry(name);
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    },
    { name: FILE, text },
  );
}

function readPrivateFile(page: Page) {
  return page.evaluate(async (name) => (await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile()).text(), FILE);
}

async function openThroughPicker(page: Page) {
  await page.goto('/');
  await writePrivateFile(page, EXAMPLE);
  await page.getByRole('button', { name: 'Open a file…' }).click();
  await expect(node(page, 'Collector central-gateway')).toBeVisible();
  await expect.poll(() => yamlText(page)).toBe(EXAMPLE);
}

test('a file opened through the picker saves into itself and opens again from the start screen after a reload', async ({ page }, testInfo) => {
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await openThroughPicker(page);

  const edited = EXAMPLE.replace('name: central-aggregation', 'name: edited-in-place');
  expect(edited).not.toBe(EXAMPLE);
  await replaceYaml(page, edited);
  await expect.poll(() => yamlText(page)).toBe(edited);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText(`Saved ${FILE}`);
  await expect.poll(() => readPrivateFile(page)).toBe(edited);
  expect(downloads).toStrictEqual([]);

  await page.reload();
  const recent = page.getByRole('region', { name: 'Recent files' });
  await expect(recent.getByRole('button')).toHaveText([FILE]);
  await expect(recent).not.toContainText('A browser cannot open a file again');
  await snapshot(page, testInfo, 'start-screen-reopenable-recent');
  await recent.getByRole('button', { name: FILE }).click();
  await expect(node(page, 'Collector central-gateway')).toBeVisible();
  await expect.poll(() => yamlText(page)).toBe(edited);
  await expect(page).toHaveTitle(`${FILE} — OTel Topology Designer`);
});

test('a recent file deleted since cannot be opened again: the error names it and it leaves the list', async ({ page }) => {
  await openThroughPicker(page);
  await writePrivateFile(page, undefined);
  await page.reload();
  const recent = page.getByRole('region', { name: 'Recent files' });
  await recent.getByRole('button', { name: FILE }).click();

  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText(`${FILE} could not be opened again: it was moved or deleted; use Open a file… to choose it.`);
  await expect(recent).toBeHidden();
  await expect(page.getByRole('main', { name: 'Start' })).toBeVisible();
});
