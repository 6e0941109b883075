import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../shared/ipc/contract.js';
import { createAppStore } from '../state/store.js';
import { createCommands } from './registry.js';
import exampleText from '../../examples/central-aggregation.otel-topology.yaml?raw';

/**
 * The example, with its flow maps written the way `saveTopology` writes them (`{a: 1}`): it
 * re-prints flow collections without padding, which is shared/io's concern, not the layout's.
 */
const EXAMPLE = exampleText.replace(/\{ (.*?) \}/g, '{$1}');

/** The text without its top-level `layout:` block. */
const withoutLayout = (text: string) => text.replace(/^layout:\n(?:[ \t].*\n?|\n)*/m, '');

describe('the Auto-layout command', () => {
  it('GIVEN an open example WHEN auto-laid out THEN only the layout section changes, in one undo step', async () => {
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
