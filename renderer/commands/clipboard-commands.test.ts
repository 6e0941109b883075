import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../shared/ipc/contract.js';
import { createAppStore } from '../state/store.js';
import { pasteText, selectionText, type PlacePaste } from './clipboard.js';
import { createCommands, isEnabled, type CommandContext } from './registry.js';
import { GATEWAY_TOPOLOGY as TEXT } from './test-topology.js';

/** A window with TEXT open and a clipboard of its own (`held`); `denied` makes the clipboard refuse. */
function setUp(text = TEXT) {
  const store = createAppStore();
  store.getState().openDocument(text, null);
  const clipboard = {
    held: '',
    denied: false,
    async readText() {
      if (clipboard.denied) throw new Error('Read permission denied.');
      return clipboard.held;
    },
    async writeText(value: string) {
      if (clipboard.denied) throw new Error('Write permission denied.');
      clipboard.held = value;
    },
  };
  const context: CommandContext = { store, platform: {} as DesktopApi, fitView: () => {}, confirmDiscard: () => true, clipboard };
  const commands = createCommands(context);
  const command = (id: string) => commands.find((candidate) => candidate.id === id)!;
  const message = () => store.getState().message;
  return { store, clipboard, command, message };
}

describe('the Copy, Cut and Paste commands', () => {
  it('GIVEN the commands WHEN listed THEN they show the usual shortcuts, left to the browser, and copy and cut need a selection', () => {
    const { store, command } = setUp();
    expect(['edit.copy', 'edit.cut', 'edit.paste'].map((id) => [command(id).shortcut, command(id).nativeShortcut])).toStrictEqual([
      ['Mod+C', true],
      ['Mod+X', true],
      ['Mod+V', true],
    ]);
    expect(isEnabled(command('edit.copy'), store.getState())).toBe(false);
    expect(isEnabled(command('edit.cut'), store.getState())).toBe(false);
    expect(isEnabled(command('edit.paste'), store.getState())).toBe(true);
    store.getState().select(['gateway']);
    expect(isEnabled(command('edit.copy'), store.getState())).toBe(true);
    expect(isEnabled(command('edit.cut'), store.getState())).toBe(true);
  });

  it('GIVEN a selected collector WHEN copied and pasted THEN the YAML gets a copy beside it, it is selected, and one undo removes it', async () => {
    const { store, clipboard, command, message } = setUp();
    store.getState().select(['gateway']);
    await command('edit.copy').run();
    expect(clipboard.held).toMatch(/^# OTel Topology Designer.*\notelTopologyFragment: 2\nelements:\n {2}- kind: collector\n {4}id: gateway\n/);
    expect(message()?.text).toBe('Copied gateway.');
    expect(store.getState().document.text).toBe(TEXT);

    await command('edit.paste').run();
    expect(store.getState().document.text).toContain('id: gateway-2');
    expect(store.getState().document.topology!.layout['gateway-2']).toStrictEqual({ x: 72, y: 92 });
    expect(store.getState().selection).toStrictEqual(['gateway-2']);
    expect(message()?.text).toBe('Pasted gateway-2.');
    store.getState().undo();
    expect(store.getState().document.text).toBe(TEXT);
  });

  it('GIVEN a selected collector WHEN cut THEN it leaves the YAML in one undo step; pasted THEN it is back with its id and place', async () => {
    const { store, clipboard, command, message } = setUp();
    store.getState().select(['gateway']);
    await command('edit.cut').run();
    expect(clipboard.held).toContain('id: gateway');
    expect(store.getState().document.text).not.toContain('id: gateway');
    expect(message()?.text).toBe('Cut gateway.');

    await command('edit.paste').run();
    expect(store.getState().document.topology!.elements.map((element) => element.id)).toStrictEqual(['aws-use1', 'eks', 'gateway']);
    expect(store.getState().document.topology!.layout.gateway).toStrictEqual({ x: 40, y: 60 });
    expect(store.getState().selection).toStrictEqual(['gateway']);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document.text).toBe(TEXT);
  });

  it('GIVEN a clipboard that refuses WHEN cut THEN nothing is deleted and the status bar says why', async () => {
    const { store, clipboard, command, message } = setUp();
    clipboard.denied = true;
    store.getState().select(['gateway']);
    await command('edit.cut').run();
    expect(store.getState().document.text).toBe(TEXT);
    expect(message()).toMatchObject({ kind: 'error', text: 'Could not write to the clipboard: Write permission denied.' });

    await command('edit.paste').run();
    expect(message()).toMatchObject({ kind: 'error', text: 'This window may not read the clipboard: paste with Ctrl/⌘+V or Edit › Paste.' });
  });

  it('GIVEN plain text or a broken fragment on the clipboard WHEN pasted THEN nothing changes and the status bar says so', async () => {
    const { store, clipboard, command, message } = setUp();
    clipboard.held = 'gateway';
    await command('edit.paste').run();
    expect(message()).toMatchObject({ kind: 'error', text: 'The clipboard holds no topology elements to paste.' });
    clipboard.held = 'otelTopologyFragment: 1\nelements:\n  - kind: router\n    id: r\n';
    await command('edit.paste').run();
    expect(message()).toMatchObject({ kind: 'error', text: expect.stringMatching(/^Cannot paste these topology elements: elements\[0\]\.kind: /) });
    expect(store.getState().document.text).toBe(TEXT);
  });

  it('GIVEN only a flow selected WHEN copied THEN nothing reaches the clipboard and the status bar says what can be', async () => {
    const { store, clipboard, command, message } = setUp(`${TEXT.replace('layout:', `  - kind: backend
    id: debug
    type: debug
  - kind: flow
    id: gateway-to-debug
    from: gateway
    to: debug
    signals: [traces]
layout:`)}`);
    store.getState().select(['gateway-to-debug']);
    await command('edit.copy').run();
    expect(clipboard.held).toBe('');
    expect(message()).toMatchObject({ kind: 'error', text: expect.stringMatching(/^Select a site, cluster, collector, backend or control plane to copy/) });
  });
});

