/**
 * The inspector end to end: every model field has a control and says what it is, edits reach the
 * YAML (and undo), and a value the model refuses stays in the form with its message, the YAML untouched.
 */
import { expect, test, type Page } from '@playwright/test';
import { node, openTemplate, replaceYaml, snapshot, yamlText } from './page-helpers.js';

/** The element's text block in the YAML: from its `id:` line to the next element. */
async function elementYaml(page: Page, id: string): Promise<string> {
  const text = await yamlText(page);
  const start = text.indexOf(`id: ${id}\n`);
  const end = text.indexOf('\n  - kind:', start);
  return start === -1 ? '' : text.slice(start, end === -1 ? undefined : end);
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a collector: resources, a new processor, an invalid quantity refused, undo', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  await node(page, 'Collector central-gateway').click();
  const form = page.getByRole('form', { name: 'Collector central-gateway' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('3');
  // Each field says what it is: the model's description is its accessible description.
  await expect(form.getByRole('spinbutton', { name: 'Replicas' })).toHaveAccessibleDescription(
    'Replicas of a Deployment or StatefulSet (Cloud Run: minimum instances); DaemonSets and autoscaling ignore it. Default 2 for gateways, 1 for agents.',
  );

  // GIVEN the resources section WHEN the memory limit is set THEN the YAML has it.
  await form.getByRole('group', { name: 'Resources' }).locator('summary').first().click();
  const limits = form.getByRole('group', { name: 'Limits' });
  await limits.locator('summary').first().click();
  const memory = limits.getByRole('textbox', { name: 'Memory' });
  await expect(memory).toHaveValue('2Gi');
  await memory.fill('3Gi');
  await memory.press('Enter');
  await expect.poll(() => elementYaml(page, 'central-gateway')).toMatch(/limits: \{cpu: "2", memory: 3Gi\}/);

  // WHEN a processor is added through the inspector THEN the YAML lists it after the defaults.
  const processors = form.getByRole('group', { name: 'Processors' });
  await processors.getByRole('combobox', { name: 'New Processors type' }).selectOption('filter');
  await processors.getByRole('button', { name: 'Add Processors' }).click();
  await expect.poll(() => elementYaml(page, 'central-gateway')).toMatch(/processors:[\s\S]*type: memory_limiter[\s\S]*type: batch[\s\S]*type: filter/);
  await expect(processors.getByRole('group', { name: 'Processors 3. filter' })).toBeVisible();
  await expect(form.getByRole('list', { name: 'Problems of central-gateway' })).toContainText('batch');

  // WHEN it moves up before batch THEN the order follows and the batch-last problem goes.
  await processors.getByRole('button', { name: 'Move Processors 3. filter up' }).click();
  await expect.poll(() => elementYaml(page, 'central-gateway')).toMatch(/type: memory_limiter[\s\S]*type: filter[\s\S]*type: batch/);
  await expect(form.getByRole('list', { name: 'Problems of central-gateway' })).toBeHidden();
  await processors.getByRole('group', { name: 'Processors 2. filter' }).locator('summary').click();
  await snapshot(page, testInfo, 'inspector-collector');

  // WHEN a malformed quantity is entered THEN the model's message shows beside it and the YAML stays.
  const before = await yamlText(page);
  await memory.fill('3 gigabytes');
  await memory.press('Enter');
  await expect(memory).toHaveAttribute('aria-invalid', 'true');
  await expect(memory).toHaveAccessibleDescription('a memory quantity such as 512Mi or 2Gi Memory in Kubernetes units: 512Mi, 2Gi.');
  await expect(form.getByRole('alert').filter({ hasText: 'a memory quantity such as 512Mi or 2Gi' })).toBeVisible();
  await expect(form.getByText('Not applied: the model refuses this change.')).toBeVisible();
  expect(await yamlText(page)).toBe(before);
  await snapshot(page, testInfo, 'inspector-invalid');

  // WHEN undone THEN the draft is dropped, the form shows the file again, and each step goes back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => elementYaml(page, 'central-gateway')).toMatch(/type: batch[\s\S]*type: filter/);
  await expect(form.getByText('Not applied: the model refuses this change.')).toBeHidden();
  await expect(memory).toHaveValue('3Gi');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => elementYaml(page, 'central-gateway')).not.toContain('type: filter');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => elementYaml(page, 'central-gateway')).toMatch(/limits: \{cpu: "2", memory: 2Gi\}/);
});

