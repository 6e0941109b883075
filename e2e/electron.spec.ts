/**
 * The desktop app as shipped: launches the built app (`npm run build:app`) with Playwright's
 * Electron driver and walks the web specs' flow in its window — a template, the YAML and the
 * inspector, invalid YAML, problems, undo/redo, save and reopen, export — with the native dialogs
 * answered by stubs in the main process and the files read back from disk. Each launch gets its
 * own user-data folder (recent files, recovery).
 *
 * Skipped where Electron's binary is not installed (it cannot be downloaded on every machine);
 * detected from the package's files, never with `require('electron')`, which throws when the
 * binary is missing.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { node, snapshot, yamlCursorLine, yamlText, type MonacoGlobal } from './page-helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const APP_TITLE = 'OTel Topology Designer';
const EXAMPLE = join(root, 'examples', 'central-aggregation.otel-topology.yaml');

const binary = electronBinary();

/** A launched app: its main process and its window. */
interface Desktop {
  app: ElectronApplication;
  page: Page;
}

/** Launches the built app with `userData` as its user-data folder and `files` on the command line. */
async function launch(userData: string, files: readonly string[] = []): Promise<Desktop> {
  const main = join(root, 'dist', 'app', 'main', 'index.js');
  expect(existsSync(main), 'the app is not built: run `npm run build:app` first').toBe(true);
  mkdirSync(userData, { recursive: true });
  // Chromium's sandbox refuses to start as root (containers, CI): only then run without it.
  const args = [root, `--user-data-dir=${userData}`, ...files, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const app = await electron.launch({ executablePath: binary!, args, cwd: root });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/**
 * Quits the app, unsaved work thrown away, and waits for it to be gone (the next launch needs its
 * single-instance lock). The window is closed first, answering Don't Save if asked: a quit that
 * the question interrupts does not resume on macOS.
 */
async function quit(desktop: Desktop): Promise<void> {
  if (!desktop.page.isClosed()) await closeWindow(desktop, "Don't Save");
  await desktop.app.close();
}

const CLOSE_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

/** Closes the window; the unsaved-changes question, if it comes, is answered with `answer`. */
async function closeWindow({ app, page }: Desktop, answer: (typeof CLOSE_BUTTONS)[number]): Promise<void> {
  await app.evaluate(({ dialog }, response) => {
    dialog.showMessageBox = async () => ({ response, checkboxChecked: false });
  }, CLOSE_BUTTONS.indexOf(answer));
  const closed = page.waitForEvent('close');
  // After this evaluation has answered: closing the last window may end the app.
  await app.evaluate(({ BrowserWindow }) => {
    setTimeout(() => BrowserWindow.getAllWindows().forEach((window) => window.close()), 0);
  });
  await closed;
}

/** The native save dialog answers `path` from now on (Save, Export bundle, Export diagram). */
function answerSaveDialogWith({ app }: Desktop, path: string): Promise<void> {
  return app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath });
  }, path);
}

/** The native open dialog answers `paths` from now on (Open, Import). */
function answerOpenDialogWith({ app }: Desktop, paths: string[]): Promise<void> {
  return app.evaluate(({ dialog }, filePaths) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths });
  }, paths);
}

/** The native window's title (main sets it from `window:state`; the page's own title stays the app's name). */
function windowTitle({ app }: Desktop): Promise<string | undefined> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
}

/** Clicks a native menu item, found by its label without access-key markers (`Select All`). */
function clickMenu({ app }: Desktop, section: string, label: string): Promise<void> {
  return app.evaluate(
    ({ Menu }, { section, label }) => {
      const plain = (text: string) => text.replaceAll('&', '');
      const menu = Menu.getApplicationMenu()?.items.find((item) => plain(item.label) === section)?.submenu;
      const item = menu?.items.find((candidate) => plain(candidate.label) === label);
      if (!item) throw new Error(`no menu item ${section} › ${label}`);
      item.click();
    },
    { section, label },
  );
}

/**
 * Replaces the YAML as a user would: select all, delete, paste. The text goes onto the clipboard
 * from the main process (the page may only write to it with the focus, which a test window may lack).
 */
