/**
 * The web build of the renderer: the same React app as the desktop one, talking to the browser
 * through `renderer/platform/web-platform.ts` instead of the preload.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromHere('./renderer'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-worker-manager imports a file that monaco-editor's `exports` map no longer exposes (monaco-yaml #272).
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${fromHere('./node_modules/monaco-editor/esm/vs/')}$1` },
      // monaco-editor >= 0.56 takes `{ worker }` in createWebWorker (monaco-editor #5310).
      { find: /^monaco-worker-manager$/, replacement: fromHere('./renderer/editor/monaco-worker-manager.ts') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: fromHere('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
  },
  preview: { host: '127.0.0.1' },
});
