/**
 * Copy, cut and paste of canvas elements with the keyboard: the selection goes to the system
 * clipboard as fragment text and comes back as fresh elements, in one undo step, where the
 * pointer is (into the frame there) or, where no frame there can hold them, beside the originals;
 * a cut's connections to what stays come back with its paste. In the YAML editor the same keys
 * still copy and paste text.
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
  await expect.poll(() => clipboardText(page)).toMatch(/^otelTopologyFragment: 2\nelements:\n {2}- kind: collector\n {4}id: central-gateway\n/m);
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText('Copied central-gateway.');

  // The pointer is on the canvas, but over no cluster: the copy goes beside the original.
  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+V');
  const copy = node(page, 'Collector central-gateway-2');
  await expect(copy).toBeVisible();
  await expect.poll(() => yamlText(page)).toMatch(/- kind: collector\n\s+id: central-gateway-2\n\s+cluster: eks-central\n/);
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText(
    'Pasted central-gateway-2 into the frame it came from: a collector goes in a cluster, and there is none under the pointer.',
  );
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
  await expect.poll(() => yamlText(page)).toContain('otelTopologyFragment: 2');
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

test('Ctrl/⌘+V with the pointer over another cluster pastes the copy there, into that cluster; a cut agent pasted back gets its flow back', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  await node(page, 'Collector central-gateway').click();
  await page.keyboard.press('ControlOrMeta+C');
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText('Copied central-gateway.');

  // Over the Azure cluster, below its agent.
  const cluster = node(page, 'Cluster aks-apps');
  const frame = (await cluster.boundingBox())!;
  const pointer = { x: frame.x + frame.width / 2, y: frame.y + frame.height - 8 };
  await page.mouse.move(pointer.x, pointer.y, { steps: 5 });
  await page.keyboard.press('ControlOrMeta+V');

  const copy = node(page, 'Collector central-gateway-2');
  await expect(copy).toBeVisible();
  await expect.poll(() => yamlText(page)).toMatch(/- kind: collector\n\s+id: central-gateway-2\n\s+cluster: aks-apps\n/);
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText('Pasted central-gateway-2.');
  // Drawn inside the cluster's frame (which grew to hold it), centred on the pointer.
  await expect
    .poll(async () => {
      const [outer, inner] = [(await cluster.boundingBox())!, (await copy.boundingBox())!];
      return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
    })
    .toBe(true);
  const placed = (await copy.boundingBox())!;
  expect(Math.abs(placed.x + placed.width / 2 - pointer.x)).toBeLessThan(8);
  expect(Math.abs(placed.y + placed.height / 2 - pointer.y)).toBeLessThan(8);
  await snapshot(page, testInfo, 'pasted-into-another-cluster');

  // Cut the Azure agent (with its flow to the central gateway) and paste it without moving the pointer: it is back where it was.
  const agent = node(page, 'Collector azure-agent');
  const where = (await agent.boundingBox())!;
  await agent.click();
  await page.keyboard.press('ControlOrMeta+X');
  await expect(agent).toHaveCount(0);
  await expect.poll(() => yamlText(page)).not.toContain('id: azure-agent-to-central');
  expect(await clipboardText(page)).toMatch(/\noutsideConnections:\n {2}- kind: flow\n {4}id: azure-agent-to-central\n/);

  await page.keyboard.press('ControlOrMeta+V');
  await expect(agent).toBeVisible();
  const back = (await agent.boundingBox())!;
  expect(Math.abs(back.x - where.x)).toBeLessThan(8);
  expect(Math.abs(back.y - where.y)).toBeLessThan(8);
  await expect.poll(() => yamlText(page)).toMatch(/- kind: flow\n\s+id: azure-agent-to-central\n\s+from: azure-agent\n\s+to: central-gateway\n/);
  await expect.poll(() => yamlText(page)).toMatch(/- kind: collector\n\s+id: azure-agent\n\s+cluster: aks-apps\n/);
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveText('Pasted azure-agent.');
  await snapshot(page, testInfo, 'cut-agent-pasted-with-its-flow');
});
