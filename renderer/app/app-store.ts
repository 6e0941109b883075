/** The renderer's store instance and its React hook. */
import { useStore } from 'zustand';
import type { PastePlacement } from '../canvas/placement.js';
import type { NodeKind } from '../canvas/projection.js';
import { createAppStore, type AppStore } from '../state/store.js';

// The first theme; App then follows the OS's setting as it changes (system-theme.ts).
const prefersDark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;

/** The engine run waiting for the canvas of a newly opened document. */
let afterDrawn: (() => void) | undefined;
/** Whether the canvas has drawn the document open now; who waits for it to. */
let drawn = false;
const drawnWaiters = new Set<() => void>();

/**
 * A newly opened document's engine run (problems, generated files) waits until the canvas has
 * drawn it — every node measured — and the page is idle: a large topology shows first. Should
 * the canvas never say so, it runs after a few seconds anyway.
 */
function afterCanvasDrawn(run: () => void): void {
  drawn = false;
  afterDrawn = run;
  setTimeout(() => {
    if (afterDrawn !== run) return;
    afterDrawn = undefined;
    run();
  }, 5000);
}

function whenIdle(run: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const handle = setTimeout(run, 0);
    return () => clearTimeout(handle);
  }
  const handle = requestIdleCallback(run, { timeout });
  return () => cancelIdleCallback(handle);
}

/** Called by the canvas once every node of what it shows is measured. */
export function canvasDrawn(): void {
  drawn = true;
  for (const waiter of [...drawnWaiters]) waiter();
  const run = afterDrawn;
  if (!run) return;
  afterDrawn = undefined;
  whenIdle(run, 500);
}

/**
 * Runs `run` once the canvas has drawn the open document and the page is then idle (at the
 * latest `timeout` ms later): for work that can wait for a large topology to show, such as
 * creating the YAML editor. Should the canvas never say so, it runs after a few seconds anyway.
 * Returns a function that cancels it.
 */
export function whenCanvasIdle(run: () => void, timeout = 1000): () => void {
  const fallback = setTimeout(start, 3000);
  let cancel = () => {
    clearTimeout(fallback);
    drawnWaiters.delete(start);
  };
  function start() {
    clearTimeout(fallback);
    drawnWaiters.delete(start);
    cancel = whenIdle(run, timeout);
  }
  if (drawn) start();
  else drawnWaiters.add(start);
  return () => cancel();
}

export const appStore = createAppStore({ theme: prefersDark ? 'dark' : 'light', afterOpen: afterCanvasDrawn });

export function useApp<T>(selector: (state: AppStore) => T): T {
  return useStore(appStore, selector);
}

/** What the canvas lets the rest of the app do to it: no-ops until the canvas mounts and registers itself. */
export interface CanvasControl {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Back to 100 %, around the centre of the view. */
  zoomReset(): void;
  /**
   * Where a paste whose outermost nodes are of `kinds` goes at the pointer (placement.ts);
   * `undefined` when the pointer is not over the canvas.
   */
  pastePlacement(kinds: readonly NodeKind[]): PastePlacement | undefined;
}

export const canvasControl: CanvasControl = { fitView: () => {}, zoomIn: () => {}, zoomOut: () => {}, zoomReset: () => {}, pastePlacement: () => undefined };
