/**
 * The desktop build (`npm run build:app`): main, the sandboxed preload and the renderer into
 * dist/app/{main,preload,renderer}. The renderer is the same React app as the web build; its
 * aliases come from vite.web.config.ts so both builds resolve modules alike.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/main/security.js';
import webConfig from './vite.web.config.js';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The app's CSP, from electron/main/security.ts, as the page's meta tag (file: pages get no response headers). */
function contentSecurityPolicy(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  return {
    name: 'otel-topology:csp',
    transformIndexHtml(html) {
      const existing = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;
      return existing.test(html) ? html.replace(existing, meta) : html.replace(/<head>/i, `<head>\n    ${meta}`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: fromHere('./dist/app/main'),
      rollupOptions: { input: { index: fromHere('./electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: fromHere('./dist/app/preload'),
      // A sandboxed preload can require only 'electron': zod and the contract are bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: fromHere('./electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromHere('./renderer'),
    // Relative asset URLs: the page is loaded from file://.
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    resolve: webConfig.resolve,
    worker: webConfig.worker,
    build: {
      outDir: fromHere('./dist/app/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 6000,
      rollupOptions: { input: { index: fromHere('./renderer/index.html') } },
    },
  },
});
