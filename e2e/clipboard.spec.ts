/**
 * Copy, cut and paste of canvas elements with the keyboard: the selection goes to the system
 * clipboard as fragment text and comes back as fresh elements, in one undo step; in the YAML
 * editor the same keys still copy and paste text.
 */
import { expect, test, type Page } from '@playwright/test';
import { node, openTemplate, snapshot, yamlText } from './page-helpers.js';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** An empty spot of the canvas: clicking it clears the selection and leaves the focus out of any text field. */
const clickEmptyCanvas = (page: Page) => page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

test('a collector copied with Ctrl/⌘+C and pasted with Ctrl/⌘+V appears beside it; undo takes it away; cut and paste bring it back', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const before = await yamlText(page);

  await node(page, 'Collector central-gateway').click();
  await page.keyboard.press('ControlOrMeta+C');
  await expect.poll(() => clipboardText(page)).toMatch(/^otelTopologyFragment: 1\nelements:\n {2}- kind: collector\n {4}id: central-gateway\n/m);
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText('Copied central-gateway.');

  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+V');
  const copy = node(page, 'Collector central-gateway-2');
  await expect(copy).toBeVisible();
  await expect.poll(() => yamlText(page)).toMatch(/- kind: collector\n\s+id: central-gateway-2\n\s+cluster: eks-central\n/);
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText('Pasted central-gateway-2.');
  // The copy is the selection: the inspector shows it.
  await expect(page.getByRole('form', { name: 'Collector central-gateway-2' })).toBeVisible();
  await snapshot(page, testInfo, 'pasted-collector');

  await page.keyboard.press('ControlOrMeta+Z');
  await expect(copy).toHaveCount(0);
  await expect.poll(() => yamlText(page)).toBe(before);

  // In the YAML editor the keys are the editor's: Ctrl/⌘+V types the clipboard's text, no element is pasted.
  await page.locator('#panel-topology .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => yamlText(page)).toContain('otelTopologyFragment: 1');
  await expect(copy).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => yamlText(page)).toBe(before);

  // Cut: the original goes (with its flows) and comes back under its own id.
  await node(page, 'Collector central-gateway').click();
  await page.keyboard.press('ControlOrMeta+X');
  await expect(node(page, 'Collector central-gateway')).toHaveCount(0);
  await expect.poll(() => yamlText(page)).not.toMatch(/id: central-gateway\n/);
  expect(await clipboardText(page)).toContain('id: central-gateway\n');
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText('Cut central-gateway.');

  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(node(page, 'Collector central-gateway')).toBeVisible();
  await expect.poll(() => yamlText(page)).toMatch(/- kind: collector\n\s+id: central-gateway\n\s+cluster: eks-central\n/);
  await snapshot(page, testInfo, 'cut-and-pasted');
});
