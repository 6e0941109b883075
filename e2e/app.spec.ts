/**
 * The web build end to end: templates, canvas, the two-way YAML editor, problems, generated
 * files, undo/redo, palette drops and the bundle export. Elements are found by role and name.
 */
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { connectFlow, node, openTemplate, replaceYaml, snapshot, withoutFileSystemAccess, yamlCursorLine, yamlText, type MonacoGlobal } from './page-helpers.js';


test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a template opens on the canvas and in the YAML editor, with nothing from the network', async ({ page }, testInfo) => {
  const remote: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) remote.push(request.url());
  });
  await page.goto('/');
  await snapshot(page, testInfo, 'start-screen');
  await page.getByRole('button', { name: 'Template Central aggregation' }).click();

  for (const name of ['Site aws-use1', 'Site azure-eastus', 'Cluster eks-central', 'Collector central-gateway', 'Collector gcp-agent', 'Backend tempo']) {
    await expect(node(page, name)).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Flow central-to-tempo' })).toBeAttached();
  await expect.poll(() => yamlText(page)).toContain('name: central-aggregation');
  await expect(page.getByRole('status', { name: /0 errors/ })).toBeVisible();
  await snapshot(page, testInfo, 'template-open');
  expect(remote).toStrictEqual([]);
});

test('selecting a collector shows its generated config', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  await node(page, 'Collector central-gateway').click();
  await expect(page.getByRole('form', { name: 'Collector central-gateway' })).toBeVisible();
  await page.getByRole('tab', { name: 'Generated files' }).click();
  await expect(page.getByRole('combobox', { name: 'Generated file' })).toHaveValue('configs/central-gateway.yaml');
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as MonacoGlobal).__otelMonaco?.editor.getModels().find((model) => model.uri.toString().endsWith('/generated/configs/central-gateway.yaml'))?.getValue() ?? ''),
    )
    .toMatch(/receivers:[\s\S]*exporters:[\s\S]*otlp_grpc\/tempo|exporters:/);
  await expect(page.locator('#panel-generated .view-lines')).toContainText('receivers');
  await snapshot(page, testInfo, 'generated-config');
});

test('editing replicas in the YAML shows in the inspector', async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  await node(page, 'Collector central-gateway').click();
  await expect(page.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('3');
  const text = await yamlText(page);
  await replaceYaml(page, text.replace('replicas: 3', 'replicas: 5'));
  await expect.poll(() => yamlText(page)).toContain('replicas: 5');
  await expect(page.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('5');
});

test('invalid YAML gets a marker and the canvas keeps the last model', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const text = await yamlText(page);
  await replaceYaml(page, text.replace('  - kind: backend\n    id: tempo', '  - kind: backend\n    id: [tempo'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as MonacoGlobal).__otelMonaco?.editor.getModelMarkers({ owner: 'topology' }).length))
    .toBeGreaterThan(0);
  await expect(page.getByText('The YAML does not load: the canvas shows the last valid model.')).toBeVisible();
  await expect(node(page, 'Backend tempo')).toBeVisible();
  await expect(node(page, 'Collector central-gateway')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Error: .* at line \d+/ }).first()).toBeVisible();
  await snapshot(page, testInfo, 'invalid-yaml');
});

test('the YAML editor checks the file against the topology schema', async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  const text = await yamlText(page);
  await replaceYaml(page, text.replace('name: central-aggregation', 'name: central-aggregation\nbogusKey: 1'));
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as MonacoGlobal).__otelMonaco?.editor
          .getModelMarkers({})
          // monaco-yaml's own markers, not the ones the app sets from loadTopology.
          .filter((marker) => marker.owner !== 'topology' && marker.resource.toString() === 'file:///topology.otel-topology.yaml')
          .map((marker) => marker.message)
          .join('\n'),
      ),
    )
    .toMatch(/bogusKey/);
});

