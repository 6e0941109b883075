/** The renderer's store instance and its React hook. */
import { useStore } from 'zustand';
import { createAppStore, type AppStore } from '../state/store.js';

const prefersDark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;

/** The engine run waiting for the canvas of a newly opened document. */
let afterDrawn: (() => void) | undefined;

/**
 * A newly opened document's engine run (problems, generated files) waits until the canvas has
 * drawn it — every node measured — and the page is idle: a large topology shows first. Should
 * the canvas never say so, it runs after a few seconds anyway.
 */
function afterCanvasDrawn(run: () => void): void {
  afterDrawn = run;
  setTimeout(() => {
    if (afterDrawn !== run) return;
    afterDrawn = undefined;
    run();
  }, 5000);
}

/** Called by the canvas once every node of what it shows is measured. */
export function canvasDrawn(): void {
  const run = afterDrawn;
  if (!run) return;
  afterDrawn = undefined;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 });
  else setTimeout(run, 0);
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
}

export const canvasControl: CanvasControl = { fitView: () => {}, zoomIn: () => {}, zoomOut: () => {}, zoomReset: () => {} };
