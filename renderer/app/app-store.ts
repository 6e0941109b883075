/** The renderer's store instance and its React hook. */
import { useStore } from 'zustand';
import { createAppStore, type AppStore } from '../state/store.js';

const prefersDark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;

export const appStore = createAppStore({ theme: prefersDark ? 'dark' : 'light' });

export function useApp<T>(selector: (state: AppStore) => T): T {
  return useStore(appStore, selector);
}

/** What the canvas lets the rest of the app do to it (set once the canvas mounts). */
export const canvasControl = { fitView: () => {} };