test('the YAML editor completes from the topology schema', async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  await replaceYaml(page, 'schemaVersion: 1\nname: completion\nelements:\n  - kind: ');
  await expect.poll(() => yamlText(page)).toMatch(/- kind: $/);
  await page.keyboard.press('Control+Space');
  for (const kind of ['site', 'cluster', 'collector', 'backend', 'flow']) {
    await expect(page.getByRole('option', { name: new RegExp(`^${kind}\\b`) })).toBeVisible();
  }
  await page.getByRole('option', { name: /^collector\b/ }).click();
  await expect.poll(() => yamlText(page)).toMatch(/- kind: collector/);
});

test('a flow is selected by clicking it on the canvas or its problem, whatever was selected before', async ({ page }) => {
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await openTemplate(page, 'Central aggregation');
  const text = await yamlText(page);
  await replaceYaml(page, text.replace('  - kind: flow\n    id: azure-agent-to-central\n', '  - kind: flow\n    id: azure-agent-to-central\n    compression: none\n'));
  const problem = page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /without compression.*azure-agent-to-central/ });
  await expect(problem).toBeVisible();

  // GIVEN a node selected on the canvas WHEN a flow's problem is clicked THEN the flow alone is selected.
  await node(page, 'Collector central-gateway').click();
  await expect(page.getByRole('form', { name: 'Collector central-gateway' })).toBeVisible();
  await problem.click();
  await expect(page.getByRole('form', { name: 'Flow azure-agent-to-central' })).toBeVisible();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);

  // WHEN another flow is clicked on the canvas THEN it is the selection.
  const other = page.getByRole('group', { name: 'Flow aws-agent-to-central', exact: true });
  await other.locator('path.react-flow__edge-interaction').click({ force: true });
  await expect(page.getByRole('form', { name: 'Flow aws-agent-to-central' })).toBeVisible();
  expect(crashes).toStrictEqual([]);
});

test('clicking a problem selects its element; the quick fix applies', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  await replaceYaml(
    page,
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
  await expect(node(page, 'Collector Bad_Agent')).toBeVisible();
  const problem = page.getByRole('button', { name: /invalid-name|DNS|Bad_Agent/ }).filter({ hasText: /Bad_Agent|DNS|name/ }).first();
  await expect(problem).toBeVisible();
  await snapshot(page, testInfo, 'problems');
  // Problem rows are buttons: the keyboard activates them as a click would.
  await problem.focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'Collector Bad_Agent')).toHaveClass(/selected/);
  await expect(page.getByRole('form', { name: 'Collector Bad_Agent' })).toBeVisible();
  // ...and the YAML editor shows the element's line, with the cursor on it.
  await expect.poll(() => yamlCursorLine(page)).toMatch(/id: Bad_Agent|- kind: collector/);
  await expect(page.locator('#panel-topology .revealed-line')).toBeVisible();

  await page.getByRole('button', { name: /^Quick fix: .*bad-agent/i }).first().click();
  await expect(node(page, 'Collector bad-agent')).toBeVisible();
  await expect.poll(() => yamlText(page)).toContain('id: bad-agent');
});

test('undo and redo go back and forth through model changes', async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  await node(page, 'Collector central-gateway').click();
  const replicas = page.getByRole('spinbutton', { name: 'Replicas' });
  await replicas.fill('4');
  await replicas.press('Enter');
  await expect.poll(() => yamlText(page)).toContain('replicas: 4');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => yamlText(page)).toContain('replicas: 3');
  await expect(replicas).toHaveValue('3');

  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect.poll(() => yamlText(page)).toContain('replicas: 4');
  await expect(replicas).toHaveValue('4');

  // In the editor, the undo keys walk the same history: typing there, then the inspector's change.
  const editor = page.locator('#panel-topology .monaco-editor .view-lines');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# typed\n');
  await expect.poll(() => yamlText(page)).toContain('# typed');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => yamlText(page)).not.toContain('# typed');
  // ...so the toolbar's Redo brings the typing back (an undo of Monaco's own would be a new edit, with nothing to redo).
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect.poll(() => yamlText(page)).toContain('# typed');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Z');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => yamlText(page)).toContain('replicas: 3');
  await expect(replicas).toHaveValue('3');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => yamlText(page)).toContain('replicas: 4');

  // Outside the editor too, and Ctrl+Y redoes as it does in Windows applications.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => yamlText(page)).toContain('replicas: 3');
  await page.keyboard.press('ControlOrMeta+Y');
  await expect.poll(() => yamlText(page)).toContain('replicas: 4');
});

