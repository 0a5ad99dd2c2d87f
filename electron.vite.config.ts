import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

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

/**
 * The renderer's entry (main.tsx) is small and loads the app (boot.tsx) with a dynamic import, so
 * that it can send the start-up calls first. Left alone, the browser would only start fetching the
 * app once the entry had run; this links the app's chunks (and their CSS) from index.html, so they
 * are fetched and compiled in parallel with the entry and the calls.
 */
const preloadBoot: Plugin = {
  name: 'preload-boot',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      if (!ctx.bundle || !ctx.chunk) return [];
      const chunks = new Map(
        Object.values(ctx.bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])),
      );
      const boot = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('/src/boot.tsx'));
      if (!boot) throw new Error('preload-boot: no chunk for src/boot.tsx');
      const already = new Set([ctx.chunk.fileName, ...ctx.chunk.imports]);
      const files = new Set<string>();
      const css = new Set<string>();
      const walk = (name: string) => {
        const c = chunks.get(name);
        if (!c || files.has(name)) return;
        files.add(name);
        c.viteMetadata?.importedCss.forEach((f) => css.add(f));
        c.imports.forEach(walk);
      };
      walk(boot.fileName);
      const link = (rel: string, href: string): HtmlTagDescriptor => ({
        tag: 'link',
        attrs: { rel, crossorigin: true, href: `./${href}` },
        injectTo: 'head',
      });
      return [
        ...[...files].filter((f) => !already.has(f)).map((f) => link('modulepreload', f)),
        ...[...css].filter((f) => !ctx.chunk!.viteMetadata?.importedCss.has(f)).map((f) => link('stylesheet', f)),
      ];
    },
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
    plugins: [react(), favicon, preloadBoot],
    base: './',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified by default; the first screen loads faster minified.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
