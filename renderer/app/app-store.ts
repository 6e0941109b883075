/** The renderer's store instance and its React hook. */
import { useStore } from 'zustand';
import { createAppStore, type AppStore } from '../state/store.js';

const prefersDark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;

export const appStore = createAppStore({ theme: prefersDark ? 'dark' : 'light' });

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