async function replaceYamlIn({ app, page }: Desktop, text: string): Promise<void> {
  await app.evaluate(({ clipboard }, value) => clipboard.writeText(value), text);
  await page.locator('#panel-topology .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => yamlText(page)).toBe(text);
}

async function openTemplate({ page }: Desktop, title: string): Promise<void> {
  await page.getByRole('button', { name: `Template ${title}` }).click();
  await expect(page.locator('#panel-topology .monaco-editor')).toBeVisible();
}

/** A folder of its own under the test's output folder. */
function folder(testInfo: TestInfo, name: string): string {
  const path = testInfo.outputPath(name);
  mkdirSync(path, { recursive: true });
  return path;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replaceAll('\\', '/'))
    .sort();
}

test.describe('desktop app', () => {
  test.skip(!binary, 'Electron binary not installed (node_modules/electron/path.txt or dist/ missing): run `npm ci` where it can be downloaded');

  test('opens its window with the app title, the typed API and no Node in the page', async ({}, testInfo) => {
    const desktop = await launch(folder(testInfo, 'user-data'));
    const { page } = desktop;
    try {
      await expect.poll(() => windowTitle(desktop)).toContain(APP_TITLE);

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
      await quit(desktop);
    }
  });

  test('a template opens; replicas edited in the YAML show in the inspector; invalid YAML gets a marker and the canvas keeps the last model', async ({}, testInfo) => {
    const desktop = await launch(folder(testInfo, 'user-data'));
    const { page } = desktop;
    try {
      await openTemplate(desktop, 'Central aggregation');
      for (const name of ['Site aws-use1', 'Cluster eks-central', 'Collector central-gateway', 'Backend tempo']) await expect(node(page, name)).toBeVisible();
      await node(page, 'Collector central-gateway').click();
      const replicas = page.getByRole('spinbutton', { name: 'Replicas' });
      await expect(replicas).toHaveValue('3');

      const text = await yamlText(page);
      await replaceYamlIn(desktop, text.replace('replicas: 3', 'replicas: 5'));
      await expect(replicas).toHaveValue('5');

      await replaceYamlIn(desktop, text.replace('  - kind: backend\n    id: tempo', '  - kind: backend\n    id: [tempo'));
      await expect
        .poll(() => page.evaluate(() => (window as unknown as MonacoGlobal).__otelMonaco?.editor.getModelMarkers({ owner: 'topology' }).length))
        .toBeGreaterThan(0);
      await expect(page.getByText('The YAML does not load: the canvas shows the last valid model.')).toBeVisible();
      await expect(node(page, 'Backend tempo')).toBeVisible();
      await expect(node(page, 'Collector central-gateway')).toBeVisible();
      await expect(page.getByRole('button', { name: /^Error: .* at line \d+/ }).first()).toBeVisible();
      await snapshot(page, testInfo, 'desktop-invalid-yaml');
    } finally {
      await quit(desktop);
    }
  });

  test('undo and redo from the toolbar and the Edit menu; Edit › Select All selects a text field’s text, or else every element; clicking a problem selects its element and reveals its line', async ({}, testInfo) => {
    const desktop = await launch(folder(testInfo, 'user-data'));
    const { page } = desktop;
    try {
      await openTemplate(desktop, 'Central aggregation');
      await node(page, 'Collector central-gateway').click();
      const replicas = page.getByRole('spinbutton', { name: 'Replicas' });
      await replicas.fill('4');
      await replicas.press('Enter');
      await expect.poll(() => yamlText(page)).toContain('replicas: 4');
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect(replicas).toHaveValue('3');
      await page.getByRole('button', { name: 'Redo', exact: true }).click();
      await expect(replicas).toHaveValue('4');
      // The native menu's items send menu:command. The focus leaves the text field first: there,
      // the menu's Undo is the field's own.
      const pane = page.locator('.react-flow__pane');
      await pane.click({ position: { x: 5, y: 5 } });
      await clickMenu(desktop, 'Edit', 'Undo');
      await expect.poll(() => yamlText(page)).toContain('replicas: 3');
      await clickMenu(desktop, 'Edit', 'Redo');
      await expect.poll(() => yamlText(page)).toContain('replicas: 4');

      const selectedNodes = page.locator('.react-flow__node.selected');
      const selectedBefore = await selectedNodes.count();
      const search = page.getByRole('searchbox', { name: 'Search the palette' });
      await search.fill('gateway');
      await clickMenu(desktop, 'Edit', 'Select All');
      await expect.poll(() => search.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toStrictEqual([0, 'gateway'.length]);
      await expect(selectedNodes).toHaveCount(selectedBefore);
      await pane.click({ position: { x: 5, y: 5 } });
      await clickMenu(desktop, 'Edit', 'Select All');
      await expect(selectedNodes).toHaveCount(await page.locator('.react-flow__node').count());

      await replaceYamlIn(
        desktop,
        [
          'schemaVersion: 1',
          'name: problems',
          'elements:',
          '  - kind: site',
          '    id: aws',
          '    provider: aws',
          '    region: us-east-1',
          '  - kind: cluster',
          '    id: eks',
          '    site: aws',
          '    platform: eks',
          '  - kind: collector',
          '    id: Bad_Agent',
          '    cluster: eks',
          '    role: agent',
          '',
        ].join('\n'),
      );
      const problem = page.getByRole('button', { name: /invalid-name|DNS|Bad_Agent/ }).filter({ hasText: /Bad_Agent|DNS|name/ }).first();
      await problem.click();
      await expect(node(page, 'Collector Bad_Agent')).toHaveClass(/selected/);
      await expect(page.getByRole('form', { name: 'Collector Bad_Agent' })).toBeVisible();
      await expect.poll(() => yamlCursorLine(page)).toMatch(/id: Bad_Agent|- kind: collector/);
      await expect(page.locator('#panel-topology .revealed-line')).toBeVisible();
      await snapshot(page, testInfo, 'desktop-problem-revealed');
    } finally {
      await quit(desktop);
    }
  });

  test('a saved topology opens again with its comments: given on the command line after a restart, and from the start screen’s recent files', async ({}, testInfo) => {
    const userData = folder(testInfo, 'user-data');
    const saved = join(folder(testInfo, 'documents'), 'central.otel-topology.yaml');
    let desktop = await launch(userData);
    let text: string;
    try {
      await openTemplate(desktop, 'Central aggregation');
      text = (await yamlText(desktop.page)).replace('replicas: 3', 'replicas: 6');
      await replaceYamlIn(desktop, text);
      await answerSaveDialogWith(desktop, saved);
      await clickMenu(desktop, 'File', 'Save');
      await expect(desktop.page.getByRole('log', { name: 'Messages' })).toHaveText(`Saved ${saved}`);
      expect(readFileSync(saved, 'utf8')).toBe(text);
      expect(text).toContain('# Central aggregation: agents in AWS');
      await expect.poll(() => windowTitle(desktop)).toBe(`${saved} — ${APP_TITLE}`);
    } finally {
      await quit(desktop);
    }

    desktop = await launch(userData, [saved]);
    try {
      const { page } = desktop;
      await expect(node(page, 'Collector central-gateway')).toBeVisible();
      await expect.poll(() => yamlText(page)).toBe(text);
      await snapshot(page, testInfo, 'desktop-reopened');

      await clickMenu(desktop, 'File', 'New from Template…');
      const recent = page.getByRole('region', { name: 'Recent files' });
      await recent.getByRole('button', { name: saved }).click();
      await expect.poll(() => yamlText(page)).toBe(text);
    } finally {
      await quit(desktop);
    }
  });

  test('File › Open reads the file the native dialog picked', async ({}, testInfo) => {
    const picked = join(folder(testInfo, 'documents'), basename(EXAMPLE));
    copyFileSync(EXAMPLE, picked);
    const desktop = await launch(folder(testInfo, 'user-data'));
    try {
      await answerOpenDialogWith(desktop, [picked]);
      await desktop.page.getByRole('button', { name: 'Open a file…' }).click();
      await expect(node(desktop.page, 'Collector central-gateway')).toBeVisible();
      await expect.poll(() => yamlText(desktop.page)).toBe(readFileSync(EXAMPLE, 'utf8'));
    } finally {
      await quit(desktop);
    }
  });

  test('the bundle exports through the native save dialog, to a zip and to a folder, with the cluster folders', async ({}, testInfo) => {
    const out = folder(testInfo, 'exports');
    const desktop = await launch(folder(testInfo, 'user-data'));
    const { page } = desktop;
    try {
      await openTemplate(desktop, 'Central aggregation');
      await page.getByRole('button', { name: 'Export bundle…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export bundle' });

      const zip = join(out, 'central-aggregation.zip');
      await answerSaveDialogWith(desktop, zip);
      await dialog.getByRole('radio', { name: 'Zip file' }).check();
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^Exported \\d+ files to ${escapeRegExp(zip)}\\.$`));
      const zipped = Object.keys(unzipSync(new Uint8Array(readFileSync(zip))));
      expect(zipped).toContain('clusters/eks-central/kustomization.yaml');
      expect(zipped).toContain('configs/central-gateway.yaml');
      expect(zipped.filter((file) => file.startsWith('clusters/')).length).toBeGreaterThan(10);

      const target = join(out, 'central-aggregation');
      await answerSaveDialogWith(desktop, target);
      await dialog.getByRole('radio', { name: 'Folder' }).check();
      await dialog.getByRole('button', { name: 'Export again' }).click();
      await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^Exported \\d+ files to ${escapeRegExp(target)}\\.$`));
      const written = filesUnder(target);
      // The same files as the zip, and the writer's note that lets a later export replace them.
      expect(written).toStrictEqual([...zipped, '.otel-topology-bundle.json'].sort());
      await snapshot(page, testInfo, 'desktop-exported');
    } finally {
      await quit(desktop);
    }
  });

  test('unsaved work survives a kill: kept for the start screen when the next start opens a file, offered at the start after, and gone once discarded on close', async ({}, testInfo) => {
    const userData = folder(testInfo, 'user-data');
    const recoveryFile = join(userData, 'recovery.json');
    const other = join(folder(testInfo, 'documents'), basename(EXAMPLE));
    copyFileSync(EXAMPLE, other);

    // GIVEN unsaved work, kept a few seconds after the last change, WHEN the app is killed...
    let desktop = await launch(userData);
    await openTemplate(desktop, 'Central aggregation');
    const edited = (await yamlText(desktop.page)).replace('replicas: 3', 'replicas: 7');
    await replaceYamlIn(desktop, edited);
    await expect.poll(() => (existsSync(recoveryFile) ? readFileSync(recoveryFile, 'utf8') : ''), { timeout: 15_000 }).toContain('replicas: 7');
    const exited = desktop.app.waitForEvent('close');
    desktop.app.process().kill('SIGKILL');
    await exited;

    // ...THEN a start with a file opens the file, and this session's work does not replace the unsaved one.
    desktop = await launch(userData, [other]);
    try {
      await expect(node(desktop.page, 'Collector central-gateway')).toBeVisible();
      await expect.poll(() => yamlText(desktop.page)).toBe(readFileSync(EXAMPLE, 'utf8'));
      await expect(desktop.page.getByRole('region', { name: 'Recovery' })).toBeHidden();
      expect(readFileSync(join(userData, 'recovery-set-aside.json'), 'utf8')).toContain('replicas: 7');
    } finally {
      await quit(desktop);
    }

    // ...and the next start shows it on the start screen.
    desktop = await launch(userData);
    const recovery = desktop.page.getByRole('region', { name: 'Recovery' });
    await expect(recovery).toContainText('Unsaved work');
    await snapshot(desktop.page, testInfo, 'desktop-recovery-offered');
    await recovery.getByRole('button', { name: 'Recover unsaved work' }).click();
    await expect.poll(() => yamlText(desktop.page)).toBe(edited);

    // WHEN the window closes with Don't Save THEN the work is not offered again.
    await expect.poll(() => windowTitle(desktop)).toMatch(/^● /);
    await closeWindow(desktop, "Don't Save");
    await quit(desktop);
    expect(existsSync(recoveryFile)).toBe(false);

    desktop = await launch(userData);
    try {
      await expect(desktop.page.getByRole('main', { name: 'Start' })).toBeVisible();
      await expect(desktop.page.getByRole('region', { name: 'Recovery' })).toBeHidden();
    } finally {
      await quit(desktop);
    }
  });
});
