import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store.js';
import { RECOVERY_DELAY_MS, followWindowState } from './window-state.js';

const TOPOLOGY = 'schemaVersion: 1\nname: first\nelements: []\n';
const OTHER = 'schemaVersion: 1\nname: other\nelements: []\n';

function watched() {
  const calls: string[] = [];
  const ok = { ok: true as const, data: null };
  const store = createAppStore();
  followWindowState(store, {
    'window:state': async ({ title, dirty }) => (calls.push(`title ${title}${dirty ? ' *' : ''}`), ok),
    'recovery:write': async ({ text }) => (calls.push(`write ${text.split('\n')[1]}`), ok),
    'recovery:clear': async () => (calls.push('clear'), ok),
  });
  return { store, calls };
}

describe('followWindowState', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the title with an unsaved marker and keeps unsaved work a few seconds after a change', () => {
    vi.useFakeTimers();
    const { store, calls } = watched();
    store.getState().openDocument(TOPOLOGY, '/work/first.otel-topology.yaml', { dirty: true });
    expect(calls.at(-1)).toBe('title /work/first.otel-topology.yaml *');
    vi.advanceTimersByTime(RECOVERY_DELAY_MS - 1);
    expect(calls.filter((call) => call.startsWith('write'))).toStrictEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls.at(-1)).toBe('write name: first');
  });

  it('drops the recovery copy when unsaved work is discarded for another topology', () => {
    vi.useFakeTimers();
    const { store, calls } = watched();
    store.getState().openDocument(TOPOLOGY, null, { dirty: true });
    vi.advanceTimersByTime(RECOVERY_DELAY_MS);
    store.getState().openDocument(OTHER, '/work/other.otel-topology.yaml');
    vi.runAllTimers();
    expect(calls.filter((call) => !call.startsWith('title'))).toStrictEqual(['write name: first', 'clear']);
    expect(calls.at(-1)).toBe('title /work/other.otel-topology.yaml');
  });

  it('leaves alone a recovery this session did not write (an earlier session’s, still to be offered)', () => {
    vi.useFakeTimers();
    const { store, calls } = watched();
    store.getState().openDocument(OTHER, '/work/other.otel-topology.yaml');
    vi.runAllTimers();
    expect(calls.filter((call) => !call.startsWith('title'))).toStrictEqual([]);
  });
});