test('a flow: its problem, retry and queue, a malformed duration refused', async ({ page }, testInfo) => {
  await openTemplate(page, 'Central aggregation');
  // GIVEN a cross-site flow without compression, selected from its problem.
  const text = await yamlText(page);
  await replaceYaml(page, text.replace('  - kind: flow\n    id: azure-agent-to-central\n', '  - kind: flow\n    id: azure-agent-to-central\n    compression: none\n'));
  await page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /without compression.*azure-agent-to-central/ }).click();
  const form = page.getByRole('form', { name: 'Flow azure-agent-to-central' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('list', { name: 'Problems of azure-agent-to-central' })).toContainText('without compression');
  await expect(form.getByRole('spinbutton', { name: 'Failover priority' })).toHaveValue('');

  // WHEN compression is set THEN the problem goes.
  await form.getByRole('combobox', { name: 'Compression' }).selectOption('gzip');
  await expect.poll(() => elementYaml(page, 'azure-agent-to-central')).toContain('compression: gzip');
  await expect(form.getByRole('list', { name: 'Problems of azure-agent-to-central' })).toBeHidden();

  const retry = form.getByRole('group', { name: 'Retry' });
  await retry.locator('summary').first().click();
  const maxElapsed = retry.getByRole('textbox', { name: 'Max elapsed time' });
  await expect(maxElapsed).toHaveAttribute('placeholder', '300s');
  await expect(maxElapsed).toHaveAccessibleDescription('Time after which a batch is given up and dropped. Default 300s.');
  await expect(retry).toHaveAccessibleDescription(/^Retry of failed sends; where absent, on/);
  await maxElapsed.fill('15m');
  await maxElapsed.press('Enter');
  await expect.poll(() => elementYaml(page, 'azure-agent-to-central')).toMatch(/retry:\n\s+maxElapsedTime: 15m/);

  const queue = form.getByRole('group', { name: 'Queue' });
  await queue.locator('summary').first().click();
  await expect(queue.getByRole('combobox', { name: 'Type' })).toHaveValue('persistent');
  const consumers = queue.getByRole('spinbutton', { name: 'Consumers' });
  await expect(consumers).toHaveAttribute('placeholder', '10');
  await consumers.fill('20');
  await consumers.press('Enter');
  await expect.poll(() => elementYaml(page, 'azure-agent-to-central')).toContain('queue: {type: persistent, size: 5000, consumers: 20}');

  // WHEN the exporter name is emptied THEN the flow keeps an empty one (a bare exporter id), not the default.
  const exporterName = form.getByRole('textbox', { name: 'Exporter name' });
  await exporterName.fill('central');
  await exporterName.press('Enter');
  await expect.poll(() => elementYaml(page, 'azure-agent-to-central')).toContain('exporterName: central');
  await exporterName.fill('');
  await exporterName.press('Enter');
  await expect.poll(() => elementYaml(page, 'azure-agent-to-central')).toContain('exporterName: ""');
  await expect(exporterName).toHaveAttribute('placeholder', '""');

  const before = await yamlText(page);
  await maxElapsed.fill('fifteen minutes');
  await maxElapsed.press('Enter');
  await expect(maxElapsed).toHaveAttribute('aria-invalid', 'true');
  await expect(retry.getByRole('alert')).toHaveText('a duration such as 200ms, 5s or 1m30s');
  expect(await yamlText(page)).toBe(before);
  await form.getByRole('button', { name: 'Discard changes' }).click();
  await expect(maxElapsed).toHaveValue('15m');
  await inspector(page).evaluate((element) => element.scrollTo(0, 0));
  // The bar at the bottom shows the element's description, then the focused field's.
  const help = inspector(page).locator('.inspector-help');
  await expect(help).toHaveText('Flow: Telemetry from a collector to a collector or a backend.');
  await form.getByRole('combobox', { name: 'Compression' }).focus();
  await expect(help).toHaveText(/^Compression: How data sent to collectors and OTLP backends is compressed/);
  await snapshot(page, testInfo, 'inspector-flow');
  await page.getByRole('button', { name: 'Toggle light/dark theme' }).click();
  await retry.scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'inspector-flow-dark');
});