test('dragging from the palette adds a site, a cluster inside it, a gateway inside that; a flow to a backend changes its generated config', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.getByRole('listitem', { name: 'GCP region' }).dragTo(pane, { targetPosition: { x: box.width * 0.35, y: box.height - 160 } });
  await expect.poll(() => yamlText(page)).toMatch(/- kind: site\n\s+id: gcp-us-central1\n\s+provider: gcp/);
  const site = node(page, 'Site gcp-us-central1');
  await expect(site).toBeVisible();
  // The comment at the top of the file survives the model change.
  expect(await yamlText(page)).toContain('# Central aggregation: agents in AWS');

  await page.getByRole('listitem', { name: /^GKE cluster/ }).dragTo(site, { targetPosition: { x: 40, y: 60 } });
  await expect.poll(() => yamlText(page)).toMatch(/- kind: cluster\n\s+id: gke\n\s+site: gcp-us-central1\n\s+platform: gke/);
  const cluster = node(page, 'Cluster gke');
  await expect(cluster).toBeVisible();

  await page.getByRole('listitem', { name: /^Gateway collector/ }).dragTo(cluster, { targetPosition: { x: 30, y: 40 } });
  await expect.poll(() => yamlText(page)).toMatch(/- kind: collector\n\s+id: gateway\n\s+cluster: gke\n\s+role: gateway/);
  await expect(node(page, 'Collector gateway')).toBeVisible();
  await snapshot(page, testInfo, 'palette-drop');

  // GIVEN the new gateway's generated config WHEN a flow is drawn from it to a backend THEN the config exports there.
  const generatedConfig = () =>
    page.evaluate(() => (window as unknown as MonacoGlobal).__otelMonaco?.editor.getModels().find((model) => model.uri.toString().endsWith('/generated/configs/gateway.yaml'))?.getValue() ?? '');
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(300); // the fit-view animation
  await node(page, 'Collector gateway').click();
  await page.getByRole('tab', { name: 'Generated files' }).click();
  await expect(page.getByRole('combobox', { name: 'Generated file' })).toHaveValue('configs/gateway.yaml');
  await expect.poll(generatedConfig).toContain('receivers:');
  expect(await generatedConfig()).not.toContain('tempo');

  await connectFlow(page, 'Collector gateway', 'Backend tempo');
  await expect.poll(() => yamlText(page)).toMatch(/- kind: flow\n\s+id: gateway-to-tempo\n\s+from: gateway\n\s+to: tempo\n/);
  await expect(page.getByRole('group', { name: 'Flow gateway-to-tempo' })).toBeAttached();
  await node(page, 'Collector gateway').click();
  await expect.poll(generatedConfig).toMatch(/exporters:[\s\S]*tempo/);
  await snapshot(page, testInfo, 'flow-to-backend');
});

test('export bundle downloads a zip with the cluster folders', async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export bundle' }).getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('central-aggregation.zip');
  const files = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!))));
  expect(files).toContain('clusters/eks-central/kustomization.yaml');
  expect(files).toContain('configs/central-gateway.yaml');
  expect(files.filter((file) => file.startsWith('clusters/')).length).toBeGreaterThan(10);
});

test('the command palette runs commands (toggle theme)', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('textbox', { name: 'Search commands' });
  await search.fill('theme');
  // The option Enter runs is the active descendant of the search box (what a screen reader reads).
  const active = await search.getAttribute('aria-activedescendant');
  await expect(dialog.getByRole('option', { name: /Toggle light\/dark theme/ })).toHaveAttribute('id', active!);
  await expect(dialog.getByRole('option', { selected: true })).toHaveText(/Toggle light\/dark theme/);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(before);
  await snapshot(page, testInfo, 'theme-toggled');
});

/**
 * The text without its top-level `layout:` block. saveTopology splices only the changed nodes into
 * the original text, so the rest must match byte for byte (no normalisation of flow-map padding).
 */
const withoutLayout = (text: string) => text.replace(/^layout:\n(?:[ \t].*\n?|\n)*/m, '');

