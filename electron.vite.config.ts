import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The app icon as the renderer's favicon (a page without one gets a 404 for /favicon.ico). */
const favicon: Plugin = {
  name: 'favicon',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'favicon.ico',
      source: readFileSync(resolve(__dirname, 'resources/icons/icon.ico')),
    });
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron shell; the core it runs in a utility process (and the browser host runs in
          // a worker thread); and the browser host itself, so neither host needs tsx at run time.
          index: resolve(__dirname, 'src/main/index.ts'),
          core: resolve(__dirname, 'src/core/runtime/entry.ts'),
          host: resolve(__dirname, 'src/browser-host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // Sandboxed preloads cannot require sibling chunks: emit exactly one CommonJS file.
        output: { format: 'cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // No chunk of the app is preloaded from index.html: home arrives drawn in the page
    // (src/shared/first-screen), and 300 kB of app fetched beside the stylesheet delayed it by half
    // the static page's time (docs/performance.md). The entry imports the app as soon as it runs.
    plugins: [react(), favicon],
    base: './',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified by default; the first screen loads faster minified.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
