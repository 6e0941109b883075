import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../shared/ipc/contract.js';
import { createAppStore } from '../state/store.js';
import { createCommands } from './registry.js';
import exampleText from '../../examples/central-aggregation.otel-topology.yaml?raw';

/**
 * The example, with its flow maps padded (`{ a: 1 }`, which the `yaml` printer would write as
 * `{a: 1}`): `saveTopology` splices only the changed nodes into the original text, so everything
 * outside `layout:` must stay byte for byte, padding included.
 */
const EXAMPLE = exampleText.replace(/\{(\S.*?)\}/g, '{ $1 }');

/** The text without its top-level `layout:` block. */
const withoutLayout = (text: string) => text.replace(/^layout:\n(?:[ \t].*\n?|\n)*/m, '');

describe('the Auto-layout command', () => {
  it('GIVEN an open example WHEN auto-laid out THEN only the layout section changes, in one undo step', async () => {
    expect(EXAMPLE).toContain('autoscaling: { minReplicas: 3, maxReplicas: 10 }');
    const store = createAppStore();
    store.getState().openDocument(EXAMPLE, null);
    const command = createCommands({ store, platform: {} as DesktopApi, fitView: () => {}, confirmDiscard: () => true }).find((candidate) => candidate.id === 'layout.auto')!;
    expect(command.shortcut).toBe('Shift+Alt+L');

    await command.run();
    const after = store.getState().document.text;
    expect(after).not.toBe(EXAMPLE);
    expect(withoutLayout(after)).toBe(withoutLayout(EXAMPLE));
    expect(Object.keys(store.getState().document.topology!.layout)).toContain('central-gateway');

    store.getState().undo();
    expect(store.getState().document.text).toBe(EXAMPLE);
  });
});
