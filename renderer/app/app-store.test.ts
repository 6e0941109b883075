import { afterEach, describe, expect, it, vi } from 'vitest';
import { appStore, canvasDrawn, whenCanvasIdle } from './app-store.js';

const TOPOLOGY = 'schemaVersion: 1\nname: t\nelements: []\n';

describe('whenCanvasIdle', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for the canvas to draw a newly opened document, then for the page to be idle', () => {
    vi.useFakeTimers();
    appStore.getState().openDocument(TOPOLOGY, null);
    const run = vi.fn();
    whenCanvasIdle(run);
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();

    canvasDrawn();
    vi.runOnlyPendingTimers();
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs at once when the canvas has drawn the document already, and not when cancelled', () => {
    vi.useFakeTimers();
    appStore.getState().openDocument(TOPOLOGY, null);
    canvasDrawn();
    const run = vi.fn();
    whenCanvasIdle(run);
    vi.runOnlyPendingTimers();
    expect(run).toHaveBeenCalledOnce();

    const cancelled = vi.fn();
    whenCanvasIdle(cancelled)();
    vi.runAllTimers();
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('runs after a few seconds should the canvas never say it has drawn', () => {
    vi.useFakeTimers();
    appStore.getState().openDocument(TOPOLOGY, null);
    const run = vi.fn();
    whenCanvasIdle(run);
    vi.advanceTimersByTime(3000);
    vi.runOnlyPendingTimers();
    expect(run).toHaveBeenCalledOnce();
  });
});
