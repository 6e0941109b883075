/** What the web build's specs do as a user would: open a template, read and replace the YAML, keep screenshots. */
import { expect, type Page, type TestInfo } from '@playwright/test';

export const TOPOLOGY_URI = 'file:///topology.otel-topology.yaml';

/** The Monaco namespace the app exposes for tests (`__otelMonaco`). */
export type MonacoGlobal = {
  __otelMonaco?: {
    editor: {
      getModels(): Array<{ uri: { toString(): string }; getValue(): string }>;
      getModelMarkers(filter: { owner?: string }): Array<{ owner: string; message: string; startLineNumber: number; resource: { toString(): string } }>;
      getEditors(): Array<{
        getModel(): { uri: { toString(): string }; getLineContent(line: number): string } | null;
        getPosition(): { lineNumber: number } | null;
      }>;
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
    const model = (window as unknown as MonacoGlobal).__otelMonaco?.editor.getModels().find((candidate) => candidate.uri.toString() === uri);
    return model?.getValue() ?? '';
  }, TOPOLOGY_URI);
}

/** The line the YAML editor's cursor is on (where a revealed line puts it), as text. */
export function yamlCursorLine(page: Page): Promise<string> {
  return page.evaluate((uri) => {
    const editor = (window as unknown as MonacoGlobal).__otelMonaco?.editor.getEditors().find((candidate) => candidate.getModel()?.uri.toString() === uri);
    const line = editor?.getPosition()?.lineNumber;
    return line === undefined ? '' : editor!.getModel()!.getLineContent(line);
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
 * Draws a flow with the mouse, from a collector's output handle to another element's input
 * handle. Handles show on the node under the pointer, so each node is hovered before its
 * handle is measured.
 */
export async function connectFlow(page: Page, from: string, to: string) {
  const centre = async (nodeName: string, handle: string) => {
    await node(page, nodeName).hover();
    const box = (await page.getByLabel(handle, { exact: true }).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const target = await centre(to, `Flow into ${to.split(' ').at(-1)}`);
  const source = await centre(from, `Flow from ${from.split(' ').at(-1)}`);
  await page.mouse.move(source.x, source.y);
  await page.mouse.down();
  await page.mouse.move(source.x + 30, source.y + 10, { steps: 4 });
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.up();
}

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