test('a collector: an env variable from a Secret, raw overrides as YAML', async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  await node(page, 'Collector central-gateway').click();
  const form = page.getByRole('form', { name: 'Collector central-gateway' });

  // GIVEN a new env variable WHEN it becomes a Secret key THEN the YAML has the reference, no value.
  const env = form.getByRole('group', { name: 'Env' });
  await env.getByRole('textbox', { name: 'New Env key' }).fill('API_TOKEN');
  await env.getByRole('button', { name: 'Add Env' }).click();
  const variable = env.getByRole('group', { name: 'API_TOKEN' });
  await variable.getByRole('combobox', { name: 'API_TOKEN: kind' }).selectOption({ label: 'Secret key' });
  // The Secret's name and key are required: the form says so and keeps the draft.
  await expect(variable.getByRole('alert').first()).toBeVisible();
  // The section with the messages opens by itself.
  const secret = variable.getByRole('group', { name: 'Secret' });
  await secret.getByRole('textbox', { name: 'Name' }).fill('vendor');
  await secret.getByRole('textbox', { name: 'Name' }).press('Enter');
  await secret.getByRole('textbox', { name: 'Key' }).fill('token');
  await secret.getByRole('textbox', { name: 'Key' }).press('Enter');
  await expect.poll(() => elementYaml(page, 'central-gateway')).toMatch(/env:\n\s+API_TOKEN:\n\s+secret:\n\s+name: vendor\n\s+key: token/);

  // WHEN the overrides are not YAML THEN the parse error shows and nothing is committed.
  const overrides = form.getByRole('textbox', { name: 'Overrides' });
  const before = await yamlText(page);
  await overrides.fill('service: [telemetry');
  await overrides.blur();
  await expect(overrides).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert').filter({ hasText: /flow sequence|Missing|end/i })).toBeVisible();
  expect(await yamlText(page)).toBe(before);
  await overrides.fill('service:\n  telemetry:\n    logs: {level: debug}');
  await overrides.blur();
  await expect.poll(() => elementYaml(page, 'central-gateway')).toMatch(/overrides:\n\s+service:\n\s+telemetry:\n\s+logs:/);
});

/** The part of Monaco's API the hover test drives: the editors and their models. */
type MonacoEditors = {
  __otelMonaco: {
    editor: {
      getEditors(): Array<{
        getModel(): { uri: { toString(): string }; getLinesContent(): string[] } | null;
        setPosition(position: { lineNumber: number; column: number }): void;
        revealLineInCenter(line: number): void;
        focus(): void;
        trigger(source: string, action: string, payload: unknown): void;
      }>;
    };
  };
};

test("the YAML editor's hover on a field shows the description the inspector gives it", async ({ page }) => {
  await openTemplate(page, 'Central aggregation');
  await node(page, 'Collector central-gateway').click();
  const replicas = page.getByRole('form', { name: 'Collector central-gateway' }).getByRole('spinbutton', { name: 'Replicas' });
  const description = await replicas.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  expect(description).toMatch(/^Replicas of a Deployment/);

  // WHEN the pointer would rest on `replicas:` in the topology's YAML (the hover action at its position).
  await page.evaluate(() => {
    const editor = (window as unknown as MonacoEditors).__otelMonaco.editor
      .getEditors()
      .find((candidate) => candidate.getModel()?.uri.toString().endsWith('topology.otel-topology.yaml'))!;
    const lines = editor.getModel()!.getLinesContent();
    const lineNumber = lines.findIndex((line) => /^\s+replicas: /.test(line)) + 1;
    editor.setPosition({ lineNumber, column: lines[lineNumber - 1]!.indexOf('replicas') + 2 });
    editor.revealLineInCenter(lineNumber);
    editor.focus();
    editor.trigger('e2e', 'editor.action.showHover', {});
  });

  await expect(page.locator('.monaco-hover-content').first()).toContainText(description);
});