describe('pasting into another window', () => {
  it('GIVEN a collector copied in one window WHEN pasted into one without its cluster THEN it is refused, saying which cluster is missing', () => {
    const first = setUp();
    first.store.getState().select(['gateway']);
    const text = selectionText(first.store, 'copy')!;
    const second = setUp(TEXT.replace(/ {2}- kind: cluster[\s\S]*/, ''));
    expect(pasteText(second.store, text)).toBe(true);
    expect(second.message()).toMatchObject({ kind: 'error', text: expect.stringContaining('collector gateway belongs in cluster eks, which is not in this topology') });
    expect(pasteText(second.store, 'just text')).toBe(false);
  });

  it('GIVEN a site copied in one window WHEN pasted into an empty one THEN it arrives whole, with its ids', () => {
    const first = setUp();
    first.store.getState().select(['aws-use1']);
    const text = selectionText(first.store, 'copy')!;
    const second = setUp('schemaVersion: 1\nname: other\nelements: []\n');
    expect(pasteText(second.store, text)).toBe(true);
    expect(second.store.getState().document.topology!.elements.map((element) => element.id)).toStrictEqual(['aws-use1', 'eks', 'gateway']);
    expect(second.store.getState().selection).toStrictEqual(['aws-use1', 'eks', 'gateway']);
    expect(second.message()?.text).toBe('Pasted 3 elements.');
    expect(second.store.getState().document.problems).toStrictEqual([]);
  });
});

/** TEXT with a second site and cluster, and an agent in eks sending to the gateway. */
const TWO_CLUSTERS = TEXT.replace(
  'layout:',
  `  - kind: site
    id: gcp
    provider: gcp
    region: us-central1
  - kind: cluster
    id: gke
    site: gcp
    platform: gke
  - kind: collector
    id: agent
    cluster: eks
    role: agent
  - kind: flow
    id: agent-to-gateway
    from: agent
    to: gateway
    signals: [traces]
layout:`,
);

describe('pasting at the pointer', () => {
  it('GIVEN a collector copied WHEN pasted with the pointer over another cluster THEN it joins that cluster, at the pointer', () => {
    const { store, message } = setUp(TWO_CLUSTERS);
    store.getState().select(['gateway']);
    const text = selectionText(store, 'copy')!;
    const asked: Array<readonly string[]> = [];
    const place: PlacePaste = (kinds) => {
      asked.push(kinds);
      return { into: 'gke', position: { x: 24, y: 48 } };
    };
    expect(pasteText(store, text, place)).toBe(true);
    expect(asked).toStrictEqual([['collector']]);
    const topology = store.getState().document.topology!;
    expect(topology.elements.find((element) => element.id === 'gateway-2')).toMatchObject({ cluster: 'gke' });
    expect(topology.layout['gateway-2']).toStrictEqual({ x: 24, y: 48 });
    expect(message()?.text).toBe('Pasted gateway-2.');
  });

  it('GIVEN no frame under the pointer can hold it WHEN pasted THEN it goes beside the original, and the status bar says why', () => {
    const { store, message } = setUp(TWO_CLUSTERS);
    store.getState().select(['gateway']);
    const text = selectionText(store, 'copy')!;
    pasteText(store, text, () => ({ refused: 'a collector goes in a cluster, and there is none under the pointer' }));
    const topology = store.getState().document.topology!;
    expect(topology.elements.find((element) => element.id === 'gateway-2')).toMatchObject({ cluster: 'eks' });
    expect(topology.layout['gateway-2']).toStrictEqual({ x: 72, y: 92 });
    expect(message()?.text).toBe('Pasted gateway-2 into the frame it came from: a collector goes in a cluster, and there is none under the pointer.');
  });
});

describe('cut and paste keeps connections to what stays', () => {
  it('GIVEN an agent with a flow to the gateway WHEN cut and pasted into another cluster THEN the flow is back in the YAML', async () => {
    const { store, clipboard, command } = setUp(TWO_CLUSTERS);
    store.getState().select(['agent']);
    await command('edit.cut').run();
    expect(clipboard.held).toMatch(/\noutsideConnections:\n {2}- kind: flow\n {4}id: agent-to-gateway\n/);
    expect(store.getState().document.text).not.toContain('agent-to-gateway');

    expect(pasteText(store, clipboard.held, () => ({ into: 'gke', position: { x: 20, y: 40 } }))).toBe(true);
    const topology = store.getState().document.topology!;
    expect(topology.elements.find((element) => element.id === 'agent')).toMatchObject({ cluster: 'gke' });
    expect(topology.elements.find((element) => element.id === 'agent-to-gateway')).toMatchObject({ from: 'agent', to: 'gateway' });
    expect(store.getState().selection).toStrictEqual(['agent']);
    expect(store.getState().message?.text).toBe('Pasted agent.');
  });

  it('GIVEN a gateway copied (not cut) WHEN pasted THEN its copy has no flow in: the agent would send its telemetry twice', async () => {
    const { store, clipboard, command } = setUp(TWO_CLUSTERS);
    store.getState().select(['gateway']);
    await command('edit.copy').run();
    expect(clipboard.held).not.toContain('outsideConnections');
    await command('edit.paste').run();
    expect(store.getState().document.topology!.elements.filter((element) => element.kind === 'flow').map((element) => element.id)).toStrictEqual(['agent-to-gateway']);
  });
});
