/** What the web build's specs do as a user would: open a template, read and replace the YAML, keep screenshots. */
import { expect, type Page, type TestInfo } from '@playwright/test';

export const TOPOLOGY_URI = 'file:///topology.otel-topology.yaml';

/** The Monaco namespace the app exposes for tests (`__otelMonaco`). */
export type MonacoGlobal = {
  __otelMonaco: {
    editor: {
      getModels(): Array<{ uri: { toString(): string }; getValue(): string }>;
      getModelMarkers(filter: { owner?: string }): Array<{ owner: string; message: string; startLineNumber: number; resource: { toString(): string } }>;
    };
  };
};

export async function openTemplate(page: Page, title: string) {
  await page.goto('/');
  await page.getByRole('button', { name: `Template ${title}` }).click();
  await expect(page.locator('#panel-topology .monaco-editor')).toBeVisible();
}

export function yamlText(page: Page): Promise<string> {
  return page.evaluate((uri) => {
    const model = (window as unknown as MonacoGlobal).__otelMonaco.editor.getModels().find((candidate) => candidate.uri.toString() === uri);
    return model?.getValue() ?? '';
  }, TOPOLOGY_URI);
}

/** Replaces the editor's text as a user would: select all, delete, paste (needs clipboard permissions). */
export async function replaceYaml(page: Page, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.locator('#panel-topology .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('ControlOrMeta+V');
}

/** A screenshot kept as a test artifact (look at them). */
export async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A canvas node, by its accessible name (`Collector central-gateway`). */
export const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/**
 * Takes the File System Access API away before the app loads, as in Firefox: topologies open
 * through the file input (Playwright's `filechooser`, which never sees `showOpenFilePicker`),
 * save as downloads, and recent files are names only.
 */
export async function withoutFileSystemAccess(page: Page) {
  await page.addInitScript(() => {
    for (const name of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) {
      delete (window as unknown as Record<string, unknown>)[name];
      delete (Window.prototype as unknown as Record<string, unknown>)[name];
    }
  });
}