test('auto-layout lays the sites out along the flows in one undo step, changing only layout:', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const before = await yamlText(page);
  expect(before).not.toMatch(/^layout:/m);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Alt+L');
  await expect.poll(() => yamlText(page)).toMatch(/^layout:\n {2}aws-use1:\n {4}x: \d+/m);
  const after = await yamlText(page);
  expect(withoutLayout(after)).toBe(withoutLayout(before));
  // Agents in Azure and GCP send to the gateway in AWS: AWS ends up to their right.
  await expect.poll(async () => (await node(page, 'Site aws-use1').boundingBox())!.x).toBeGreaterThan((await node(page, 'Site azure-eastus').boundingBox())!.x + 100);
  const gke = (await node(page, 'Cluster gke-apps').boundingBox())!;
  const gcp = (await node(page, 'Site gcp-usc1').boundingBox())!;
  expect(gke.x).toBeGreaterThan(gcp.x);
  expect(gke.x + gke.width).toBeLessThanOrEqual(gcp.x + gcp.width + 1);
  await snapshot(page, testInfo, 'auto-layout');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => yamlText(page)).toBe(before);
});

/** Drags a node by a point near its top-left corner (its header) to a point on the page. */
async function dragNode(page: Page, name: string, to: { x: number; y: number }) {
  const from = (await node(page, name).boundingBox())!;
  await page.mouse.move(from.x + 12, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

test('dragging a cluster onto another site, and a collector onto another cluster, reparents them', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  await page.waitForTimeout(300); // the opening fit-view animation
  const aws = (await node(page, 'Site aws-use1').boundingBox())!;
  await dragNode(page, 'Cluster gke-apps', { x: aws.x + aws.width - 30, y: aws.y + aws.height - 12 });
  await expect.poll(() => yamlText(page)).toMatch(/id: gke-apps\n\s+site: aws-use1\n/);
  await expect(node(page, 'Cluster gke-apps')).toBeVisible();

  const eks = (await node(page, 'Cluster eks-central').boundingBox())!;
  await dragNode(page, 'Collector gcp-agent', { x: eks.x + 30, y: eks.y + eks.height - 10 });
  await expect.poll(() => yamlText(page)).toMatch(/id: gcp-agent\n\s+cluster: eks-central\n/);
  await snapshot(page, testInfo, 'reparented');

  // A plain move inside the same cluster changes only the layout.
  const text = await yamlText(page);
  const agent = (await node(page, 'Collector gcp-agent').boundingBox())!;
  await dragNode(page, 'Collector gcp-agent', { x: agent.x + 12, y: agent.y + 30 });
  await expect.poll(() => yamlText(page)).not.toBe(text);
  expect(withoutLayout(await yamlText(page))).toBe(withoutLayout(text));
});

test('the export dialog lists the files, shows progress and the result; Esc closes it and focus returns', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const opener = page.getByRole('button', { name: 'Export bundle…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await expect(dialog).toBeVisible();
  const groups = dialog.getByRole('list', { name: 'Files per cluster' });
  await expect(groups.getByRole('listitem').filter({ hasText: 'Cluster eks-central' })).toContainText(/\d+ files/);
  await expect(dialog.getByRole('radio', { name: 'Zip file' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Folder' })).toBeDisabled();
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  await expect(exportButton).toBeFocused();
  // Focus stays in the dialog.
  for (let index = 0; index < 6; index++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await snapshot(page, testInfo, 'export-dialog');

  const downloading = page.waitForEvent('download');
  await exportButton.click();
  expect((await downloading).suggestedFilename()).toBe('central-aggregation.zip');
  await expect(dialog.getByRole('status')).toHaveText(/^Exported \d+ files to central-aggregation\.zip\.$/);
  const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
  expect(await progress.evaluate((element: HTMLProgressElement) => element.value === element.max && element.max > 10)).toBe(true);
  await snapshot(page, testInfo, 'export-done');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('errors block the export until "Export anyway"', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const text = await yamlText(page);
  await replaceYaml(page, text.replace('  - kind: backend\n    id: tempo', '  - kind: backend\n    id: [tempo'));
  await expect(page.getByText('The YAML does not load: the canvas shows the last valid model.')).toBeVisible();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await expect(dialog.getByRole('region', { name: 'Errors' })).toContainText('The YAML does not load: the export would be of the last valid model');
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  await expect(exportButton).toBeDisabled();
  await snapshot(page, testInfo, 'export-blocked');
  await dialog.getByRole('checkbox', { name: 'Export anyway' }).check();
  await expect(exportButton).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('the diagram exports as SVG and as PNG', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  let downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export diagram (SVG)…' }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toBe('central-aggregation.svg');
  expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^<svg [^>]*width="\d+"/);

  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export diagram (PNG)…' }).click();
  download = await downloading;
  expect(download.suggestedFilename()).toBe('central-aggregation.png');
  const png = readFileSync((await download.path())!);
  writeFileSync(testInfo.outputPath('diagram.png'), png);
  await testInfo.attach('diagram-png', { path: testInfo.outputPath('diagram.png'), contentType: 'image/png' });
  expect([...png.subarray(0, 8)]).toStrictEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height, drawn at twice the SVG's size.
  expect(png.readUInt32BE(16)).toBeGreaterThan(400);
  expect(png.readUInt32BE(20)).toBeGreaterThan(200);
});

test('the keyboard reaches the palette, problems and dialogs', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  // Palette: search, Tab to the item, Enter adds it at the canvas centre.
  const search = page.getByRole('searchbox', { name: 'Search the palette' });
  await search.fill('GCP region');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('listitem', { name: 'GCP region' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => yamlText(page)).toMatch(/- kind: site\n\s+id: gcp-us-central1\n\s+provider: gcp/);
  await expect(node(page, 'Site gcp-us-central1')).toBeVisible();
  // The new site is selected: a cluster added from the keyboard goes into it (or the frame at the centre).
  await search.fill('GKE');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => yamlText(page)).toMatch(/- kind: cluster\n\s+id: gke\n\s+site: [a-z0-9-]+\n\s+platform: gke/);
  await snapshot(page, testInfo, 'keyboard-palette');

  // Dialogs close on Escape and give the focus back.
  const toolbarButton = page.getByRole('button', { name: 'Show all commands' });
  await toolbarButton.focus();
  await page.keyboard.press('Enter');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('textbox', { name: 'Search commands' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(toolbarButton).toBeFocused();
});

test('without the File System Access API the start screen lists recent names and says how to open one again', async ({ page }, testInfo) => {
  await withoutFileSystemAccess(page);
  await page.goto('/');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a file…' }).click();
  await (await choosing).setFiles({ name: 'mine.otel-topology.yaml', mimeType: 'application/yaml', buffer: Buffer.from('schemaVersion: 1\nname: mine\nelements: []\n') });
  await expect(page.getByRole('status', { name: /0 errors/ })).toBeVisible();
  await page.reload();
  const recent = page.getByRole('region', { name: 'Recent files' });
  await expect(recent.getByRole('listitem')).toHaveText(['mine.otel-topology.yaml']);
  await expect(recent).toContainText('A browser cannot open a file again by its name: use Open a file… to choose it.');
  await snapshot(page, testInfo, 'start-screen-recent');
});

test('File › Import a folder: its YAML files import together, its subfolders are left alone', async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('manifests');
  mkdirSync(join(folder, 'drafts'), { recursive: true });
  copyFileSync(new URL('../shared/import/fixtures/kubernetes-manifests.yaml', import.meta.url).pathname, join(folder, 'collectors.yaml'));
  writeFileSync(join(folder, 'drafts', 'broken.yaml'), 'receivers: [\n');
  writeFileSync(join(folder, 'notes.txt'), 'not YAML');
  await page.goto('/');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a folder…' }).click();
  await (await choosing).setFiles(folder);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('Imported 2 collectors, 2 backends and 3 flows from 1 file');
  await expect(report.getByRole('region', { name: 'Recognised' })).toContainText('collectors.yaml:43:7 flow agent → otel-gateway');
});

test('File › Import: Kubernetes manifests become a new topology with a report; a broken file changes nothing', async ({ page }, testInfo) => {
  const manifests = new URL('../shared/import/fixtures/kubernetes-manifests.yaml', import.meta.url).pathname;
  await page.goto('/');
  let choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import existing configs…' }).click();
  let chooser = await choosing;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(manifests);

  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('Imported 2 collectors, 2 backends and 3 flows from 1 file');
  await expect(report.getByRole('region', { name: 'Recognised' })).toContainText('kubernetes-manifests.yaml:');
  await expect(report.getByRole('region', { name: 'Overrides' })).toBeVisible();
  await snapshot(page, testInfo, 'import-report');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toBeHidden();

  for (const name of ['Collector agent', 'Collector otel-gateway', 'Cluster telemetry']) await expect(node(page, name)).toBeVisible();
  await expect.poll(() => yamlText(page)).toContain('name: imported');
  const imported = await yamlText(page);
  expect(imported).toContain('id: otel-gateway');
  await expect(page.getByRole('status', { name: /0 errors/ })).toBeVisible();
  await snapshot(page, testInfo, 'import-canvas');

  // Nothing importable: the dialog says so and the document stays as it was.
  choosing = page.waitForEvent('filechooser');
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Import collector configs or manifests…' }).click();
  chooser = await choosing;
  await chooser.setFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('receivers: [\n') });
  const failed = page.getByRole('dialog', { name: 'Nothing imported' });
  await expect(failed).toContainText('The current document is unchanged.');
  await expect(failed.getByRole('region', { name: 'Errors' })).toContainText('broken.yaml:');
  await page.keyboard.press('Escape');
  await expect(failed).toBeHidden();
  expect(await yamlText(page)).toBe(imported);
  await expect(node(page, 'Collector otel-gateway')).toBeVisible();
});

test('Ctrl/Cmd+D duplicates the selected collector; the problems panel hides and shows again', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const before = await yamlText(page);
  expect(before).not.toContain('id: central-gateway-2');
  await node(page, 'Collector central-gateway').click();
  await expect(page.getByRole('form', { name: 'Collector central-gateway' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+D');
  await expect.poll(() => yamlText(page)).toContain('id: central-gateway-2');
  await expect(node(page, 'Collector central-gateway-2')).toBeVisible();
  // The copy is selected, and one undo removes it.
  await expect(page.getByRole('form', { name: 'Collector central-gateway-2' })).toBeVisible();
  await snapshot(page, testInfo, 'duplicated');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => yamlText(page)).toBe(before);

  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+M');
  await expect(problems).toBeHidden();
  await page.keyboard.press('ControlOrMeta+Shift+M');
  await expect(problems).toBeVisible();
});

test('the theme follows the OS until the user toggles it', async ({ page }) => {
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  await page.emulateMedia({ colorScheme: 'light' });
  await openTemplate(page, 'Central aggregation');
  await expect.poll(theme).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(theme).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(theme).toBe('light');

  await page.getByRole('button', { name: 'Toggle light/dark theme' }).click();
  await expect.poll(theme).toBe('dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await theme()).toBe('dark');
});

test('unsaved work is kept in the browser and offered back at the next start', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  const edited = (await yamlText(page)).replace('replicas: 3', 'replicas: 7');
  await replaceYaml(page, edited);
  await expect.poll(() => yamlText(page)).toBe(edited);
  // Kept a few seconds after the last change.
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((value) => value.includes('replicas: 7'))), { timeout: 15_000 }).toBe(true);

  // The tab asks before leaving unsaved work; the user leaves anyway.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const recovery = page.getByRole('region', { name: 'Recovery' });
  await expect(recovery).toContainText('Unsaved work');
  await snapshot(page, testInfo, 'recovery-offered');
  await recovery.getByRole('button', { name: 'Recover unsaved work' }).click();
  await expect(node(page, 'Collector central-gateway')).toBeVisible();
  await expect.poll(() => yamlText(page)).toBe(edited);
  await expect(page).toHaveTitle(/^● /);

  // Discarded, it is not offered again.
  await page.reload();
  await page.getByRole('region', { name: 'Recovery' }).getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByRole('region', { name: 'Recovery' })).toBeHidden();
  await page.reload();
  await expect(page.getByRole('main', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recovery' })).toBeHidden();
});
