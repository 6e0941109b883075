/**
 * The canvas as a user meets it: flow labels where they can be read and not when the whole of a
 * topology is shown far out; the minimap, which shows where the view is and moves it when
 * dragged; nodes moved with the arrow keys.
 */
import { expect, test, type Page } from '@playwright/test';
import { node, openTemplate, snapshot, yamlText } from './page-helpers.js';

const viewportTransform = (page: Page) => page.locator('.react-flow__viewport').getAttribute('style');

test('flow labels show at a readable zoom, leave when zoomed far out, and come back', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const canvas = page.getByRole('region', { name: 'Canvas' });
  const labels = canvas.locator('.edge-label');
  // GIVEN the template fitted to the canvas THEN its flows carry their signals.
  await expect(labels.filter({ hasText: 'traces · metrics' }).first()).toBeVisible();
  const shown = await labels.count();
  expect(shown).toBeGreaterThan(0);

  // WHEN the user zooms out until a 10 px label would be a few pixels THEN the labels are gone.
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  for (let step = 0; step < 4; step++) await zoomOut.click();
  await expect(labels).toHaveCount(0);
  await snapshot(page, testInfo, 'canvas-zoomed-out-without-labels');

  // WHEN the user zooms back in THEN every label is back.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let step = 0; step < 4; step++) await zoomIn.click();
  await expect(labels).toHaveCount(shown);
});

test('the minimap shows the view, and dragging it moves the view', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap).toBeVisible();
  // The minimap draws the nodes: it is not a blank canvas.
  const painted = await minimap.evaluate((canvas: HTMLCanvasElement) => {
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let index = 0; index < pixels.length; index += 4) colours.add((pixels[index]! << 16) | (pixels[index + 1]! << 8) | pixels[index + 2]!);
    return colours.size;
  });
  expect(painted).toBeGreaterThan(3);

  const before = await viewportTransform(page);
  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 10, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => viewportTransform(page)).not.toBe(before);
  await snapshot(page, testInfo, 'canvas-after-minimap-drag');
});

test('arrow keys move the selected node, and the move is saved in the layout as one undo step', async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  const before = await yamlText(page);
  expect(before).not.toMatch(/^layout:/m);
  const agent = node(page, 'Collector aws-agent');
  await agent.click();
  await expect(agent).toBeFocused();

  // WHEN the user presses → three times and ↓ once THEN the node's place is written, once.
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  await expect.poll(() => yamlText(page)).toMatch(/^layout:\n(?:.*\n)*?\s+aws-agent:\s*\{?\s*x: \d+/m);

  // WHEN undone THEN the layout is gone again, in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe(before);
});
